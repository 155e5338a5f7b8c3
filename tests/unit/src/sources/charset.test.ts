// Text files in other charsets: the declared charset wins, else UTF-8 when the bytes are UTF-8, else Windows-1252.
import { describe, expect, it } from "vitest";
import { decodeUploadedText } from "../../../../src/sources/charset";

const cp1252 = (bytes: readonly number[]) => Uint8Array.from(bytes);
// "Coût : 120 € – l’expert" in Windows-1252 (û 0xFB, € 0x80, – 0x96, ’ 0x92).
const COUT_CP1252 = cp1252([
  0x43, 0x6f, 0xfb, 0x74, 0x20, 0x3a, 0x20, 0x31, 0x32, 0x30, 0x20, 0x80, 0x20, 0x96, 0x20, 0x6c, 0x92, 0x65, 0x78,
  0x70, 0x65, 0x72, 0x74,
]);
const COUT = "Coût : 120 € – l’expert";

describe("decodeUploadedText", () => {
  it("reads UTF-8, with or without a BOM", () => {
    expect(decodeUploadedText(new TextEncoder().encode(COUT))).toBe(COUT);
    expect(decodeUploadedText(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(COUT)]))).toBe(COUT);
  });

  it("falls back to Windows-1252 when nothing is declared and the bytes are not UTF-8", () => {
    expect(decodeUploadedText(COUT_CP1252)).toBe(COUT);
    expect(decodeUploadedText(cp1252([0xc9, 0x6c, 0x6f, 0x64, 0x69, 0x65]))).toBe("Élodie");
  });

  it("honours a declared charset, by any of its labels", () => {
    expect(decodeUploadedText(COUT_CP1252, "windows-1252")).toBe(COUT);
    // ISO-8859-1 is read as Windows-1252, as browsers do: the 0x80–0x9F bytes are then € – ’…
    expect(decodeUploadedText(COUT_CP1252, "ISO-8859-1")).toBe(COUT);
    expect(decodeUploadedText(cp1252([0xa4]), "iso-8859-15")).toBe("€");
    expect(decodeUploadedText(cp1252([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]), "koi8-r")).toBe("Привет");
    expect(decodeUploadedText(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00]), "utf-16le")).toBe("Aé");
  });

  it("sniffs a UTF-16 BOM whatever the declaration, and ignores an unknown charset", () => {
    expect(decodeUploadedText(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00]))).toBe("Aé");
    expect(decodeUploadedText(Uint8Array.from([0xfe, 0xff, 0x00, 0x41, 0x00, 0xe9]))).toBe("Aé");
    expect(decodeUploadedText(COUT_CP1252, "x-unknown-charset")).toBe(COUT);
  });

  it("reads a file declared UTF-8 that is not as Windows-1252, the usual mislabelling, rather than losing letters", () => {
    expect(decodeUploadedText(COUT_CP1252, "utf-8")).toBe(COUT);
  });
});
