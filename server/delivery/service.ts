// Owns delivery as the app sees it: the outbox write of each save, and the worker that runs when receivers are
// configured.
import type { FastifyBaseLogger } from "fastify";
import type { Config } from "../config";
import type { Db } from "../store/db";
import { appendEvent } from "./outbox";
import { validatedBody } from "./payload";
import { createSigner } from "./signing";
import { startDeliveryWorker, type DeliveryWorker } from "./worker";

export interface Delivery {
  /** Writes the validated record's event in the save's transaction (`adviser` is the audit pseudonym). */
  recordValidated(tx: Db, minutesId: string, adviser: string): Promise<void>;
  /** Called once the save committed: the worker looks for work now rather than at its next poll. */
  saved(): void;
  stop(): Promise<void>;
}

/** Builds delivery from the configuration; without WEBHOOK_URLS events are still written, for GET /api/exports. */
export function createDelivery(
  config: Config["webhooks"],
  db: Db,
  log?: FastifyBaseLogger,
  onOutcome?: (outcome: "delivered" | "retry" | "dead") => void,
): Delivery {
  let worker: DeliveryWorker | undefined;
  if (config.urls.length > 0 && config.secret) {
    worker = startDeliveryWorker({
      db,
      signer: createSigner(config.secret),
      receivers: config.urls,
      retry: { baseMs: config.retryBaseMs, maxMs: config.retryMaxMs, maxAttempts: config.maxAttempts },
      timeoutMs: config.timeoutMs,
      pollMs: config.pollMs,
      concurrency: config.concurrency,
      log,
      onOutcome,
    });
  }
  return {
    async recordValidated(tx, minutesId, adviser) {
      const body = await validatedBody(tx, minutesId, adviser);
      if (body !== null) await appendEvent(tx, { type: "minutes.validated", minutesId, body }, config.urls);
    },
    saved: () => worker?.kick(),
    stop: async () => worker?.stop(),
  };
}
