// Owns the PostgreSQL server implementation of Db, through a pg connection pool.
import pg from "pg";
import type { Db } from "./db";

type Queryable = pg.Pool | pg.PoolClient;

function wrap(target: Queryable, pool: pg.Pool | undefined): Db {
  return {
    kind: "postgres",
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query(sql, params as unknown[]);
      return result.rows as T[];
    },
    async exec(sql: string) {
      await target.query(sql);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      if (!pool) return fn(wrap(target, undefined)); // already inside a transaction: join it
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const value = await fn(wrap(client, undefined));
        await client.query("COMMIT");
        return value;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined); // the original error matters more
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool?.end();
    },
  };
}

/** Opens a pool on `url`; fails fast when the server is unreachable. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
  // A pool error on an idle client must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  await pool.query("SELECT 1");
  return wrap(pool, pool);
}
