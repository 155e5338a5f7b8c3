// Owns POST /api/feedback: advisers rate a generation or propose a new use case, from the taskpane.
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { AppError } from "../../src/errors";
import { RatingFeedbackSchema, UseCaseFeedbackSchema } from "../../src/schemas/feedback";
import { parseOrThrow } from "../../src/schemas/parse";
import type { AuditRecorder } from "../audit/recorder";
import type { Db } from "../store/db";
import { pseudonymiseForProvider } from "../privacy/pseudonymiser";
import { insertFeedback } from "../store/feedback";
import { findGenerationForUser } from "../store/generations";

/** What the feedback route needs from the app. */
export interface FeedbackDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
}

/** Comments reach the committee: any member's personal data an adviser typed is masked first. */
function maskComment(comment: string | undefined): string | undefined {
  if (comment === undefined || comment.trim() === "") return undefined;
  return pseudonymiseForProvider({ notes: comment }).notes;
}

/** Registers the feedback route. */
export function feedbackRoutes(deps: FeedbackDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post("/api/feedback", async (request, reply) => {
      const raw = request.body as Record<string, unknown> | null;
      const isUseCase = typeof raw === "object" && raw !== null && raw.kind === "use-case";
      const id = randomUUID();
      if (isUseCase) {
        const body = parseOrThrow(UseCaseFeedbackSchema, raw);
        await deps.db.transaction(async (tx) => {
          await insertFeedback(tx, { id, userId: request.user.id, kind: "use-case", comment: maskComment(body.comment), proposal: body.proposal });
          await deps.audit.feedback(tx, request.user.id, { feedbackId: id, kind: "use-case" });
        });
      } else {
        const body = parseOrThrow(RatingFeedbackSchema, raw);
        const generation = await findGenerationForUser(deps.db, body.generationId, request.user.id);
        if (!generation) throw new AppError("generation_not_found");
        await deps.db.transaction(async (tx) => {
          await insertFeedback(tx, { id, userId: request.user.id, kind: "rating", generationId: generation.id, task: generation.task, rating: body.rating, comment: maskComment(body.comment) });
          await deps.audit.feedback(tx, request.user.id, { feedbackId: id, kind: "rating", generationId: generation.id, rating: body.rating });
        });
      }
      return reply.code(201).send({ id });
    });
  };
}
