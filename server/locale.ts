// Owns the choice of the language a response is written in: the caller's Accept-Language, French when it says nothing.
import { toLocale, type Locale } from "../src/i18n";

/**
 * The supported locale the caller prefers most: Accept-Language ranges by q-value ("en-GB,en;q=0.9,fr;q=0.8"),
 * the first listed winning a tie; French when no range names French or English (or "*" alone).
 */
export function preferredLocale(acceptLanguage: string | string[] | undefined): Locale {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(",") : (acceptLanguage ?? "");
  let best: { locale: Locale; q: number } | undefined;
  for (const range of header.split(",")) {
    const [tag = "", ...parameters] = range.split(";").map((part) => part.trim().toLowerCase());
    if (!/^(fr|en)(-|$)/.test(tag)) continue;
    const qParameter = parameters.find((p) => p.startsWith("q="));
    const q = qParameter === undefined ? 1 : Number(qParameter.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    if (best === undefined || q > best.q) best = { locale: toLocale(tag), q };
  }
  return best?.locale ?? "fr";
}

/** The locale of a request's responses. */
export function requestLocale(request: { readonly headers: { "accept-language"?: string | string[] } }): Locale {
  return preferredLocale(request.headers["accept-language"]);
}
