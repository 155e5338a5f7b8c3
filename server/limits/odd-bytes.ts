// Owns the characters PostgreSQL refuses (U+0000 in text and jsonb, lone UTF-16 surrogates in jsonb): cleaned at the
// edge.

const NUL = /\u0000/g;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whether `text` holds a character the store would refuse. */
export function hasOddCharacters(text: string): boolean {
  NUL.lastIndex = 0;
  LONE_SURROGATE.lastIndex = 0;
  return NUL.test(text) || LONE_SURROGATE.test(text);
}

/** `text` with NUL removed and lone surrogates replaced by U+FFFD (what a UTF-8 encoder would write anyway). */
export function cleanText(text: string): string {
  if (!hasOddCharacters(text)) return text;
  return text.replace(NUL, "").replace(LONE_SURROGATE, "\uFFFD");
}

/**
 * A parsed JSON body with every string (keys included) cleaned. Values are rebuilt only where something changed,
 * so a clean body is returned as it came.
 */
export function cleanJson(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return cleanText(value);
  if (value === null || typeof value !== "object" || depth > 64) return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      const cleaned = cleanJson(item, depth + 1);
      if (cleaned !== item) changed = true;
      return cleaned;
    });
    return changed ? out : value;
  }
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const cleanedKey = cleanText(key);
    const cleaned = cleanJson(item, depth + 1);
    if (cleanedKey !== key || cleaned !== item) changed = true;
    out[cleanedKey] = cleaned;
  }
  return changed ? out : value;
}
