// Owns the provider chain: our one retry loop (backoff, jitter, Retry-After), a time budget, circuit breakers, and
// fallback.
import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "../../src/errors";
import { msg } from "../../src/i18n/message";
import { CircuitBreaker } from "./circuit-breaker";
import type { LlmCall, LlmOutput, LlmProvider } from "./provider";
import { ProviderError, toProviderError } from "./provider-error";

/** The chain's retry, budget and breaker settings; `random` and `now` are seams for tests. */
export interface ChainOptions {
  /**
   * Time for retries and fallbacks until a provider starts answering; past it only the offline engine is tried.
   * Once the first token is in, the answer is bounded by the provider's idle timeout and `answerMs`.
   */
  readonly budgetMs: number;
  /** Longest time a provider may take to stream a whole answer once it started (`LLM_REQUEST_TIMEOUT_MS`). */
  readonly answerMs?: number;
  readonly maxAttempts: number;
  /** First backoff delay; doubled per attempt, capped by `maxDelayMs`, with full jitter. */
  readonly retryBaseMs: number;
  readonly maxDelayMs?: number;
  readonly breakerThreshold: number;
  readonly breakerCooldownMs: number;
  readonly random?: () => number;
  readonly now?: () => number;
}

/** What the chain reports as it goes, for metrics and logs (never any text). */
export interface ChainObserver {
  onProviderError?(provider: string, error: ProviderError): void;
  onFallback?(from: string, to: string): void;
}

/** What one generation passes to the chain: its abort signal and stream callbacks. */
export interface ChainHandlers {
  readonly signal?: AbortSignal | undefined;
  readonly onDelta?: ((text: string) => void) | undefined;
  /** Text already streamed is void: the next attempt starts the draft over. */
  readonly onRestart?: ((reason: string) => void) | undefined;
  /** Go straight to the last resort (the offline engine), e.g. after every provider's answer proved unusable. */
  readonly isLastResortOnly?: boolean | undefined;
}

/** The answer and the provider that gave it, with how many attempts and fallbacks it took. */
export interface ChainResult {
  readonly output: LlmOutput;
  readonly provider: LlmProvider;
  readonly attempts: number;
  readonly fallbacks: number;
}

/** The providers in order behind one retry loop, with the offline engine last. */
export interface ProviderChain {
  generate(call: LlmCall, handlers?: ChainHandlers): Promise<ChainResult>;
  /** Breaker state per provider name, for /metrics and tests. */
  breakerStates(): Record<string, string>;
}

/** Builds the chain over `providers`, in order; put the offline engine last, it is never benched. */
export function createProviderChain(
  providers: readonly LlmProvider[],
  options: ChainOptions,
  observer: ChainObserver = {},
): ProviderChain {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const maxDelayMs = options.maxDelayMs ?? 8_000;
  const breakers = new Map(
    providers.map((p) => [
      p,
      new CircuitBreaker({ failureThreshold: options.breakerThreshold, cooldownMs: options.breakerCooldownMs }),
    ]),
  );

  async function generate(call: LlmCall, handlers: ChainHandlers = {}): Promise<ChainResult> {
    const deadline = now() + options.budgetMs;
    let hasEmitted = false;
    let attempts = 0;
    let fallbacks = -1;
    let lastError: unknown;
    let previous: string | undefined;

    for (const provider of providers) {
      const isLastResort = provider.info.isOffline;
      const breaker = breakers.get(provider);
      if (!isLastResort && (handlers.isLastResortOnly || now() >= deadline)) continue;
      // The offline engine is never benched; a remote provider needs its breaker's permit for every attempt.
      let permit = isLastResort || !breaker ? undefined : breaker.tryAcquire(now());
      if (!isLastResort && !permit) continue;
      fallbacks += 1;
      if (previous !== undefined) observer.onFallback?.(previous, provider.info.name);
      previous = provider.info.name;

      try {
        for (let attempt = 1; attempt <= options.maxAttempts; attempt += 1) {
          if (handlers.signal?.aborted) throw handlers.signal.reason;
          if (hasEmitted) {
            handlers.onRestart?.(`${provider.info.name} reprend la rédaction depuis le début`);
            hasEmitted = false;
          }
          attempts += 1;
          // The offline engine needs no budget; a remote provider never gets more than what is left.
          const budget = isLastResort ? undefined : deadlineSignal(handlers.signal, deadline - now());
          let hasStarted = false;
          // Always passed, so the budget knows when the answer starts even for a JSON answer.
          const onDelta = (piece: string) => {
            if (!hasStarted) {
              hasStarted = true;
              budget?.extend(options.answerMs ?? 120_000);
            }
            if (!handlers.onDelta) return;
            hasEmitted = true;
            handlers.onDelta(piece);
          };
          try {
            const output = await provider.generate(call, { signal: budget?.signal ?? handlers.signal, onDelta });
            if (permit) breaker?.succeed(permit);
            permit = undefined;
            return { output, provider, attempts, fallbacks };
          } catch (error) {
            // Cancelled by the adviser: no verdict on the provider (the finally below releases the permit).
            if (handlers.signal?.aborted) throw handlers.signal.reason ?? error;
            const failure = toProviderError(error);
            lastError = failure;
            if (permit) breaker?.fail(permit, now());
            permit = undefined;
            observer.onProviderError?.(provider.info.name, failure);
            // A partial draft is not resumed on the same provider: the next one starts over.
            if (isLastResort || !failure.isRetryable || hasEmitted || attempt === options.maxAttempts) break;
            const backoff = Math.min(maxDelayMs, options.retryBaseMs * 2 ** (attempt - 1)) * (0.5 + random() / 2);
            const delay = failure.retryAfterMs ?? backoff;
            if (now() + delay >= deadline) break;
            await sleep(delay, undefined, { signal: handlers.signal });
            permit = breaker?.tryAcquire(now());
            if (!permit) break; // benched meanwhile (this or another generation's failures)
          } finally {
            budget?.clear();
          }
        }
      } finally {
        if (permit) breaker?.release(permit);
      }
    }
    throw new AppError("provider_unavailable", {
      detail: msg("problem.provider_unavailable.detail"),
      cause: lastError,
    });
  }

  return {
    generate,
    breakerStates: () =>
      Object.fromEntries(providers.map((p) => [p.info.name, breakers.get(p)?.stateAt(now()) ?? "closed"])),
  };
}

/**
 * A signal that aborts with `outer` or after `ms`, whichever comes first. A plain timer kept until `clear`, not
 * AbortSignal.timeout under AbortSignal.any: on Node 20 the combined signal can lose the timeout's timer.
 */
function deadlineSignal(
  outer: AbortSignal | undefined,
  ms: number,
): { signal: AbortSignal; extend(ms: number): void; clear(): void } {
  const controller = new AbortController();
  const onOuter = () => controller.abort(outer?.reason);
  if (outer?.aborted) onOuter();
  else outer?.addEventListener("abort", onOuter, { once: true });
  const arm = (delayMs: number) =>
    setTimeout(
      () => {
        controller.abort(
          new ProviderError("timeout", true, { message: `generation budget spent (${Math.round(delayMs)} ms)` }),
        );
      },
      Math.max(1, delayMs),
    );
  let timer = arm(ms);
  return {
    signal: controller.signal,
    extend(delayMs) {
      clearTimeout(timer);
      timer = arm(delayMs);
    },
    clear() {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onOuter);
    },
  };
}
