// Owns POST /api/minutes (validated texts only) and GET /api/minutes/:id (author only).
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { AppError } from "../../src/errors";
import { msg } from "../../src/i18n/message";
import { decideTransparency } from "../../src/policy/transparency";
import { aiShare } from "../../src/provenance/ai-share";
import { MinutesListQuerySchema, SaveMinutesRequestSchema, type MinutesList, type MinutesListQuery, type SaveMinutesResponse } from "../../src/schemas/minutes";
import { parseOrThrow } from "../../src/schemas/parse";
import type { AuditRecorder } from "../audit/recorder";
import type { Delivery } from "../delivery/service";
import type { Db } from "../store/db";
import { findGenerationForUser } from "../store/generations";
import { fingerprintOf, onceForKey, type StoredAnswer } from "../store/idempotency";
import { decodeCursor, encodeCursor, findMinutesForUser, insertMinutes, listMinutesForUser } from "../store/minutes";
import { aiTextsOf } from "../store/versions";
import { isUuid } from "./generations";

/** What the minutes routes need from the app. */
export interface MinutesDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly orgName: string;
  readonly aiShareThreshold: number;
  /** The outbox: the validated record's event is written in the save's transaction (issue 18). */
  readonly delivery?: Pick<Delivery, "recordValidated" | "saved"> | undefined;
}

/**
 * The Idempotency-Key header, if any.
 * @throws AppError invalid_request when it is not 1–200 visible ASCII characters.
 */
function readIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== "string" || !/^[\x21-\x7e]{1,200}$/.test(header)) {
    throw new AppError("invalid_request", { detail: msg("server.minutes.idempotency_key") });
  }
  return header;
}

/** A JSON object whose `validated` is absent, null or false (a string "true" stays a type error, 400). */
function isUnvalidated(body: unknown): boolean {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return false;
  const validated = (body as Record<string, unknown>).validated;
  return validated === undefined || validated === null || validated === false;
}

/**
 * The list's query string, or a 400: a search too long is a bad query, not a body too large (413).
 * @throws AppError invalid_request or unknown_field.
 */
function parseListQuery(query: unknown): MinutesListQuery {
  try {
    return parseOrThrow(MinutesListQuerySchema, query);
  } catch (error) {
    if (error instanceof AppError && error.code === "payload_too_large") throw new AppError("invalid_request", { detail: msg("server.minutes.list_query", { issues: error.detailMessage ?? "" }) });
    throw error;
  }
}

/** Registers the minutes routes. */
export function minutesRoutes(deps: MinutesDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post("/api/minutes", async (request, reply) => {
      // Human control first: a save with `validated` missing or false is the documented 422, whatever else it holds.
      if (isUnvalidated(request.body)) throw new AppError("validation_required", { detail: msg("problem.validation_required.detail") });
      const body = parseOrThrow(SaveMinutesRequestSchema, request.body);
      const idempotencyKey = readIdempotencyKey(request.headers["idempotency-key"]);
      if (body.validated !== true) throw new AppError("validation_required", { detail: msg("problem.validation_required.detail") });
      if (body.text.trim() === "") throw new AppError("text_empty", { detail: msg("problem.text_empty.detail") });
      const generation = await findGenerationForUser(deps.db, body.generationId, request.user.id);
      if (!generation) throw new AppError("generation_not_found");

      // The whole history counts: the final text is measured against every AI version (first draft and AI edits).
      const aiTexts = await aiTextsOf(deps.db, generation.rootId, request.user.id);
      const share = Math.max(0, ...aiTexts.map((text) => aiShare(text, body.text)));
      // The notice follows what wrote the text: versions the offline engine prepared are no generative AI's words.
      const transparency = decideTransparency({ task: generation.task, aiShare: share, isValidated: true, orgName: deps.orgName, threshold: deps.aiShareThreshold, hasGenerativeAi: aiTexts.length > 0 });
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
        // Same transaction: a saved record always has its outbox event, and a rolled-back save never leaves.
        await deps.delivery?.recordValidated(tx, id, deps.audit.actorOf(request.user.id));
        const response: SaveMinutesResponse = { id, transparency };
        return { status: 201, body: response };
      };
      // A retried save (same Idempotency-Key) answers the first response and never stores a second record.
      const answer: StoredAnswer = await deps.db.transaction((tx) => (idempotencyKey ? onceForKey(tx, request.user.id, idempotencyKey, () => save(tx), fingerprintOf(body)) : save(tx)));
      const saved = answer.body as SaveMinutesResponse;
      deps.delivery?.saved();
      return reply.code(answer.status).header("location", `/api/minutes/${saved.id}`).send(saved);
    });

    // "Mes comptes rendus": the caller's own saved texts only, newest first, paged by an opaque cursor.
    app.get("/api/minutes", async (request) => {
      const query = parseListQuery(request.query);
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;
      if (after === null) throw new AppError("invalid_request", { detail: msg("server.minutes.cursor") });
      const page = await listMinutesForUser(deps.db, request.user.id, { q: query.q, memberId: query.memberId, after, limit: query.limit ?? 20 });
      const answer: MinutesList = { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null };
      return answer;
    });

    app.get<{ Params: { id: string } }>("/api/minutes/:id", async (request) => {
      const minutes = isUuid(request.params.id) ? await findMinutesForUser(deps.db, request.params.id, request.user.id) : null;
      if (!minutes) throw new AppError("not_found");
      return minutes;
    });
  };
}
