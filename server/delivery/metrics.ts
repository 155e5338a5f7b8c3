// Owns the delivery metrics on /metrics: attempts by outcome, and the outbox's pending and dead rows (read at scrape
// time).
import { Counter, Gauge, type Registry } from "prom-client";
import type { Db } from "../store/db";

/** Registers the metrics; returns the worker's outcome callback. */
export function deliveryMetrics(registry: Registry, db: Db): (outcome: "delivered" | "retry" | "dead") => void {
  const attempts = new Counter({
    name: "greffier_webhook_attempts_total",
    help: "Webhook delivery attempts by outcome (delivered, retry, dead)",
    labelNames: ["outcome"],
    registers: [registry],
  });
  new Gauge({
    name: "greffier_webhook_deliveries",
    help: "Outbox deliveries by state (pending, dead): a growing dead count needs an operator",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      const rows = await db
        .query<{ state: string; n: number }>(
          "SELECT state, count(*)::int AS n FROM outbox_deliveries WHERE state IN ('pending', 'dead') GROUP BY state",
        )
        .catch(() => []);
      this.reset();
      for (const state of ["pending", "dead"]) this.set({ state }, rows.find((r) => r.state === state)?.n ?? 0);
    },
  });
  return (outcome) => attempts.inc({ outcome });
}
