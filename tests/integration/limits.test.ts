// Limits and bad input: per-adviser rate and concurrency caps, idempotent saves, graceful shutdown, metrics, OpenAPI.
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeGracefully } from "../../server/lifecycle";
import type { Db } from "../../server/store/db";
import { startFakeOpenAi, type FakeOpenAi } from "../support/fake-openai";
import { createTestStore, describeEachStore, type TestStore } from "../support/stores";
import { buildTestApp, fakeProviderEnv } from "../support/test-app";

const NOTES = "appel du 05/11 : demande d'attestation d'assurance habitation, envoi par mail";

describe("limits", () => {
  let fake: FakeOpenAi;
  let store: TestStore;
  let db: Db;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
    store = await createTestStore("pglite");
    db = await store.open();
  });
  afterAll(async () => {
    await db.close();
    await store.destroy();
    await fake.close();
  });

  it("refuses the generation past the per-minute limit with 429, Retry-After and a French detail", async () => {
    const { app } = await buildTestApp({ db, env: { RATE_LIMIT_PER_MINUTE: "2" } });
    const send = () =>
      app.inject({ method: "POST", url: "/api/generations", payload: { task: "interview-minutes", notes: NOTES } });
    expect((await send()).statusCode).toBe(201);
    expect((await send()).statusCode).toBe(201);
    const refused = await send();
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({
      code: "rate_limited",
      detail: expect.stringMatching(/Trop de demandes.*Réessayez dans \d+ s/),
    });
    await app.close();
  });

  it("caps the generations one adviser runs at once", async () => {
    const { app } = await buildTestApp({
      db,
      env: { ...fakeProviderEnv(fake.baseUrl), MAX_CONCURRENT_GENERATIONS: "1" },
    });
    fake.enqueue({ kind: "ok", chunkDelayMs: 40, chunkSize: 20 });
    const slow = app.inject({
      method: "POST",
      url: "/api/generations",
      payload: { task: "interview-minutes", notes: NOTES },
      headers: { accept: "text/event-stream" },
    });
    await sleep(100);
    const second = await app.inject({
      method: "POST",
      url: "/api/generations",
      payload: { task: "interview-minutes", notes: NOTES },
    });
    expect(second.statusCode).toBe(429);
    expect(second.json()).toMatchObject({
      code: "rate_limited",
      detail: expect.stringMatching(/déjà des brouillons en cours/),
    });
    expect((await slow).statusCode).toBe(200);
    // The slot is released once the first one ends.
    expect(
      (
        await app.inject({
          method: "POST",
          url: "/api/generations",
          payload: { task: "interview-minutes", notes: NOTES },
        })
      ).statusCode,
    ).toBe(201);
    await app.close();
  });

  it("does not charge the per-minute quota for generations the concurrency cap refused", async () => {
    const { app } = await buildTestApp({
      db,
      env: { ...fakeProviderEnv(fake.baseUrl), MAX_CONCURRENT_GENERATIONS: "1", RATE_LIMIT_PER_MINUTE: "2" },
    });
    fake.enqueue({ kind: "ok", chunkDelayMs: 40, chunkSize: 20 });
    const slow = app.inject({
      method: "POST",
      url: "/api/generations",
      payload: { task: "interview-minutes", notes: NOTES },
      headers: { accept: "text/event-stream" },
    });
    await sleep(100);
    for (let i = 0; i < 4; i++) {
      const refused = await app.inject({
        method: "POST",
        url: "/api/generations",
        payload: { task: "interview-minutes", notes: NOTES },
      });
      expect(refused.json()).toMatchObject({
        code: "rate_limited",
        detail: expect.stringMatching(/déjà des brouillons en cours/),
      });
    }
    expect((await slow).statusCode).toBe(200);
    // Only the slow one was charged: one more fits in the quota of 2, the next one does not.
    expect(
      (
        await app.inject({
          method: "POST",
          url: "/api/generations",
          payload: { task: "interview-minutes", notes: NOTES },
        })
      ).statusCode,
    ).toBe(201);
    const over = await app.inject({
      method: "POST",
      url: "/api/generations",
      payload: { task: "interview-minutes", notes: NOTES },
    });
    expect(over.statusCode).toBe(429);
    expect(over.json().detail).toMatch(/Trop de demandes/);
    await app.close();
  });

  it("rate-limits every route that does work (feedback, source texts, versions, lists, saves), never health", async () => {
    const { app } = await buildTestApp({ db, env: { RATE_LIMIT_REQUESTS_PER_MINUTE: "3" } });
    const g = (
      await app.inject({ method: "POST", url: "/api/generations", payload: { task: "member-email", notes: NOTES } })
    ).json() as { id: string };
    const calls: [string, string, unknown][] = [
      ["POST", "/api/feedback", { kind: "use-case", comment: "résumer les courriers de relance" }],
      ["POST", "/api/sources/mail-thread", { text: "De : a@example.org\nObjet : test\n\nBonjour" }],
      ["POST", "/api/sources/transcript", { vtt: "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Claire>Bonjour\n" }],
      ["POST", `/api/generations/${g.id}/versions`, { text: "version modifiée" }],
      ["GET", `/api/generations/${g.id}/versions`, undefined],
      ["GET", "/api/minutes", undefined],
    ];
    const statuses: number[] = [];
    for (const [method, url, payload] of calls) {
      const answer = await app.inject({
        method: method as "GET" | "POST",
        url,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      statuses.push(answer.statusCode);
      if (answer.statusCode === 429) expect(answer.json()).toMatchObject({ code: "rate_limited" });
    }
    // Three pass, the rest of the minute is refused, whatever the route.
    expect(statuses.slice(0, 3).every((s) => s < 400)).toBe(true);
    expect(statuses.slice(3)).toEqual([429, 429, 429]);
    for (let i = 0; i < 5; i++) {
      expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
      expect((await app.inject({ method: "GET", url: "/api/health/ready" })).statusCode).toBe(200);
    }
    await app.close();
  });

  it("serves Prometheus metrics and the OpenAPI description", async () => {
    const { app } = await buildTestApp({ db, env: fakeProviderEnv(fake.baseUrl) });
    fake.enqueue({ kind: "status", status: 503 });
    await app.inject({
      method: "POST",
      url: "/api/generations",
      payload: { task: "claim-summary", notes: NOTES },
      headers: { accept: "text/event-stream" },
    });
    const metrics = await app.inject({ method: "GET", url: "/metrics" });
    expect(metrics.body).toMatch(
      /greffier_generations_total\{task="claim-summary",provider="fake-eu",degraded="false",streamed="true"\} 1/,
    );
    expect(metrics.body).toMatch(/greffier_provider_errors_total\{provider="fake-eu",kind="status",status="503"\} 1/);
    expect(metrics.body).toMatch(/greffier_time_to_first_token_seconds_count 1/);
    expect(metrics.body).toMatch(/greffier_generation_seconds_bucket/);
    const openapi = (
      await app.inject({ method: "GET", url: "/api/openapi.json", remoteAddress: "198.51.100.4" })
    ).json() as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; additionalProperties?: unknown }> };
    };
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(["/api/generations", "/api/minutes", "/api/feedback", "/api/committee/stats"]),
    );
    expect(Object.keys(openapi.components.schemas.GenerationRequest?.properties ?? {})).toEqual([
      "task",
      "template",
      "notes",
      "source",
      "context",
      "revise",
      "documentType",
      "transcriptionId",
    ]);
    expect(openapi.components.schemas.GenerationRequest?.additionalProperties).toBe(false);
    await app.close();
  });
});

