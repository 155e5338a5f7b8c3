// PGlite in its worker thread behaves as the Db callers expect: types, PostgreSQL error codes, serialised transactions,
// persistence, a free event loop.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../../server/store/db";
import { openPglite } from "../../../../server/store/pglite";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("PGlite store in a worker thread", () => {
  let db: Db;
  beforeAll(async () => {
    db = await openPglite("memory://");
    await db.exec(`
      CREATE TABLE items (k text PRIMARY KEY, n integer NOT NULL DEFAULT 0, at timestamptz, doc jsonb, flag boolean);
      CREATE TABLE counter (id integer PRIMARY KEY, n integer NOT NULL);
      INSERT INTO counter VALUES (1, 0);
    `);
  });
  afterAll(async () => {
    await db.close();
  });

  it("returns rows with their PostgreSQL types: dates, JSON documents, numbers, booleans, nulls, accented text", async () => {
    const at = new Date("2026-03-14T09:26:53.589Z");
    await db.query("INSERT INTO items (k, n, at, doc, flag) VALUES ($1, $2, $3, $4, $5)", [
      "sociétaire é",
      42,
      at,
      JSON.stringify({ note: "rappel à 18h", tags: ["a"] }),
      true,
    ]);
    const [row] = await db.query<{ k: string; n: number; at: Date; doc: unknown; flag: boolean; missing: null }>(
      "SELECT k, n, at, doc, flag, NULL AS missing FROM items WHERE k = $1",
      ["sociétaire é"],
    );
    expect(row).toEqual({
      k: "sociétaire é",
      n: 42,
      at,
      doc: { note: "rappel à 18h", tags: ["a"] },
      flag: true,
      missing: null,
    });
    expect(row?.at).toBeInstanceOf(Date);
  });

  it("keeps the PostgreSQL error code and constraint across the thread boundary, and stays usable after an error", async () => {
    await db.query("INSERT INTO items (k) VALUES ('dup')");
    const error = await db.query("INSERT INTO items (k) VALUES ('dup')").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: "23505", constraint: "items_pkey" });
    expect((error as Error).message).toMatch(/duplicate key/);
    const syntax = await db.query("SELEC 1").catch((e: unknown) => e);
    expect(syntax).toMatchObject({ code: "42601" });
    expect(await db.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  it("commits a transaction that resolves and rolls back one that throws, keeping its error", async () => {
    await db.transaction(async (tx) => {
      await tx.query("INSERT INTO items (k) VALUES ('kept')");
    });
    const error = await db
      .transaction(async (tx) => {
        await tx.query("INSERT INTO items (k) VALUES ('discarded')");
        await tx.query("INSERT INTO items (k) VALUES ('kept')"); // unique violation inside the transaction
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "23505" });
    const keys = (await db.query<{ k: string }>("SELECT k FROM items WHERE k IN ('kept', 'discarded')")).map(
      (r) => r.k,
    );
    expect(keys).toEqual(["kept"]);
    // The connection is not left inside an aborted transaction.
    await db.transaction(async (tx) => tx.query("INSERT INTO items (k) VALUES ('after')"));
    expect(await db.query("SELECT k FROM items WHERE k = 'after'")).toHaveLength(1);
  });

  it("makes a query outside the transaction wait until it ends, so it never sees uncommitted rows", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let isInserted = false;
    const transaction = db
      .transaction(async (tx) => {
        await tx.query("INSERT INTO items (k) VALUES ('uncommitted')");
        isInserted = true;
        await gate;
        throw new Error("cancelled");
      })
      .catch((e: unknown) => e);
    while (!isInserted) await sleep(5);
    let outside: unknown[] | undefined;
    const reading = db.query("SELECT k FROM items WHERE k = 'uncommitted'").then((rows) => (outside = rows));
    await sleep(100);
    expect(outside).toBeUndefined(); // still queued behind the open transaction
    release();
    expect(await transaction).toMatchObject({ message: "cancelled" });
    await reading;
    expect(outside).toEqual([]);
  });

  it("serialises concurrent transactions: twenty read-then-write increments lose none", async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction(async (tx) => {
          const [row] = await tx.query<{ n: number }>("SELECT n FROM counter WHERE id = 1");
          await sleep(1);
          await tx.query("UPDATE counter SET n = $1 WHERE id = 1", [(row?.n ?? 0) + 1]);
        }),
      ),
    );
    expect(await db.query("SELECT n FROM counter WHERE id = 1")).toEqual([{ n: 20 }]);
  });

  it("joins a transaction opened inside another, and rolls both back together", async () => {
    await db
      .transaction(async (tx) => {
        await tx.query("INSERT INTO items (k) VALUES ('outer')");
        await tx.transaction(async (inner) => inner.query("INSERT INTO items (k) VALUES ('inner')"));
        throw new Error("undo both");
      })
      .catch(() => undefined);
    expect(await db.query("SELECT k FROM items WHERE k IN ('outer', 'inner')")).toEqual([]);
  });

  it("takes transaction-scoped advisory locks, as migrations and the audit chain do", async () => {
    const rows = await db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock($1)", [724_031_912]);
      return tx.query<{ locks: number }>("SELECT count(*)::int AS locks FROM pg_locks WHERE locktype = 'advisory'");
    });
    expect(rows).toEqual([{ locks: 1 }]);
    expect(await db.query("SELECT count(*)::int AS locks FROM pg_locks WHERE locktype = 'advisory'")).toEqual([
      { locks: 0 },
    ]);
  });

  it("leaves the event loop free while a long query runs", async () => {
    let last = performance.now();
    let longestGap = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    await db.query("SELECT count(*) FROM generate_series(1, 3000000) AS g(i) WHERE i % 7 = 3");
    const took = performance.now() - started;
    clearInterval(timer);
    longestGap = Math.max(longestGap, performance.now() - last); // a loop blocked throughout never ticked at all
    expect(took).toBeGreaterThan(150); // long enough for a blocked loop to show
    expect(longestGap).toBeLessThan(took / 2);
  });
});

describe("PGlite store on disk", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "greffier-pglite-unit-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps committed data across a close and a reopen, and refuses queries once closed", async () => {
    const first = await openPglite(dir);
    await first.exec("CREATE TABLE kept (v text)");
    await first.transaction(async (tx) => tx.query("INSERT INTO kept VALUES ($1)", ["avant redémarrage"]));
    await first.close();
    await expect(first.query("SELECT 1")).rejects.toThrow(/closed/);
    await first.close(); // closing twice is harmless

    const second = await openPglite(dir);
    try {
      expect(await second.query("SELECT v FROM kept")).toEqual([{ v: "avant redémarrage" }]);
    } finally {
      await second.close();
    }
  });
});
