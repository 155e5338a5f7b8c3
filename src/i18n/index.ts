// Owns message lookup and interpolation for both locales; French is the default and the fallback.
import { en } from "./en";
import { fr, type MessageKey } from "./fr";

export type Locale = "fr" | "en";
export type { MessageKey };

const catalogues: Record<Locale, Record<MessageKey, string>> = { fr, en };

/** Returns the message for `key` in `locale`, with `{name}` placeholders replaced from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}, locale: Locale = "fr"): string {
  const template = catalogues[locale][key] ?? fr[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Narrows a free string (a browser or host locale such as "en-GB") to a supported locale. */
export function toLocale(value: string | undefined | null): Locale {
  return value?.toLowerCase().startsWith("en") ? "en" : "fr";
}
