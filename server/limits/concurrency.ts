// Owns the per-adviser cap on simultaneous generations: in memory for one process, in Redis when replicas share it.
import type { Redis } from "ioredis";

/** Caps the generations one adviser runs at once (`MAX_CONCURRENT_GENERATIONS`). */
export interface ConcurrencyLimiter {
  /** Takes a slot for `userId`; resolves to its release function, or null when the cap is reached. */
  tryAcquire(userId: string): Promise<(() => Promise<void>) | null>;
}

/** One process's counts. */
export function createMemoryConcurrencyLimiter(max: number): ConcurrencyLimiter {
  const running = new Map<string, number>();
  return {
    async tryAcquire(userId) {
      const current = running.get(userId) ?? 0;
      if (current >= max) return null;
      running.set(userId, current + 1);
      let isReleased = false;
      return async () => {
        if (isReleased) return;
        isReleased = true;
        const left = (running.get(userId) ?? 1) - 1;
        if (left <= 0) running.delete(userId);
        else running.set(userId, left);
      };
    },
  };
}

/** Counts shared by every replica; a crashed replica's slots expire after `slotTtlSeconds`. */
export function createRedisConcurrencyLimiter(
  redis: Redis,
  max: number,
  keyPrefix: string,
  slotTtlSeconds = 600,
): ConcurrencyLimiter {
  return {
    async tryAcquire(userId) {
      const key = `${keyPrefix}running:${userId}`;
      const [[, count]] = (await redis.multi().incr(key).expire(key, slotTtlSeconds).exec()) as [
        [Error | null, number],
      ];
      if (count > max) {
        await redis.decr(key);
        return null;
      }
      let isReleased = false;
      return async () => {
        if (isReleased) return;
        isReleased = true;
        await redis.decr(key);
      };
    },
  };
}

/**
 * The shared counts while Redis answers, this replica's own when it fails: a Redis outage never refuses or breaks a
 * generation. A slot taken in Redis is released there (or expires with its TTL if Redis is gone by then).
 */
export function createResilientConcurrencyLimiter(
  shared: ConcurrencyLimiter,
  local: ConcurrencyLimiter,
  fallback: { degraded(use: "concurrency", error: unknown): void; recovered(): void },
  timeoutMs: number,
): ConcurrencyLimiter {
  return {
    async tryAcquire(userId) {
      let release: (() => Promise<void>) | null;
      try {
        release = await withDeadline(shared.tryAcquire(userId), timeoutMs);
        fallback.recovered();
      } catch (error) {
        fallback.degraded("concurrency", error);
        return local.tryAcquire(userId);
      }
      if (!release) return null;
      const sharedRelease = release;
      return async () => {
        await sharedRelease().catch(() => undefined);
      };
    },
  };
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}
