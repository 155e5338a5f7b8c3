// Owns the rate-limit counters' store: Redis shared by replicas, falling back to this replica's memory whenever Redis
// fails or is away, so a Redis outage never turns a request into a 500.
import { createRequire } from "node:module";
import type { FastifyRateLimitOptions, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import type { Redis } from "ioredis";
import { REDIS_COMMAND_TIMEOUT_MS, type RedisFallback } from "./redis";

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
interface InnerStore {
  incr(key: string, cb: Callback, timeWindow: number, max: number): void;
  child(routeOptions: Record<string, unknown>): InnerStore;
}
type InnerCtor = new (...args: unknown[]) => InnerStore;

// @fastify/rate-limit's own stores (CommonJS, no exports map): the same counting, with our fall back around it.
const require = createRequire(import.meta.url);
const RedisStore = require("@fastify/rate-limit/store/RedisStore.js") as InnerCtor;
const LocalStore = require("@fastify/rate-limit/store/LocalStore.js") as InnerCtor;

/** A store class for @fastify/rate-limit's `store` option. */
export function fallbackRateStore(
  redis: Redis | undefined,
  nameSpace: string,
  fallback: RedisFallback,
): FastifyRateLimitStoreCtor {
  class FallbackStore {
    private readonly remote: InnerStore | undefined;
    private readonly local: InnerStore;

    constructor(options: FastifyRateLimitOptions, inner?: { remote: InnerStore | undefined; local: InnerStore }) {
      const params = options as unknown as Record<string, unknown>;
      this.remote = inner
        ? inner.remote
        : redis && new RedisStore(params.continueExceeding, params.exponentialBackoff, redis, nameSpace);
      this.local = inner ? inner.local : new LocalStore(params.continueExceeding, params.exponentialBackoff, 10_000);
    }

    incr(key: string, cb: Callback, timeWindow: number, max: number): void {
      const remote = this.remote;
      if (!remote || !redis) return this.local.incr(key, cb, timeWindow, max);
      if (redis.status !== "ready") {
        fallback.degraded("rate-limit", new Error(`Redis ${redis.status}`));
        return this.local.incr(key, cb, timeWindow, max);
      }
      let isSettled = false;
      const settle = (error: Error | null, result?: { current: number; ttl: number }) => {
        if (isSettled) return;
        isSettled = true;
        clearTimeout(timer);
        if (error || !result) {
          fallback.degraded("rate-limit", error);
          this.local.incr(key, cb, timeWindow, max);
          return;
        }
        fallback.recovered();
        cb(null, result);
      };
      const timer = setTimeout(() => settle(new Error("Redis did not answer in time")), REDIS_COMMAND_TIMEOUT_MS);
      try {
        remote.incr(key, settle, timeWindow, max);
      } catch (error) {
        settle(error instanceof Error ? error : new Error(String(error)));
      }
    }

    child(options: object): FallbackStore {
      const routeOptions = options as Record<string, unknown>;
      return new FallbackStore(options as FastifyRateLimitOptions, {
        remote: this.remote?.child(routeOptions),
        local: this.local.child({ ...routeOptions, cache: 10_000 }),
      });
    }
  }
  return FallbackStore;
}
