// Auth edges: iat in the future, a JWKS cached at most an hour and refreshed (rate-limited) on an unknown kid,
// NODE_ENV in any case, dev mode refused through a proxy, and a dev user without the Committee role by default.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../server/config";
import type { Db } from "../../server/store/db";
import { createTestStore, type TestStore } from "../support/stores";
import { buildTestApp } from "../support/test-app";

const TENANT = "22222222-3333-4444-5555-666666666666";
const AUDIENCE = "api://greffier.edges/1a2b3c4d-0000-4000-8000-000000000001";
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
const ABSENT = "/api/minutes/00000000-0000-4000-8000-000000000000";

/** An identity provider whose published keys can rotate, counting how often its JWKS is fetched. */
async function rotatingIdp() {
  const keys = new Map<string, { privateKey: CryptoKey; jwk: JWK }>();
  let published: string[] = [];
  let fetches = 0;
  const add = async (kid: string) => {
    const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
    keys.set(kid, { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" } });
  };
  const server = createServer((_req, res) => {
    fetches += 1;
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ keys: published.map((kid) => keys.get(kid)?.jwk) }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`,
    add,
    publish: (...kids: string[]) => {
      published = kids;
    },
    get fetches() {
      return fetches;
    },
    /** A token signed by `kid` (any kid: an unpublished one is what a forger would send). */
    async sign(kid: string, claims: Record<string, unknown> = {}) {
      const now = Math.floor(Date.now() / 1000);
      const key = keys.get(kid)?.privateKey ?? (await generateKeyPair("RS256")).privateKey;
      return new SignJWT({
        oid: "user-e",
        tid: TENANT,
        scp: "access_as_user",
        iss: ISSUER,
        aud: AUDIENCE,
        iat: now,
        exp: now + 3600,
        ...claims,
      })
        .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
        .sign(key);
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe("auth edges (entra)", () => {
  let idp: Awaited<ReturnType<typeof rotatingIdp>>;
  let store: TestStore;
  let db: Db;
  let app: FastifyInstance;

  beforeAll(async () => {
    idp = await rotatingIdp();
    await idp.add("key-a");
    await idp.add("key-b");
    idp.publish("key-a");
    store = await createTestStore("pglite");
    db = await store.open();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await app?.close();
  });
  afterAll(async () => {
    await db.close();
    await store.destroy();
    await idp.close();
  });

  const build = async () => {
    ({ app } = await buildTestApp({
      db,
      env: {
        AUTH_MODE: "entra",
        AUTH_TENANT_ID: TENANT,
        AUTH_AUDIENCE: AUDIENCE,
        AUTH_ISSUER: ISSUER,
        AUTH_JWKS_URL: idp.url,
      },
    }));
  };
  const call = async (token: string) =>
    app.inject({ method: "GET", url: ABSENT, headers: { authorization: `Bearer ${token}` } });

  it("refuses a token issued in the future beyond the clock tolerance, and one without iat", async () => {
    await build();
    const now = Math.floor(Date.now() / 1000);
    expect((await call(await idp.sign("key-a"))).statusCode).toBe(404);
    expect((await call(await idp.sign("key-a", { iat: now + 30 }))).statusCode).toBe(404); // within the tolerance
    const future = await call(await idp.sign("key-a", { iat: now + 600, exp: now + 4200 }));
    expect(future.statusCode).toBe(401);
    expect(future.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(future.json()).toMatchObject({ code: "unauthorized", detail: expect.stringMatching(/futur/) });
    expect((await call(await idp.sign("key-a", { iat: undefined }))).statusCode).toBe(401);
  });

  it("takes a new key on an unknown kid, but refetches the JWKS at most once per cool-down", async () => {
    idp.publish("key-a");
    await build();
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    expect((await call(await idp.sign("key-a"))).statusCode).toBe(404);
    const afterFirst = idp.fetches;
    // A storm of forged kids right after: no refetch inside the cool-down.
    for (let i = 0; i < 10; i++) expect((await call(await idp.sign(`forged-${i}`))).statusCode).toBe(401);
    expect(idp.fetches - afterFirst).toBeLessThanOrEqual(1);
    // The provider rotates to key B; past the cool-down the unknown kid refreshes the set at once.
    idp.publish("key-a", "key-b");
    vi.setSystemTime(start + 31_000);
    expect((await call(await idp.sign("key-b"))).statusCode).toBe(404);
  });

  it("stops trusting a key removed from the JWKS within an hour", async () => {
    idp.publish("key-a", "key-b");
    await build();
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    expect((await call(await idp.sign("key-a"))).statusCode).toBe(404);
    idp.publish("key-b"); // key A revoked
    vi.setSystemTime(start + 60 * 60 * 1000 + 1_000);
    expect((await call(await idp.sign("key-a"))).statusCode).toBe(401);
    expect((await call(await idp.sign("key-b"))).statusCode).toBe(404);
  });
});

describe("auth edges (dev)", () => {
  let store: TestStore;
  let db: Db;
  beforeAll(async () => {
    store = await createTestStore("pglite");
    db = await store.open();
  });
  afterAll(async () => {
    await db.close();
    await store.destroy();
  });

  it('refuses dev mode whatever the case of NODE_ENV, and for "prod"', () => {
    for (const value of ["production", "Production", "PRODUCTION", "prod", "Prod", " production "]) {
      expect(() => loadConfig({ AUTH_MODE: "dev", NODE_ENV: value }), value).toThrow(/AUTH_MODE=dev is refused/);
    }
    for (const value of ["development", "test", "preprod-like"])
      expect(() => loadConfig({ AUTH_MODE: "dev", NODE_ENV: value }), value).not.toThrow();
  });

  it("refuses a loopback request that came through a proxy (X-Forwarded-*, Forwarded)", async () => {
    const { app } = await buildTestApp({ db });
    try {
      expect((await app.inject({ method: "GET", url: ABSENT })).statusCode).toBe(404);
      for (const headers of [
        { "x-forwarded-for": "203.0.113.9" },
        { "x-forwarded-host": "greffier.example.org" },
        { "X-Forwarded-Proto": "https" },
        { forwarded: "for=203.0.113.9" },
      ]) {
        const proxied = await app.inject({ method: "GET", url: ABSENT, headers });
        expect(proxied.statusCode, JSON.stringify(headers)).toBe(401);
        expect(proxied.json()).toMatchObject({ code: "unauthorized", detail: expect.stringMatching(/proxy/) });
      }
      // Health stays public behind a proxy.
      expect(
        (await app.inject({ method: "GET", url: "/api/health", headers: { "x-forwarded-for": "203.0.113.9" } }))
          .statusCode,
      ).toBe(200);
    } finally {
      await app.close();
    }
  });

  it("makes the dev user an adviser without the Committee role unless DEV_COMMITTEE=true", async () => {
    const adviser = await buildTestApp({ db });
    const committee = await buildTestApp({ db, env: { DEV_COMMITTEE: "true" } });
    try {
      const refused = await adviser.app.inject({ method: "GET", url: "/api/committee/stats" });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: "forbidden" });
      expect((await committee.app.inject({ method: "GET", url: "/api/committee/stats" })).statusCode).toBe(200);
    } finally {
      await adviser.app.close();
      await committee.app.close();
    }
  });
});
