// Owns /api/committee/*: the ethics committee's aggregates, audit verification and export, pre-prompt governance. Role
// Committee only.
import { Readable } from "node:stream";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../../src/errors";
import { isCommittee } from "../auth/user";
import type { VerifyResult } from "../audit/hash-chain";
import { readAudit, verifyAudit, type AuditEvent } from "../store/audit";
import { committeeStats } from "../store/committee-stats";
import type { Db } from "../store/db";
import type { AuditRecorder } from "../audit/recorder";
import type { ProviderChain } from "../llm/chain";
import { prePromptRoutes } from "../governance/routes";
import { CommitteeStatsSchema } from "../../src/schemas/committee";
import { json, problem } from "../route-schemas";
import { msg } from "../../src/i18n/message";

/** @throws AppError forbidden for anyone without the Committee role. */
function requireCommittee(request: FastifyRequest): void {
  if (!isCommittee(request.user)) throw new AppError("forbidden", { detail: msg("server.committee.forbidden") });
}

function csvCell(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return /[",\n\r;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The events as one JSON array, as `JSON.stringify(events)` would write it, an event at a time. */
async function* auditAsJson(events: AsyncIterable<AuditEvent>): AsyncGenerator<string> {
  let separator = "[";
  for await (const event of events) {
    yield separator + JSON.stringify(event);
    separator = ",";
  }
  yield separator === "[" ? "[]" : "]";
}

/** The events as CSV with a header line, an event a line. */
async function* auditAsCsv(events: AsyncIterable<AuditEvent>): AsyncGenerator<string> {
  yield `${["seq", "id", "occurredAt", "actor", "kind", "payload", "prevHash", "hash", "hmac"].join(",")}\n`;
  for await (const e of events)
    yield `${[e.seq, e.id, e.occurredAt, e.actor, e.kind, e.payload, e.prevHash, e.hash, e.hmac ?? ""].map(csvCell).join(",")}\n`;
}

/** Registers the committee routes; `verifyAudit` checks the chain with the audit key and the checkpoints outside the database. */
export function committeeRoutes(deps: {
  readonly db: Db;
  readonly verifyAudit?: () => Promise<VerifyResult>;
  readonly audit: AuditRecorder;
  readonly chain: ProviderChain;
}) {
  return async (app: FastifyInstance): Promise<void> => {
    app.addHook("onRequest", async (request) => requireCommittee(request));

    const committeeOnly = problem("Committee role required");
    const statsSchema = {
      summary: "Aggregates per task and month (Committee role)",
      response: { 200: json("Statistics", CommitteeStatsSchema), 403: committeeOnly },
    };
    app.get("/api/committee/stats", { schema: statsSchema }, async () => committeeStats(deps.db));

    const verifySchema = {
      summary: "Re-walk the audit hash chain (Committee role)",
      response: { 200: { description: "{ok, entries, firstBrokenAt?}" }, 403: committeeOnly },
    };
    app.get("/api/committee/audit/verify", { schema: verifySchema }, async () =>
      deps.verifyAudit ? deps.verifyAudit() : verifyAudit(deps.db),
    );

    const exportSchema = {
      summary: "Audit log as JSON or CSV (Committee role)",
      // Plain JSON Schema, so documented only: the handler says which formats there are.
      querystring: { type: "object", properties: { format: { enum: ["json", "csv"] } } },
      response: { 200: { description: "The log, pseudonymous" }, 403: committeeOnly },
    };
    app.get<{ Querystring: { format?: string } }>(
      "/api/committee/audit/export",
      { schema: exportSchema },
      async (request, reply) => {
        const format = request.query.format ?? "json";
        if (format !== "json" && format !== "csv")
          throw new AppError("invalid_request", { detail: msg("server.committee.export_format") });
        const stamp = new Date().toISOString().slice(0, 10);
        reply.header("content-disposition", `attachment; filename="greffier-audit-${stamp}.${format}"`);
        // Streamed page by page: the log grows with every generation, and must never sit in memory whole.
        const body = format === "json" ? auditAsJson(readAudit(deps.db)) : auditAsCsv(readAudit(deps.db));
        return reply
          .type(format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8")
          .send(Readable.from(body));
      },
    );

    // Pre-prompt versions, their lifecycle and evaluations (server/governance).
    await prePromptRoutes(app, deps);
  };
}
