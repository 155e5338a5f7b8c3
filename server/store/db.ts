// Owns the one database interface the repositories use, whether PostgreSQL (pg) or embedded PGlite runs it.

/** A connection to PostgreSQL; the same SQL runs on both implementations. */
export interface Db {
  readonly kind: "postgres" | "pglite";
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction, committed when it resolves and rolled back when it throws. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
