// Owns the device's queue of recorded chunks (IndexedDB): kept until the server acknowledged them, found again after a
// reload.

/** One chunk waiting for the server's acknowledgement. */
export interface QueuedChunk {
  readonly recordingId: string;
  readonly n: number;
  readonly blob: Blob;
  /** Where the chunk ends in the recording, in seconds (the server enforces the 2 h limit with it). */
  readonly endS: number;
}

/** A recording this device started: whether it was stopped, and how many chunks it made. */
export interface QueuedRecording {
  readonly id: string;
  readonly mimeType: string;
  readonly startedAt: number;
  readonly chunkCount: number;
  readonly isStopped: boolean;
}

export interface ChunkQueue {
  addChunk(chunk: QueuedChunk): Promise<void>;
  pending(recordingId: string): Promise<QueuedChunk[]>;
  ack(recordingId: string, n: number): Promise<void>;
  saveRecording(recording: QueuedRecording): Promise<void>;
  recordings(): Promise<QueuedRecording[]>;
  /** Forgets a recording and its chunks (transcribed, or deleted by the adviser). */
  forget(recordingId: string): Promise<void>;
}

const DB_NAME = "greffier-voice";

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** The IndexedDB queue; a memory queue where the host has no IndexedDB (chunks then live as long as the pane). */
export async function openChunkQueue(): Promise<ChunkQueue> {
  if (typeof indexedDB === "undefined") return memoryQueue();
  let db: IDBDatabase;
  try {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore("chunks", { keyPath: ["recordingId", "n"] });
      open.result.createObjectStore("recordings", { keyPath: "id" });
    };
    db = await request(open);
  } catch {
    return memoryQueue();
  }
  const store = (name: "chunks" | "recordings", mode: IDBTransactionMode) => {
    const tx = db.transaction(name, mode);
    return { tx, store: tx.objectStore(name) };
  };
  return {
    async addChunk(chunk) {
      const { tx, store: s } = store("chunks", "readwrite");
      s.put(chunk);
      await done(tx);
    },
    async pending(recordingId) {
      const { store: s } = store("chunks", "readonly");
      const all = await request(s.getAll(IDBKeyRange.bound([recordingId, 0], [recordingId, Number.MAX_SAFE_INTEGER])));
      return (all as QueuedChunk[]).sort((a, b) => a.n - b.n);
    },
    async ack(recordingId, n) {
      const { tx, store: s } = store("chunks", "readwrite");
      s.delete([recordingId, n]);
      await done(tx);
    },
    async saveRecording(recording) {
      const { tx, store: s } = store("recordings", "readwrite");
      s.put(recording);
      await done(tx);
    },
    async recordings() {
      const { store: s } = store("recordings", "readonly");
      return (await request(s.getAll())) as QueuedRecording[];
    },
    async forget(recordingId) {
      const tx = db.transaction(["chunks", "recordings"], "readwrite");
      tx.objectStore("chunks").delete(IDBKeyRange.bound([recordingId, 0], [recordingId, Number.MAX_SAFE_INTEGER]));
      tx.objectStore("recordings").delete(recordingId);
      await done(tx);
    },
  };
}

export function memoryQueue(): ChunkQueue {
  const chunks = new Map<string, QueuedChunk>();
  const recs = new Map<string, QueuedRecording>();
  const key = (id: string, n: number) => `${id}:${n}`;
  return {
    addChunk: async (c) => void chunks.set(key(c.recordingId, c.n), c),
    pending: async (id) => [...chunks.values()].filter((c) => c.recordingId === id).sort((a, b) => a.n - b.n),
    ack: async (id, n) => void chunks.delete(key(id, n)),
    saveRecording: async (r) => void recs.set(r.id, r),
    recordings: async () => [...recs.values()],
    forget: async (id) => {
      for (const [k, c] of chunks) if (c.recordingId === id) chunks.delete(k);
      recs.delete(id);
    },
  };
}
