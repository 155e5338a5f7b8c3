// Owns POST /api/minutes (validated texts only) and GET /api/minutes/:id (author only).
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { AppError } from "../../src/errors";
import { t } from "../../src/i18n";
import { decideTransparency } from "../../src/policy/transparency";
import { aiShare } from "../../src/provenance/ai-share";
import { SaveMinutesRequestSchema, type SaveMinutesResponse } from "../../src/schemas/minutes";
import { parseOrThrow } from "../../src/schemas/parse";
import type { Db } from "../store/db";
import { findGenerationForUser } from "../store/generations";
import { findMinutesForUser, insertMinutes } from "../store/minutes";
import { isUuid } from "./generations";

export interface MinutesDeps {
  readonly db: Db;
  readonly orgName: string;
  readonly aiShareThreshold: number;
}

/** Registers the minutes routes. */
export function minutesRoutes(deps: MinutesDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post("/api/minutes", async (request, reply) => {
      const body = parseOrThrow(SaveMinutesRequestSchema, request.body);
      // Human control: nothing is stored before an employee has validated it.
      if (body.validated !== true) throw new AppError("validation_required", { detail: t("problem.validation_required.detail") });
      if (body.text.trim() === "") throw new AppError("text_empty", { detail: t("problem.text_empty.detail") });
      const generation = await findGenerationForUser(deps.db, body.generationId, request.user.id);
      if (!generation) throw new AppError("generation_not_found");

      const share = aiShare(generation.draft ?? "", body.text);
      const transparency = decideTransparency({ task: generation.task, aiShare: share, isValidated: true, orgName: deps.orgName, threshold: deps.aiShareThreshold });
      const id = randomUUID();
      await insertMinutes(deps.db, {
        id,
        generationId: generation.id,
        userId: request.user.id,
        task: generation.task,
        text: body.text,
        aiShare: share,
        transparency,
        validatedBy: request.user.id,
        validatedAt: new Date(),
      });
      const response: SaveMinutesResponse = { id, transparency };
      return reply.code(201).header("location", `/api/minutes/${id}`).send(response);
    });

    app.get<{ Params: { id: string } }>("/api/minutes/:id", async (request) => {
      const minutes = isUuid(request.params.id) ? await findMinutesForUser(deps.db, request.params.id, request.user.id) : null;
      if (!minutes) throw new AppError("not_found");
      return minutes;
    });
  };
}
