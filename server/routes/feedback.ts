// Owns POST /api/feedback: advisers rate a generation or propose a new use case, from the taskpane.
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { AppError } from "../../src/errors";
import * as z from "zod/mini";
import {
  FeedbackResponseSchema,
  RatingFeedbackSchema,
  UseCaseFeedbackSchema,
  type FeedbackRequest,
} from "../../src/schemas/feedback";
import type { AuditRecorder } from "../audit/recorder";
import type { Db } from "../store/db";
import { pseudonymiseForProvider } from "../privacy/pseudonymiser";
import { insertFeedback } from "../store/feedback";
import { findGenerationForUser } from "../store/generations";
import { json, problem, zodValidator } from "../route-schemas";

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

function isUseCase(body: unknown): boolean {
  return typeof body === "object" && body !== null && (body as Record<string, unknown>).kind === "use-case";
}

const feedbackSchema = {
  summary: "Rate a generation or propose a use case",
  body: z.union([RatingFeedbackSchema, UseCaseFeedbackSchema]),
  response: {
    201: json("Stored", FeedbackResponseSchema),
    400: problem("Invalid feedback"),
    404: problem("Generation absent or not the caller's"),
  },
};

// A proposal says so (`kind: "use-case"`); anything else is read, and refused, as a rating.
const byKind = zodValidator({ pick: (body) => (isUseCase(body) ? UseCaseFeedbackSchema : RatingFeedbackSchema) });

/** Registers the feedback route. */
export function feedbackRoutes(deps: FeedbackDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: FeedbackRequest }>(
      "/api/feedback",
      { schema: feedbackSchema, validatorCompiler: byKind },
      async (request, reply) => {
        const body = request.body;
        const id = randomUUID();
        if ("kind" in body) {
          await deps.db.transaction(async (tx) => {
            await insertFeedback(tx, {
              id,
              userId: request.user.id,
              kind: "use-case",
              comment: maskComment(body.comment),
              proposal: body.proposal,
            });
            await deps.audit.feedback(tx, request.user.id, { feedbackId: id, kind: "use-case" });
          });
        } else {
          const generation = await findGenerationForUser(deps.db, body.generationId, request.user.id);
          if (!generation) throw new AppError("generation_not_found");
          await deps.db.transaction(async (tx) => {
            await insertFeedback(tx, {
              id,
              userId: request.user.id,
              kind: "rating",
              generationId: generation.id,
              task: generation.task,
              rating: body.rating,
              comment: maskComment(body.comment),
            });
            await deps.audit.feedback(tx, request.user.id, {
              feedbackId: id,
              kind: "rating",
              generationId: generation.id,
              rating: body.rating,
            });
          });
        }
        return reply.code(201).send({ id });
      },
    );
  };
}
