// Owns text extraction from Word documents (.docx): archive limits read from the ZIP central directory (fflate), then
// mammoth on the checked parts only.
import { unzipSync, zipSync, type Unzipped } from "fflate";
import mammoth from "mammoth";
import { AppError } from "../../src/errors";
import { grouped, msg, type Message } from "../../src/i18n/message";
import { MAX_SOURCE_CHARS } from "../../src/schemas/limits";
import { DOCUMENT_LIMITS, megabytes } from "./limits";

/** The raw text, and the page count Word recorded when it last saved the file (absent from generated files). */
export interface DocxText {
  readonly text: string;
  readonly recordedPages: number | undefined;
}

/** What the central directory says of one entry, before anything is inflated. */
interface DeclaredEntry {
  readonly name: string;
  readonly compressedBytes: number;
  readonly inflatedBytes: number;
}

const corrupt = (cause?: unknown) =>
  new AppError("document_unreadable", { detail: msg("sources.document.corrupt", { format: "Word" }), cause });
const inflatedTooMuch = (detail: Message) => new AppError("payload_too_large", { detail });

/** XML parts are what mammoth reads; images, fonts and embedded files are never inflated. */
function isXmlPart(name: string): boolean {
  return /\.(?:xml|rels)$/iu.test(name);
}

/**
 * Reads the central directory only: fflate calls the filter with each entry's declared sizes and, since the filter
 * says no, inflates nothing.
 * @throws AppError document_unreadable when there is no readable central directory.
 */
function listEntries(bytes: Uint8Array): DeclaredEntry[] {
  const entries: DeclaredEntry[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, compressedBytes: file.size, inflatedBytes: file.originalSize });
        return false;
      },
    });
  } catch (error) {
    throw corrupt(error);
  }
  return entries;
}

/**
 * Tells which office format a ZIP holds, so an adviser who sends a spreadsheet or an OpenDocument file is told to
 * save it as DOCX or PDF rather than "unreadable".
 * @throws AppError unsupported_media_type for other ZIP-based formats.
 */
function assertDocx(entries: readonly DeclaredEntry[]): void {
  const names = new Set(entries.map((e) => e.name));
  if (names.has("word/document.xml")) return;
  if (names.has("mimetype") && names.has("content.xml"))
    throw new AppError("unsupported_media_type", { detail: msg("sources.document.opendocument") });
  throw new AppError("unsupported_media_type", { detail: msg("sources.document.unsupported") });
}

/**
 * Refuses an archive whose declared sizes are those of a bomb: too many entries, one XML part or all of them too
 * large once inflated, or a ratio no real XML reaches.
 * @throws AppError payload_too_large.
 */
function assertDeclaredSizes(entries: readonly DeclaredEntry[]): void {
  const limits = DOCUMENT_LIMITS;
  if (entries.length > limits.maxZipEntries) {
    throw inflatedTooMuch(msg("documents.limit.docx_entries", { count: entries.length, max: limits.maxZipEntries }));
  }
  let total = 0;
  for (const entry of entries.filter((e) => isXmlPart(e.name))) {
    if (entry.inflatedBytes > limits.maxXmlPartBytes) {
      throw inflatedTooMuch(
        msg("documents.limit.docx_part", { part: entry.name, limit: megabytes(limits.maxXmlPartBytes) }),
      );
    }
    const ratio = entry.inflatedBytes / Math.max(1, entry.compressedBytes);
    if (entry.inflatedBytes > limits.ratioCheckFromBytes && ratio > limits.maxCompressionRatio) {
      throw inflatedTooMuch(msg("documents.limit.docx_ratio", { part: entry.name, ratio: Math.round(ratio) }));
    }
    total += entry.inflatedBytes;
    if (total > limits.maxXmlTotalBytes)
      throw inflatedTooMuch(msg("documents.limit.docx_total", { limit: megabytes(limits.maxXmlTotalBytes) }));
  }
}

/**
 * Inflates the XML parts, each into a buffer of its declared size and never more (fflate writes into the buffer it
 * is given), so a forged declared size cannot make it allocate. A part whose real stream is longer comes out cut:
 * XML that does not end with a tag, refused as a bomb. A part with a DTD (entity expansion) is refused as damaged.
 * @throws AppError document_unreadable, payload_too_large.
 */
