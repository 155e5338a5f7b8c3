// A hung provider is bounded with the default settings: a heartbeat keeps the stream open, the offline engine answers
// within 30 s over SSE and over JSON, and a cancelled trial call never benches the provider.
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/store/db";
import { startFakeOpenAi, type FakeOpenAi } from "../support/fake-openai";
import { createTestStore, type TestStore } from "../support/stores";
import { buildTestApp, fakeProviderEnv } from "../support/test-app";

const NOTES = "appel du 05/11 : demande d'attestation d'assurance habitation, envoi par mail";

describe("provider budget", () => {
  let fake: FakeOpenAi;
  let store: TestStore;
  let db: Db;
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    store = await createTestStore("pglite");
    db = await store.open();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await db.close();
    await store.destroy();
    await fake.close();
  });

  async function listening(env: Record<string, string> = {}): Promise<string> {
    const { app } = await buildTestApp({ db, env: { ...fakeProviderEnv(fake.baseUrl), ...env } });
    apps.push(app);
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  }

  it("answers offline within 30 s over SSE, with a heartbeat within 20 s, and within 30 s over JSON (default settings)", async () => {
    // Only the fake's address and its quick retry base: every deadline is the shipped default.
    const base = await listening();
    fake.setDefaultBehaviour({ kind: "hang" });
    try {
      const started = performance.now();
      const sse = (async () => {
        const response = await fetch(`${base}/api/generations`, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "text/event-stream" },
          body: JSON.stringify({ task: "interview-minutes", notes: NOTES }),
        });
        expect(response.status).toBe(200);
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        let text = "";
        let heartbeatAt: number | undefined;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
          if (heartbeatAt === undefined && /^: heartbeat$/m.test(text)) heartbeatAt = performance.now() - started;
        }
        return { text, heartbeatAt, endedAt: performance.now() - started };
      })();
      const json = (async () => {
        const response = await fetch(`${base}/api/generations`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ task: "member-email", notes: NOTES }),
        });
        return {
          status: response.status,
          body: (await response.json()) as { degraded: boolean },
          endedAt: performance.now() - started,
        };
      })();
      const [s, j] = await Promise.all([sse, json]);
      expect(s.heartbeatAt).toBeDefined();
      expect(s.heartbeatAt!).toBeLessThan(20_000);
      expect(s.endedAt).toBeLessThan(30_000);
      const done = /event: done\ndata: (.*)\n/.exec(s.text)?.[1];
      expect(JSON.parse(done ?? "{}")).toMatchObject({ degraded: true, provider: { name: "offline" } });
      expect(j.status).toBe(201);
      expect(j.body.degraded).toBe(true);
      expect(j.endedAt).toBeLessThan(30_000);
    } finally {
      fake.setDefaultBehaviour({ kind: "ok" });
    }
  }, 45_000);

  it("honours LLM_BUDGET_MS on the JSON path", async () => {
    const base = await listening({ LLM_BUDGET_MS: "1500" });
    fake.enqueue({ kind: "hang" });
    const started = performance.now();
    const response = await fetch(`${base}/api/generations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ task: "interview-minutes", notes: NOTES }),
    });
    const elapsed = performance.now() - started;
    expect(response.status).toBe(201);
    expect(((await response.json()) as { degraded: boolean }).degraded).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(1_400);
    expect(elapsed).toBeLessThan(5_000);
  });

  it("recovers after the adviser cancels the half-open trial call", async () => {
    const base = await listening({ LLM_BREAKER_THRESHOLD: "1", LLM_BREAKER_COOLDOWN_MS: "300", LLM_MAX_ATTEMPTS: "1" });
    const post = (signal?: AbortSignal) =>
      fetch(`${base}/api/generations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ task: "interview-minutes", notes: NOTES }),
        signal,
      });
    // One failure benches the provider.
    fake.enqueue({ kind: "status", status: 503 });
    expect(((await (await post()).json()) as { degraded: boolean }).degraded).toBe(true);
    await sleep(400);
    // The trial call hangs and the adviser gives up.
    fake.enqueue({ kind: "hang" });
    const requestsBefore = fake.requests.length;
    const controller = new AbortController();
    const cancelled = post(controller.signal).catch((error: unknown) => error);
    for (let i = 0; i < 50 && fake.requests.length === requestsBefore; i++) await sleep(20);
    expect(fake.requests.length).toBe(requestsBefore + 1);
    controller.abort();
    await cancelled;
    await sleep(100);
    // Ready shows the breaker (never unready for it: the offline engine still answers).
    expect(
      ((await (await fetch(`${base}/api/health/ready`)).json()) as { providers: Record<string, string> }).providers[
        "fake-eu"
      ],
    ).toBe("half-open");
    // The next generation tries the provider again and gets its answer, not the offline engine's.
    const next = (await (await post()).json()) as { degraded: boolean; provider: { name: string } };
    expect(next).toMatchObject({ degraded: false, provider: { name: "fake-eu" } });
    expect(
      ((await (await fetch(`${base}/api/health/ready`)).json()) as { providers: Record<string, string> }).providers,
    ).toEqual({ "fake-eu": "closed", offline: "closed" });
  });
});