describeEachStore("saves", (kind) => {
  let store: TestStore;
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await createTestStore(kind);
    db = await store.open();
    ({ app } = await buildTestApp({ db }));
  });
  afterAll(async () => {
    await app.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    await store.destroy();
  });

  const generate = async () =>
    (
      await app.inject({ method: "POST", url: "/api/generations", payload: { task: "member-email", notes: NOTES } })
    ).json() as { id: string; draft: string };

  it("never stores a retried save twice (Idempotency-Key), even when the retries race", async () => {
    const g = await generate();
    const save = () =>
      app.inject({
        method: "POST",
        url: "/api/minutes",
        payload: { generationId: g.id, text: g.draft, validated: true },
        headers: { "idempotency-key": `save-${g.id}` },
      });
    const [a, b, c] = await Promise.all([save(), save(), save()]);
    expect([a?.statusCode, b?.statusCode, c?.statusCode]).toEqual([201, 201, 201]);
    expect(new Set([a?.json().id, b?.json().id, c?.json().id]).size).toBe(1);
    const again = await save();
    expect(again.json().id).toBe(a?.json().id);
    const [row] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM minutes WHERE generation_id = $1", [
      g.id,
    ]);
    expect(row?.n).toBe(1);
    const bad = await app.inject({
      method: "POST",
      url: "/api/minutes",
      payload: { generationId: g.id, text: g.draft, validated: true },
      headers: { "idempotency-key": "é".repeat(3) },
    });
    expect(bad.statusCode).toBe(400);
  });

  it("finishes a save that is in flight when the server is told to stop, then closes the store", async () => {
    await app.close();
    ({ app } = await buildTestApp({ db }));
    let arrived!: () => void;
    const hasArrived = new Promise<void>((resolve) => (arrived = resolve));
    // Hold the save after it is accepted, so the stop signal lands while it is in flight.
    app.addHook("preHandler", async (request) => {
      if (request.url === "/api/minutes") {
        arrived();
        await sleep(300);
      }
    });
    const g = await generate();
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const inFlight = fetch(`http://127.0.0.1:${port}/api/minutes`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ generationId: g.id, text: g.draft, validated: true }),
    });
    await hasArrived;
    const stopping = closeGracefully(app, { db }, 5_000);
    const response = await inFlight;
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    await stopping;

    const reopened = await store.open();
    const [row] = await reopened.query<{ id: string }>("SELECT id FROM minutes WHERE id = $1", [id]);
    expect(row?.id).toBe(id);
    db = reopened;
  });
});
