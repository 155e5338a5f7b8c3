// Scale-out: two server processes on one PostgreSQL and one Redis share everything that matters.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAi, type FakeOpenAi } from "../support/fake-openai";
import { createTestStore, hasPostgres, type TestStore } from "../support/stores";
import { fakeProviderEnv } from "../support/test-app";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function isRedisReachable(): Promise<boolean> {
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    return (await redis.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
const hasRedis = await isRedisReachable();
if (!hasRedis && process.env.CI)
  throw new Error(`Redis is unreachable at ${REDIS_URL}; under CI the two-replica test must run.`);

interface Replica {
  readonly url: string;
  readonly process: ChildProcess;
}

/** Starts `server/main.ts` as `npm start` does, and waits for the URL it prints. */
function startReplica(env: Record<string, string>): Promise<Replica> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, ...env, PORT: "0", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`replica did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /(http:\/\/127\.0\.0\.1:\d+)\/taskpane\.html/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, process: child });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`replica exited with ${code}:\n${output}`)));
  });
}

describe.skipIf(!hasPostgres || !hasRedis)("two replicas on one PostgreSQL and one Redis", () => {
  let fake: FakeOpenAi;
  let store: TestStore;
  let a: Replica;
  let b: Replica;

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    store = await createTestStore("postgres");
    const env = {
      ...fakeProviderEnv(fake.baseUrl),
      DATABASE_URL: store.location,
      REDIS_URL,
      REDIS_KEY_PREFIX: `greffier-test-${randomUUID()}:`,
      RATE_LIMIT_PER_MINUTE: "3",
      STATIC_DIR: "./no-static",
    };
    [a, b] = await Promise.all([startReplica(env), startReplica(env)]);
  }, 60_000);
  afterAll(async () => {
    for (const r of [a, b]) r?.process.kill("SIGTERM");
    await Promise.all(
      [a, b].map(
        (r) =>
          r &&
          new Promise((resolve) => (r.process.exitCode !== null ? resolve(null) : r.process.once("exit", resolve))),
      ),
    );
    await store.destroy();
    await fake.close();
  });

  const post = (replica: Replica, path: string, body: unknown) =>
    fetch(`${replica.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("generates on one, saves on the other, reads back on the first", async () => {
    const generated = await post(a, "/api/generations", {
      task: "interview-minutes",
      notes: "appel du 05/11 : demande de devis auto",
    });
    expect(generated.status).toBe(201);
    const { id, draft } = (await generated.json()) as { id: string; draft: string };
    const saved = await post(b, "/api/minutes", { generationId: id, text: draft, validated: true });
    expect(saved.status).toBe(201);
    const { id: minutesId } = (await saved.json()) as { id: string };
    const read = await fetch(`${a.url}/api/minutes/${minutesId}`);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { text: string }).text).toBe(draft);
  });

  it("shares the rate limit: what one replica counted, the other enforces", async () => {
    const generate = (replica: Replica) =>
      post(replica, "/api/generations", { task: "claim-summary", notes: "sinistre du 02/09, bris de glace" });
    // The first test used one generation of the three allowed per minute.
    expect((await generate(a)).status).toBe(201);
    expect((await generate(b)).status).toBe(201);
    const refused = await generate(a);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await generate(b)).status).toBe(429);
  });
});
