// Owns the retry schedule of webhook deliveries: exponential backoff with jitter, Retry-After honoured, then give up.

/** The schedule's settings (WEBHOOK_RETRY_BASE_MS, WEBHOOK_RETRY_MAX_MS, WEBHOOK_MAX_ATTEMPTS). */
export interface RetryPolicy {
  /** Delay before the first retry, before jitter; the first retry always comes within 5 s. */
  readonly baseMs: number;
  /** Longest delay between two attempts. */
  readonly maxMs: number;
  /** Attempts in all, the first included; past it the delivery is dead-lettered. */
  readonly maxAttempts: number;
}

/** The first retry comes within this delay, whatever the base (the contract with receivers). */
export const FIRST_RETRY_LIMIT_MS = 5_000;

/**
 * The delay before attempt `attempts + 1`, after `attempts` failed ones: base × 2^(attempts−1), capped, with
 * "equal jitter" (half fixed, half random) so a receiver coming back is not hit by every replica at once, yet
 * the schedule still grows. A Retry-After longer than that wins (capped by maxMs).
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempts: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  let delay = exponential / 2 + (random() * exponential) / 2;
  if (attempts <= 1) delay = Math.min(delay, FIRST_RETRY_LIMIT_MS);
  if (retryAfterMs !== undefined && retryAfterMs > delay)
    delay = Math.min(retryAfterMs, Math.max(policy.maxMs, FIRST_RETRY_LIMIT_MS));
  return Math.round(delay);
}

/** A Retry-After header (seconds, or an HTTP date) in milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
