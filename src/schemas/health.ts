// Owns the contract of GET /api/health and GET /api/health/ready, read by load balancers and operators.
import * as z from "zod/mini";

export const HealthSchema = z.object({ status: z.literal("ok") });

/**
 * What readiness checked: each dependency, and each provider's circuit breaker (shown, never a reason to be
 * unready).
 */
export const ReadinessSchema = z.object({
  status: z.literal("ok"),
  checks: z.record(z.string(), z.enum(["ok", "down", "absent"])),
  providers: z.record(z.string(), z.string()),
});
export type Readiness = z.infer<typeof ReadinessSchema>;
