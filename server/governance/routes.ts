// Owns /api/committee/preprompts*: versions, drafts, evaluations, approval and activation (inside the committee's role
// check).
import type { FastifyInstance } from "fastify";
import { AppError } from "../../src/errors";
import { t } from "../../src/i18n";
import { msg } from "../../src/i18n/message";
import type { AuditRecorder } from "../audit/recorder";
import type { ProviderChain } from "../llm/chain";
import { problem } from "../route-schemas";
import type { Db } from "../store/db";
import {
  findActiveVersion,
  findEvaluation,
  findVersion,
  keyOf,
  latestDoneEvaluation,
  latestEvaluations,
  listVersions,
  type EvaluationRow,
  type VersionRow,
} from "../store/pre-prompts";
import { startEvaluation } from "./jobs";
import { activate, approve, compareWithActive, createDraft } from "./lifecycle";

/** How long POST …/evaluations waits for the run before answering 202 (seconds); `?wait=` may shorten it. */
const DEFAULT_WAIT_S = 20;
const MAX_WAIT_S = 60;

function objectBody(body: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== "object" || Array.isArray(body))
    throw new AppError("invalid_request", { detail: msg("governance.problem.body_object") });
  const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
  if (unknown.length > 0)
    throw new AppError("unknown_field", {
      detail: msg("governance.problem.unknown_field", { fields: unknown.join(", ") }),
    });
  return body as Record<string, unknown>;
}

function evaluationView(e: EvaluationRow, withCases = false) {
  return {
    id: e.id,
    versionId: e.versionId,
    status: e.status,
    done: e.done,
    total: e.total,
    scores: e.scores,
    ...(withCases && e.cases ? { cases: e.cases } : {}),
    ...(e.error ? { error: e.error } : {}),
    startedAt: e.startedAt,
    finishedAt: e.finishedAt,
  };
}

/** A version as the committee reads it: no user id in clear, names of the members who wrote and approved it. */
function versionView(v: VersionRow, userId: string, evaluation: EvaluationRow | undefined) {
  return {
    id: v.id,
    key: keyOf(v.task, v.template),
    task: v.task,
    ...(v.template ? { template: v.template } : {}),
    version: v.version,
    state: v.state,
    ...(v.author && !v.author.startsWith("system:")
      ? { author: v.authorName ?? t("governance.member_without_name") }
      : {}),
    ...(v.approvedBy ? { approvedBy: v.approvedByName ?? t("governance.member_without_name") } : {}),
    isMine: v.author === userId,
    basedOn: v.basedOn,
    approvalReason: v.approvalReason,
    justification: v.justification,
    text: v.text,
    sha256: v.sha256,
    firstSeenAt: v.firstSeenAt,
    firstUsedAt: v.firstUsedAt,
    approvedAt: v.approvedAt,
    activatedAt: v.activatedAt,
    retiredAt: v.retiredAt,
    evaluation: evaluation ? evaluationView(evaluation) : null,
  };
}

async function mustFind(db: Db, id: string): Promise<VersionRow> {
  const version = await findVersion(db, id);
  if (!version) throw new AppError("not_found", { detail: msg("governance.problem.version_not_found") });
  return version;
}

// What the OpenAPI document says of each route; the bodies are read and refused by the handlers themselves.
const committeeOnly = problem("Committee role required");
const noVersion = problem("No such version");
const DOCS = {
  list: {
    summary:
      "Every pre-prompt version of every task and template: {id, key, task, template?, version, state (draft|evaluated|" +
      "approved|active|retired), author?, approvedBy?, text, sha256, firstSeenAt, firstUsedAt, evaluation…}; one active " +
      "per task and template (Committee role)",
    response: { 200: { description: "Versions" }, 403: committeeOnly },
  },
  one: {
    summary: "One pre-prompt version (Committee role)",
    response: { 200: { description: "The version" }, 403: committeeOnly, 404: noVersion },
  },
  create: {
    summary: "Save a new draft version {task, template?, text, basedOn?} (Committee role)",
    body: {
      type: "object",
      required: ["task", "text"],
      additionalProperties: false,
      properties: {
        task: { type: "string" },
        template: { type: "string" },
        text: { type: "string", maxLength: 20000 },
        basedOn: { type: "string" },
      },
    },
    response: {
      201: { description: '{id, version, state: "draft"}' },
      400: problem("Unknown task or template, empty text, basedOn of another task"),
      403: committeeOnly,
    },
  },
  evaluate: {
    summary:
      "Run the version over its reference cases; 200 with the scores (and the active version's) when done within " +
      "?wait= seconds (default 20), else 202 with progress and a Location to poll",
    querystring: { type: "object", properties: { wait: { type: "integer", minimum: 0, maximum: 60 } } },
    response: {
      200: { description: "Scores" },
      202: { description: "Running: {id, status, done, total}" },
      403: committeeOnly,
      404: noVersion,
    },
  },
  latestEvaluation: {
    summary: "The version's latest evaluation, with the active version's scores",
    response: { 200: { description: "Evaluation" }, 403: committeeOnly, 404: problem("No evaluation") },
  },
  evaluation: {
    summary: "One evaluation run: progress, scores and each case's draft",
    response: { 200: { description: "Evaluation" }, 403: committeeOnly, 404: problem("No such evaluation") },
  },
  approve: {
    summary:
      "Approve an evaluated version {reason, justification?}: a Committee member other than its author; a justification " +
      "when it scores below the active version",
    body: {
      type: "object",
      required: ["reason"],
      additionalProperties: false,
      properties: { reason: { type: "string" }, justification: { type: "string" } },
    },
    response: {
      200: { description: "The approved version" },
      400: problem("No reason"),
      403: problem("Committee role required, or the author"),
      404: noVersion,
      409: problem("Not evaluated, or worse without justification"),
    },
  },
  activate: {
    summary:
      "Put an approved version in service (the active one is retired); activating an earlier version is the rollback",
    response: {
      200: { description: "The active version and the one it replaced" },
      403: committeeOnly,
      404: noVersion,
      409: problem("Never approved, or already active"),
    },
  },
};

