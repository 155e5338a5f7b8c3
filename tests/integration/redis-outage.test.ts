// Redis down: killed mid-run it gives no 5xx (limits are counted per replica, with a metric), ready reports it, and
// it is used again once back; unreachable at start, the server still starts.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRedis, createRedisClient } from "../../server/limits/redis";
import type { Db } from "../../server/store/db";
import { startFakeOpenAi, type FakeOpenAi } from "../support/fake-openai";
import { createTestStore, type TestStore } from "../support/stores";
import { buildTestApp, fakeProviderEnv } from "../support/test-app";

const NOTES = "appel du 21/11 : changement de véhicule, nouvelle immatriculation à communiquer";
const hasRedisServer = await new Promise<boolean>((resolve) => {
  const probe = spawn("redis-server", ["--version"]);
  probe.on("error", () => resolve(false));
  probe.on("exit", (code) => resolve(code === 0));
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A redis-server of this test's own, on its own port, so killing it disturbs no one else. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("redis-server did not start")), 10_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      if (/Ready to accept connections/i.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return child;
}

describe.skipIf(!hasRedisServer)("Redis outage", () => {
  let fake: FakeOpenAi;
  let store: TestStore;
  let db: Db;
  let port: number;
  let redisServer: ChildProcess | undefined;
  let redis: Redis;
  let app: FastifyInstance;

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    store = await createTestStore("pglite");
    db = await store.open();
    port = await freePort();
    redisServer = await startRedis(port);
    redis = createRedisClient(`redis://127.0.0.1:${port}`);
    await connectRedis(redis, { warn: () => undefined });
    ({ app } = await buildTestApp({
      db,
      redis,
      env: { ...fakeProviderEnv(fake.baseUrl), RATE_LIMIT_PER_MINUTE: "8", REDIS_KEY_PREFIX: `outage-${port}:` },
    }));
  });
  afterAll(async () => {
    await app?.close();
    redis?.disconnect();
    redisServer?.kill("SIGKILL");
    await db?.close();
    await store?.destroy();
    await fake?.close();
  });

  const generate = () =>
    app.inject({ method: "POST", url: "/api/generations", payload: { task: "interview-minutes", notes: NOTES } });
  const ready = () => app.inject({ method: "GET", url: "/api/health/ready" });

  it("answers without a 5xx when Redis is killed mid-run, reports it in ready, and counts per replica", async () => {
    expect((await generate()).statusCode).toBe(201);
    expect((await ready()).json()).toMatchObject({ status: "ok", checks: { db: "ok", redis: "ok" } });
    // Counted in Redis while it runs.
    expect(Number(await redis.get(`outage-${port}:rate:POST/api/generations-dev:local`))).toBe(1);

    const exited = new Promise((resolve) => redisServer?.once("exit", resolve));
    redisServer?.kill("SIGKILL");
    await exited;
    redisServer = undefined;

    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await generate()).statusCode);
    // Never a 5xx; the per-minute limit still holds, counted by this replica alone.
    expect(statuses.every((s) => s < 500)).toBe(true);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(7);
    expect(statuses.at(-1)).toBe(429);
    // Other routes that do work are rate-limited through the same fallback, and never answer 5xx either.
    const thread = await app.inject({
      method: "POST",
      url: "/api/sources/mail-thread",
      payload: { text: "De : a@example.org\nObjet : test\n\nBonjour" },
    });
    expect(thread.statusCode).toBeLessThan(500);

    const notReady = await ready();
    expect(notReady.statusCode).toBe(503);
    expect(notReady.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(notReady.json()).toMatchObject({
      status: 503,
      code: "not_ready",
      checks: { db: "ok", redis: "down" },
      detail: expect.stringContaining("redis"),
    });
    // Liveness stays green: the process itself is fine.
    expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
    const metrics = (await app.inject({ method: "GET", url: "/metrics" })).body;
    expect(metrics).toMatch(/greffier_redis_fallback_total\{use="rate-limit"\} [1-9]/);
    expect(metrics).toMatch(/greffier_redis_degraded 1/);
  });

  it("is ready again once Redis is back", async () => {
    redisServer = await startRedis(port);
    for (let i = 0; i < 40 && redis.status !== "ready"; i++) await sleep(100);
    expect((await ready()).json()).toMatchObject({ status: "ok", checks: { redis: "ok" } });
  });

  it("starts (npm start) with an unreachable Redis, live but not ready", async () => {
    const deadPort = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      env: {
        ...process.env,
        PORT: "0",
        LOG_LEVEL: "warn",
        REDIS_URL: `redis://127.0.0.1:${deadPort}`,
        DATA_DIR: store.location,
        STATIC_DIR: "./no-static",
        AUDIT_CHECKPOINT_DIR: `${store.location}-checkpoints`,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = "";
        const timer = setTimeout(() => reject(new Error(`did not start:\n${output}`)), 30_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const found = /(http:\/\/127\.0\.0\.1:\d+)\/taskpane\.html/.exec(output)?.[1];
          if (found) {
            clearTimeout(timer);
            resolve(found);
          }
        };
        child.stdout?.on("data", onData);
        child.stderr?.on("data", onData);
        child.on("exit", (code) => reject(new Error(`exited with ${code}:\n${output}`)));
      });
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
      const notReady = await fetch(`${url}/api/health/ready`);
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toMatchObject({ checks: { redis: "down" } });
      const generated = await fetch(`${url}/api/generations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ task: "member-email", notes: NOTES }),
      });
      expect(generated.status).toBe(201);
    } finally {
      const exited = new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
      child.kill("SIGTERM");
      await exited;
    }
  }, 60_000);
});
