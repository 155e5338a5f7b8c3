// Owns the pre_prompt_versions and pre_prompt_evaluations tables: every pre-prompt version, its lifecycle state and
// scores.
import { createHash } from "node:crypto";
import type { PrePrompt, PrePromptRegistry } from "../prompts/registry";
import type { Db } from "./db";

/** Raised at start when a seeded pre-prompt's text changed without a new version number. */
export class PrePromptEditedError extends Error {
  constructor(readonly id: string) {
    super(
      `Pre-prompt ${id} differs from the text recorded under that version. Pre-prompts are versioned: save the new text as a new version (${id.replace(/@\d+$/, "@<next>")}.md) instead of editing it in place.`,
    );
    this.name = "PrePromptEditedError";
  }
}

export const PRE_PROMPT_STATES = ["draft", "evaluated", "approved", "active", "retired"] as const;
export type PrePromptState = (typeof PRE_PROMPT_STATES)[number];

/** `task` or `task.template`: the key a generation looks its pre-prompt up by. */
export function keyOf(task: string, template?: string | null): string {
  return template ? `${task}.${template}` : task;
}

function splitKey(key: string): { task: string; template: string | null } {
  const [task = key, template] = key.split(".");
  return { task, template: template ?? null };
}

export function sha256Of(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The author recorded for versions seeded from server/prompts/ files. */
export const FILE_AUTHOR = "system:files";

/**
 * Seeds the versions from the files in server/prompts/: a task or template with no version yet gets its file as the
 * active one; a newer file for a governed task arrives as a draft the committee must evaluate and approve. A seeded
 * version whose text changed in place is refused.
 * @throws PrePromptEditedError
 */
export async function syncPrePrompts(db: Db, registry: PrePromptRegistry): Promise<void> {
  // An evaluation runs inside one server process: one still "running" after an hour lost its process (restart, crash).
  await db.query(
    "UPDATE pre_prompt_evaluations SET status = 'failed', error = 'interrupted', finished_at = now() WHERE status = 'running' AND started_at < now() - interval '1 hour'",
  );
  for (const p of registry.values()) {
    const { task, template } = splitKey(p.key);
    await db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock($1)", [VERSION_LOCK_KEY]);
      const [existing] = await tx.query<{ sha256: string; author: string | null }>(
        "SELECT sha256, author FROM pre_prompt_versions WHERE id = $1",
        [p.id],
      );
      if (existing) {
        // A version written in the committee page under the same number wins over a late file: only seeds are checked.
        if ((existing.author === null || existing.author === FILE_AUTHOR) && existing.sha256 !== p.sha256)
          throw new PrePromptEditedError(p.id);
        return;
      }
      const [any] = await tx.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pre_prompt_versions WHERE task = $1 AND coalesce(template, '') = $2",
        [task, template ?? ""],
      );
      const state: PrePromptState = (any?.n ?? 0) === 0 ? "active" : "draft";
      await tx.query(
        `INSERT INTO pre_prompt_versions (id, task, template, version, sha256, text, state, author, activated_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8, CASE WHEN $7 = 'active' THEN now() END)`,
        [p.id, task, template, p.version, p.sha256, p.text, state, FILE_AUTHOR],
      );
    });
  }
}

/** Serialises version numbering and activation across replicas. */
export const VERSION_LOCK_KEY = 724_031_930;

/** Marks the first generation made under `prePrompt`. */
export async function markPrePromptUsed(db: Db, prePrompt: PrePrompt): Promise<void> {
  await db.query("UPDATE pre_prompt_versions SET first_used_at = now() WHERE id = $1 AND first_used_at IS NULL", [
    prePrompt.id,
  ]);
}

/** The version in force for `key` (`task` or `task.template`), as a generation uses it. */
export async function activePrePrompt(db: Db, key: string): Promise<PrePrompt | undefined> {
  const { task, template } = splitKey(key);
  const [row] = await db.query<{ id: string; version: number; sha256: string; text: string }>(
    "SELECT id, version, sha256, text FROM pre_prompt_versions WHERE task = $1 AND coalesce(template, '') = $2 AND state = 'active'",
    [task, template ?? ""],
  );
  return row ? { id: row.id, key, version: row.version, sha256: row.sha256, text: row.text } : undefined;
}

