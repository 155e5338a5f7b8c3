// Reading a scan page by page over the pool: progress in order, two pages at a time, a failed page stops the rest,
// pages assembled with their confidence.
import { describe, expect, it } from "vitest";
import { AppError } from "../../../../../src/errors";
import { msg } from "../../../../../src/i18n/message";
import type { ScanProgress } from "../../../../../src/schemas/scan";
import type { DocumentPool, DocumentTask, RunOptions } from "../../../../../server/documents/pool";
import {
  assembleScan,
  OCR_INSPECT,
  OCR_PAGE,
  readScan,
  tidyOcrText,
} from "../../../../../server/documents/ocr/read-scan";
import type { OcrPageReading, PageInput } from "../../../../../server/documents/ocr/task";

const PDF = new TextEncoder().encode("%PDF-1.7\n% a scan\n");

/** A pool that answers OCR jobs from a script, records concurrency, and honours aborts. */
function fakePool(pages: number, read: (page: number) => Promise<OcrPageReading>) {
  let running = 0;
  const state = { maxRunning: 0, started: [] as number[] };
  const pool: DocumentPool = {
    async run<I, O>(task: DocumentTask<I, O>, input: I, options: RunOptions = {}): Promise<O> {
      if (task.name === OCR_INSPECT.name) return { pages, format: "pdf" } as O;
      expect(task.name).toBe(OCR_PAGE.name);
      const { page, bytes } = input as PageInput;
      expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
      state.started.push(page);
      running += 1;
      state.maxRunning = Math.max(state.maxRunning, running);
      try {
        return (await Promise.race([
          read(page),
          new Promise((_, reject) =>
            options.signal?.addEventListener("abort", () => reject(options.signal?.reason), { once: true }),
          ),
        ])) as O;
      } finally {
        running -= 1;
      }
    },
    stats: () => ({ threads: 2, queued: 0, completed: 0, killed: 0 }),
    close: async () => undefined,
  };
  return { pool, state };
}

const reading = (page: number, text: string, confidence = 90): OcrPageReading => ({
  page,
  text,
  confidence,
  rotation: 0,
  skewDegrees: 0,
});
const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("readScan", () => {
  it("reads pages two at a time, reports progress after each, and returns them in the document's order", async () => {
    // Page 1 is the slowest: it finishes last, but comes first in the text.
    const { pool, state } = fakePool(5, async (page) => {
      await after(page === 1 ? 40 : 5);
      return reading(page, `Texte de la page ${page}`);
    });
    const progress: ScanProgress[] = [];
    const scan = await readScan(pool, PDF, { onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([0, 1, 2, 3, 4, 5].map((page) => ({ page, pages: 5 })));
    expect(state.maxRunning).toBe(2);
    expect(scan.pages.map((p) => p.page)).toEqual([1, 2, 3, 4, 5]);
    expect(scan.text.split("\n\n")[0]).toBe("Texte de la page 1");
  });

  it("stops reading when a page fails, and refuses with that page's problem", async () => {
    const { pool, state } = fakePool(10, async (page) => {
      if (page === 2) throw new AppError("document_too_complex", { detail: msg("documents.limit.memory") });
      await after(10);
      return reading(page, "texte");
    });
    await expect(readScan(pool, PDF)).rejects.toMatchObject({ code: "document_too_complex" });
    expect(state.started.length).toBeLessThan(10);
  });

  it("gives up when the adviser leaves, without reading the remaining pages", async () => {
    const controller = new AbortController();
    const { pool, state } = fakePool(10, async (page) => {
      if (page === 2) controller.abort(new Error("client closed the connection"));
      await after(10);
      return reading(page, "texte");
    });
    await expect(readScan(pool, PDF, { signal: controller.signal })).rejects.toThrow(/client closed/u);
    expect(state.started.length).toBeLessThanOrEqual(3);
  });

  it("refuses a scan on which no page has any text (422), rather than handing over an empty source", async () => {
    const { pool } = fakePool(2, async (page) => reading(page, "  \n \n", 95));
    await expect(readScan(pool, PDF)).rejects.toMatchObject({ code: "document_without_text", status: 422 });
  });
});

describe("assembling the pages", () => {
  it("weights the confidence by characters, flags the pages under the threshold, and keeps blank pages out of the text", () => {
    const scan = assembleScan("pdf", [
      reading(1, "a".repeat(300), 90),
      reading(2, " ", 96),
      reading(3, "b".repeat(100), 50),
    ]);
    expect(scan.confidence).toBe(80);
    expect(scan.lowConfidencePages).toEqual([2, 3]);
    expect(scan.pages[1]).toMatchObject({ text: "", confidence: 0, lowConfidence: true });
    expect(scan.text).toBe(`${"a".repeat(300)}\n\n${"b".repeat(100)}`);
    expect(scan.characters).toBe(scan.text.length);
  });

  it("tidies Tesseract's spacing without joining lines", () => {
    expect(tidyOcrText("  Nom :\u00a0  LEFEBVRE \r\n\n\n\nDate : 21/09/2026  \n")).toBe(
      "Nom : LEFEBVRE\n\nDate : 21/09/2026",
    );
  });
});
