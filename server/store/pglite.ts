// Owns the embedded implementation of Db: PGlite (PostgreSQL compiled to WASM) persisted in DATA_DIR, run in a worker
// thread.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Db } from "./db";
import { fromWire, type WorkerReply, type WorkerRequest } from "./pglite-protocol";

// Request bodies without their id, which the connection assigns.
type Call = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, "id"> : never) : never;

// Node 20 does not pass the main thread's tsx hooks to workers: the worker loads its TypeScript entry through tsx's
// API.
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
import(workerData.tsxApi).then((tsx) => tsx.tsImport(workerData.entry, workerData.entry));
`;

// The ESM build of tsx's API (its CommonJS build cannot register hooks from an eval'd worker).
const TSX_ESM_API = new URL(
  "dist/esm/api/index.mjs",
  pathToFileURL(createRequire(import.meta.url).resolve("tsx/package.json")),
).href;

/** One worker thread holding the one PGlite connection; requests and replies are matched by id. */
class WorkerConnection {
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private stopped: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (reply: WorkerReply) => this.settle(reply));
    worker.on("error", (error) => this.stop(new Error("PGlite worker failed", { cause: error })));
    worker.on("exit", (code) => this.stop(new Error(`PGlite worker exited (code ${code})`)));
  }

  /** Starts the worker and waits until PGlite has opened `dataDir`. */
  static async start(dataDir: string): Promise<WorkerConnection> {
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: {
        dataDir,
        entry: new URL("./pglite-worker.ts", import.meta.url).href,
        tsxApi: TSX_ESM_API,
      },
    });
    const connection = new WorkerConnection(worker);
    try {
      await new Promise<unknown>((resolve, reject) => connection.pending.set(0, { resolve, reject }));
    } catch (error) {
      await worker.terminate();
      throw error;
    }
    connection.worker.unref(); // referenced only while a request waits, so an idle store never keeps a process alive
    return connection;
  }

  call(request: Call): Promise<unknown> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) this.worker.ref();
      try {
        this.worker.postMessage({ ...request, id });
      } catch (error) {
        this.pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error))); // parameters postMessage cannot clone
      }
    });
  }

  async terminate(): Promise<void> {
    this.stopped ??= new Error("the database is closed");
    await this.worker.terminate();
  }

  private settle(reply: WorkerReply): void {
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0 && reply.id !== 0) this.worker.unref();
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(fromWire(reply.error));
  }

  private stop(reason: Error): void {
    this.stopped ??= reason;
    for (const waiter of this.pending.values()) waiter.reject(this.stopped);
    this.pending.clear();
  }
}

function wrap(connection: WorkerConnection, tx: number): Db {
  const db: Db = {
    kind: "pglite",
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await connection.call({ op: "query", sql, params, tx })) as T[];
    },
    async exec(sql: string) {
      await connection.call({ op: "exec", sql, tx });
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      if (tx !== 0) return fn(db); // already inside a transaction: join it
      const opened = (await connection.call({ op: "begin" })) as number;
      let value: T;
      try {
        value = await fn(wrap(connection, opened));
      } catch (error) {
        await connection.call({ op: "end", tx: opened, commit: false }).catch(() => undefined); // the original error matters more
        throw error;
      }
      await connection.call({ op: "end", tx: opened, commit: true });
      return value;
    },
    async close() {
      if (tx !== 0) return;
      await connection.call({ op: "close" }).catch(() => undefined); // already stopped: nothing left to flush
      await connection.terminate();
    },
  };
  return db;
}

/** Opens (or creates) the embedded database in `dataDir` in its own thread; `memory://` keeps it in memory. */
export async function openPglite(dataDir: string): Promise<Db> {
  return wrap(await WorkerConnection.start(dataDir), 0);
}
