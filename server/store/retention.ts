// Owns the retention policy in SQL: what advisers sent and unvalidated drafts go after a delay; validated minutes
// later.
import { appendDeletions } from "../delivery/outbox";
import type { Db } from "./db";

/** How long each kind of data is kept (`RETENTION_DAYS`, `MINUTES_RETENTION_DAYS`). */
export interface RetentionPolicy {
  /** Notes, sources, context, pseudonymisation maps and unvalidated drafts. */
  readonly workingDataDays: number;
  /** Validated minutes (and the draft they came from). */
  readonly minutesDays: number;
}

/** What one purge removed, in rows; logged, so it holds counts only. */
export interface PurgeReport {
  readonly inputsPurged: number;
  readonly draftsPurged: number;
  readonly minutesDeleted: number;
}

/** Applies the policy now; safe to run on several replicas at once. */
export async function purgeExpired(db: Db, policy: RetentionPolicy): Promise<PurgeReport> {
  return db.transaction(async (tx) => {
    const inputs = await tx.query(
      `UPDATE generations SET notes = NULL, source = NULL, context = NULL, pseudonym_map = NULL
        WHERE created_at < now() - make_interval(days => $1)
          AND (notes IS NOT NULL OR source IS NOT NULL OR context IS NOT NULL OR pseudonym_map IS NOT NULL)
        RETURNING id`,
      [policy.workingDataDays],
    );
    // Expired minutes go first, so the one draft purge below also frees the drafts they were holding.
    const minutes = await tx.query<{ id: string; generation_id: string }>(
      "DELETE FROM minutes WHERE created_at < now() - make_interval(days => $1) RETURNING id, generation_id",
      [policy.minutesDays],
    );
    // Receivers that may hold these records get a signed minutes.deleted; their text leaves the outbox with them.
    await appendDeletions(
      tx,
      minutes.map((m) => m.id),
      "retention",
    );
    const drafts = await tx.query(
      `UPDATE generations g SET draft = NULL
        WHERE g.created_at < now() - make_interval(days => $1) AND g.draft IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM minutes m WHERE m.generation_id = g.id)
        RETURNING id`,
      [policy.workingDataDays],
    );
    const manual = await tx.query(
      "UPDATE manual_versions SET text = NULL WHERE created_at < now() - make_interval(days => $1) AND text IS NOT NULL RETURNING id",
      [policy.workingDataDays],
    );
    // Idempotency keys only guard against retries of the same day.
    await tx.query("DELETE FROM idempotency_keys WHERE created_at < now() - interval '1 day'");
    return { inputsPurged: inputs.length, draftsPurged: drafts.length + manual.length, minutesDeleted: minutes.length };
  });
}
