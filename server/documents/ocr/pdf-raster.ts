// Owns rendering the pages of a scanned PDF to bitmaps for OCR with pdf.js and @napi-rs/canvas, at 300 dpi within the
// pixel budget.
import { createCanvas } from "@napi-rs/canvas";
import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { AppError } from "../../../src/errors";
import { msg } from "../../../src/i18n/message";
import { PDFJS_OPTIONS } from "../pdf";
import { MAX_PAGE_PIXELS, type PageRaster } from "./raster";

/** The resolution Tesseract reads best at. */
const TARGET_DPI = 300;

/** pdf.js errors are plain objects with a name: a password is the adviser's to remove, anything else is damage. */
function unreadable(error: unknown): AppError {
  const name =
    typeof error === "object" && error !== null && "name" in error ? String((error as { name: unknown }).name) : "";
  if (name === "PasswordException")
    return new AppError("document_unreadable", { detail: msg("ocr.pdf.encrypted"), cause: error });
  return new AppError("document_unreadable", { detail: msg("ocr.pdf.corrupt"), cause: error });
}

/**
 * Opens a PDF in this thread (pdf.js's in-process "fake worker"; no eval, no network, fonts drawn as paths).
 * The caller must `destroy()` it.
 * @throws AppError document_unreadable (password-protected or damaged).
 */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const task = getDocument({ ...PDFJS_OPTIONS, data: new Uint8Array(bytes) });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy();
    throw unreadable(error);
  }
}

/**
 * Renders page `n` (from 1) on white at 300 dpi, or less when the page is large enough to exceed the pixel budget.
 * A page scanned at 200 dpi is enlarged too: measured on the scanned declaration, Tesseract misreads a plate at 200
 * and reads it at 300, for about twice the time (tests/bench/results.md).
 * @throws AppError document_unreadable when pdf.js cannot draw the page.
 */
export async function renderPdfPage(pdf: PDFDocumentProxy, n: number): Promise<PageRaster> {
  try {
    const page = await pdf.getPage(n);
    const unit = page.getViewport({ scale: 1 });
    const scale = Math.min(TARGET_DPI / 72, Math.sqrt(MAX_PAGE_PIXELS / (unit.width * unit.height)));
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.max(1, Math.floor(viewport.width)), Math.max(1, Math.floor(viewport.height)));
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    // pdf.js types the canvas as the DOM's (the server has no DOM types); @napi-rs/canvas implements the part it uses.
    const pdfCanvas = canvas as unknown as Parameters<typeof page.render>[0]["canvas"];
    await page.render({ canvas: pdfCanvas, viewport, background: "#ffffff" }).promise;
    page.cleanup();
    return { canvas, dpi: Math.round(scale * 72) };
  } catch (error) {
    throw error instanceof AppError ? error : unreadable(error);
  }
}
