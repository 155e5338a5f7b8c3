// Owns the Redis client replicas share for limits, and what happens when Redis fails: per-replica counting, a metric
// and one warning per outage, never a 500; an unreachable Redis at start does not stop the server.
import type { FastifyBaseLogger } from "fastify";
import { Redis } from "ioredis";
import { Counter, Gauge, type Registry } from "prom-client";

/** Longest wait on one Redis command before the replica counts on its own. */
export const REDIS_COMMAND_TIMEOUT_MS = 500;

/**
 * A client that fails fast instead of queueing while Redis is away (no offline queue, short command timeout) and
 * keeps reconnecting in the background. It is not connected yet: call `connectRedis`.
 */
export function createRedisClient(url: string): Redis {
  return new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    // Reconnect for ever, at most every 2 s: Redis coming back must be noticed without a restart.
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
}

/** Connects, or logs a warning and lets the client keep trying: the server starts either way. */
export async function connectRedis(redis: Redis, log: { warn(obj: object, msg: string): void }): Promise<void> {
  // Without a listener, ioredis reports every failed reconnection as an unhandled error event.
  redis.on("error", () => undefined);
  try {
    await redis.connect();
  } catch (error) {
    log.warn(
      { err: error instanceof Error ? error.message : String(error) },
      "Redis is unreachable at start: limits are counted per replica until it answers",
    );
  }
}

/** `promise`, or a rejection once `ms` have passed. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Records each fall back to per-replica counting: a metric every time, a warning once per outage. */
export interface RedisFallback {
  degraded(use: "rate-limit" | "concurrency", error: unknown): void;
  recovered(): void;
  readonly isDegraded: boolean;
}

/** Registers `greffier_redis_fallback_total` and `greffier_redis_degraded` in `registry`. */
export function createRedisFallback(registry: Registry, log: FastifyBaseLogger): RedisFallback {
  const fallbacks = new Counter({
    name: "greffier_redis_fallback_total",
    help: "Limit checks counted per replica because Redis failed",
    labelNames: ["use"],
    registers: [registry],
  });
  const gauge = new Gauge({
    name: "greffier_redis_degraded",
    help: "1 while limits are counted per replica because Redis fails",
    registers: [registry],
  });
  let isDegraded = false;
  return {
    degraded(use, error) {
      fallbacks.inc({ use });
      if (isDegraded) return;
      isDegraded = true;
      gauge.set(1);
      log.warn(
        { use, err: error instanceof Error ? error.message : String(error) },
        "Redis failed: limits are counted per replica until it answers again",
      );
    },
    recovered() {
      if (!isDegraded) return;
      isDegraded = false;
      gauge.set(0);
      log.info("Redis answers again: limits are shared by the replicas");
    },
    get isDegraded() {
      return isDegraded;
    },
  };
}
