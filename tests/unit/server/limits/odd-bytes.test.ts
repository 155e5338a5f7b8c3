// The edge cleaning of characters PostgreSQL refuses: nothing refused survives, everything else is kept as it came.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanJson, cleanText, hasOddCharacters } from "../../../../server/limits/odd-bytes";

/** Strings mixing ordinary text, accents, emoji (surrogate pairs), NUL and lone surrogates. */
const oddString = fc
  .array(fc.oneof(fc.string(), fc.constantFrom("\u0000", "\ud800", "\udfff", "é", "😀", "\ud83d", "\ude00")), {
    maxLength: 12,
  })
  .map((parts) => parts.join(""));

describe("odd bytes", () => {
  it("leaves no NUL and no lone surrogate, and cleaning twice changes nothing more", () => {
    fc.assert(
      fc.property(oddString, (text) => {
        const cleaned = cleanText(text);
        expect(hasOddCharacters(cleaned)).toBe(false);
        expect(cleaned).not.toContain("\u0000");
        // What UTF-8 can carry round-trips: no lone surrogate is left.
        expect(new TextDecoder().decode(new TextEncoder().encode(cleaned))).toBe(cleaned);
        expect(cleanText(cleaned)).toBe(cleaned);
      }),
    );
  });

  it("keeps well-formed text as it came, emoji and accents included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const kept = text.replaceAll("\u0000", "");
        expect(cleanText(kept)).toBe(kept);
      }),
    );
    expect(cleanText("Mme Élodie 😀 — 1 250 €")).toBe("Mme Élodie 😀 — 1 250 €");
    expect(cleanText("a\u0000b\ud800c")).toBe("ab\uFFFDc");
  });

  it("cleans every string of a JSON body, keys included, and returns a clean body as the same object", () => {
    const body = {
      notes: "x\u0000y",
      context: { "sub\u0000ject": "s\udc00" },
      list: ["ok", "n\u0000"],
      n: 3,
      b: true,
      z: null,
    };
    expect(cleanJson(body)).toEqual({
      notes: "xy",
      context: { subject: "s\uFFFD" },
      list: ["ok", "n"],
      n: 3,
      b: true,
      z: null,
    });
    const clean = { task: "member-email", notes: "rien à nettoyer" };
    expect(cleanJson(clean)).toBe(clean);
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(cleanJson(value)) ?? "";
        // JSON.stringify escapes exactly the characters PostgreSQL's jsonb refuses: none may remain.
        expect(text).not.toMatch(/\\u0000|\\ud[89a-f][0-9a-f]{2}/i);
      }),
    );
  });
});
