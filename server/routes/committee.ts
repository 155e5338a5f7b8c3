// Owns /api/committee/*: the ethics committee's aggregates, audit verification and export, pre-prompt registry. Role Committee only.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../../src/errors";
import { isCommittee } from "../auth/user";
import { readAudit, verifyAudit } from "../store/audit";
import { committeeStats } from "../store/committee-stats";
import type { Db } from "../store/db";
import { listPrePromptVersions } from "../store/pre-prompts";

/** @throws AppError forbidden for anyone without the Committee role. */
function requireCommittee(request: FastifyRequest): void {
  if (!isCommittee(request.user)) throw new AppError("forbidden", { detail: "Ces données sont réservées au comité d'éthique et de contrôle." });
}

function csvCell(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return /[",\n\r;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Registers the committee routes. */
export function committeeRoutes(deps: { readonly db: Db }) {
  return async (app: FastifyInstance): Promise<void> => {
    app.addHook("onRequest", async (request) => requireCommittee(request));

    app.get("/api/committee/stats", async () => committeeStats(deps.db));

    app.get("/api/committee/audit/verify", async () => verifyAudit(deps.db));

    app.get<{ Querystring: { format?: string } }>("/api/committee/audit/export", async (request, reply) => {
      const format = request.query.format ?? "json";
      if (format !== "json" && format !== "csv") throw new AppError("invalid_request", { detail: "Format d'export inconnu : choisissez json ou csv." });
      const events = [];
      for await (const event of readAudit(deps.db)) events.push(event);
      const stamp = new Date().toISOString().slice(0, 10);
      reply.header("content-disposition", `attachment; filename="greffier-audit-${stamp}.${format}"`);
      if (format === "json") return reply.type("application/json; charset=utf-8").send(events);
      const header = ["seq", "id", "occurredAt", "actor", "kind", "payload", "prevHash", "hash"];
      const lines = events.map((e) => [e.seq, e.id, e.occurredAt, e.actor, e.kind, e.payload, e.prevHash, e.hash].map(csvCell).join(","));
      return reply.type("text/csv; charset=utf-8").send(`${header.join(",")}\n${lines.join("\n")}\n`);
    });

    app.get("/api/committee/preprompts", async () => listPrePromptVersions(deps.db));
  };
}
