// Owns the pre_prompt_versions table: every pre-prompt text ever in force, when it was first seen and first used.
import type { PrePrompt, PrePromptRegistry } from "../prompts/registry";
import type { Db } from "./db";

/** Raised at start when a pre-prompt's text changed without a new version number. */
export class PrePromptEditedError extends Error {
  constructor(readonly id: string) {
    super(`Pre-prompt ${id} differs from the text recorded under that version. Pre-prompts are versioned: save the new text as a new version (${id.replace(/@\d+$/, "@<next>")}.md) instead of editing it in place.`);
    this.name = "PrePromptEditedError";
  }
}

/**
 * Records the pre-prompts in force; a version whose text changed in place is refused.
 * @throws PrePromptEditedError
 */
export async function syncPrePrompts(db: Db, registry: PrePromptRegistry): Promise<void> {
  for (const p of registry.values()) {
    await db.query("INSERT INTO pre_prompt_versions (id, task, version, sha256, text) VALUES ($1,$2,$3,$4,$5) ON CONFLICT (id) DO NOTHING", [p.id, p.key, p.version, p.sha256, p.text]);
    const [row] = await db.query<{ sha256: string }>("SELECT sha256 FROM pre_prompt_versions WHERE id = $1", [p.id]);
    if (row?.sha256 !== p.sha256) throw new PrePromptEditedError(p.id);
  }
}

/** Marks the first generation made under `prePrompt`. */
export async function markPrePromptUsed(db: Db, prePrompt: PrePrompt): Promise<void> {
  await db.query("UPDATE pre_prompt_versions SET first_used_at = now() WHERE id = $1 AND first_used_at IS NULL", [prePrompt.id]);
}

/** A pre-prompt version as the committee sees it. */
export interface PrePromptVersionRow {
  id: string;
  task: string;
  version: number;
  sha256: string;
  text: string;
  firstSeenAt: string;
  firstUsedAt: string | null;
}

/** Every version, newest first within each task. */
export async function listPrePromptVersions(db: Db): Promise<PrePromptVersionRow[]> {
  const rows = await db.query<{ id: string; task: string; version: number; sha256: string; text: string; first_seen_at: Date; first_used_at: Date | null }>(
    "SELECT * FROM pre_prompt_versions ORDER BY task, version DESC",
  );
  return rows.map((r) => ({
    id: r.id,
    task: r.task,
    version: r.version,
    sha256: r.sha256,
    text: r.text,
    firstSeenAt: new Date(r.first_seen_at).toISOString(),
    firstUsedAt: r.first_used_at ? new Date(r.first_used_at).toISOString() : null,
  }));
}
