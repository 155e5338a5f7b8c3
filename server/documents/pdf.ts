// Owns text extraction from PDF files with pdf.js (legacy build, for Node), page by page, within the page limit.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";
import { AppError } from "../../src/errors";
import { t } from "../../src/i18n";

/** The text of each page, in order. */
export interface PdfText {
  readonly pages: string[];
}

// Character maps and standard font data ship with pdfjs-dist; without them text in CID-keyed fonts comes out empty.
// In Node pdf.js reads them with fs, so these are paths, not URLs.
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
const CMAP_URL = `${join(PDFJS_DIR, "cmaps")}/`;
const STANDARD_FONTS_URL = `${join(PDFJS_DIR, "standard_fonts")}/`;

interface TextItemLike {
  readonly str: string;
  readonly hasEOL: boolean;
}

function isTextItem(item: unknown): item is TextItemLike {
  return typeof item === "object" && item !== null && "str" in item && typeof (item as { str: unknown }).str === "string";
}

/** pdf.js errors are plain objects with a name; say what a person can do about each. */
function unreadable(error: unknown): AppError {
  const name = typeof error === "object" && error !== null && "name" in error ? String((error as { name: unknown }).name) : "";
  if (name === "PasswordException") return new AppError("document_unreadable", { detail: t("sources.document.encrypted"), cause: error });
  return new AppError("document_unreadable", { detail: t("sources.document.corrupt", { format: "PDF" }), cause: error });
}

/**
 * Extracts the text of every page of a PDF. pdf.js runs its "fake worker" in this process: no eval, no fonts loaded
 * into anything, no network.
 * @throws AppError payload_too_large when the file has more than `maxPages` pages (checked before reading any page);
 *   document_unreadable when it is encrypted or damaged.
 */
export async function extractPdf(bytes: Uint8Array, maxPages: number): Promise<PdfText> {
  // pdf.js may detach the buffer it is given; the caller's bytes stay intact.
  const task = getDocument({
    data: new Uint8Array(bytes),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONTS_URL,
  });
  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy();
    throw unreadable(error);
  }
  try {
    if (pdf.numPages > maxPages) {
      throw new AppError("payload_too_large", { detail: t("sources.document.too_many_pages", { pages: pdf.numPages, max: maxPages }) });
    }
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => (isTextItem(item) ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
      page.cleanup();
    }
    return { pages };
  } catch (error) {
    throw error instanceof AppError ? error : unreadable(error);
  } finally {
    await pdf.destroy();
  }
}