/** A version as stored. */
export interface VersionRow {
  id: string;
  task: string;
  template: string | null;
  version: number;
  sha256: string;
  text: string;
  state: PrePromptState;
  author: string | null;
  authorName: string | null;
  basedOn: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
  approvalReason: string | null;
  justification: string | null;
  firstSeenAt: string;
  firstUsedAt: string | null;
  approvedAt: string | null;
  activatedAt: string | null;
  retiredAt: string | null;
}

interface RawVersion {
  id: string;
  task: string;
  template: string | null;
  version: number;
  sha256: string;
  text: string;
  state: PrePromptState;
  author: string | null;
  author_name: string | null;
  based_on: string | null;
  approved_by: string | null;
  approved_by_name: string | null;
  approval_reason: string | null;
  justification: string | null;
  first_seen_at: Date | string;
  first_used_at: Date | string | null;
  approved_at: Date | string | null;
  activated_at: Date | string | null;
  retired_at: Date | string | null;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

function fromRow(r: RawVersion): VersionRow {
  return {
    id: r.id,
    task: r.task,
    template: r.template,
    version: r.version,
    sha256: r.sha256,
    text: r.text,
    state: r.state,
    author: r.author,
    authorName: r.author_name,
    basedOn: r.based_on,
    approvedBy: r.approved_by,
    approvedByName: r.approved_by_name,
    approvalReason: r.approval_reason,
    justification: r.justification,
    firstSeenAt: iso(r.first_seen_at) ?? "",
    firstUsedAt: iso(r.first_used_at),
    approvedAt: iso(r.approved_at),
    activatedAt: iso(r.activated_at),
    retiredAt: iso(r.retired_at),
  };
}

/** Every version, newest first within each task and template. */
export async function listVersions(db: Db): Promise<VersionRow[]> {
  const rows = await db.query<RawVersion>(
    "SELECT * FROM pre_prompt_versions ORDER BY task, coalesce(template, ''), version DESC",
  );
  return rows.map(fromRow);
}

export async function findVersion(db: Db, id: string): Promise<VersionRow | undefined> {
  const [row] = await db.query<RawVersion>("SELECT * FROM pre_prompt_versions WHERE id = $1", [id]);
  return row ? fromRow(row) : undefined;
}

/** The active version of a task and template. */
export async function findActiveVersion(
  db: Db,
  task: string,
  template: string | null,
): Promise<VersionRow | undefined> {
  const [row] = await db.query<RawVersion>(
    "SELECT * FROM pre_prompt_versions WHERE task = $1 AND coalesce(template, '') = $2 AND state = 'active'",
    [task, template ?? ""],
  );
  return row ? fromRow(row) : undefined;
}

/** Inserts a draft under the next version number of its task and template; call inside a transaction holding the lock. */
export async function insertDraft(
  db: Db,
  d: {
    task: string;
    template: string | null;
    text: string;
    basedOn: string | null;
    author: string;
    authorName: string | null;
  },
): Promise<VersionRow> {
  await db.query("SELECT pg_advisory_xact_lock($1)", [VERSION_LOCK_KEY]);
  const [max] = await db.query<{ v: number | null }>(
    "SELECT max(version)::int AS v FROM pre_prompt_versions WHERE task = $1 AND coalesce(template, '') = $2",
    [d.task, d.template ?? ""],
  );
  const version = (max?.v ?? 0) + 1;
  const id = `${keyOf(d.task, d.template)}@${version}`;
  const [row] = await db.query<RawVersion>(
    `INSERT INTO pre_prompt_versions (id, task, template, version, sha256, text, state, author, author_name, based_on)
     VALUES ($1,$2,$3,$4,$5,$6,'draft',$7,$8,$9) RETURNING *`,
    [id, d.task, d.template, version, sha256Of(d.text), d.text, d.author, d.authorName, d.basedOn],
  );
  return fromRow(row as RawVersion);
}

/** Moves a version to `state`, with the fields that step records. */
export async function setState(
  db: Db,
  id: string,
  state: PrePromptState,
  fields: { approvedBy?: string; approvedByName?: string | null; reason?: string; justification?: string | null } = {},
): Promise<void> {
  await db.query(
    `UPDATE pre_prompt_versions SET state = $2,
       approved_by = coalesce($3, approved_by), approved_by_name = coalesce($4, approved_by_name),
       approval_reason = coalesce($5, approval_reason), justification = coalesce($6, justification),
       approved_at = CASE WHEN $2 = 'approved' THEN now() ELSE approved_at END,
       activated_at = CASE WHEN $2 = 'active' THEN now() ELSE activated_at END,
       retired_at = CASE WHEN $2 = 'retired' THEN now() ELSE retired_at END
     WHERE id = $1`,
    [
      id,
      state,
      fields.approvedBy ?? null,
      fields.approvedByName ?? null,
      fields.reason ?? null,
      fields.justification ?? null,
    ],
  );
}

/** One evaluation run of one version. */
export interface EvaluationRow {
  id: string;
  versionId: string;
  status: "running" | "done" | "failed";
  done: number;
  total: number;
  scores: Record<string, number> | null;
  cases: unknown[] | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

interface RawEvaluation {
  id: string;
  version_id: string;
  status: EvaluationRow["status"];
  done: number;
  total: number;
  scores: Record<string, number> | null;
  cases: unknown[] | null;
  error: string | null;
  started_at: Date | string;
  finished_at: Date | string | null;
}

function evaluationFromRow(r: RawEvaluation): EvaluationRow {
  return {
    id: r.id,
    versionId: r.version_id,
    status: r.status,
    done: r.done,
    total: r.total,
    scores: r.scores,
    cases: r.cases,
    error: r.error,
    startedAt: iso(r.started_at) ?? "",
    finishedAt: iso(r.finished_at),
  };
}

export async function insertEvaluation(db: Db, e: { id: string; versionId: string; total: number }): Promise<void> {
  await db.query("INSERT INTO pre_prompt_evaluations (id, version_id, status, total) VALUES ($1,$2,'running',$3)", [
    e.id,
    e.versionId,
    e.total,
  ]);
}

export async function updateEvaluationProgress(db: Db, id: string, done: number): Promise<void> {
  await db.query("UPDATE pre_prompt_evaluations SET done = $2 WHERE id = $1", [id, done]);
}

export async function finishEvaluation(
  db: Db,
  id: string,
  result: { scores: Record<string, number>; cases: unknown[] } | { error: string },
): Promise<void> {
  if ("error" in result) {
    await db.query(
      "UPDATE pre_prompt_evaluations SET status = 'failed', error = $2, finished_at = now() WHERE id = $1",
      [id, result.error],
    );
  } else {
    await db.query(
      "UPDATE pre_prompt_evaluations SET status = 'done', done = total, scores = $2, cases = $3, finished_at = now() WHERE id = $1",
      [id, JSON.stringify(result.scores), JSON.stringify(result.cases)],
    );
  }
}

export async function findEvaluation(db: Db, id: string): Promise<EvaluationRow | undefined> {
  const [row] = await db.query<RawEvaluation>("SELECT * FROM pre_prompt_evaluations WHERE id = $1", [id]);
  return row ? evaluationFromRow(row) : undefined;
}

/** The latest evaluation of each version (finished or running), without the per-case details. */
export async function latestEvaluations(db: Db): Promise<Map<string, EvaluationRow>> {
  const rows = await db.query<RawEvaluation>(
    "SELECT DISTINCT ON (version_id) id, version_id, status, done, total, scores, NULL::jsonb AS cases, error, started_at, finished_at FROM pre_prompt_evaluations ORDER BY version_id, started_at DESC",
  );
  return new Map(rows.map((r) => [r.version_id, evaluationFromRow(r)]));
}

/** The latest finished evaluation of a version. */
export async function latestDoneEvaluation(db: Db, versionId: string): Promise<EvaluationRow | undefined> {
  const [row] = await db.query<RawEvaluation>(
    "SELECT * FROM pre_prompt_evaluations WHERE version_id = $1 AND status = 'done' ORDER BY started_at DESC LIMIT 1",
    [versionId],
  );
  return row ? evaluationFromRow(row) : undefined;
}
