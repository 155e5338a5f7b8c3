// Owns POST /api/minutes (validated texts only), GET /api/minutes (the caller's list) and GET /api/minutes/:id (author
// only).
import type { FastifyInstance } from "fastify";
import { AppError } from "../../src/errors";
import { msg } from "../../src/i18n/message";
import {
  MinutesListQuerySchema,
  MinutesListSchema,
  MinutesSchema,
  SaveMinutesRequestSchema,
  SaveMinutesResponseSchema,
  type MinutesList,
  type MinutesListQuery,
  type SaveMinutesRequest,
} from "../../src/schemas/minutes";
import { saveMinutes, type SaveDeps } from "../pipeline/save";
import { decodeCursor, encodeCursor, findMinutesForUser, listMinutesForUser } from "../store/minutes";
import { json, problem, zodValidator } from "../route-schemas";
import { isUuid } from "./generations";

/** What the minutes routes need from the app: what a save needs. */
export type MinutesDeps = SaveDeps;

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

/** A search too long is a bad query (400), not a body too large (413). */
function listQueryError(error: AppError): AppError {
  if (error.code !== "payload_too_large") return error;
  return new AppError("invalid_request", {
    detail: msg("server.minutes.list_query", { issues: error.detailMessage ?? "" }),
  });
}

/** Registers the minutes routes. */
export function minutesRoutes(deps: MinutesDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const saveSchema = {
      summary: "Save a validated text (Idempotency-Key honoured)",
      // Plain JSON Schema, so documented only: the handler reads the key and says what is wrong with it.
      headers: { type: "object", properties: { "idempotency-key": { type: "string", maxLength: 200 } } },
      body: SaveMinutesRequestSchema,
      response: {
        201: json("Saved, with the transparency decision", SaveMinutesResponseSchema),
        400: problem("Malformed JSON or body not UTF-8 (the field is named)"),
        404: problem("Generation absent or not the caller's"),
        422: problem("validated missing or false, or empty text: nothing saved"),
      },
    };
    app.post<{ Body: SaveMinutesRequest }>(
      "/api/minutes",
      {
        schema: saveSchema,
        // Human control first: a save with `validated` missing or false is the documented 422, whatever else it holds.
        preValidation: async (request) => {
          if (isUnvalidated(request.body))
            throw new AppError("validation_required", { detail: msg("problem.validation_required.detail") });
        },
      },
      async (request, reply) => {
        const idempotencyKey = readIdempotencyKey(request.headers["idempotency-key"]);
        const answer = await saveMinutes(deps, request.body, request.user, idempotencyKey);
        return reply.code(answer.status).header("location", `/api/minutes/${answer.body.id}`).send(answer.body);
      },
    );

    // "Mes comptes rendus": the caller's own saved texts only, newest first, paged by an opaque cursor.
    const listSchema = {
      summary: 'The caller\'s own saved texts, newest first, paged ("Mes comptes rendus")',
      querystring: MinutesListQuerySchema,
      response: { 200: json("One page", MinutesListSchema), 400: problem("Invalid cursor or parameter") },
    };
    app.get<{ Querystring: MinutesListQuery }>(
      "/api/minutes",
      { schema: listSchema, validatorCompiler: zodValidator({ mapError: listQueryError }) },
      async (request) => {
        const query = request.query;
        const after = query.cursor ? decodeCursor(query.cursor) : undefined;
        if (after === null) throw new AppError("invalid_request", { detail: msg("server.minutes.cursor") });
        const page = await listMinutesForUser(deps.db, request.user.id, {
          q: query.q,
          memberId: query.memberId,
          after,
          limit: query.limit ?? 20,
        });
        const answer: MinutesList = { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null };
        return answer;
      },
    );

    const oneSchema = {
      summary: "Saved minutes, for their author",
      response: { 200: json("The minutes", MinutesSchema), 404: problem("Absent or not the caller's") },
    };
    app.get<{ Params: { id: string } }>("/api/minutes/:id", { schema: oneSchema }, async (request) => {
      const minutes = isUuid(request.params.id)
        ? await findMinutesForUser(deps.db, request.params.id, request.user.id)
        : null;
      if (!minutes) throw new AppError("not_found");
      return minutes;
    });
  };
}
