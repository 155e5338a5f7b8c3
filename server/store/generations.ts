// Owns the generations table: one row per draft produced, with what produced it and for whom.
import type { GenerationResponse } from "../../src/schemas/generation";
import type { TaskId, TemplateId } from "../../src/tasks/catalogue";
import type { Db } from "./db";

/** A finished generation as stored: the answer plus who asked, the inputs (purged later) and its lineage. */
export interface GenerationRecord extends GenerationResponse {
  readonly userId: string;
  readonly prePromptSha256: string;
  readonly latencyMs: number;
  readonly hasHealthData: boolean;
  readonly notes: string;
  readonly source: string | undefined;
  readonly context: Record<string, string | undefined> | undefined;
  readonly pseudonymMap: unknown;
  readonly parentId: string | undefined;
  /** The first generation of this draft's history (itself for a first draft). */
  readonly rootId: string;
  readonly reviseInstruction: string | undefined;
}

interface GenerationRow {
  id: string;
  task: TaskId;
  template: TemplateId | null;
  pre_prompt_id: string;
  pre_prompt_version: number;
  pre_prompt_sha256: string;
  provider_name: string;
  provider_model: string;
  provider_region: string;
  degraded: boolean;
  input_tokens: number;
  output_tokens: number;
  latency_ms: number;
  energy_wh: number;
  gco2eq: number;
  pseudonymised: number;
  ungrounded: GenerationResponse["ungrounded"];
  draft: string | null;
  parent_id: string | null;
  root_id: string | null;
  transcription_id: string | null;
  transcription_consent_at: Date | string | null;
  created_at: Date;
}

/** The columns a StoredGeneration is built from, one for each field of GenerationRow. */
const GENERATION_COLUMNS = `id, task, template, pre_prompt_id, pre_prompt_version, pre_prompt_sha256, provider_name, provider_model,
  provider_region, degraded, input_tokens, output_tokens, latency_ms, energy_wh, gco2eq, pseudonymised, ungrounded, draft,
  parent_id, root_id, transcription_id, transcription_consent_at, created_at`;

/** A generation as read back: the draft is null once the retention policy purged it. */
export type StoredGeneration = Omit<GenerationResponse, "draft"> & { draft: string | null; rootId: string };

/** Records a finished generation. */
export async function insertGeneration(db: Db, g: GenerationRecord): Promise<void> {
  await db.query(
    `INSERT INTO generations (id, user_id, task, pre_prompt_id, pre_prompt_version, pre_prompt_sha256, provider_name,
       provider_model, provider_region, degraded, input_tokens, output_tokens, latency_ms, energy_wh, gco2eq,
       pseudonymised, has_health_data, ungrounded, notes, source, context, pseudonym_map, draft, template, parent_id, root_id, revise_instruction,
       transcription_id, transcription_consent_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27,$28,$29)`,
    [
      g.id,
      g.userId,
      g.task,
      g.prePrompt.id,
      g.prePrompt.version,
      g.prePromptSha256,
      g.provider.name,
      g.provider.model,
      g.provider.region,
      g.degraded,
      g.usage.inputTokens,
      g.usage.outputTokens,
      Math.round(g.latencyMs),
      g.footprint.energyWh,
      g.footprint.gco2eq,
      g.pseudonymised,
      g.hasHealthData,
      JSON.stringify(g.ungrounded),
      g.notes,
      g.source ?? null,
      g.context ? JSON.stringify(g.context) : null,
      g.pseudonymMap === undefined ? null : JSON.stringify(g.pseudonymMap),
      g.draft,
      g.template ?? null,
      g.parentId ?? null,
      g.rootId,
      g.reviseInstruction ?? null,
      g.transcription?.id ?? null,
      g.transcription?.consentAt ?? null,
    ],
  );
}

/** The generation `id` if `userId` asked for it; null otherwise (someone else's is as good as absent). */
export async function findGenerationForUser(db: Db, id: string, userId: string): Promise<StoredGeneration | null> {
  // Named columns, not `*`: the notes, source, context and pseudonymisation map (the member's data in clear) are
  // never needed here, so they never leave the database on the save, feedback and history paths.
  const rows = await db.query<GenerationRow>(
    `SELECT ${GENERATION_COLUMNS} FROM generations WHERE id = $1 AND user_id = $2`,
    [id, userId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    task: row.task,
    ...(row.template ? { template: row.template } : {}),
    draft: row.draft,
    prePrompt: { id: row.pre_prompt_id, version: row.pre_prompt_version, sha256: row.pre_prompt_sha256 },
    provider: { name: row.provider_name, model: row.provider_model, region: row.provider_region },
    degraded: row.degraded,
    usage: { inputTokens: row.input_tokens, outputTokens: row.output_tokens },
    footprint: { energyWh: row.energy_wh, gco2eq: row.gco2eq },
    ungrounded: row.ungrounded,
    pseudonymised: row.pseudonymised,
    ...(row.parent_id ? { parentId: row.parent_id } : {}),
    rootId: row.root_id ?? row.id,
    ...(row.transcription_id && row.transcription_consent_at
      ? { transcription: { id: row.transcription_id, consentAt: new Date(row.transcription_consent_at).toISOString() } }
      : {}),
    latencyMs: row.latency_ms,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
