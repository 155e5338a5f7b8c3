// Owns text extraction from Word documents (.docx) with mammoth, after checking the archive really is one.
import mammoth from "mammoth";
import { AppError } from "../../src/errors";
import { t } from "../../src/i18n";
import { listZipEntries, readZipText, type ZipEntry } from "./zip";

/** The raw text, and the page count Word recorded when it last saved the file (absent from generated files). */
export interface DocxText {
  readonly text: string;
  readonly recordedPages: number | undefined;
}

// A DOCX under the upload limit inflates to a few megabytes of XML; far more is a ZIP bomb, refused before mammoth.
const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
const MAX_APP_XML_BYTES = 1024 * 1024;

/**
 * Tells which office format a ZIP holds, so an adviser who sends a spreadsheet or an OpenDocument file is told to
 * save it as DOCX or PDF rather than "unreadable".
 * @throws AppError unsupported_media_type for other ZIP-based formats; document_unreadable when the archive is broken.
 */
function assertDocx(entries: readonly ZipEntry[] | null): asserts entries is ZipEntry[] {
  if (!entries) throw new AppError("document_unreadable", { detail: t("sources.document.corrupt", { format: "Word" }) });
  const names = new Set(entries.map((e) => e.name));
  if (names.has("word/document.xml")) {
    const inflated = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (inflated > MAX_INFLATED_BYTES) throw new AppError("payload_too_large", { detail: t("sources.document.inflated") });
    return;
  }
  if (names.has("mimetype") && names.has("content.xml")) {
    throw new AppError("unsupported_media_type", { detail: t("sources.document.opendocument") });
  }
  throw new AppError("unsupported_media_type", { detail: t("sources.document.unsupported") });
}

/**
 * Extracts the text of a DOCX: paragraphs separated by a blank line, tables cell by cell, no images.
 * @throws AppError unsupported_media_type (not a Word document), payload_too_large (inflates too much),
 *   document_unreadable.
 */
export async function extractDocx(bytes: Uint8Array): Promise<DocxText> {
  const entries = listZipEntries(bytes);
  assertDocx(entries);
  const app = entries.find((e) => e.name === "docProps/app.xml");
  const appXml = app ? readZipText(bytes, app, MAX_APP_XML_BYTES) : null;
  const pages = appXml ? Number.parseInt(/<(?:\w+:)?Pages>(\d+)</u.exec(appXml)?.[1] ?? "", 10) : Number.NaN;
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return { text: result.value, recordedPages: Number.isFinite(pages) && pages > 0 ? pages : undefined };
  } catch (error) {
    throw new AppError("document_unreadable", { detail: t("sources.document.corrupt", { format: "Word" }), cause: error });
  }
}
