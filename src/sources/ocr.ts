// Owns the contract and limits of POST /api/sources/scan: OCR of scans and photos, page by page, with a confidence each.
import { z } from "zod";

/** Pages of one scanned PDF read by OCR; a 30-page scan must pass, a ream must not hold two pool workers for minutes. */
export const MAX_OCR_PAGES = 40;
/** Pixels of one uploaded image, read from its header before anything is decoded (a decompression bomb stops here). */
export const MAX_IMAGE_PIXELS = 50_000_000;
/** Below this mean word confidence (0-100) a page is shown to the adviser as to be checked against the original. */
export const LOW_OCR_CONFIDENCE = 70;

/** One page as Tesseract read it. */
export const OcrPageSchema = z.object({
  /** From 1, in the document's order. */
  page: z.number().int().positive(),
  text: z.string(),
  /** Tesseract's mean word confidence, 0-100. */
  confidence: z.number().min(0).max(100),
  /** True when `confidence` is under LOW_OCR_CONFIDENCE: the adviser should check this page against the original. */
  lowConfidence: z.boolean(),
  /** Quarter turns applied before reading (0, 90, 180, 270), found by orientation detection. */
  rotation: z.number().int(),
  /** Skew corrected before reading, in degrees. */
  skewDegrees: z.number(),
});
export type OcrPage = z.infer<typeof OcrPageSchema>;

/** POST /api/sources/scan (multipart, field "file"): the JSON answer, and the data of the SSE `done` event. */
export const ScanSourceResponseSchema = z.object({
  /** Pages' text in order, separated by a blank line: what goes into the source after the adviser's corrections. */
  text: z.string(),
  pages: z.array(OcrPageSchema),
  format: z.enum(["pdf", "jpeg", "png", "heic", "webp", "tiff", "gif", "bmp"]),
  characters: z.number().int().nonnegative(),
  /** Mean of the pages' confidences, weighted by their characters. */
  confidence: z.number().min(0).max(100),
  /** Pages (from 1) under LOW_OCR_CONFIDENCE. */
  lowConfidencePages: z.array(z.number().int().positive()),
  /** The text was read on this server by OCR: the image itself never leaves it. */
  ocr: z.literal(true),
});
export type ScanSourceResponse = z.infer<typeof ScanSourceResponseSchema>;

/** SSE events of a scan read with Accept: text/event-stream, by event name. */
export const ScanEventSchemas = {
  /** Sent when reading starts (`page` 0) and after each page: `page` pages of `pages` are read. */
  progress: z.object({ page: z.number().int().nonnegative(), pages: z.number().int().positive() }),
  done: ScanSourceResponseSchema,
} as const;
export type ScanProgress = z.infer<typeof ScanEventSchemas.progress>;
