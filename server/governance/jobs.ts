// Owns evaluation runs as background jobs: progress and results in the database, so any replica can report them.
import { randomUUID } from "node:crypto";
import type { AuditRecorder } from "../audit/recorder";
import type { ProviderChain } from "../llm/chain";
import type { Db } from "../store/db";
import {
  findActiveVersion,
  finishEvaluation,
  insertEvaluation,
  keyOf,
  latestDoneEvaluation,
  updateEvaluationProgress,
  type VersionRow,
} from "../store/pre-prompts";
import { evaluateVersion, referenceSet } from "./evaluation";
import { markEvaluated } from "./lifecycle";

export interface EvaluationJob {
  readonly id: string;
  readonly total: number;
  /** Settles when the run has finished and been stored (never rejects: a failure is stored as `failed`). */
  readonly finished: Promise<void>;
}

function prePromptOf(v: VersionRow) {
  return { id: v.id, key: keyOf(v.task, v.template), version: v.version, sha256: v.sha256, text: v.text };
}

async function run(
  db: Db,
  chain: ProviderChain,
  version: VersionRow,
  evaluationId: string,
  onDone?: (scores: Record<string, number>) => Promise<void>,
): Promise<void> {
  try {
    const set = await referenceSet(version.task, version.template);
    const result = await evaluateVersion(chain, prePromptOf(version), set, {
      onProgress: (done) => updateEvaluationProgress(db, evaluationId, done),
    });
    await finishEvaluation(db, evaluationId, result);
    await onDone?.(result.scores);
  } catch (error) {
    await finishEvaluation(db, evaluationId, { error: error instanceof Error ? error.message : String(error) }).catch(
      () => undefined,
    );
  }
}

/**
 * Starts evaluating `version` on its reference set. The active version of the same task and template is evaluated
 * first when it never was, so the two sets of scores can be shown side by side and compared at approval.
 */
export async function startEvaluation(
  db: Db,
  audit: AuditRecorder,
  chain: ProviderChain,
  userId: string,
  version: VersionRow,
): Promise<EvaluationJob> {
  const set = await referenceSet(version.task, version.template);
  const id = randomUUID();
  await insertEvaluation(db, { id, versionId: version.id, total: set.cases.length });
  const active = await findActiveVersion(db, version.task, version.template);
  const needsBaseline =
    active !== undefined && active.id !== version.id && (await latestDoneEvaluation(db, active.id)) === undefined;
  const finished = (async () => {
    if (needsBaseline && active) {
      const baselineId = randomUUID();
      await insertEvaluation(db, { id: baselineId, versionId: active.id, total: set.cases.length });
      await run(db, chain, active, baselineId);
    }
    await run(db, chain, version, id, (scores) => markEvaluated(db, audit, userId, version.id, id, scores));
  })();
  return { id, total: set.cases.length, finished };
}
