// Owns the bounded pool of document worker threads (piscina): every parse of an uploaded file runs here, never on the
// event loop.
//
// ── How to run a job in the pool (for document extraction today, OCR tomorrow) ─────────────────────────────────────
//
//   // 1. A task module, loaded only inside worker threads, exports a function `(input, context) => output`:
//   //    server/documents/ocr/ocr-task.ts
//   export async function ocrPage(input: OcrInput, context: TaskContext): Promise<OcrOutput> {
//     context.progress({ page: 3, of: 30 });            // reaches the caller's onProgress, through a MessagePort
//     throw new AppError("document_unreadable", { detail: msg("…") }); // an expected refusal: the caller gets the same
// AppError
//   }
//
//   // 2. The main thread names it once, with its input and output types:
//   export const OCR_PAGE = defineDocumentTask<OcrInput, OcrOutput>(new URL("./ocr-task.ts", import.meta.url),
// "ocrPage");
//
//   // 3. and runs it in the app's pool, with its own wall-clock limit. server/app.ts creates the one pool of the app
//   //    (`lazyDocumentPool`, sized by DOCUMENT_WORKERS, DOCUMENT_WORKER_HEAP_MB, DOCUMENT_TIMEOUT_MS) and hands it
//   //    to the routes that need it (sourceRoutes, scanRoutes); `documentPoolOf(app)` is the fallback of a route
//   //    registered without one. In a handler:
//   const out = await pool.run(OCR_PAGE, input, { timeoutMs: 60_000, signal: request.signal, onProgress: (m) => … });
//
// What `run` guarantees:
// - The job runs in a worker thread with `resourceLimits` (heap `heapMb`, 256 MB by default). A worker that
//   exceeds them dies; the job is refused with AppError `document_too_complex` (422) and piscina starts a new worker.
// - `timeoutMs` (default `defaultTimeoutMs`, 15 s) is a wall-clock limit, counted from the moment a worker starts the
//   job (not while it waits in the queue): the worker is terminated (not asked) and replaced; the job is refused
//   with `document_too_complex` (422). OCR should pass a longer one.
// - `signal` (the caller's, e.g. the client went away) aborts the job the same way; `run` then rejects with the
//   signal's reason (an AbortError), which is not a problem for anyone to see.
// - `onProgress` receives the task's `context.progress(message)` calls, in order, while the job runs (a message still
//   in flight when `run` settles is dropped: progress is for display, return results as the output).
// - A full pool (`maxThreads` jobs running and `maxQueue` waiting) refuses a new job at once with `documents_busy`
// (503).
// - Inputs and outputs are copied by structured clone: plain data, typed arrays; pass `transferList` to move
//   ArrayBuffers instead (they are then detached on the caller's side).
//
// Problem codes a document job may end with, for routes that chain jobs (the OCR route in particular):
// - `document_needs_ocr` (422): a PDF whose WHOLE text is empty (a scan, or text drawn as outlines). The detail is
//   French and says "Document scanné sans texte"; route it to OCR instead of refusing it.
// - `document_without_text` (422): a Word document without text (nothing to OCR).
// - `document_unreadable` (422): damaged, or protected by a password (the detail says which).
// - `payload_too_large` (413): a measured limit (pages, inflated XML or content streams, ZIP entries, text length).
// - `document_too_complex` (422): the worker was killed on time or memory.
import { availableParallelism } from "node:os";
import { MessageChannel, type Transferable } from "node:worker_threads";
import type { FastifyInstance } from "fastify";
import { Piscina } from "piscina";
import { AppError, isProblemCode } from "../../src/errors";
import { isMessage, msg, type Message } from "../../src/i18n/message";

/** A task that runs in a worker: the module that exports it (a file URL) and the export's name. */
export interface DocumentTask<Input, Output> {
  readonly module: string;
  readonly name: string;
  /** Phantom fields: carry the types only. */
  readonly input?: Input;
  readonly output?: Output;
}

/** What a task function receives besides its input, inside the worker. */
export interface TaskContext {
  /** Sends a message to the caller's `onProgress` (structured clone: plain data only). */
  progress(message: unknown): void;
}

