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
export function createRedisConcurrencyLimiter(redis: Redis, max: number, keyPrefix: string, slotTtlSeconds = 600): ConcurrencyLimiter {
  return {
    async tryAcquire(userId) {
      const key = `${keyPrefix}running:${userId}`;
      const [[, count]] = (await redis.multi().incr(key).expire(key, slotTtlSeconds).exec()) as [[Error | null, number]];
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