/** Registers the routes on the committee's plugin (its onRequest hook already refused anyone without the role). */
export async function prePromptRoutes(
  app: FastifyInstance,
  deps: { readonly db: Db; readonly audit: AuditRecorder; readonly chain: ProviderChain },
): Promise<void> {
  const { db, audit, chain } = deps;

  app.get("/api/committee/preprompts", { schema: DOCS.list }, async (request) => {
    const [versions, evaluations] = await Promise.all([listVersions(db), latestEvaluations(db)]);
    return versions.map((v) => versionView(v, request.user.id, evaluations.get(v.id)));
  });

  app.get<{ Params: { id: string } }>("/api/committee/preprompts/:id", { schema: DOCS.one }, async (request) => {
    const version = await mustFind(db, request.params.id);
    const evaluation = await latestEvaluations(db).then((m) => m.get(version.id));
    return versionView(version, request.user.id, evaluation);
  });

  app.post("/api/committee/preprompts", { schema: DOCS.create }, async (request, reply) => {
    const body = objectBody(request.body, ["task", "template", "text", "basedOn"]);
    const row = await createDraft(db, audit, request.user, {
      task: body.task,
      template: body.template,
      text: body.text,
      basedOn: body.basedOn,
    });
    return reply
      .code(201)
      .header("location", `/api/committee/preprompts/${encodeURIComponent(row.id)}`)
      .send({
        id: row.id,
        task: row.task,
        ...(row.template ? { template: row.template } : {}),
        version: row.version,
        state: row.state,
      });
  });

  app.post<{ Params: { id: string }; Querystring: { wait?: string } }>(
    "/api/committee/preprompts/:id/evaluations",
    { schema: DOCS.evaluate },
    async (request, reply) => {
      // No body is expected; whatever a client sends along (an empty object, options of a later version) is ignored.
      const version = await mustFind(db, request.params.id);
      const job = await startEvaluation(db, audit, chain, request.user.id, version);
      const waitS = Math.min(MAX_WAIT_S, Math.max(0, Number(request.query.wait ?? DEFAULT_WAIT_S) || 0));
      const settled = await Promise.race([
        job.finished.then(() => true),
        new Promise<false>((r) => setTimeout(() => r(false), waitS * 1000).unref()),
      ]);
      const evaluation = (await findEvaluation(db, job.id)) as EvaluationRow;
      const location = `/api/committee/preprompts/${encodeURIComponent(version.id)}/evaluations/${evaluation.id}`;
      if (!settled) return reply.code(202).header("location", location).send(evaluationView(evaluation));
      const active = await findActiveVersion(db, version.task, version.template);
      const activeEvaluation = active ? await latestDoneEvaluation(db, active.id) : undefined;
      return reply
        .code(200)
        .header("location", location)
        .send({
          ...evaluationView(evaluation, true),
          active: active && activeEvaluation ? { versionId: active.id, scores: activeEvaluation.scores } : null,
        });
    },
  );

  app.get<{ Params: { id: string } }>(
    "/api/committee/preprompts/:id/evaluations",
    { schema: DOCS.latestEvaluation },
    async (request) => {
      const version = await mustFind(db, request.params.id);
      const evaluation = (await latestEvaluations(db)).get(version.id);
      if (!evaluation) throw new AppError("not_found", { detail: msg("governance.problem.no_evaluation") });
      const full = await findEvaluation(db, evaluation.id);
      const comparison = await compareWithActive(db, version);
      const active = await findActiveVersion(db, version.task, version.template);
      const activeEvaluation = active ? await latestDoneEvaluation(db, active.id) : undefined;
      return {
        ...evaluationView(full ?? evaluation, true),
        active: active && activeEvaluation ? { versionId: active.id, scores: activeEvaluation.scores } : null,
        isWorse: comparison.isWorse,
      };
    },
  );

  app.get<{ Params: { id: string; evaluationId: string } }>(
    "/api/committee/preprompts/:id/evaluations/:evaluationId",
    { schema: DOCS.evaluation },
    async (request) => {
      const evaluation = /^[0-9a-f-]{36}$/i.test(request.params.evaluationId)
        ? await findEvaluation(db, request.params.evaluationId)
        : undefined;
      if (!evaluation || evaluation.versionId !== request.params.id)
        throw new AppError("not_found", { detail: msg("governance.problem.no_evaluation") });
      return evaluationView(evaluation, true);
    },
  );

  app.post<{ Params: { id: string } }>(
    "/api/committee/preprompts/:id/approve",
    { schema: DOCS.approve },
    async (request) => {
      const body = objectBody(request.body, ["reason", "justification"]);
      const version = await approve(db, audit, request.user, request.params.id, body);
      return versionView(version, request.user.id, undefined);
    },
  );

  app.post<{ Params: { id: string } }>(
    "/api/committee/preprompts/:id/activate",
    { schema: DOCS.activate },
    async (request) => {
      const body = objectBody(request.body, ["reason"]);
      const { version, previous } = await activate(
        db,
        audit,
        request.user,
        request.params.id,
        typeof body.reason === "string" ? body.reason.trim() : undefined,
      );
      return { ...versionView(version, request.user.id, undefined), previous };
    },
  );
}
