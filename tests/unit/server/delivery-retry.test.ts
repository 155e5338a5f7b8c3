// The webhook retry schedule: first retry within 5 s, exponential growth with jitter, capped, Retry-After honoured.
import { describe, expect, it } from "vitest";
import { FIRST_RETRY_LIMIT_MS, parseRetryAfter, retryDelayMs } from "../../../server/delivery/retry";

const policy = { baseMs: 1_000, maxMs: 3_600_000, maxAttempts: 20 };

describe("retryDelayMs", () => {
  it("retries first within 5 s whatever the random draw, even with a large base", () => {
    for (const r of [0, 0.5, 0.999]) {
      expect(retryDelayMs(policy, 1, undefined, () => r)).toBeLessThanOrEqual(FIRST_RETRY_LIMIT_MS);
      expect(retryDelayMs({ ...policy, baseMs: 60_000 }, 1, undefined, () => r)).toBeLessThanOrEqual(
        FIRST_RETRY_LIMIT_MS,
      );
    }
  });

  it("doubles between attempts, with half of each delay random, up to the cap", () => {
    const low = (n: number) => retryDelayMs(policy, n, undefined, () => 0);
    const high = (n: number) => retryDelayMs(policy, n, undefined, () => 0.999999);
    expect([low(1), low(2), low(3), low(4)]).toEqual([500, 1_000, 2_000, 4_000]);
    expect(high(3)).toBeGreaterThan(3_990);
    expect(high(3)).toBeLessThanOrEqual(4_000);
    expect(high(30)).toBeLessThanOrEqual(policy.maxMs);
    expect(low(30)).toBe(policy.maxMs / 2);
  });

  it("waits as long as Retry-After asks when that is longer, capped by the longest delay", () => {
    expect(retryDelayMs(policy, 1, 30_000, () => 0)).toBe(30_000);
    expect(retryDelayMs(policy, 5, 1_000, () => 0)).toBe(8_000); // the schedule is longer: it wins
    expect(retryDelayMs({ ...policy, maxMs: 10_000 }, 2, 86_400_000, () => 0)).toBe(10_000);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates, and ignores what it cannot read", () => {
    const now = Date.parse("2026-12-07T12:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Mon, 07 Dec 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Mon, 07 Dec 2026 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
