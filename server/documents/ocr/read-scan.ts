// Owns reading a whole scan or photo: one pool job to inspect it, one per page (two at a time), progress as pages
// finish, the text assembled.
import { AppError } from "../../../src/errors";
import { msg } from "../../../src/i18n/message";
import type { OcrPage, ScanProgress, ScanSourceResponse } from "../../../src/schemas/scan";
import { LOW_OCR_CONFIDENCE } from "../../../src/sources/limits";
import { defineDocumentTask, type DocumentPool } from "../pool";
import type { OcrInspection, OcrPageReading, PageInput, ScanInput, ScanKind } from "./task";

const TASK_MODULE = new URL("./task.ts", import.meta.url);
export const OCR_INSPECT = defineDocumentTask<ScanInput, OcrInspection>(TASK_MODULE, "ocrInspect");
export const OCR_PAGE = defineDocumentTask<PageInput, OcrPageReading>(TASK_MODULE, "ocrPage");

/** Opening a PDF of 10 MB or reading an image header. */
const INSPECT_TIMEOUT_MS = 15_000;
/**
 * One page: a dense A4 page takes 3-6 s on a loaded core (tests/bench/results.md); a worker still at it after this is
 * stuck on a pathological page and is terminated.
 */
const PAGE_TIMEOUT_MS = 60_000;
/** Pages read at once: one per core of a 2-core replica; the pool queues the rest of the app's jobs behind them. */
export const OCR_PARALLEL_PAGES = 2;

/** What reading a scan may be told. */
export interface ReadScanOptions {
  readonly signal?: AbortSignal;
  /** Called when the pages are counted (`page` 0), then after each page read. */
  readonly onProgress?: (progress: ScanProgress) => void;
  /** Called once the upload is inspected, before any page is read: a refusal before this is a plain HTTP error. */
  readonly onInspected?: (inspection: OcrInspection) => void;
  /** The uploaded name and declared type: only to word a refusal ("photo.jpg" that is no image is a damaged image). */
  readonly filename?: string;
  readonly mimeType?: string;
}

/** What the name or the declared type claims the file is. */
export function claimedKind(filename = "", mimeType = ""): ScanKind | undefined {
  if (/\.pdf$/iu.test(filename) || mimeType === "application/pdf") return "pdf";
  if (/\.(jpe?g|png|heic|heif|webp|tiff?|gif|bmp)$/iu.test(filename) || mimeType.startsWith("image/")) return "image";
  return undefined;
}

/** Spaces collapsed, line ends trimmed, at most one blank line in a row: what the adviser reads and corrects. */
export function tidyOcrText(text: string): string {
  return text
    .replace(/\r\n?/gu, "\n")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/gu, "")
    .replace(/[ \t\u00a0]+/gu, " ")
    .replace(/ *\n */gu, "\n")
    .replace(/\n{3,}/gu, "\n\n")
    .trim();
}

/** What the bytes are, by content; a file that is neither is refused before it reaches the pool. */
export function scanKindOf(bytes: Uint8Array): ScanKind {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (head.includes("%PDF-")) return "pdf";
  return "image";
}

/** Copies the upload once into shared memory, so that every page job reads the same bytes without a copy of its own. */
function shared(bytes: Uint8Array): Uint8Array {
  const view = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  view.set(bytes);
  return view;
}

/** The pages as the API answers them, the text joined, the confidence weighted by characters. */
export function assembleScan(
  format: ScanSourceResponse["format"],
  readings: readonly OcrPageReading[],
): ScanSourceResponse {
  const pages: OcrPage[] = readings.map((r) => {
    const text = tidyOcrText(r.text);
    const confidence = text === "" ? 0 : Math.round(r.confidence);
    return {
      page: r.page,
      text,
      confidence,
      lowConfidence: confidence < LOW_OCR_CONFIDENCE,
      rotation: r.rotation,
      skewDegrees: r.skewDegrees,
    };
  });
  const text = pages
    .map((p) => p.text)
    .filter((p) => p !== "")
    .join("\n\n");
  const characters = pages.reduce((sum, p) => sum + p.text.length, 0);
  const confidence =
    characters === 0 ? 0 : Math.round(pages.reduce((sum, p) => sum + p.confidence * p.text.length, 0) / characters);
  return {
    text,
    pages,
    format,
    characters: text.length,
    confidence,
    lowConfidencePages: pages.filter((p) => p.lowConfidence).map((p) => p.page),
    ocr: true,
  };
}

/**
 * Reads a scanned PDF or an image in the document pool.
 * @throws AppError from inspection (document_unreadable, payload_too_large, unsupported_media_type), from a page
 *   (document_unreadable, document_too_complex: time limit), documents_busy, or document_without_text when no page
 *   yields any text; the signal's reason when the caller aborts.
 */
export async function readScan(
  pool: DocumentPool,
  upload: Uint8Array,
  options: ReadScanOptions = {},
): Promise<ScanSourceResponse> {
  const bytes = shared(upload);
  const kind = scanKindOf(bytes);
  const signal = options.signal;
  const inspection = await pool
    .run(OCR_INSPECT, { kind, bytes }, { timeoutMs: INSPECT_TIMEOUT_MS, ...(signal ? { signal } : {}) })
    .catch((error: unknown) => {
      // Content that is no known format, under a name or type that says image or PDF: a damaged file (422), not a
      // wrong kind of file (415).
      const claimed = claimedKind(options.filename, options.mimeType);
      if (error instanceof AppError && error.code === "unsupported_media_type" && claimed) {
        throw new AppError("document_unreadable", {
          detail: msg(claimed === "pdf" ? "ocr.pdf.corrupt" : "ocr.image.corrupt"),
          cause: error,
        });
      }
      throw error;
    });
  options.onInspected?.(inspection);
  const total = inspection.pages;
  options.onProgress?.({ page: 0, pages: total });

  // A failed page stops the others: the adviser gets one clear refusal rather than a source with holes.
  const stop = new AbortController();
  const onAbort = () => stop.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  const readings: OcrPageReading[] = [];
  let next = 1;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next <= total && !stop.signal.aborted) {
      const page = next;
      next += 1;
      readings.push(
        await pool.run(OCR_PAGE, { kind, bytes, page }, { timeoutMs: PAGE_TIMEOUT_MS, signal: stop.signal }),
      );
      done += 1;
      options.onProgress?.({ page: done, pages: total });
    }
  };
  try {
    const results = await Promise.allSettled(
      Array.from({ length: Math.min(OCR_PARALLEL_PAGES, total) }, () =>
        worker().catch((error: unknown) => {
          stop.abort(error);
          throw error;
        }),
      ),
    );
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw signal?.aborted ? (signal.reason ?? failed.reason) : (stop.signal.reason ?? failed.reason);
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
  readings.sort((a, b) => a.page - b.page);
  const scan = assembleScan(inspection.format, readings);
  if (scan.characters === 0) {
    throw new AppError("document_without_text", {
      detail: total === 1 ? msg("ocr.no_text_one") : msg("ocr.no_text_many", { pages: total }),
    });
  }
  return scan;
}
