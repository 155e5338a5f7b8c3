// Owns the app the accuracy benches measure through: the real server on one store, the fake provider recording.
import type { FastifyInstance } from "fastify";
import { startFakeOpenAi, type FakeOpenAi } from "../support/fake-openai";
import { createTestStore, hasPostgres, type StoreKind } from "../support/stores";
import { buildTestApp, fakeProviderEnv } from "../support/test-app";

/** The stores a figure is given on, side by side: PGlite (the default) and PostgreSQL when reachable. */
export const BENCH_STORES: readonly StoreKind[] = hasPostgres ? ["pglite", "postgres"] : ["pglite"];

export const STORE_LABEL: Record<StoreKind, string> = { pglite: "PGlite", postgres: "PostgreSQL" };

/** Runs `body` against the app built as main.ts builds it, on a throwaway store of `kind`, then drops everything. */
export async function withAppOn<T>(
  kind: StoreKind,
  body: (api: { app: FastifyInstance; fake: FakeOpenAi }) => Promise<T>,
): Promise<T> {
  const fake = await startFakeOpenAi();
  const store = await createTestStore(kind);
  const db = await store.open();
  const { app } = await buildTestApp({
    db,
    env: { ...fakeProviderEnv(fake.baseUrl), RATE_LIMIT_PER_MINUTE: "100000" },
  });
  try {
    return await body({ app, fake });
  } finally {
    await app.close();
    await db.close();
    await store.destroy();
    await fake.close();
  }
}
