// Owns the placeholder syntax ("[NOM_1]"), the mapping that restores originals, and restoration of whole texts.
import { z } from "zod";
import { PII_TYPES, type PiiType } from "./pii-types";

/**
 * What a pseudonymisation replaced, as stored with the generation: placeholder → original text. Plain JSON.
 * `version` names the placeholder syntax, so a stored mapping stays readable if the syntax ever changes.
 */
export interface PseudonymMapping {
  readonly version: 1;
  readonly entries: Readonly<Record<string, string>>;
}

const MAX_DIGITS = 6;
const TYPE_ALTERNATION = [...PII_TYPES].sort((a, b) => b.length - a.length).join("|");
const PLACEHOLDER_SOURCE = `\\[(?:${TYPE_ALTERNATION})_[1-9]\\d{0,${MAX_DIGITS - 1}}\\]`;

/** Validates a mapping read back from storage before it is trusted for restoration. */
export const PseudonymMappingSchema = z.object({
  version: z.literal(1),
  entries: z.record(z.string().regex(new RegExp(`^${PLACEHOLDER_SOURCE}$`)), z.string()),
});

/** The placeholder for the `n`-th value of a type: `[TEL_1]`. */
export function formatPlaceholder(type: PiiType, n: number): string {
  return `[${type}_${n}]`;
}

/** Every placeholder-shaped token in a text, including ones the text already contained before pseudonymisation. */
export function findPlaceholderTokens(text: string): string[] {
  return text.match(new RegExp(PLACEHOLDER_SOURCE, "g")) ?? [];
}

/**
 * Puts the original values back in place of the placeholders of `mapping`. Tokens the mapping does not know
 * (including placeholder-shaped text the adviser wrote, which pseudonymise never reuses) are left as they are,
 * and a restored value is never scanned again, so restoration cannot corrupt the text.
 */
export function restore(text: string, mapping: PseudonymMapping): string {
  const { entries } = mapping;
  return text.replace(new RegExp(PLACEHOLDER_SOURCE, "g"), (token) =>
    Object.prototype.hasOwnProperty.call(entries, token) ? (entries[token] ?? token) : token,
  );
}

/** Whether `tail` (starting with "[", no "]") could still grow into a placeholder with more characters. */
export function isPlaceholderPrefix(tail: string): boolean {
  if (!tail.startsWith("[") || tail.includes("]")) return false;
  const body = tail.slice(1);
  return PII_TYPES.some((type) => {
    const head = `${type}_`;
    if (body.length <= head.length) return head.startsWith(body);
    const digits = body.slice(head.length);
    return body.startsWith(head) && digits.length <= MAX_DIGITS && /^[1-9]\d*$/.test(digits);
  });
}
