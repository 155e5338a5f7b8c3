// Owns the embedded implementation of Db: PGlite (PostgreSQL compiled to WASM) persisted in DATA_DIR.
import { mkdir } from "node:fs/promises";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import type { Db } from "./db";

type Queryable = PGlite | Transaction;

function wrap(target: Queryable, root: PGlite | undefined): Db {
  return {
    kind: "pglite",
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      if (!root) return fn(wrap(target, undefined));
      return root.transaction((tx) => fn(wrap(tx, undefined)));
    },
    async close() {
      await root?.close();
    },
  };
}

/** Opens (or creates) the embedded database in `dataDir`; `memory://` keeps it in memory. */
export async function openPglite(dataDir: string): Promise<Db> {
  if (!dataDir.startsWith("memory://")) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  return wrap(db, db);
}
