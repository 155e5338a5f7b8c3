// Owns the usual integration setup: a fake provider, a throwaway database of one kind, and the app built on them.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll } from "vitest";
import type { Db } from "../../server/store/db";
import { startFakeOpenAi, type FakeOpenAi } from "./fake-openai";
import { createTestStore, type StoreKind, type TestStore } from "./stores";
import { buildTestApp, fakeProviderEnv } from "./test-app";

export interface AppFixture {
  readonly fake: FakeOpenAi;
  readonly store: TestStore;
  readonly db: Db;
  readonly app: FastifyInstance;
  /** Closes the app and its database, then opens both again on the same data (a server restart). */
  restart(): Promise<void>;
}

/** Registers beforeAll/afterAll hooks for the current suite; the fields are set once beforeAll ran. */
export function useAppWithFakeProvider(kind: StoreKind, env: Record<string, string> = {}): AppFixture {
  const state = {} as { fake: FakeOpenAi; store: TestStore; db: Db; app: FastifyInstance };
  const build = async () => {
    state.db = await state.store.open();
    ({ app: state.app } = await buildTestApp({
      db: state.db,
      env: { ...fakeProviderEnv(state.fake.baseUrl), ...env },
    }));
  };
  beforeAll(async () => {
    state.fake = await startFakeOpenAi();
    state.store = await createTestStore(kind);
    await build();
  });
  afterAll(async () => {
    await state.app.close();
    await state.db.close();
    await state.store.destroy();
    await state.fake.close();
  });
  return {
    get fake() {
      return state.fake;
    },
    get store() {
      return state.store;
    },
    get db() {
      return state.db;
    },
    get app() {
      return state.app;
    },
    async restart() {
      await state.app.close();
      await state.db.close();
      await build();
    },
  };
}
