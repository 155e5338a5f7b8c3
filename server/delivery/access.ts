// Owns the Integration role: the operators and systems that pull exports and replay dead letters.
import type { FastifyRequest } from "fastify";
import { AppError } from "../../src/errors";
import { msg } from "../../src/i18n/message";

/** The app role (`roles` claim) that opens exports and delivery operations. */
export const INTEGRATION_ROLE = "Integration";

/** @throws AppError forbidden for anyone without the Integration role. */
export function requireIntegration(request: FastifyRequest): void {
  if (!request.user.roles.includes(INTEGRATION_ROLE))
    throw new AppError("forbidden", { detail: msg("delivery.forbidden") });
}