/** Options of one job. */
export interface RunOptions {
  /** Wall-clock limit of this job; the worker is terminated when it passes. Default: the pool's `defaultTimeoutMs`. */
  readonly timeoutMs?: number;
  /** Aborts the job (and terminates its worker if it is running). */
  readonly signal?: AbortSignal;
  /** Receives the task's `context.progress(message)` calls. */
  readonly onProgress?: (message: unknown) => void;
  /** ArrayBuffers to move into the worker rather than copy. */
  readonly transferList?: readonly Transferable[];
}

/** Sizes and limits of a pool; every field has a default fit for a 2-core replica. */
export interface DocumentPoolOptions {
  /** Worker threads at most; default max(2, min(4, cores − 1)). */
  readonly maxThreads?: number;
  /** V8 old-generation heap of one worker, in MB; default 256. */
  readonly heapMb?: number;
  /** Wall-clock limit of a job that does not set its own, in ms; default 15 000. */
  readonly defaultTimeoutMs?: number;
  /** Jobs that may wait for a free worker; more are refused with 503; default 16. */
  readonly maxQueue?: number;
  /** A worker idle this long is stopped (down to one), giving its memory back; default 10 000 ms. */
  readonly idleTimeoutMs?: number;
}

/** Counters for tests, benches and health. */
export interface DocumentPoolStats {
  readonly threads: number;
  readonly queued: number;
  readonly completed: number;
  readonly killed: number;
}

/** The pool: run jobs, read counters, close. */
export interface DocumentPool {
  /**
   * Runs `task` on `input` in a worker.
   * @throws AppError document_too_complex (time or memory limit, worker replaced), documents_busy (queue full),
   *   or the AppError the task threw (its code and detail); the signal's reason when the caller aborted.
   */
  run<Input, Output>(task: DocumentTask<Input, Output>, input: Input, options?: RunOptions): Promise<Output>;
  stats(): DocumentPoolStats;
  /** Terminates every worker, running jobs included. */
  close(): Promise<void>;
}

/** Names a task exported by `module` (pass `new URL("./x-task.ts", import.meta.url)`). */
export function defineDocumentTask<Input, Output>(module: URL | string, name: string): DocumentTask<Input, Output> {
  return { module: typeof module === "string" ? module : module.href, name };
}

const WORKER_ENTRY = new URL("./worker-entry.mjs", import.meta.url).href;
const DEFAULT_HEAP_MB = 256;
const DEFAULT_TIMEOUT_MS = 15_000;

type Envelope =
  { value: unknown; problem?: undefined } | { value?: undefined; problem: { code: string; detail?: Message } };

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

/**
 * Starts a pool with one worker; more start when jobs wait, up to `maxThreads`, and stop after `idleTimeoutMs`.
 * Create it on first use (see `lazyDocumentPool`) so an app that never receives a document pays nothing. Close it
 * with the app.
 */
