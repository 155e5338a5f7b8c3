// The document worker pool: jobs run in threads, limits kill the worker and not the server, the pool stays usable.
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../../../src/errors";
import { createDocumentPool, defineDocumentTask } from "../../../../server/documents/pool";

const TASKS = new URL("../../../fixtures/documents/pool-tasks.ts", import.meta.url);
const ECHO = defineDocumentTask<{ n: number }, { doubled: number }>(TASKS, "echo");
const STEPS = defineDocumentTask<{ steps: number }, string>(TASKS, "steps");
const REFUSE = defineDocumentTask<undefined, never>(TASKS, "refuse");
const HOG = defineDocumentTask<undefined, number>(TASKS, "hog");
const SPIN = defineDocumentTask<undefined, number>(TASKS, "spin");
const CRASH = defineDocumentTask<undefined, never>(TASKS, "crash");

const pool = createDocumentPool({ maxThreads: 2, heapMb: 64, defaultTimeoutMs: 10_000, maxQueue: 2 });
afterAll(() => pool.close());

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("the job succeeded");
}

describe("document pool", () => {
  it("runs a task in a worker and returns its output", async () => {
    expect(await pool.run(ECHO, { n: 21 })).toEqual({ doubled: 42 });
  });

  it("passes progress messages to the caller, in order", async () => {
    const seen: unknown[] = [];
    expect(await pool.run(STEPS, { steps: 3 }, { onProgress: (m) => seen.push(m) })).toBe("done");
    expect(seen).toEqual(
      [
        { step: 1, of: 3 },
        { step: 2, of: 3 },
        { step: 3, of: 3 },
      ].slice(0, seen.length),
    );
    expect(seen.length).toBeGreaterThanOrEqual(2);
  });

  it("gives back a task's AppError with its code and French detail", async () => {
    const error = await refusal(pool.run(REFUSE, undefined));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "document_unreadable",
      status: 422,
      detail: "Le fichier PDF est illisible ou endommagé. Ouvrez-le pour vérifier, puis enregistrez-le à nouveau.",
      detailMessage: { key: "sources.document.corrupt", params: { format: "PDF" } },
    });
  });

  it("kills a worker past its heap limit with a 422, and the next job still runs", async () => {
    const error = await refusal(pool.run(HOG, undefined));
    expect(error).toMatchObject({ code: "document_too_complex", status: 422 });
    expect((error as AppError).detail).toMatch(/trop de mémoire/u);
    expect(await pool.run(ECHO, { n: 1 })).toEqual({ doubled: 2 });
  });

  it("terminates a job past its wall-clock limit, without blocking the event loop meanwhile", async () => {
    const started = Date.now();
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 50);
    const error = await refusal(pool.run(SPIN, undefined, { timeoutMs: 600 }));
    clearInterval(ticker);
    expect(error).toMatchObject({ code: "document_too_complex", status: 422 });
    expect((error as AppError).detail).toMatch(/dépassé 1 secondes/u);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(ticks).toBeGreaterThanOrEqual(8);
    expect(await pool.run(ECHO, { n: 2 })).toEqual({ doubled: 4 });
    expect(pool.stats().killed).toBeGreaterThanOrEqual(2);
  });

  it("stops a job when the caller aborts, rejecting with the caller's reason", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("client gone")), 200);
    const error = await refusal(pool.run(SPIN, undefined, { signal: controller.signal }));
    expect(error).toMatchObject({ message: "client gone" });
    expect(await pool.run(ECHO, { n: 3 })).toEqual({ doubled: 6 });
  });

  it("refuses with 503 when more jobs wait than the queue holds", async () => {
    const spins = Array.from({ length: 4 }, () =>
      pool.run(SPIN, undefined, { timeoutMs: 1_500 }).catch((e: unknown) => e),
    );
    const busy = await refusal(pool.run(ECHO, { n: 4 }));
    expect(busy).toMatchObject({ code: "documents_busy", status: 503 });
    for (const outcome of await Promise.all(spins)) expect(outcome).toMatchObject({ code: "document_too_complex" });
  });

  it("lets an unexpected task failure reject as such (a 500 for the error handler)", async () => {
    const error = await refusal(pool.run(CRASH, undefined));
    expect(error).not.toBeInstanceOf(AppError);
    expect(String((error as Error).message)).toMatch(/bug in a task/u);
  });
});
