// Owns the delivery worker: claims due outbox rows, POSTs them signed to their receiver, settles or reschedules them.
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../store/db";
import { claimDue, markDelivered, markFailed, releaseClaim, type ClaimedDelivery } from "./outbox";
import { parseRetryAfter, retryDelayMs, type RetryPolicy } from "./retry";
import type { Signer } from "./signing";

/** The worker's settings (WEBHOOK_* variables). */
export interface DeliveryWorkerOptions {
  readonly db: Db;
  readonly signer: Signer;
  /** The receivers configured now (WEBHOOK_URLS); rows for others stay pending. */
  readonly receivers: readonly string[];
  readonly retry: RetryPolicy;
  /** Time one POST may take before it counts as failed (WEBHOOK_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** How often the outbox is polled when nothing wakes the worker (WEBHOOK_POLL_MS). */
  readonly pollMs: number;
  /** Deliveries in flight at once (WEBHOOK_CONCURRENCY). */
  readonly concurrency: number;
  readonly log?: FastifyBaseLogger | undefined;
  /** Counts outcomes (metrics). */
  readonly onOutcome?: ((outcome: "delivered" | "retry" | "dead") => void) | undefined;
}

export interface DeliveryWorker {
  /** Looks for work now (called after a save commits, so delivery does not wait for the next poll). */
  kick(): void;
  /** Stops claiming, lets attempts in flight end (aborted past `graceMs`), and resolves once nothing runs. */
  stop(graceMs?: number): Promise<void>;
}

/** What one POST gave: a status (with Retry-After) or a network error (refused, cut, timeout). */
type AttemptResult =
  { readonly status: number; readonly retryAfterMs: number | undefined } | { readonly error: string };

/**
 * Starts the worker. A claim is a lease (timeout × 2 + 5 s): a worker killed mid-delivery leaves its rows to
 * expire, and any replica then retries them; the webhook-id is the same, so the receiver deduplicates.
 */
export function startDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const leaseMs = options.timeoutMs * 2 + 5_000;
  const inFlight = new Set<Promise<void>>();
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let isTicking = false;
  let isWanted = false;
  /** Set by stop(): no new claims; `stopping` then aborts the POSTs still running once the grace is over. */
  let isStopping = false;

  const post = async (delivery: ClaimedDelivery): Promise<AttemptResult> => {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    try {
      const response = await fetch(delivery.receiver, {
        method: "POST",
        redirect: "manual",
        headers: {
          "content-type": "application/json",
          "user-agent": "Greffier-Webhooks/1",
          ...options.signer.headers(delivery.eventId, new Date(), delivery.body),
        },
        body: delivery.body,
        signal: AbortSignal.any([timeout, stopping.signal]),
      });
      // The status is the answer; the body is not read (a receiver streaming a large one must not hold the worker).
      await response.body?.cancel().catch(() => undefined);
      return { status: response.status, retryAfterMs: parseRetryAfter(response.headers.get("retry-after")) };
    } catch (error) {
      if (timeout.aborted) return { error: `timeout after ${options.timeoutMs} ms` };
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
      return { error: (cause ?? (error instanceof Error ? error.message : String(error))).slice(0, 300) };
    }
  };

  const attempt = async (delivery: ClaimedDelivery): Promise<void> => {
    if (isStopping) return releaseClaim(options.db, delivery);
    const result = await post(delivery);
    if ("status" in result && result.status >= 200 && result.status < 300) {
      await markDelivered(options.db, delivery, result.status);
      options.onOutcome?.("delivered");
      return;
    }
    const isLast = delivery.attempts >= options.retry.maxAttempts;
    const retryInMs = isLast
      ? null
      : retryDelayMs(options.retry, delivery.attempts, "status" in result ? result.retryAfterMs : undefined);
    await markFailed(options.db, delivery, {
      status: "status" in result ? result.status : null,
      error: "error" in result ? result.error : `HTTP ${result.status}`,
      retryInMs,
    });
    options.onOutcome?.(isLast ? "dead" : "retry");
    if (isLast)
      options.log?.warn(
        { deliveryId: delivery.id, eventId: delivery.eventId, attempts: delivery.attempts },
        "webhook delivery dead-lettered",
      );
  };

  const tick = async (): Promise<void> => {
    if (isTicking) {
      isWanted = true;
      return;
    }
    isTicking = true;
    try {
      do {
        isWanted = false;
        if (isStopping) return;
        const free = options.concurrency - inFlight.size;
        if (free <= 0) return; // a finishing attempt ticks again
        const claimed = await claimDue(options.db, free, leaseMs, options.receivers);
        for (const delivery of claimed) {
          const running: Promise<void> = attempt(delivery)
            .catch((error: unknown) =>
              options.log?.error({ err: error, deliveryId: delivery.id }, "webhook delivery bookkeeping failed"),
            )
            .finally(() => {
              inFlight.delete(running);
              if (!isStopping) void tick();
            });
          inFlight.add(running);
        }
        if (claimed.length === free) isWanted = true; // there may be more due right now
      } while (isWanted);
    } catch (error) {
      if (!isStopping) options.log?.error({ err: error }, "webhook outbox poll failed");
    } finally {
      isTicking = false;
    }
  };

  const schedule = () => {
    timer = setTimeout(() => {
      void tick().finally(() => {
        if (!isStopping) schedule();
      });
    }, options.pollMs);
    timer.unref();
  };
  schedule();
  void tick();

  return {
    kick() {
      if (!isStopping) setImmediate(() => void tick());
    },
    async stop(graceMs = 5_000) {
      isStopping = true;
      if (timer) clearTimeout(timer);
      // New claims stop now; attempts in flight finish (or are aborted and rescheduled) before the store closes.
      const abortTimer = setTimeout(() => stopping.abort(), graceMs);
      while (isTicking) await new Promise((r) => setTimeout(r, 5));
      await Promise.allSettled([...inFlight]);
      clearTimeout(abortTimer);
      stopping.abort();
    },
  };
}
