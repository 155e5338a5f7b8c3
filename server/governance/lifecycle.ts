// Owns the pre-prompt lifecycle rules: draft → evaluated → approved → active (→ retired), each step audited.
import { AppError } from "../../src/errors";
import { msg } from "../../src/i18n/message";
import { isTaskId, variantOf, type TemplateId, TEMPLATE_IDS } from "../../src/tasks/catalogue";
import type { AuditRecorder } from "../audit/recorder";
import type { User } from "../auth/user";
import type { Db } from "../store/db";
import {
  findActiveVersion,
  findVersion,
  insertDraft,
  latestDoneEvaluation,
  setState,
  VERSION_LOCK_KEY,
  type VersionRow,
} from "../store/pre-prompts";
import { overallScore } from "./scores";

/** Longest pre-prompt accepted (characters): a system prompt, not a document. */
export const MAX_PRE_PROMPT_CHARS = 20_000;
/** A candidate whose overall score is below the active one's by more than this needs a written justification. */
export const WORSE_MARGIN = 0.005;

function notFound(): AppError {
  return new AppError("not_found", { detail: msg("governance.problem.version_not_found") });
}

/**
 * Saves a new draft version of a task's or template's pre-prompt.
 * @throws AppError invalid_request (unknown task or template, empty text, basedOn of another task).
 */
export async function createDraft(
  db: Db,
  audit: AuditRecorder,
  user: User,
  body: { task: unknown; template?: unknown; text: unknown; basedOn?: unknown },
): Promise<VersionRow> {
  if (!isTaskId(body.task)) throw new AppError("invalid_request", { detail: msg("governance.problem.unknown_task") });
  const template =
    body.template === undefined || body.template === null || body.template === "" ? undefined : body.template;
  if (
    template !== undefined &&
    (typeof template !== "string" ||
      !(TEMPLATE_IDS as readonly string[]).includes(template) ||
      !variantOf(body.task, template as TemplateId))
  ) {
    throw new AppError("invalid_request", { detail: msg("governance.problem.unknown_template") });
  }
  if (typeof body.text !== "string" || body.text.trim() === "")
    throw new AppError("invalid_request", { detail: msg("governance.problem.text_empty") });
  if (body.text.length > MAX_PRE_PROMPT_CHARS)
    throw new AppError("invalid_request", {
      detail: msg("governance.problem.text_too_long", { max: MAX_PRE_PROMPT_CHARS }),
    });
  const task = body.task;
  const text = body.text.trim();
  return db.transaction(async (tx) => {
    let basedOn: string | null = null;
    if (body.basedOn !== undefined && body.basedOn !== null) {
      const base = typeof body.basedOn === "string" ? await findVersion(tx, body.basedOn) : undefined;
      if (!base || base.task !== task || (base.template ?? undefined) !== template)
        throw new AppError("invalid_request", { detail: msg("governance.problem.based_on") });
      basedOn = base.id;
    }
    const row = await insertDraft(tx, {
      task,
      template: (template as string | undefined) ?? null,
      text,
      basedOn,
      author: user.id,
      authorName: user.name || null,
    });
    await audit.prePrompt(tx, user.id, {
      action: "created",
      versionId: row.id,
      task,
      template: row.template,
      version: row.version,
      sha256: row.sha256,
      basedOn,
    });
    return row;
  });
}

/** Records a finished evaluation: a draft becomes evaluated; a later state keeps its place. */
export async function markEvaluated(
  db: Db,
  audit: AuditRecorder,
  userId: string,
  versionId: string,
  evaluationId: string,
  scores: Record<string, number>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const version = await findVersion(tx, versionId);
    if (!version) return;
    if (version.state === "draft") await setState(tx, versionId, "evaluated");
    await audit.prePrompt(tx, userId, {
      action: "evaluated",
      versionId,
      evaluationId,
      overall: scores.overall ?? overallScore(scores),
    });
  });
}

/**
 * Approves an evaluated version: a Committee member other than its author, with a written reason; a version scoring
 * below the active one needs a written justification too.
 * @throws AppError not_found, forbidden (the author), conflict (not evaluated, worse without justification),
 * invalid_request.
 */
