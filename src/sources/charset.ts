// Owns the decoding of uploaded text files (.vtt, .eml, .txt): the declared charset, else UTF-8, else Windows-1252.
import { C1_REMAP } from "./html-entities";

/**
 * Windows-1252 by its table: Node 20's TextDecoder reads "windows-1252" as ISO-8859-1 (its Latin-1 fast path), which
 * turns "€", "’" and "–" into invisible C1 controls.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) => C1_REMAP[b] ?? b);
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** The WHATWG label of `declared` when TextDecoder knows it, else undefined. */
function knownEncoding(declared: string | undefined): string | undefined {
  const label = declared?.trim().replace(/^["']|["']$/gu, "");
  if (!label) return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    // An unknown or unsupported label is as good as none: the bytes are sniffed instead.
    return undefined;
  }
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

/** Is `bytes` well-formed UTF-8? */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes an uploaded text file. A byte order mark wins (as in the Encoding standard), then the declared charset (the
 * upload's Content-Type, a MIME part's charset), then UTF-8 when the bytes are UTF-8, else Windows-1252 — what Word,
 * Notepad and old Outlook write in France. A file declared UTF-8 whose bytes are not is read as Windows-1252 too: it is
 * the usual mislabelling, and reading it as UTF-8 would turn every accented letter into U+FFFD. ISO-8859-1 is read as
 * Windows-1252, as browsers do. The BOM is removed.
 */
export function decodeUploadedText(bytes: Uint8Array, declared?: string): string {
  const encoding = bomEncoding(bytes) ?? knownEncoding(declared);
  if (encoding === "windows-1252") return decodeWindows1252(bytes);
  if (encoding && encoding !== "utf-8") return new TextDecoder(encoding).decode(bytes);
  return isUtf8(bytes) ? new TextDecoder("utf-8").decode(bytes) : decodeWindows1252(bytes);
}
