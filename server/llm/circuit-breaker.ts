// Owns the circuit breaker: a provider that keeps failing is benched for a cool-down instead of slowing every adviser.

/** When a breaker opens, and for how long (`LLM_BREAKER_*`). */
export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  readonly failureThreshold: number;
  /** How long an open circuit keeps the provider out of the chain. */
  readonly cooldownMs: number;
}

/** Closed → (threshold failures) → open → (cool-down) → half-open: one trial call closes or reopens it. */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private isTrialRunning = false;

  constructor(private readonly options: CircuitBreakerOptions) {}

  /** Whether a call may go to the provider now; in half-open state only one trial at a time. */
  canCall(now: number): boolean {
    if (this.openedAt === undefined) return true;
    if (now - this.openedAt < this.options.cooldownMs || this.isTrialRunning) return false;
    this.isTrialRunning = true;
    return true;
  }

  recordSuccess(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.isTrialRunning = false;
  }

  recordFailure(now: number): void {
    this.failures += 1;
    if (this.isTrialRunning || this.failures >= this.options.failureThreshold) this.openedAt = now;
    this.isTrialRunning = false;
  }

  get state(): "closed" | "open" | "half-open" {
    if (this.openedAt === undefined) return "closed";
    return this.isTrialRunning ? "half-open" : "open";
  }
}
