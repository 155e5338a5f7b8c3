// Owns the link from a generation to the transcription it drafts from: the caller's own, with the member's consent on
// record.
import { AppError } from "../../src/errors";
import { msg } from "../../src/i18n/message";
import type { Db } from "../store/db";

/** The consent a generation carries: which transcription, and when the member gave it. */
export interface TranscriptionConsent {
  readonly id: string;
  readonly consentAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The consent of transcription `id` if `actor` (the caller, pseudonymised as in the audit log) made it. The audit
 * event is the record read: one-file transcriptions keep nothing else, and it outlives the purge of recordings.
 * @throws AppError not_found (absent or someone else's: a 404, never a 403 that confirms it exists), consent_required.
 */
export async function resolveTranscriptionConsent(
  db: Db,
  actor: string,
  id: string | undefined,
): Promise<TranscriptionConsent | undefined> {
  if (id === undefined) return undefined;
  const notFound = () => new AppError("not_found", { detail: msg("voice.server.transcription_not_found") });
  if (!UUID.test(id)) throw notFound();
  const rows = await db.query<{ consent: unknown; consent_at: unknown }>(
    `SELECT payload -> 'consent' AS consent, payload ->> 'consentAt' AS consent_at FROM audit_events
      WHERE kind = 'transcription' AND payload ->> 'recordingId' = $1 AND actor = $2 ORDER BY seq LIMIT 1`,
    [id.toLowerCase(), actor],
  );
  const row = rows[0];
  if (!row) throw notFound();
  const consentAt = typeof row.consent_at === "string" ? new Date(row.consent_at) : undefined;
  if (row.consent !== true || !consentAt || Number.isNaN(consentAt.getTime())) {
    throw new AppError("consent_required", { detail: msg("voice.server.transcription_without_consent") });
  }
  return { id: id.toLowerCase(), consentAt: consentAt.toISOString() };
}
