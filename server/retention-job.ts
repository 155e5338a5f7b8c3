// Owns the schedule of the retention purge: once at start, then daily, never keeping the process alive.
import type { FastifyBaseLogger } from "fastify";
import { loggableError } from "./problem";
import type { Db } from "./store/db";
import { purgeExpired, type RetentionPolicy } from "./store/retention";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Starts the purge loop; returns a function that stops it. */
export function startRetentionJob(
  db: Db,
  policy: RetentionPolicy,
  log: FastifyBaseLogger,
  everyMs = DAY_MS,
): () => void {
  const run = async () => {
    try {
      const report = await purgeExpired(db, policy);
      log.info({ retention: report }, "retention purge done");
    } catch (error) {
      log.error({ err: loggableError(error) }, "retention purge failed; will retry at the next run");
    }
  };
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
