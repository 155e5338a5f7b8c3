// Owns reading the text of a source document (PDF or DOCX) in this thread: format detected by content, limits, "no
// text".
import { AppError } from "../../src/errors";
import { msg, grouped } from "../../src/i18n/message";
import { MAX_SOURCE_CHARS } from "../../src/schemas/limits";
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_PAGES, MIN_TEXT_CHARS_PER_PAGE } from "../../src/sources/limits";
import { readDocx } from "./docx";
import { DOCUMENT_LIMITS } from "./limits";
import { readPdf } from "./pdf";

/** The formats a source document may have. */
export type DocumentFormat = "pdf" | "docx";

/** The text of a document and what the adviser should know about it. */
export interface DocumentText {
  /** Pages separated by a blank line; runs of spaces and blank lines collapsed. */
  readonly text: string;
  /** PDF: the real count. DOCX: the count Word recorded, else an estimate at 3 000 characters a page. */
  readonly pages: number;
  readonly format: DocumentFormat;
  /** Pages (from 1) with (almost) no text: scanned pages inside a typed document, to check by eye. PDF only. */
  readonly pagesWithoutText: number[];
}

/** Limits, overridable in tests; the defaults are the product's. */
export interface ReadLimits {
  readonly maxBytes?: number;
  readonly maxPages?: number;
}

const CHARS_PER_ESTIMATED_PAGE = 3_000;
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** DOCX, XLSX, ODT… are all ZIP archives: a local file header first. */
function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
}

/** PDF readers accept the "%PDF-" marker anywhere in the first kilobyte (after a mail gateway's junk, say). */
function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return head.includes("%PDF-");
}

function isImage(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || // PNG
    startsWith(bytes, [0xff, 0xd8, 0xff]) || // JPEG
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || // TIFF, little-endian
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) || // TIFF, big-endian
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) || // GIF
    (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) &&
      new TextDecoder("latin1").decode(bytes.subarray(8, 12)) === "WEBP") ||
    new TextDecoder("latin1").decode(bytes.subarray(4, 12)).startsWith("ftyphei") // HEIC photos from phones
  );
}

