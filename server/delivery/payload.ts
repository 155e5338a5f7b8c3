// Owns the body of a `minutes.validated` event: the saved record read back in the save's transaction, as JSON.
import { lexFigures } from "../../src/figures";
import type { DeliveryPayload, ValidatedRecord } from "../../src/schemas/delivery";
import type { TaskId } from "../../src/tasks/catalogue";
import type { Db } from "../store/db";
import { readCommitmentsOffline } from "./commitments";

interface RecordRow {
  id: string;
  task: TaskId;
  template: string | null;
  text: string;
  member_id: string | null;
  transparency_case: ValidatedRecord["transparency"]["case"];
  transparency_label: string | null;
  ai_share: number;
  validated_at: Date;
  created_at: Date;
  generation_id: string;
  pre_prompt_id: string;
  pre_prompt_version: number;
  pre_prompt_sha256: string;
  provider_name: string;
  provider_model: string;
  provider_region: string;
  degraded: boolean;
}

const FIELD_KINDS = new Set(["date", "amount", "time", "plate", "reference"]);

/** The figures of the text a CRM files as fields: dates, amounts, times, plates and references. */
function fieldsOf(text: string): ValidatedRecord["fields"] {
  return lexFigures(text)
    .filter((f) => FIELD_KINDS.has(f.kind) && f.isWeak !== true)
    .slice(0, 200)
    .map((f) => ({
      kind: f.kind as ValidatedRecord["fields"][number]["kind"],
      text: f.text,
      normalised: f.normalised,
    }));
}

/**
 * The JSON body of the validated event of `minutesId`, read inside the transaction that saved it, or null when the
 * minutes are not there. `adviser` is the audit pseudonym of the author, never the user id.
 */
export async function validatedBody(
  tx: Db,
  minutesId: string,
  adviser: string,
  at: Date = new Date(),
): Promise<string | null> {
  const rows = await tx.query<RecordRow>(
    `SELECT m.id, m.task, m.template, m.text, m.member_id, m.transparency_case, m.transparency_label, m.ai_share,
            m.validated_at, m.created_at, m.generation_id, g.pre_prompt_id, g.pre_prompt_version, g.pre_prompt_sha256,
            g.provider_name, g.provider_model, g.provider_region, g.degraded
       FROM minutes m JOIN generations g ON g.id = m.generation_id
      WHERE m.id = $1`,
    [minutesId],
  );
  const row = rows[0];
  if (!row) return null;
  const validatedAt = new Date(row.validated_at);
  const record: ValidatedRecord = {
    id: row.id,
    task: row.task,
    template: row.template,
    text: row.text,
    memberId: row.member_id,
    adviser,
    transparency: { case: row.transparency_case, label: row.transparency_label },
    prePrompt: { id: row.pre_prompt_id, version: Number(row.pre_prompt_version), sha256: row.pre_prompt_sha256 },
    provenance: {
      generationId: row.generation_id,
      provider: { name: row.provider_name, model: row.provider_model, region: row.provider_region },
      degraded: row.degraded,
      aiShare: Number(row.ai_share),
      validatedAt: validatedAt.toISOString(),
      savedAt: new Date(row.created_at).toISOString(),
    },
    fields: fieldsOf(row.text),
    // Read from the validated words at save time; the adviser's review in the pane turns them into tasks.
    commitments: readCommitmentsOffline(row.text, row.member_id, validatedAt),
  };
  const payload: DeliveryPayload = { type: "minutes.validated", timestamp: at.toISOString(), data: record };
  return JSON.stringify(payload);
}