export async function approve(
  db: Db,
  audit: AuditRecorder,
  user: User,
  id: string,
  body: { reason?: unknown; justification?: unknown },
): Promise<VersionRow> {
  const reason = typeof body.reason === "string" ? body.reason.trim() : "";
  const justification =
    typeof body.justification === "string" && body.justification.trim() !== "" ? body.justification.trim() : null;
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [VERSION_LOCK_KEY]);
    const version = await findVersion(tx, id);
    if (!version) throw notFound();
    if (version.author === user.id) throw new AppError("forbidden", { detail: msg("governance.problem.own_version") });
    if (reason === "") throw new AppError("invalid_request", { detail: msg("governance.problem.reason_required") });
    if (version.state !== "evaluated")
      throw new AppError("conflict", { detail: msg("governance.problem.not_evaluated", { state: version.state }) });
    const comparison = await compareWithActive(tx, version);
    if (comparison.isWorse && justification === null) {
      throw new AppError("conflict", {
        detail: msg("governance.problem.justification_required", {
          candidate: comparison.candidate.toFixed(3),
          active: comparison.active.toFixed(3),
        }),
      });
    }
    await setState(tx, id, "approved", {
      approvedBy: user.id,
      approvedByName: user.name || null,
      reason,
      justification,
    });
    await audit.prePrompt(tx, user.id, {
      action: "approved",
      versionId: id,
      reason,
      justification,
      candidateScore: comparison.candidate,
      activeScore: comparison.active,
    });
    return (await findVersion(tx, id)) as VersionRow;
  });
}

/** The candidate's overall score against the active version's (both from their latest finished evaluations). */
export async function compareWithActive(
  db: Db,
  version: VersionRow,
): Promise<{ candidate: number; active: number; isWorse: boolean }> {
  const own = await latestDoneEvaluation(db, version.id);
  const active = await findActiveVersion(db, version.task, version.template);
  const activeEvaluation = active && active.id !== version.id ? await latestDoneEvaluation(db, active.id) : undefined;
  const candidate = own?.scores ? overallScore(own.scores) : 0;
  const reference = activeEvaluation?.scores ? overallScore(activeEvaluation.scores) : 0;
  return {
    candidate,
    active: reference,
    isWorse: activeEvaluation !== undefined && candidate < reference - WORSE_MARGIN,
  };
}

/** Whether a version may be put in force: approved, or retired after having been approved or in force (rollback). */
function isActivatable(v: VersionRow): boolean {
  return v.state === "approved" || (v.state === "retired" && (v.approvedBy !== null || v.activatedAt !== null));
}

/**
 * Puts a version in force and retires the one it replaces, in one transaction; activating an earlier version is the
 * rollback.
 * @throws AppError not_found, conflict (never approved, or already active).
 */
export async function activate(
  db: Db,
  audit: AuditRecorder,
  user: User,
  id: string,
  reason?: string,
): Promise<{ version: VersionRow; previous: string | null }> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [VERSION_LOCK_KEY]);
    const version = await findVersion(tx, id);
    if (!version) throw notFound();
    if (version.state === "active")
      throw new AppError("conflict", { detail: msg("governance.problem.already_active") });
    if (!isActivatable(version))
      throw new AppError("conflict", { detail: msg("governance.problem.not_approved", { state: version.state }) });
    const previous = await findActiveVersion(tx, version.task, version.template);
    if (previous) {
      await setState(tx, previous.id, "retired");
      await audit.prePrompt(tx, user.id, { action: "retired", versionId: previous.id, replacedBy: id });
    }
    await setState(tx, id, "active");
    await audit.prePrompt(tx, user.id, {
      action: "activated",
      versionId: id,
      sha256: version.sha256,
      previous: previous?.id ?? null,
      rollback: version.state === "retired",
      ...(reason ? { reason } : {}),
    });
    return { version: (await findVersion(tx, id)) as VersionRow, previous: previous?.id ?? null };
  });
}
