// Owns the PGlite worker thread: the embedded database runs here, so its WASM work never blocks the event loop.
import { mkdir } from "node:fs/promises";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { toWire, type WorkerReply, type WorkerRequest } from "./pglite-protocol";

const port = parentPort;
if (!port) throw new Error("pglite-worker runs in a worker thread only");
const { dataDir } = workerData as { dataDir: string };

interface OpenTransaction {
  readonly tx: Transaction;
  /** Ends PGlite's transaction callback: resolved commits, rejected rolls back. */
  readonly finish: (commit: boolean) => void;
}

const ROLLBACK = Symbol("rollback");
const transactions = new Map<number, OpenTransaction>();
const endings = new Map<number, Promise<void>>();
let nextTx = 1;

const send = (reply: WorkerReply) => port.postMessage(reply);

let db: PGlite;
try {
  if (!dataDir.startsWith("memory://")) await mkdir(dataDir, { recursive: true });
  db = await PGlite.create(dataDir);
  send({ id: 0, ok: true });
} catch (error) {
  send({ id: 0, ok: false, error: toWire(error) });
  throw error;
}

/** The connection a request runs on: its transaction's, or PGlite's own queue (which waits for any open transaction). */
function target(tx: number): PGlite | Transaction {
  if (tx === 0) return db;
  const open = transactions.get(tx);
  if (!open) throw new Error(`transaction ${tx} is not open`);
  return open.tx;
}

/**
 * Opens a transaction and answers with its number once BEGIN ran. PGlite holds its transaction lock until `end`,
 * so transactions are serialised and queries outside them wait, exactly as on the main thread before.
 */
function begin(id: number): void {
  const txId = nextTx++;
  let isOpen = false;
  const ending = db.transaction(
    (tx) =>
      new Promise<void>((resolve, reject) => {
        isOpen = true;
        transactions.set(txId, { tx, finish: (commit) => (commit ? resolve() : reject(ROLLBACK)) });
        send({ id, ok: true, value: txId });
      }),
  );
  endings.set(
    txId,
    ending.then(
      () => undefined,
      (error: unknown) => {
        if (!isOpen) send({ id, ok: false, error: toWire(error) }); // BEGIN itself failed
        if (error !== ROLLBACK && isOpen) throw error;
      },
    ),
  );
}

async function end(tx: number, commit: boolean): Promise<void> {
  const open = transactions.get(tx);
  const ending = endings.get(tx);
  if (!open || !ending) throw new Error(`transaction ${tx} is not open`);
  open.finish(commit);
  try {
    await ending; // COMMIT (or ROLLBACK) has run; a failed COMMIT rejects here
  } finally {
    transactions.delete(tx);
    endings.delete(tx);
  }
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.op) {
    case "query":
      return (await target(request.tx).query(request.sql, request.params as unknown[])).rows;
    case "exec":
      await target(request.tx).exec(request.sql);
      return undefined;
    case "end":
      return end(request.tx, request.commit);
    case "close":
      await db.close();
      return undefined;
    case "begin":
      return undefined; // answered by begin() itself
  }
}

port.on("message", (request: WorkerRequest) => {
  if (request.op === "begin") {
    begin(request.id);
    return;
  }
  handle(request)
    .then((value) => send({ id: request.id, ok: true, value }))
    // A failed statement, or rows postMessage cannot clone: either way the caller gets an error, never silence.
    .catch((error: unknown) => send({ id: request.id, ok: false, error: toWire(error) }));
});
