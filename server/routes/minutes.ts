// Owns POST /api/minutes (validated texts only) and GET /api/minutes/:id (author only).
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { AppError } from "../../src/errors";
import { t } from "../../src/i18n";
import { decideTransparency } from "../../src/policy/transparency";
import { aiShare } from "../../src/provenance/ai-share";
import { SaveMinutesRequestSchema, type SaveMinutesResponse } from "../../src/schemas/minutes";
import { parseOrThrow } from "../../src/schemas/parse";
import type { AuditRecorder } from "../audit/recorder";
import type { Db } from "../store/db";
import { findGenerationForUser } from "../store/generations";
import { onceForKey, type StoredAnswer } from "../store/idempotency";
import { findMinutesForUser, insertMinutes } from "../store/minutes";
import { aiTextsOf } from "../store/versions";
import { isUuid } from "./generations";

/** What the minutes routes need from the app. */
export interface MinutesDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly orgName: string;
  readonly aiShareThreshold: number;
}

/**
 * The Idempotency-Key header, if any.
 * @throws AppError invalid_request when it is not 1–200 visible ASCII characters.
 */
function readIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== "string" || !/^[\x21-\x7e]{1,200}$/.test(header)) {
    throw new AppError("invalid_request", { detail: t("server.minutes.idempotency_key") });
  }
  return header;
}

/** Registers the minutes routes. */
export function minutesRoutes(deps: MinutesDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post("/api/minutes", async (request, reply) => {
      const body = parseOrThrow(SaveMinutesRequestSchema, request.body);
      const idempotencyKey = readIdempotencyKey(request.headers["idempotency-key"]);
      // Human control: nothing is stored before an employee has validated it.
      if (body.validated !== true) throw new AppError("validation_required", { detail: t("problem.validation_required.detail") });
      if (body.text.trim() === "") throw new AppError("text_empty", { detail: t("problem.text_empty.detail") });
      const generation = await findGenerationForUser(deps.db, body.generationId, request.user.id);
      if (!generation) throw new AppError("generation_not_found");

      // The whole history counts: the final text is measured against every AI version (first draft and AI edits).
      const aiTexts = await aiTextsOf(deps.db, generation.rootId, request.user.id);
      const share = Math.max(0, ...aiTexts.map((text) => aiShare(text, body.text)));
      const transparency = decideTransparency({ task: generation.task, aiShare: share, isValidated: true, orgName: deps.orgName, threshold: deps.aiShareThreshold });
      const save = async (tx: Db): Promise<StoredAnswer> => {
        const id = randomUUID();
        await insertMinutes(tx, {
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
        await deps.audit.save(tx, request.user.id, { minutesId: id, generationId: generation.id, task: generation.task, transparency, aiShare: share });
        const response: SaveMinutesResponse = { id, transparency };
        return { status: 201, body: response };
      };
      // A retried save (same Idempotency-Key) answers the first response and never stores a second record.
      const answer: StoredAnswer = await deps.db.transaction((tx) => (idempotencyKey ? onceForKey(tx, request.user.id, idempotencyKey, () => save(tx)) : save(tx)));
      const saved = answer.body as SaveMinutesResponse;
      return reply.code(answer.status).header("location", `/api/minutes/${saved.id}`).send(saved);
    });

    app.get<{ Params: { id: string } }>("/api/minutes/:id", async (request) => {
      const minutes = isUuid(request.params.id) ? await findMinutesForUser(deps.db, request.params.id, request.user.id) : null;
      if (!minutes) throw new AppError("not_found");
      return minutes;
    });
  };
}
