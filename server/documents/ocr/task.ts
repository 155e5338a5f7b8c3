// Owns the OCR jobs run in the document worker pool: "inspect" (what the file is, how many pages) and "page" (read one
// page), never on the event loop.
import { AppError } from "../../../src/errors";
import { msg } from "../../../src/i18n/message";
import type { ScanSourceResponse } from "../../../src/schemas/scan";
import { LOW_OCR_CONFIDENCE, MAX_OCR_PAGES } from "../../../src/sources/limits";
import { isWholeJpeg, isWholePng } from "./image-integrity";
import { openPdf, renderPdfPage } from "./pdf-raster";
import { rasteriseImage, readImageHeader, rotateCanvas, toPgm, type PageRaster } from "./raster";
import { detectUprightTurn, recognise } from "./tesseract";

/** The kinds of file OCR reads. */
export type ScanKind = "pdf" | "image";
export type ScanFormat = ScanSourceResponse["format"];

/** The upload, shared with the workers (a SharedArrayBuffer view: each page job reads it without a copy). */
export interface ScanInput {
  readonly kind: ScanKind;
  readonly bytes: Uint8Array;
}

/** One page of the upload to read. */
export interface PageInput extends ScanInput {
  /** From 1. */
  readonly page: number;
}

export interface OcrInspection {
  readonly pages: number;
  readonly format: ScanFormat;
}

/** One page read, before the route adds what depends on product thresholds. */
export interface OcrPageReading {
  readonly page: number;
  readonly text: string;
  readonly confidence: number;
  readonly rotation: number;
  readonly skewDegrees: number;
}

/** Orientation is judged on a copy at about 200 dpi: half the pixels of a 300-dpi page, still enough letters. */
const ORIENTATION_DPI = 200;

/**
 * Pool task: what the upload is and how many pages it has, before any page is read (a refusal here is a plain 422).
 * @throws AppError document_unreadable (damaged, password), payload_too_large (pages, pixels), unsupported_media_type.
 */
export async function ocrInspect({ kind, bytes }: ScanInput): Promise<OcrInspection> {
  if (kind === "image") {
    const { format } = readImageHeader(bytes);
    if ((format === "png" && !isWholePng(bytes)) || (format === "jpeg" && !isWholeJpeg(bytes))) {
      throw new AppError("document_unreadable", { detail: msg("ocr.image.corrupt") });
    }
    return { pages: 1, format };
  }
  const pdf = await openPdf(bytes);
  try {
    if (pdf.numPages > MAX_OCR_PAGES) {
      throw new AppError("payload_too_large", {
        detail: msg("ocr.pdf.too_many_pages", { pages: pdf.numPages, max: MAX_OCR_PAGES }),
      });
    }
    if (pdf.numPages === 0) throw new AppError("document_unreadable", { detail: msg("ocr.pdf.corrupt") });
    return { pages: pdf.numPages, format: "pdf" };
  } finally {
    await pdf.destroy();
  }
}

async function rasterise(kind: ScanKind, bytes: Uint8Array, page: number): Promise<PageRaster> {
  if (kind === "image") return rasteriseImage(bytes);
  const pdf = await openPdf(bytes);
  try {
    return await renderPdfPage(pdf, page);
  } finally {
    await pdf.destroy();
  }
}

/**
 * Pool task: reads one page — rendered or decoded, deskewed and read by Tesseract in French, and when that reading is
 * poor, turned upright by orientation detection and read again (the better reading is kept).
 * @throws AppError document_unreadable when the page cannot be decoded or drawn.
 */
export async function ocrPage({ kind, bytes, page }: PageInput): Promise<OcrPageReading> {
  const raster = await rasterise(kind, bytes, page);
  const read = async (degrees: number): Promise<OcrPageReading> => {
    const reading = await recognise(toPgm(rotateCanvas(raster.canvas, degrees)), raster.dpi);
    return {
      page,
      text: reading.text,
      confidence: reading.confidence,
      rotation: degrees,
      skewDegrees: reading.skewDegrees,
    };
  };
  // Most pages come the right way up: read first, and look for a better orientation only when the reading is poor.
  const asIs = await read(0);
  if (asIs.confidence >= LOW_OCR_CONFIDENCE) return asIs;
  const turn = await detectUprightTurn(toPgm(raster.canvas, Math.min(1, ORIENTATION_DPI / raster.dpi)));
  if (turn.degrees === 0) return asIs;
  const turned = await read(turn.degrees);
  return turned.confidence > asIs.confidence ? turned : asIs;
}
