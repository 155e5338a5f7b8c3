// Owns GET /api/health: the liveness answer load balancers and `npm start` users check.
import type { FastifyInstance } from "fastify";

/** Registers the health route; it needs no authentication. */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get("/api/health", async () => ({ status: "ok" }));
}