export function createDocumentPool(options: DocumentPoolOptions = {}): DocumentPool {
  const heapMb = options.heapMb ?? DEFAULT_HEAP_MB;
  const defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxThreads = options.maxThreads ?? Math.max(2, Math.min(4, availableParallelism() - 1));
  const maxQueue = options.maxQueue ?? 16;
  let inFlight = 0;
  const piscina = new Piscina({
    filename: WORKER_ENTRY,
    // At least one: after a worker is killed, piscina refills the pool up to minThreads only, and with 0 the jobs
    // still queued would wait forever.
    minThreads: 1,
    maxThreads,
    idleTimeout: options.idleTimeoutMs ?? 10_000,
    // Tasks are asynchronous (pdf.js, mammoth) and talk through MessagePorts: no Atomics.wait between tasks.
    atomics: "disabled",
    // The young generation and the stack are bounded too: a worker must not grow past its share by another door.
    resourceLimits: {
      maxOldGenerationSizeMb: heapMb,
      maxYoungGenerationSizeMb: Math.max(16, Math.round(heapMb / 8)),
      stackSizeMb: 4,
    },
  });
  let completed = 0;
  let killed = 0;

  async function run<Input, Output>(
    task: DocumentTask<Input, Output>,
    input: Input,
    runOptions: RunOptions = {},
  ): Promise<Output> {
    const timeoutMs = runOptions.timeoutMs ?? defaultTimeoutMs;
    // piscina's own maxQueue is loose while workers start; count jobs in flight here instead.
    if (inFlight >= maxThreads + maxQueue) throw new AppError("documents_busy", { detail: msg("documents.busy") });
    inFlight += 1;
    // One controller per job, fed by our timer and the caller's signal. A plain timer, not AbortSignal.timeout with
    // AbortSignal.any: on Node 20 the combined signal can lose the timeout to garbage collection.
    const controller = new AbortController();
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const onCallerAbort = () => controller.abort(runOptions.signal?.reason);
    if (runOptions.signal?.aborted) onCallerAbort();
    else runOptions.signal?.addEventListener("abort", onCallerAbort, { once: true });

    // The worker says when the job starts (the wall-clock limit counts from there, not from the queue), then relays
    // the task's progress.
    const channel = new MessageChannel();
    channel.port1.on("message", (message: { started?: true; progress?: unknown }) => {
      if (message.started && timer === undefined) {
        timer = setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs);
      } else if ("progress" in message) runOptions.onProgress?.(message.progress);
    });
    try {
      const envelope = (await piscina.run(
        { module: task.module, name: task.name, input, port: channel.port2 },
        { signal: controller.signal, transferList: [...(runOptions.transferList ?? []), channel.port2] as never },
      )) as Envelope;
      completed += 1;
      if (envelope.problem) {
        const { code, detail } = envelope.problem;
        throw new AppError(isProblemCode(code) ? code : "internal", isMessage(detail) ? { detail } : {});
      }
      return envelope.value as Output;
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (timedOut) {
        killed += 1;
        throw new AppError("document_too_complex", {
          detail: msg("documents.limit.time", { seconds: Math.round(timeoutMs / 1000) }),
          cause: error,
        });
      }
      if (runOptions.signal?.aborted) {
        killed += 1;
        throw runOptions.signal.reason ?? error;
      }
      if (errorCode(error) === "ERR_WORKER_OUT_OF_MEMORY") {
        killed += 1;
        throw new AppError("document_too_complex", { detail: msg("documents.limit.memory"), cause: error });
      }
      throw error;
    } finally {
      inFlight -= 1;
      clearTimeout(timer);
      runOptions.signal?.removeEventListener("abort", onCallerAbort);
      channel.port1.close();
    }
  }

  return {
    run,
    stats: () => ({ threads: piscina.threads.length, queued: piscina.queueSize, completed, killed }),
    close: () => piscina.destroy(),
  };
}

/** A pool created on the first job and closed with its owner: what an app holds. */
export interface LazyDocumentPool extends DocumentPool {
  /** Whether a worker pool exists yet. */
  readonly isStarted: boolean;
}

/** Defers `createDocumentPool(options)` to the first `run`. */
export function lazyDocumentPool(options: DocumentPoolOptions = {}): LazyDocumentPool {
  let pool: DocumentPool | undefined;
  return {
    get isStarted() {
      return pool !== undefined;
    },
    run: (task, input, runOptions) => (pool ??= createDocumentPool(options)).run(task, input, runOptions),
    stats: () => pool?.stats() ?? { threads: 0, queued: 0, completed: 0, killed: 0 },
    close: async () => {
      const closing = pool;
      pool = undefined;
      await closing?.close();
    },
  };
}

const poolsByServer = new WeakMap<object, LazyDocumentPool>();

/**
 * The one document pool of this server (every plugin of an app shares it, keyed by the HTTP server), created on its
 * first job and closed when the app closes. Call it while registering routes, not inside a handler: it adds an
 * onClose hook. The first caller's options apply.
 */
export function documentPoolOf(app: FastifyInstance, options: DocumentPoolOptions = {}): LazyDocumentPool {
  let pool = poolsByServer.get(app.server);
  if (!pool) {
    const created = lazyDocumentPool(options);
    poolsByServer.set(app.server, created);
    app.addHook("onClose", () => created.close());
    pool = created;
  }
  return pool;
}
