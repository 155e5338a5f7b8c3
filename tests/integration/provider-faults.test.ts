// A slow or failing provider never costs the adviser their draft: retries, timeouts, fallback, circuit breaker.
import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GenerationResponseSchema, type GenerationResponse } from "../../src/schemas/generation";
import type { Db } from "../../server/store/db";
import { startFakeOpenAi, type FakeOpenAi } from "../support/fake-openai";
import { fixture } from "../support/fixtures";
import { createTestStore, type TestStore } from "../support/stores";
import { buildTestApp, fakeProviderEnv, parseSse } from "../support/test-app";

const NOTES = fixture("02-degat-des-eaux-visite.txt");

describe("provider faults", () => {
  let primary: FakeOpenAi;
  let secondary: FakeOpenAi;
  let store: TestStore;
  let db: Db;
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    primary = await startFakeOpenAi();
    secondary = await startFakeOpenAi();
    store = await createTestStore("pglite");
    db = await store.open();
  });
  afterEach(() => {
    primary.requests.length = 0;
    secondary.requests.length = 0;
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await db.close();
    await store.destroy();
    await primary.close();
    await secondary.close();
  });

  async function appWith(env: Record<string, string> = {}, withSecondary = false): Promise<FastifyInstance> {
    const secondaryEnv = withSecondary
      ? {
          LLM_FALLBACK_BASE_URL: secondary.baseUrl,
          LLM_FALLBACK_MODEL: "backup-model",
          LLM_FALLBACK_PROVIDER_NAME: "fake-eu-2",
          LLM_FALLBACK_REGION: "SWE",
        }
      : {};
    const { app } = await buildTestApp({ db, env: { ...fakeProviderEnv(primary.baseUrl), ...secondaryEnv, ...env } });
    apps.push(app);
    return app;
  }
  async function generateJson(app: FastifyInstance): Promise<GenerationResponse> {
    const response = await app.inject({
      method: "POST",
      url: "/api/generations",
      payload: { task: "interview-minutes", notes: NOTES },
    });
    expect(response.statusCode).toBe(201);
    return GenerationResponseSchema.parse(response.json());
  }
  async function generateStream(app: FastifyInstance) {
    const response = await app.inject({
      method: "POST",
      url: "/api/generations",
      payload: { task: "interview-minutes", notes: NOTES },
      headers: { accept: "text/event-stream" },
    });
    return parseSse(response.body);
  }

  it("retries 500s on the same provider, then answers from it", async () => {
    const app = await appWith();
    primary.enqueue({ kind: "status", status: 500 }, { kind: "status", status: 503 });
    const result = await generateJson(app);
    expect(primary.requests).toHaveLength(3);
    expect(result).toMatchObject({ degraded: false, provider: { name: "fake-eu" } });
  });

  it("waits as long as a 429's Retry-After says before asking again", async () => {
    const app = await appWith();
    primary.enqueue({ kind: "status", status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    const result = await generateJson(app);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(primary.requests).toHaveLength(2);
    expect(result.degraded).toBe(false);
  });

  it("does not retry a 400: the next provider answers", async () => {
    const app = await appWith({}, true);
    primary.enqueue({ kind: "status", status: 400 });
    const result = await generateJson(app);
    expect(primary.requests).toHaveLength(1);
    expect(result.provider).toEqual({ name: "fake-eu-2", model: "backup-model", region: "SWE" });
    expect(result.degraded).toBe(false);
  });

  it("abandons a hung provider at the first-token deadline", async () => {
    const app = await appWith({ LLM_TIMEOUT_MS: "300", LLM_MAX_ATTEMPTS: "1" });
    primary.enqueue({ kind: "hang" });
    const started = Date.now();
    const events = await generateStream(app);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(5_000);
    const done = GenerationResponseSchema.parse(events.at(-1)?.data);
    expect(done).toMatchObject({ degraded: true, provider: { name: "offline" } });
  });

  it("abandons a stream that stalls between chunks, and the next provider completes the draft after a replace", async () => {
    const app = await appWith({ LLM_IDLE_TIMEOUT_MS: "200" }, true);
    primary.enqueue({ kind: "ok", chunkDelayMs: 600, chunkSize: 20 });
    const events = await generateStream(app);
    const names = events.map((e) => e.event);
    expect(names.indexOf("delta")).toBeLessThan(names.indexOf("replace"));
    const done = GenerationResponseSchema.parse(events.at(-1)?.data);
    expect(done.provider.name).toBe("fake-eu-2");
    const after = events
      .slice(names.lastIndexOf("replace") + 1)
      .filter((e) => e.event === "delta")
      .map((e) => (e.data as { text: string }).text);
    expect(after.join("")).toBe(done.draft);
  });

  it("never ends a cut stream in a silently truncated done", async () => {
    const app = await appWith({}, true);
    primary.enqueue({ kind: "cut", afterChunks: 4, chunkSize: 10, chunkDelayMs: 30 });
    const events = await generateStream(app);
    const names = events.map((e) => e.event);
    expect(names).toContain("replace");
    const done = GenerationResponseSchema.parse(events.at(-1)?.data);
    expect(done.provider.name).toBe("fake-eu-2");
    expect(done.draft).toContain("## Éléments échangés");
    expect(done.draft).toContain("prochaine étape : artisan pour devis");
  });

  it("treats a malformed chunk and a wrong content type as failures, never as a draft", async () => {
    const app = await appWith();
    primary.enqueue({ kind: "malformed-chunk", afterChunks: 0 }, { kind: "wrong-content-type" });
    const events = await generateStream(app);
    expect(events.map((e) => e.event)).not.toContain("error");
    const done = GenerationResponseSchema.parse(events.at(-1)?.data);
    expect(primary.requests).toHaveLength(3);
    expect(done).toMatchObject({ degraded: false, provider: { name: "fake-eu" } });
    expect(done.draft).not.toMatch(/<html>|not json/);

    primary.enqueue({ kind: "wrong-content-type" }, { kind: "wrong-content-type" }, { kind: "wrong-content-type" });
    const json = await generateJson(app);
    expect(json).toMatchObject({ degraded: true, provider: { name: "offline" } });
  });

  it("benches a failing provider for the cool-down instead of making every adviser wait", async () => {
    const app = await appWith(
      { LLM_BREAKER_THRESHOLD: "2", LLM_BREAKER_COOLDOWN_MS: "60000", LLM_MAX_ATTEMPTS: "1" },
      true,
    );
    primary.enqueue({ kind: "status", status: 503 }, { kind: "status", status: 503 });
    expect((await generateJson(app)).provider.name).toBe("fake-eu-2");
    expect((await generateJson(app)).provider.name).toBe("fake-eu-2");
    expect(primary.requests).toHaveLength(2);
    // Open circuit: the primary is not even asked.
    expect((await generateJson(app)).provider.name).toBe("fake-eu-2");
    expect(primary.requests).toHaveLength(2);
  });
});
