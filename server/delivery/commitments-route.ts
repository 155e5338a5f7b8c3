// Owns POST /api/minutes/:id/commitments: the commitments of the caller's own validated minutes, for review in the
// pane.
import type { FastifyInstance } from "fastify";
import { AppError } from "../../src/errors";
import { CommitmentsResponseSchema } from "../../src/schemas/commitments";
import type { ProviderChain } from "../llm/chain";
import { json, problem } from "../route-schemas";
import { isUuid } from "../routes/generations";
import type { Db } from "../store/db";
import { findMinutesForUser } from "../store/minutes";
import { extractCommitments } from "./commitments-extract";

/** Registers the route; only the minutes' author gets an answer (404 for anyone else, as GET /api/minutes/:id). */
export function commitmentsRoutes(deps: { readonly db: Db; readonly chain?: ProviderChain | undefined }) {
  return async (app: FastifyInstance): Promise<void> => {
    const schema = {
      summary: "The commitments of the caller's validated minutes (commitments@N, or the offline reading), for review",
      response: {
        200: json("The proposed commitments", CommitmentsResponseSchema),
        404: problem("Absent or not the caller's"),
      },
    };
    app.post<{ Params: { id: string } }>("/api/minutes/:id/commitments", { schema }, async (request) => {
      const minutes = isUuid(request.params.id)
        ? await findMinutesForUser(deps.db, request.params.id, request.user.id)
        : null;
      if (!minutes) throw new AppError("not_found");
      const extraction = await extractCommitments(
        deps.chain,
        minutes.text,
        minutes.memberId ?? null,
        new Date(minutes.validatedAt),
      );
      return { minutesId: minutes.id, ...extraction };
    });
  };
}
