// Owns GET /api/exports (batch pull in commit order) and the dead-letter routes /api/deliveries*. Integration role
// only.
import type { FastifyInstance } from "fastify";
import { AppError } from "../../src/errors";
import { msg } from "../../src/i18n/message";
import {
  DeliveryListQuerySchema,
  DeliveryListSchema,
  ExportPageSchema,
  ExportsQuerySchema,
  ReplayResponseSchema,
  type DeliveryList,
  type DeliveryListQuery,
  type ExportItem,
  type ExportPage,
  type ExportsQuery,
} from "../../src/schemas/delivery";
import { requireIntegration } from "../delivery/access";
import { listDeliveries, readEvents, replayDelivery } from "../delivery/outbox";
import { json, problem } from "../route-schemas";
import type { Db } from "../store/db";
import { isUuid } from "./generations";

/** Registers the export and delivery-operation routes; `replayed` wakes the worker. */
export function exportRoutes(deps: { readonly db: Db; readonly replayed?: () => void }) {
  return async (app: FastifyInstance): Promise<void> => {
    app.addHook("onRequest", async (request) => requireIntegration(request));

    // Resumable: the cursor is the event's number in commit order, so `since=<last cursor>` never skips nor repeats.
    const integrationOnly = problem("Integration role required");
    const exportsSchema = {
      summary:
        "Validated records and deletions in commit order after `since` (Integration role); resume with the last nextCursor",
      querystring: ExportsQuerySchema,
      response: {
        200: json("One page of events, each the webhook body with its id and cursor", ExportPageSchema),
        400: problem("Not a cursor"),
        403: integrationOnly,
      },
    };
    app.get<{ Querystring: ExportsQuery }>("/api/exports", { schema: exportsSchema }, async (request) => {
      const query = request.query;
      const since = query.since ?? "0";
      const { rows, hasMore } = await readEvents(deps.db, since, query.limit ?? 100);
      const items = rows.map((row): ExportItem => ({
        id: row.id,
        cursor: row.seq,
        ...(JSON.parse(row.body) as Omit<ExportItem, "id" | "cursor">),
      }));
      const page: ExportPage = { items, nextCursor: rows.at(-1)?.seq ?? since, hasMore };
      return page;
    });

    const deliveriesSchema = {
      summary: "Webhook deliveries in one state, dead letters by default (Integration role)",
      querystring: DeliveryListQuerySchema,
      response: { 200: json("Deliveries", DeliveryListSchema), 403: integrationOnly },
    };
    app.get<{ Querystring: DeliveryListQuery }>("/api/deliveries", { schema: deliveriesSchema }, async (request) => {
      const query = request.query;
      const answer: DeliveryList = { items: await listDeliveries(deps.db, query.state ?? "dead", query.limit ?? 100) };
      return answer;
    });

    // Replay: same webhook-id and body, a fresh schedule; the receiver deduplicates if it had it after all.
    const replaySchema = {
      summary:
        "Queue a dead (or delivered) delivery again: same webhook-id and body, fresh schedule (Integration role)",
      response: {
        202: json("Queued", ReplayResponseSchema),
        403: integrationOnly,
        404: problem("No such delivery, or the record was deleted since"),
      },
    };
    app.post<{ Params: { id: string } }>(
      "/api/deliveries/:id/replay",
      { schema: replaySchema },
      async (request, reply) => {
        const outcome = isUuid(request.params.id) ? await replayDelivery(deps.db, request.params.id) : "not_found";
        if (outcome === "not_found") throw new AppError("not_found", { detail: msg("delivery.not_found") });
        if (outcome === "gone") throw new AppError("not_found", { detail: msg("delivery.gone") });
        deps.replayed?.();
        return reply.code(202).send({ id: request.params.id, state: "pending" });
      },
    );
  };
}
