// Owns deferred messages: a key and its parameters, kept as data (they cross worker threads and HTTP handlers) and
// rendered only once the reader's language is known.
import { t, type Locale, type MessageKey } from "./core";

/** A number shown with the reader's digit grouping ("12 000" in French, "12,000" in English). */
export interface GroupedNumber {
  readonly grouped: number;
}

export type MessageParam = string | number | GroupedNumber | Message;

/** A text to show later, in whichever language the reader asks for. */
export interface Message {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, MessageParam>>;
}

/** The message for `key`; a parameter may itself be a message, rendered in the same language. */
export function msg(key: MessageKey, params?: Readonly<Record<string, MessageParam>>): Message {
  return params === undefined ? { key } : { key, params };
}

/** A number to group by the reader's convention. */
export function grouped(value: number): GroupedNumber {
  return { grouped: value };
}

/** `items` joined two by two through `key` (whose template reads "{head}…{tail}"), e.g. a list of problems. */
export function joined(items: readonly MessageParam[], key: MessageKey): MessageParam {
  const fold = (tail: MessageParam | undefined, head: MessageParam) =>
    tail === undefined ? head : msg(key, { head, tail });
  return items.reduceRight<MessageParam | undefined>(fold, undefined) ?? "";
}

/** Whether a value received from elsewhere (a worker thread) is a message. */
export function isMessage(value: unknown): value is Message {
  return typeof value === "object" && value !== null && typeof (value as { key?: unknown }).key === "string";
}

/** The message's text in `locale` (French by default). */
export function render(message: Message, locale: Locale = "fr"): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) params[name] = renderParam(value, locale);
  return t(message.key, params, locale);
}

function renderParam(value: MessageParam, locale: Locale): string | number {
  if (typeof value !== "object") return value;
  if ("grouped" in value) return value.grouped.toLocaleString(locale === "en" ? "en-GB" : "fr-FR");
  return render(value, locale);
}
