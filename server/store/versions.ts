// Owns the version history of a draft: the first generation, its AI edits (child generations) and manual edits.
import type { DraftVersion } from "../../src/schemas/versions";
import type { Db } from "./db";

/** Records a manual edit in the history of the draft whose first generation is `rootId`. */
export async function insertManualVersion(
  db: Db,
  v: { id: string; rootId: string; userId: string; text: string },
): Promise<void> {
  await db.query("INSERT INTO manual_versions (id, root_id, user_id, text) VALUES ($1,$2,$3,$4)", [
    v.id,
    v.rootId,
    v.userId,
    v.text,
  ]);
}

/** The whole history of the draft rooted at `rootId`, oldest first, for its author only. */
export async function listVersions(db: Db, rootId: string, userId: string): Promise<DraftVersion[]> {
  const rows = await db.query<{
    kind: DraftVersion["kind"];
    generation_id: string | null;
    instruction: string | null;
    text: string | null;
    at: Date;
  }>(
    `SELECT CASE WHEN parent_id IS NULL THEN 'generation' ELSE 'ai-edit' END AS kind, id AS generation_id, revise_instruction AS instruction, draft AS text, created_at AS at
       FROM generations WHERE root_id = $1 AND user_id = $2
     UNION ALL
     SELECT 'manual-edit', NULL, NULL, text, created_at FROM manual_versions WHERE root_id = $1 AND user_id = $2
     ORDER BY at`,
    [rootId, userId],
  );
  return rows.map((r) => ({
    kind: r.kind,
    ...(r.generation_id ? { generationId: r.generation_id } : {}),
    ...(r.instruction ? { instruction: r.instruction } : {}),
    text: r.text,
    at: new Date(r.at).toISOString(),
  }));
}

/**
 * Every text of the draft's history written by generative AI (the first generation and each AI edit) still held.
 * A draft the offline engine prepared (`degraded`) is the adviser's own lines sorted, not an AI's words: left out.
 */
export async function aiTextsOf(db: Db, rootId: string, userId: string): Promise<string[]> {
  const rows = await db.query<{ draft: string }>(
    "SELECT draft FROM generations WHERE root_id = $1 AND user_id = $2 AND draft IS NOT NULL AND degraded = false ORDER BY created_at",
    [rootId, userId],
  );
  return rows.map((r) => r.draft);
}
