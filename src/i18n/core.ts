// Owns message lookup and interpolation over the registered catalogues; French is built in, the default and the
// fallback.
import { fr, type MessageKey } from "./fr";

export type Locale = "fr" | "en";
export type { MessageKey };

// English is registered by whoever loads it: index.ts eagerly (server, tests), the pane lazily before it renders
// in English, so French-speaking advisers never download it.
const catalogues: Partial<Record<Locale, Readonly<Record<MessageKey, string>>>> = { fr };

/** `t` bound to one locale, as the pane and its helpers receive it. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Makes `locale` available to `t`; until then its messages fall back to French. */
export function registerCatalogue(locale: Locale, messages: Readonly<Record<MessageKey, string>>): void {
  catalogues[locale] = messages;
}

/** Whether `t` can already answer in `locale`. */
export function hasCatalogue(locale: Locale): boolean {
  return catalogues[locale] !== undefined;
}

/** Returns the message for `key` in `locale`, with `{name}` placeholders replaced from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}, locale: Locale = "fr"): string {
  const template = catalogues[locale]?.[key] ?? fr[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Narrows a free string (a browser or host locale such as "en-GB") to a supported locale. */
export function toLocale(value: string | undefined | null): Locale {
  return value?.toLowerCase().startsWith("en") ? "en" : "fr";
}
