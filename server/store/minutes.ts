// Owns the minutes table: validated texts, who validated them, and their transparency decision.
import type { Minutes, Transparency } from "../../src/schemas/minutes";
import type { TaskId } from "../../src/tasks/catalogue";
import type { Db } from "./db";

/** Validated minutes to store, with their transparency decision. */
export interface NewMinutes {
  readonly id: string;
  readonly generationId: string;
  readonly userId: string;
  readonly task: TaskId;
  readonly text: string;
  readonly aiShare: number;
  readonly transparency: Transparency;
  readonly validatedBy: string;
  readonly validatedAt: Date;
}

interface MinutesRow {
  id: string;
  generation_id: string;
  task: TaskId;
  text: string;
  ai_share: number;
  transparency_case: Transparency["case"];
  transparency_label: string | null;
  validated_by: string;
  validated_at: Date;
  pre_prompt_id: string;
  pre_prompt_version: number;
}

/** Stores validated minutes. */
export async function insertMinutes(db: Db, m: NewMinutes): Promise<void> {
  await db.query(
    `INSERT INTO minutes (id, generation_id, user_id, task, text, ai_share, transparency_case, transparency_label, validated_by, validated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [m.id, m.generationId, m.userId, m.task, m.text, m.aiShare, m.transparency.case, m.transparency.label, m.validatedBy, m.validatedAt.toISOString()],
  );
}

/** The minutes `id` for their author; null for anyone else. */
export async function findMinutesForUser(db: Db, id: string, userId: string): Promise<Minutes | null> {
  const rows = await db.query<MinutesRow>(
    `SELECT m.*, g.pre_prompt_id, g.pre_prompt_version
       FROM minutes m JOIN generations g ON g.id = m.generation_id
      WHERE m.id = $1 AND m.user_id = $2`,
    [id, userId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    generationId: row.generation_id,
    task: row.task,
    text: row.text,
    transparency: { case: row.transparency_case, label: row.transparency_label },
    aiShare: row.ai_share,
    validatedBy: row.validated_by,
    validatedAt: new Date(row.validated_at).toISOString(),
    prePrompt: { id: row.pre_prompt_id, version: row.pre_prompt_version },
  };
}
