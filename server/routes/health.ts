// Owns GET /api/health (live: the process answers) and GET /api/health/ready (its dependencies answer), so a load
// balancer can take a replica out without restarting it.
import type { FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import { AppError } from "../../src/errors";
import { msg } from "../../src/i18n/message";
import { withTimeout } from "../limits/redis";
import { sendProblem } from "../problem";
import { HealthSchema, ReadinessSchema } from "../../src/schemas/health";
import { json, problem } from "../route-schemas";
import type { Db } from "../store/db";

/** What readiness checks. */
export interface HealthDeps {
  readonly db: Db;
  readonly redis?: Redis | undefined;
  /** Circuit-breaker state per provider: shown, never a reason to be unready (the offline engine still answers). */
  readonly breakerStates?: () => Record<string, string>;
}

type Check = "ok" | "down" | "absent";

/** Registers the health routes; they need no authentication and are never rate-limited. */
export function healthRoutes(deps: HealthDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const liveSchema = { summary: "Liveness", response: { 200: json("Up", HealthSchema) } };
    app.get("/api/health", { schema: liveSchema, config: { rateLimit: false } }, async () => ({ status: "ok" }));

    const readySchema = {
      summary: "Readiness: the database and Redis (when configured) answer",
      response: {
        200: json("Ready", ReadinessSchema),
        503: problem("A dependency does not answer (not_ready, with checks)"),
      },
    };
    app.get("/api/health/ready", { schema: readySchema, config: { rateLimit: false } }, async (request, reply) => {
      const [db, redis] = await Promise.all([
        withTimeout(deps.db.query("SELECT 1"), 2_000).then(
          (): Check => "ok",
          (): Check => "down",
        ),
        deps.redis
          ? withTimeout(deps.redis.ping(), 1_000).then(
              (): Check => "ok",
              (): Check => "down",
            )
          : Promise.resolve<Check>("absent"),
      ]);
      const checks = { db, redis };
      const providers = deps.breakerStates?.() ?? {};
      const down = Object.entries(checks)
        .filter(([, v]) => v === "down")
        .map(([k]) => k);
      if (down.length === 0) return { status: "ok", checks, providers };
      const notReady = new AppError("not_ready", {
        detail: msg("problem.not_ready.detail", { dependencies: down.join(", ") }),
      });
      return sendProblem(request, reply.header("retry-after", "5"), notReady, { checks, providers });
    });
  };
}
