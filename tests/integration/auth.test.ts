// Every request carries a user: entra tokens are validated, each adviser sees only their own work, dev mode stays on
// loopback.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config";
import type { Db } from "../../server/store/db";
import { startLocalIdentityProvider, TEST_TENANT, type LocalIdentityProvider } from "../support/jwks-signer";
import { createTestStore, describeEachStore, type TestStore } from "../support/stores";
import { buildTestApp } from "../support/test-app";

describeEachStore("per-adviser isolation (entra)", (kind) => {
  let idp: LocalIdentityProvider;
  let store: TestStore;
  let db: Db;
  let app: FastifyInstance;

  beforeAll(async () => {
    idp = await startLocalIdentityProvider();
    store = await createTestStore(kind);
    db = await store.open();
    ({ app } = await buildTestApp({
      db,
      env: {
        ...idp.env,
      },
    }));
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await store.destroy();
    await idp.close();
  });

  it("lets an adviser read their own generation and minutes, and answers 404 to another adviser", async () => {
    const alice = `Bearer ${await idp.sign({ oid: "alice" })}`;
    const bob = `Bearer ${await idp.sign({ oid: "bob" })}`;
    const generated = await app.inject({
      method: "POST",
      url: "/api/generations",
      headers: { authorization: alice },
      payload: { task: "interview-minutes", notes: "appel du 05/11, demande de devis" },
    });
    expect(generated.statusCode).toBe(201);
    const generation = generated.json() as { id: string; draft: string };

    const bobSaves = await app.inject({
      method: "POST",
      url: "/api/minutes",
      headers: { authorization: bob },
      payload: { generationId: generation.id, text: generation.draft, validated: true },
    });
    expect(bobSaves.statusCode).toBe(404);

    const saved = await app.inject({
      method: "POST",
      url: "/api/minutes",
      headers: { authorization: alice },
      payload: { generationId: generation.id, text: generation.draft, validated: true },
    });
    expect(saved.statusCode).toBe(201);
    const id = (saved.json() as { id: string }).id;

    expect(
      (await app.inject({ method: "GET", url: `/api/minutes/${id}`, headers: { authorization: alice } })).statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: "GET", url: `/api/minutes/${id}`, headers: { authorization: bob } })).statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ method: "GET", url: `/api/generations/${generation.id}`, headers: { authorization: bob } }))
        .statusCode,
    ).toBe(404);
    const read = await app.inject({ method: "GET", url: `/api/minutes/${id}`, headers: { authorization: alice } });
    expect(read.json()).toMatchObject({ validatedBy: `${TEST_TENANT}:alice` });
  });

  it("cannot be walked around with an encoded path: /%61pi/… still needs a token", async () => {
    for (const [method, url] of [
      ["GET", "/%61pi/committee/stats"],
      ["POST", "/%61pi/sources/mail-thread"],
      ["GET", "/%61pi/minutes/00000000-0000-4000-8000-000000000000"],
    ] as const) {
      const response = await app.inject({ method, url, payload: method === "POST" ? { text: "Bonjour" } : undefined });
      expect(response.statusCode, url).toBe(401);
    }
    const health = await app.inject({ method: "GET", url: "/api/health?probe=1" });
    expect(health.statusCode).toBe(200);
  });

  it("answers 401 in problem+json without a token or with a token of another tenant", async () => {
    const none = await app.inject({
      method: "POST",
      url: "/api/generations",
      payload: { task: "interview-minutes", notes: "x" },
    });
    expect(none.statusCode).toBe(401);
    expect(none.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const otherTenant = await app.inject({
      method: "GET",
      url: "/api/minutes/00000000-0000-4000-8000-000000000000",
      headers: { authorization: `Bearer ${await idp.sign({ tid: "99999999-2222-3333-4444-555555555555" })}` },
    });
    expect(otherTenant.statusCode).toBe(401);
  });
});

describe("dev mode", () => {
  let store: TestStore;
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await createTestStore("pglite");
    db = await store.open();
    ({ app } = await buildTestApp({ db }));
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await store.destroy();
  });

  it("serves the local user on loopback only", async () => {
    const local = await app.inject({
      method: "GET",
      url: "/api/minutes/00000000-0000-4000-8000-000000000000",
      remoteAddress: "127.0.0.1",
    });
    expect(local.statusCode).toBe(404);
    const remote = await app.inject({
      method: "GET",
      url: "/api/minutes/00000000-0000-4000-8000-000000000000",
      remoteAddress: "192.0.2.10",
    });
    expect(remote.statusCode).toBe(401);
    expect(remote.json()).toMatchObject({ detail: expect.stringMatching(/connexions locales/) });
  });

  it("is refused at start-up in production", () => {
    expect(() => loadConfig({ AUTH_MODE: "dev", NODE_ENV: "production" })).toThrow(
      /AUTH_MODE=dev is refused when NODE_ENV=production/,
    );
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/AUTH_MODE/);
  });
});
