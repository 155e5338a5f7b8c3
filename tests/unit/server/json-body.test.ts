// The strict UTF-8 check agrees with the WHATWG decoder on any bytes, and names the member whose value is broken.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldAt, firstInvalidUtf8 } from "../../../server/json-body";

const decoder = new TextDecoder("utf-8", { fatal: true });
const isUtf8 = (bytes: Uint8Array): boolean => {
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe("firstInvalidUtf8", () => {
  it("finds no error exactly when TextDecoder accepts the bytes, and the prefix before it decodes", () => {
    // Biased towards the bytes where UTF-8 is subtle (lead bytes, continuations, surrogates, overlongs).
    const byte = fc.oneof(
      fc.integer({ min: 0, max: 255 }),
      fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xa0, 0x9f, 0x90, 0x8f),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 12 }), (list) => {
        const bytes = Uint8Array.from(list);
        const at = firstInvalidUtf8(bytes);
        expect(at === -1).toBe(isUtf8(bytes));
        if (at >= 0) expect(isUtf8(bytes.subarray(0, at))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("accepts any well-formed string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => firstInvalidUtf8(new TextEncoder().encode(s)) === -1),
    );
  });
});

describe("fieldAt", () => {
  it("names the member whose value holds the offset, nested or not", () => {
    const json = new TextEncoder().encode(
      '{"task":"interview-minutes","context":{"subject":"Sinistre","memberName":"H?l',
    );
    expect(fieldAt(json, json.length - 2)).toBe("memberName");
    expect(fieldAt(new TextEncoder().encode('{"x'), 2)).toBeNull();
  });
});
