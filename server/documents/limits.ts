// Owns the limits a document must stay within while it is read, checked part by part before anything is inflated whole.
import { MAX_SOURCE_CHARS } from "../../src/schemas/limits";

const MIB = 1024 * 1024;

/**
 * Why these figures: a DOCX whose text fits in a source (200 000 characters) holds a `document.xml` of a few MB (Word
 * writes 5 to 20 bytes of markup per character); compressed XML shrinks 5 to 30 times, never hundreds. A real PDF
 * page's content stream is KB, a
 * heavy vector plan a few MB; an embedded CJK font is the largest non-image stream one meets, about 20 MB.
 * Bombs are thousands of times their size and are refused on their declared or measured size, before mammoth or
 * pdf.js sees them. The worker's heap and wall-clock limits (pool.ts) stay the last line, not the first.
 */
export const DOCUMENT_LIMITS = {
  /** Entries of a DOCX archive (a real one has 10 to a few hundred with images). */
  maxZipEntries: 2_000,
  /** One XML part of a DOCX, inflated (mammoth needs about 40 bytes of heap per byte of XML it parses). */
  maxXmlPartBytes: 16 * MIB,
  /** All XML parts of a DOCX, inflated. */
  maxXmlTotalBytes: 32 * MIB,
  /** Compression ratio refused for a part that inflates past `ratioCheckFromBytes`. */
  maxCompressionRatio: 200,
  ratioCheckFromBytes: 1 * MIB,
  /** One non-image PDF stream (content, font, object stream), inflated. */
  maxPdfStreamBytes: 32 * MIB,
  /** All non-image PDF streams, inflated. */
  maxPdfStreamsTotalBytes: 96 * MIB,
  /** Raw text gathered from a document before it is tidied: far past what a source may hold, so reading stops early. */
  maxTextChars: 5 * MAX_SOURCE_CHARS,
} as const;

/** Megabytes, rounded, for messages. */
export function megabytes(bytes: number): number {
  return Math.round(bytes / MIB);
}
