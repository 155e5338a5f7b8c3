// Owns a graceful stop: refuse new work, let running requests and streams finish (bounded), then close the store.
import type { FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import type { Db } from "./store/db";

/**
 * Stops `app` and its resources. Requests in flight (a save, a stream) finish within `graceMs`;
 * connections still open then are cut, and only after that is the database closed.
 */
export async function closeGracefully(
  app: FastifyInstance,
  resources: { db: Db; redis?: Redis | undefined },
  graceMs: number,
): Promise<void> {
  const timer = setTimeout(() => app.server.closeAllConnections(), graceMs);
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
  }
  await resources.redis?.quit().catch(() => undefined); // the process is ending; a broken Redis must not block it
  await resources.db.close();
}
