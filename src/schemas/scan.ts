// Owns the contract of POST /api/sources/scan: OCR of scans and photos, page by page, with a confidence each.
import * as z from "zod/mini";
import { ProblemSchema } from "./problem";

const confidence = () => z.number().check(z.gte(0), z.lte(100));
const pageNumber = () => z.number().check(z.int(), z.positive());

/** One page as Tesseract read it. */
export const OcrPageSchema = z.object({
  /** From 1, in the document's order. */
  page: pageNumber(),
  text: z.string(),
  /** Tesseract's mean word confidence, 0-100. */
  confidence: confidence(),
  /** True when `confidence` is under LOW_OCR_CONFIDENCE: the adviser should check this page against the original. */
  lowConfidence: z.boolean(),
  /** Quarter turns applied before reading (0, 90, 180, 270), found by orientation detection. */
  rotation: z.number().check(z.int()),
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
  characters: z.number().check(z.int(), z.nonnegative()),
  /** Mean of the pages' confidences, weighted by their characters. */
  confidence: confidence(),
  /** Pages (from 1) under LOW_OCR_CONFIDENCE. */
  lowConfidencePages: z.array(pageNumber()),
  /** The text was read on this server by OCR: the image itself never leaves it. */
  ocr: z.literal(true),
});
export type ScanSourceResponse = z.infer<typeof ScanSourceResponseSchema>;

/** SSE events of a scan read with Accept: text/event-stream, by event name. */
export const ScanEventSchemas = {
  /** Sent when reading starts (`page` 0) and after each page: `page` pages of `pages` are read. */
  progress: z.object({ page: z.number().check(z.int(), z.nonnegative()), pages: pageNumber() }),
  done: ScanSourceResponseSchema,
  error: ProblemSchema,
} as const;
export type ScanProgress = z.infer<typeof ScanEventSchemas.progress>;
