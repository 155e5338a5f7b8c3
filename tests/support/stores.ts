// Owns throwaway databases for tests: embedded PGlite always, the local PostgreSQL when reachable (always under CI).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe } from "vitest";
import type { Db } from "../../server/store/db";
import { openStore } from "../../server/store/open";

export type StoreKind = "pglite" | "postgres";

/** The server the integration suite uses; `.ci/run` sets it, a laptop may have none. */
export const POSTGRES_ADMIN_URL =
  process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function isPostgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const hasPostgres = await isPostgresReachable();
if (!hasPostgres && process.env.CI) {
  throw new Error(`PostgreSQL is unreachable at ${POSTGRES_ADMIN_URL}; under CI the integration suite must run on it.`);
}

/** A database that exists only for one test file (or one test). */
export interface TestStore {
  readonly kind: StoreKind;
  /** Opens (and migrates) a connection; call again after `close` to simulate a restart. */
  open(): Promise<Db>;
  /** Connection string (postgres) or data directory (pglite), for a server process of its own. */
  readonly location: string;
  /** Drops everything. */
  destroy(): Promise<void>;
}

/** Creates an empty database of `kind`. */
export async function createTestStore(kind: StoreKind): Promise<TestStore> {
  if (kind === "pglite") {
    const dir = await mkdtemp(join(tmpdir(), "greffier-pglite-"));
    return {
      kind,
      location: dir,
      open: () => openStore({ dataDir: dir }),
      destroy: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const name = `greffier_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind,
    location: url.toString(),
    open: () => openStore({ databaseUrl: url.toString(), dataDir: "" }),
    destroy: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Runs the same suite on PGlite and on PostgreSQL (skipped only off CI, when no server is reachable). */
export function describeEachStore(title: string, body: (kind: StoreKind) => void): void {
  describe(`${title} [pglite]`, () => body("pglite"));
  describe.skipIf(!hasPostgres)(`${title} [postgres]`, () => body("postgres"));
}
