// Owns rendering the pages of a scanned PDF to bitmaps for OCR with pdf.js and @napi-rs/canvas, at 300 dpi within the pixel budget.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { getDocument, OPS, VerbosityLevel, type PDFDocumentProxy, type PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { AppError } from "../../../src/errors";
import { t } from "../../../src/i18n";
import { MAX_PAGE_PIXELS, type PageRaster } from "./raster";

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
/** The resolution Tesseract is trained for, and the most a page is rendered at. */
const TARGET_DPI = 300;
/** The least: below, 9-point text loses the strokes Tesseract needs. */
const MIN_DPI = 150;

/** pdf.js errors are plain objects with a name: a password is the adviser's to remove, anything else is damage. */
function unreadable(error: unknown): AppError {
  const name = typeof error === "object" && error !== null && "name" in error ? String((error as { name: unknown }).name) : "";
  if (name === "PasswordException") return new AppError("document_unreadable", { detail: t("ocr.pdf.encrypted"), cause: error });
  return new AppError("document_unreadable", { detail: t("ocr.pdf.corrupt"), cause: error });
}

/**
 * Opens a PDF in this thread (pdf.js's in-process "fake worker"; no eval, no network, fonts drawn as paths).
 * The caller must `destroy()` it.
 * @throws AppError document_unreadable (password-protected or damaged).
 */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    cMapUrl: `${join(PDFJS_DIR, "cmaps")}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(PDFJS_DIR, "standard_fonts")}/`,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy();
    throw unreadable(error);
  }
}

/**
 * The resolution of the scan on this page: its largest image's long side over the page's long side. A page scanned
 * at 200 dpi is rendered at 200, not 300: the extra pixels hold no detail and cost Tesseract more than twice the time.
 * Undefined when the page has no image (text drawn as outlines).
 */
async function scannedDpi(page: PDFPageProxy, unit: { width: number; height: number }): Promise<number | undefined> {
  const ops = await page.getOperatorList();
  let longest = 0;
  ops.fnArray.forEach((fn, i) => {
    if (fn !== OPS.paintImageXObject) return;
    const [, w, h] = ops.argsArray[i] as [string, number, number];
    longest = Math.max(longest, w, h);
  });
  return longest === 0 ? undefined : longest / (Math.max(unit.width, unit.height) / 72);
}

/**
 * Renders page `n` (from 1) on white at its scan's resolution (150-300 dpi; 300 when it has no image), or less when
 * the page is large enough to exceed the pixel budget.
 * @throws AppError document_unreadable when pdf.js cannot draw the page.
 */
export async function renderPdfPage(pdf: PDFDocumentProxy, n: number): Promise<PageRaster> {
  try {
    const page = await pdf.getPage(n);
    const unit = page.getViewport({ scale: 1 });
    const dpi = Math.min(TARGET_DPI, Math.max(MIN_DPI, Math.round((await scannedDpi(page, unit)) ?? TARGET_DPI)));
    const scale = Math.min(dpi / 72, Math.sqrt(MAX_PAGE_PIXELS / (unit.width * unit.height)));
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.max(1, Math.floor(viewport.width)), Math.max(1, Math.floor(viewport.height)));
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    // pdf.js types the canvas as the DOM's; @napi-rs/canvas implements the part it uses.
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport, background: "#ffffff" }).promise;
    page.cleanup();
    return { canvas, dpi: Math.round(scale * 72) };
  } catch (error) {
    throw error instanceof AppError ? error : unreadable(error);
  }
}
