// Owns the circuit breaker: a provider that keeps failing is benched for a cool-down instead of slowing every adviser.

/** When a breaker opens, and for how long (`LLM_BREAKER_*`). */
export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  readonly failureThreshold: number;
  /** How long an open circuit keeps the provider out of the chain. */
  readonly cooldownMs: number;
}

/** The right to make one call; `isTrial` when it is the half-open trial that decides whether the circuit closes. */
export interface BreakerPermit {
  readonly isTrial: boolean;
}

export type BreakerState = "closed" | "open" | "half-open";

/**
 * Closed → (threshold failures) → open → (cool-down) → half-open: one trial call closes or reopens it.
 * Every permit ends in exactly one of succeed, fail or release; a released trial (the adviser cancelled) counts as
 * neither, so the next call may try the provider again instead of the breaker waiting forever on a trial.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private trial: BreakerPermit | undefined;

  constructor(private readonly options: CircuitBreakerOptions) {}

  /** A permit to call the provider now, or undefined while it is benched or a trial is already running. */
  tryAcquire(now: number): BreakerPermit | undefined {
    if (this.openedAt === undefined) return { isTrial: false };
    if (now - this.openedAt < this.options.cooldownMs || this.trial) return undefined;
    this.trial = { isTrial: true };
    return this.trial;
  }

  /** The provider answered: the circuit closes. */
  succeed(permit: BreakerPermit): void {
    this.failures = 0;
    this.openedAt = undefined;
    if (permit === this.trial) this.trial = undefined;
  }

  /** The provider failed: a failed trial, or the threshold reached, (re)opens the circuit. */
  fail(permit: BreakerPermit, now: number): void {
    this.failures += 1;
    if (permit.isTrial || this.failures >= this.options.failureThreshold) this.openedAt = now;
    if (permit === this.trial) this.trial = undefined;
  }

  /** The call ended without a verdict on the provider (cancelled): neither success nor failure. */
  release(permit: BreakerPermit): void {
    if (permit === this.trial) this.trial = undefined;
  }

  /** `half-open` while a trial runs or once the cool-down is over (the next call will be the trial). */
  stateAt(now: number): BreakerState {
    if (this.openedAt === undefined) return "closed";
    return this.trial || now - this.openedAt >= this.options.cooldownMs ? "half-open" : "open";
  }
}
