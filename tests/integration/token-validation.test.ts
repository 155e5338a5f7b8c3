// Every way of forging or misusing an access token gets 401; a proper one gets in, with its roles.
import { createHmac } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { exportSPKI, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/store/db";
import {
  startLocalIdentityProvider,
  TEST_AUDIENCE,
  TEST_ISSUER,
  TEST_TENANT,
  type LocalIdentityProvider,
} from "../support/jwks-signer";
import { createTestStore, type TestStore } from "../support/stores";
import { buildTestApp } from "../support/test-app";

const b64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

describe("entra token validation", () => {
  let idp: LocalIdentityProvider;
  let store: TestStore;
  let db: Db;
  let app: FastifyInstance;
  let publicPem: string;

  beforeAll(async () => {
    idp = await startLocalIdentityProvider();
    store = await createTestStore("pglite");
    db = await store.open();
    ({ app } = await buildTestApp({
      db,
      env: {
        ...idp.env,
      },
    }));
    const jwks = (await (await fetch(idp.jwksUrl)).json()) as { keys: JsonWebKey[] };
    const { importJWK } = await import("jose");
    publicPem = await exportSPKI((await importJWK(jwks.keys[0] as never, "RS256", { extractable: true })) as CryptoKey);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await store.destroy();
    await idp.close();
  });

  const call = (authorization?: string) =>
    app.inject({
      method: "GET",
      url: "/api/minutes/00000000-0000-4000-8000-000000000000",
      headers: authorization ? { authorization } : {},
    });
  const now = () => Math.floor(Date.now() / 1000);
  const validClaims = () => ({
    oid: "user-a",
    tid: TEST_TENANT,
    scp: "access_as_user",
    iss: TEST_ISSUER,
    aud: TEST_AUDIENCE,
    iat: now(),
    exp: now() + 3600,
  });

  it("lets a valid token in (404 on an absent resource, not 401)", async () => {
    expect((await call(`Bearer ${await idp.sign()}`)).statusCode).toBe(404);
  });

  it("accepts the API's audience in both forms (client id or api:// URI)", async () => {
    const bare = TEST_AUDIENCE.replace(/^api:\/\//, "");
    expect((await call(`Bearer ${await idp.sign({ aud: bare })}`)).statusCode).toBe(404);
  });

  const forged: [string, () => Promise<string | undefined>][] = [
    ["missing", async () => undefined],
    ["not a bearer", async () => `Basic ${b64url("a:b")}`],
    [
      "alg none",
      async () =>
        `Bearer ${b64url(JSON.stringify({ alg: "none", typ: "JWT" }))}.${b64url(JSON.stringify(validClaims()))}.`,
    ],
    [
      "signed by another key",
      async () => {
        const { privateKey } = await generateKeyPair("RS256");
        return `Bearer ${await new SignJWT(validClaims()).setProtectedHeader({ alg: "RS256", kid: "test-key-1" }).sign(privateKey)}`;
      },
    ],
    [
      "HS256 with the public key as secret",
      async () => {
        const header = b64url(JSON.stringify({ alg: "HS256", typ: "JWT", kid: "test-key-1" }));
        const payload = b64url(JSON.stringify(validClaims()));
        const signature = createHmac("sha256", publicPem).update(`${header}.${payload}`).digest("base64url");
        return `Bearer ${header}.${payload}.${signature}`;
      },
    ],
    ["expired", async () => `Bearer ${await idp.sign({}, { expiresIn: now() - 600 })}`],
    ["not yet valid", async () => `Bearer ${await idp.sign({}, { notBefore: now() + 600 })}`],
    ["wrong audience", async () => `Bearer ${await idp.sign({ aud: "api://another-api" })}`],
    [
      "wrong issuer",
      async () =>
        `Bearer ${await idp.sign({ iss: "https://login.microsoftonline.com/99999999-0000-0000-0000-000000000000/v2.0" })}`,
    ],
    ["wrong tenant", async () => `Bearer ${await idp.sign({ tid: "99999999-0000-0000-0000-000000000000" })}`],
    ["missing scope", async () => `Bearer ${await idp.sign({ scp: "User.Read" })}`],
    ["no user id", async () => `Bearer ${await idp.sign({ oid: undefined })}`],
    [
      "tampered payload",
      async () => {
        const [h, , s] = (await idp.sign()).split(".");
        return `Bearer ${h}.${b64url(JSON.stringify({ ...validClaims(), oid: "someone-else" }))}.${s}`;
      },
    ],
  ];
  for (const [name, make] of forged) {
    it(`refuses a token that is ${name} with 401 problem+json`, async () => {
      const response = await call(await make());
      expect(response.statusCode).toBe(401);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ code: "unauthorized", detail: expect.any(String) });
    });
  }

  it("reads the Committee role from the token", async () => {
    expect(
      (
        await app.inject({
          method: "GET",
          url: "/api/committee/stats",
          headers: { authorization: `Bearer ${await idp.sign()}` },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: "GET",
          url: "/api/committee/stats",
          headers: { authorization: `Bearer ${await idp.sign({ roles: ["Committee"] })}` },
        })
      ).statusCode,
    ).toBe(200);
  });
});