function inflateXmlParts(bytes: Uint8Array, entries: readonly DeclaredEntry[]): Unzipped {
  let parts: Unzipped;
  try {
    parts = unzipSync(bytes, { filter: (file) => isXmlPart(file.name) });
  } catch (error) {
    throw corrupt(error);
  }
  for (const entry of entries) {
    const data = parts[entry.name];
    if (!data || data.length === 0) continue;
    // Office Open XML forbids DTDs (ECMA-376 Part 2, §8.1.4); one here is an entity-expansion bomb, never Word's.
    const raw = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (raw.includes("<!DOCTYPE") || raw.includes("<!ENTITY")) throw corrupt();
    if (data.length < entry.inflatedBytes) continue;
    let end = data.length - 1;
    while (end > 0 && (data[end] === 0x20 || data[end] === 0x0a || data[end] === 0x0d || data[end] === 0x09)) end -= 1;
    if (data[end] !== 0x3e) throw inflatedTooMuch(msg("sources.document.inflated"));
  }
  return parts;
}

/**
 * Bytes of text inside `<w:t>` elements of a WordprocessingML part: a lower bound of what mammoth would return,
 * counted on the bytes so that a document far past the text limit is refused in milliseconds, not after mammoth
 * spent seconds and hundreds of MB on it.
 */
function wordTextBytes(xml: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < xml.length; i += 1) {
    // "<w:t>" or "<w:t " (not <w:tab>, <w:tbl>, <w:tc>…), then everything up to the next "<".
    if (
      xml[i] !== 0x3c ||
      xml[i + 1] !== 0x77 ||
      xml[i + 2] !== 0x3a ||
      xml[i + 3] !== 0x74 ||
      (xml[i + 4] !== 0x3e && xml[i + 4] !== 0x20)
    )
      continue;
    let at = i + 4;
    while (at < xml.length && xml[at] !== 0x3e) at += 1;
    if (xml[at - 1] === 0x2f) continue; // <w:t/>
    const start = at + 1;
    at = start;
    while (at < xml.length && xml[at] !== 0x3c) at += 1;
    count += at - start;
    i = at - 1;
  }
  return count;
}

// What Word writes around the text and raw text never needs: run properties, revision ids, proofing marks,
// language tags. Removing them before mammoth parses the XML cuts its memory several times on real files.
const WORD_NOISE = [
  /<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<\/w:rPr>/gu,
  /<w:proofErr\b[^>]*\/>/gu,
  /\s(?:w:rsid\w*|w14:paraId|w14:textId)="[^"]*"/gu,
  /<w:lang\b[^>]*\/>/gu,
];

/** A large WordprocessingML part without the markup raw text ignores. */
function slimWordXml(xml: Uint8Array): Uint8Array<ArrayBuffer> {
  let text = new TextDecoder("utf-8").decode(xml);
  for (const noise of WORD_NOISE) text = text.replace(noise, "");
  return new TextEncoder().encode(text);
}

/** Parts of the body, notes and comments: where a document's text and its bloat are. */
function isTextPart(name: string): boolean {
  return /^word\/(?:document|footnotes|endnotes|comments|header\d*|footer\d*)\.xml$/u.test(name);
}

const SLIM_FROM_BYTES = 512 * 1024;

/**
 * Extracts the text of a DOCX: paragraphs separated by a blank line, tables cell by cell, no images. mammoth reads
 * an archive rebuilt from the checked XML parts (other entries present but empty), never the uploaded one.
 * @throws AppError unsupported_media_type (not a Word document), payload_too_large (archive limits),
 *   document_unreadable.
 */
export async function readDocx(bytes: Uint8Array): Promise<DocxText> {
  const entries = listEntries(bytes);
  assertDocx(entries);
  assertDeclaredSizes(entries);
  const parts = inflateXmlParts(bytes, entries);
  const appXml = parts["docProps/app.xml"] ? new TextDecoder("utf-8").decode(parts["docProps/app.xml"]) : "";
  const pages = Number.parseInt(/<(?:\w+:)?Pages>(\d+)</u.exec(appXml)?.[1] ?? "", 10);
  const body = parts["word/document.xml"];
  if (body && wordTextBytes(body) > DOCUMENT_LIMITS.maxTextChars) {
    throw new AppError("payload_too_large", {
      detail: msg("documents.limit.text", { max: grouped(MAX_SOURCE_CHARS) }),
    });
  }
  const rebuilt: Unzipped = {};
  for (const entry of entries) {
    const data = parts[entry.name];
    rebuilt[entry.name] = !data
      ? new Uint8Array(0)
      : isTextPart(entry.name) && data.length > SLIM_FROM_BYTES
        ? slimWordXml(data)
        : data;
    // Each part is dropped once copied: the inflated and the slimmed copies are not held together.
    delete parts[entry.name];
  }
  try {
    const archive = zipSync(rebuilt, { level: 0 });
    const result = await mammoth.extractRawText({
      buffer: Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength),
    });
    return { text: result.value, recordedPages: Number.isFinite(pages) && pages > 0 ? pages : undefined };
  } catch (error) {
    throw corrupt(error);
  }
}