/** What the name or the declared type claims, to word the refusal of a file whose content says otherwise. */
function claimedFormat(filename: string, mimeType: string | undefined): DocumentFormat | undefined {
  const name = filename.toLowerCase();
  if (name.endsWith(".pdf") || mimeType === "application/pdf") return "pdf";
  if (name.endsWith(".docx") || mimeType === "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    return "docx";
  return undefined;
}

/**
 * Decides the format from the bytes, never from the name alone.
 * @throws AppError unsupported_media_type (with what to do instead) or document_unreadable (a "PDF" that is not one).
 */
function detectFormat(bytes: Uint8Array, filename: string, mimeType: string | undefined): DocumentFormat {
  if (isPdf(bytes)) return "pdf";
  if (isZip(bytes)) return "docx";
  if (startsWith(bytes, OLE_SIGNATURE))
    throw new AppError("unsupported_media_type", { detail: msg("sources.document.legacy_doc") });
  if (isImage(bytes)) throw new AppError("unsupported_media_type", { detail: msg("sources.document.image") });
  const claimed = claimedFormat(filename, mimeType);
  if (claimed)
    throw new AppError("document_unreadable", {
      detail: msg("sources.document.corrupt", { format: claimed === "pdf" ? "PDF" : "Word" }),
    });
  throw new AppError("unsupported_media_type", { detail: msg("sources.document.unsupported") });
}

// Word writes bullets and form boxes in the Symbol and Wingdings fonts, and maps them (in PDFs and in DOCX text) to
// U+F000 + the font's code. The ones French forms and letters use are given back as the symbols they show.
const SYMBOL_FONT_CHARS: Readonly<Record<string, string>> = {
  "\uf0b7": "•", // Symbol: Word's default bullet
  "\uf0a7": "▪", // Wingdings §: square bullet
  "\uf0d8": "➢", // Wingdings Ø: arrowhead bullet
  "\uf076": "❖", // Wingdings v: diamond bullet
  "\uf0fc": "✓", // Wingdings ü: check mark
  "\uf0fb": "✗", // Wingdings û: ballot x
  "\uf0fe": "☑", // Wingdings þ: checked box
  "\uf0fd": "☒", // Wingdings ý: crossed box
  "\uf0a8": "☐", // Wingdings ¨: empty box
  "\uf06f": "☐", // Wingdings o: empty box
  "\uf0ae": "→", // Symbol: arrow
  "\uf0b3": "≥", // Symbol
  "\uf0a3": "≤", // Symbol
};

/** Spaces collapsed, line ends trimmed, at most one blank line in a row, control characters removed. */
function tidy(text: string): string {
  return (
    text
      .replace(/[\uf000-\uf0ff]/gu, (c) => SYMBOL_FONT_CHARS[c] ?? c)
      .replace(/\r\n?/gu, "\n")
      // Control characters and soft hyphens from broken font encodings are noise to the reader and the model.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad]/gu, "")
      .replace(/[ \t\u00a0]+/gu, " ")
      .replace(/ *\n */gu, "\n")
      .replace(/\n{3,}/gu, "\n\n")
      .trim()
  );
}

function meaningfulChars(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

// A scanner or a printer stamps page numbers over scans ("1/2", "Page 3 sur 5", "- 4 -"): not text to read.
const PAGE_NUMBER_LINE = /^[-–—\s]*(?:(?:page|p\.?)\s*)?\d{1,4}(?:\s*(?:\/|sur|of|de)\s*\d{1,4})?[-–—\s]*$/iu;

// A dynamic XFA form carries, as its only page content, Adobe's message for readers that cannot render XFA
// (pdf.js cannot either). Reading that message as "the document" would hand the adviser a wrong source.
const XFA_PLACEHOLDER =
  /If this message is not eventually replaced by the proper contents of the document|Si ce message n.est pas (?:finalement )?remplacé par le contenu (?:approprié|correct) du document/iu;

/** Letters and digits of the whole document once page-number lines are set aside. */
function documentTextChars(pages: readonly string[]): number {
  return pages.reduce(
    (n, page) =>
      n +
      meaningfulChars(
        page
          .split("\n")
          .filter((line) => !PAGE_NUMBER_LINE.test(line))
          .join("\n"),
      ),
    0,
  );
}

/**
 * Extracts the text of a PDF or DOCX source document. A PDF is "without text" only when the WHOLE document yields
 * none (page numbers aside), never by a per-page guess: one short line on one page is text.
 * @param filename  the uploaded name, only to word errors ("x.pdf" that is not a PDF).
 * @param mimeType  the declared type, same use.
 * @throws AppError payload_too_large (over 10 MB or 50 pages, inflating past the limits, too much text),
 *   unsupported_media_type (other formats: old .doc, images, spreadsheets, OpenDocument…), invalid_request (empty
 *   file), document_unreadable (password-protected or damaged), document_needs_ocr (422: a PDF without any text, a
 *   scan: the OCR route takes it), document_without_text (422: a Word document with only images).
 */
export async function readDocumentText(
  bytes: Uint8Array,
  filename: string,
  mimeType?: string,
  limits: ReadLimits = {},
): Promise<DocumentText> {
  const maxBytes = limits.maxBytes ?? MAX_DOCUMENT_BYTES;
  const maxPages = limits.maxPages ?? MAX_DOCUMENT_PAGES;
  if (bytes.length === 0) throw new AppError("invalid_request", { detail: msg("sources.document.empty_file") });
  if (bytes.length > maxBytes)
    throw new AppError("payload_too_large", {
      detail: msg("sources.document.too_large", { limit: Math.round(maxBytes / 1024 / 1024) }),
    });

  const format = detectFormat(bytes, filename, mimeType);
  if (format === "pdf") {
    const { pages } = await readPdf(bytes, maxPages);
    const texts = pages.map(tidy);
    if (texts.some((page) => XFA_PLACEHOLDER.test(page.replace(/\s+/gu, " ")))) {
      throw new AppError("document_unreadable", { detail: msg("documents.xfa") });
    }
    if (pages.length === 0 || documentTextChars(texts) === 0) {
      throw new AppError("document_needs_ocr", { detail: msg("documents.scanned", { pages: pages.length }) });
    }
    const pagesWithoutText = texts.flatMap((text, i) =>
      meaningfulChars(text) < MIN_TEXT_CHARS_PER_PAGE ? [i + 1] : [],
    );
    const text = texts.filter((p) => p !== "").join("\n\n");
    return { text, pages: pages.length, format, pagesWithoutText };
  }

  const docx = await readDocx(bytes);
  if (docx.text.length > DOCUMENT_LIMITS.maxTextChars) {
    throw new AppError("payload_too_large", {
      detail: msg("documents.limit.text", { max: grouped(MAX_SOURCE_CHARS) }),
    });
  }
  const text = tidy(docx.text);
  const pages = docx.recordedPages ?? Math.max(1, Math.ceil(text.length / CHARS_PER_ESTIMATED_PAGE));
  if (pages > maxPages)
    throw new AppError("payload_too_large", {
      detail: msg("sources.document.too_many_pages", { pages, max: maxPages }),
    });
  if (meaningfulChars(text) === 0)
    throw new AppError("document_without_text", { detail: msg("sources.document.docx_empty") });
  return { text, pages, format, pagesWithoutText: [] };
}
