// Owns live recordings: their row (consent, chunk list, status) and their audio chunks on disk until transcription.
import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile, rename } from "node:fs/promises";
import { join } from "node:path";
import type { Db } from "../store/db";

export interface RecordingRow {
  readonly id: string;
  readonly user_id: string;
  readonly consent_at: string | Date;
  readonly mime_type: string | null;
  readonly status: "recording" | "transcribed";
  readonly chunks: Record<string, { bytes: number; sha256: string; endS?: number }>;
  readonly bytes: string | number;
  readonly result: unknown;
  readonly audio_deleted_at: string | Date | null;
}

/** Where a recording's chunks live: DATA_DIR/recordings/<uuid>/<n>.part. */
export function recordingDir(dataDir: string, id: string): string {
  return join(dataDir, "recordings", id);
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function createRecordingStore(db: Db, dataDir: string) {
  const dirOf = (id: string) => recordingDir(dataDir, id);
  return {
    async create(userId: string, mimeType: string | undefined): Promise<RecordingRow> {
      const id = crypto.randomUUID();
      const rows = await db.query<RecordingRow>(
        "INSERT INTO recordings (id, user_id, consent_at, mime_type) VALUES ($1, $2, now(), $3) RETURNING *",
        [id, userId, mimeType ?? null],
      );
      return rows[0] as RecordingRow;
    },
    /** The recording of this user; undefined for anyone else (a 404, never a 403 that confirms it exists). */
    async get(id: string, userId: string): Promise<RecordingRow | undefined> {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
      const rows = await db.query<RecordingRow>("SELECT * FROM recordings WHERE id = $1 AND user_id = $2", [
        id,
        userId,
      ]);
      return rows[0];
    },
    /**
     * Stores chunk `n` once: the same bytes again are acknowledged (a retry after a lost answer), other bytes under
     * the same number are a conflict. The file is written before the row, so an acknowledged chunk is always on disk.
     */
    async putChunk(
      id: string,
      n: number,
      bytes: Uint8Array,
      endS: number | undefined,
    ): Promise<"stored" | "same" | "conflict"> {
      const digest = sha256(bytes);
      const existing = await db.query<{ chunk: { sha256: string } | null }>(
        "SELECT chunks -> $2::text AS chunk FROM recordings WHERE id = $1",
        [id, String(n)],
      );
      const known = existing[0]?.chunk;
      if (known) return known.sha256 === digest ? "same" : "conflict";
      await mkdir(dirOf(id), { recursive: true });
      const file = join(dirOf(id), `${n}.part`);
      // Written aside then renamed: a server killed mid-write leaves no half chunk under the final name.
      await writeFile(`${file}.tmp`, bytes);
      await rename(`${file}.tmp`, file);
      const entry = JSON.stringify({ bytes: bytes.length, sha256: digest, ...(endS !== undefined ? { endS } : {}) });
      const updated = await db.query<{ chunk: { sha256: string } }>(
        `UPDATE recordings SET chunks = CASE WHEN chunks ? $2::text THEN chunks ELSE jsonb_set(chunks, ARRAY[$2::text], $3::jsonb) END,
                bytes = CASE WHEN chunks ? $2::text THEN bytes ELSE bytes + $4 END
          WHERE id = $1 RETURNING chunks -> $2::text AS chunk`,
        [id, String(n), entry, bytes.length],
      );
      // Two replicas racing on the same chunk: the first row wins, the loser learns whether it sent the same bytes.
      return updated[0]?.chunk.sha256 === digest ? "stored" : "conflict";
    },
    /** The chunks 0..last concatenated (MediaRecorder's chunks form one file only together). */
    async assemble(row: RecordingRow, count: number): Promise<Uint8Array> {
      const parts: Buffer[] = [];
      for (let n = 0; n < count; n += 1) parts.push(await readFile(join(dirOf(row.id), `${n}.part`)));
      return Buffer.concat(parts);
    },
    async markTranscribed(id: string, result: unknown, durationS: number): Promise<void> {
      await db.query(
        "UPDATE recordings SET status = 'transcribed', transcribed_at = now(), duration_s = $2, result = $3 WHERE id = $1",
        [id, durationS, JSON.stringify(result)],
      );
    },
    /** Deletes the audio from disk and the chunk list from the row; the row keeps what the audit needs. */
    async deleteAudio(id: string): Promise<void> {
      await rm(dirOf(id), { recursive: true, force: true });
      await db.query("UPDATE recordings SET chunks = '{}'::jsonb, audio_deleted_at = now() WHERE id = $1", [id]);
    },
    async deleteRecording(id: string): Promise<void> {
      await rm(dirOf(id), { recursive: true, force: true });
      await db.query("DELETE FROM recordings WHERE id = $1", [id]);
    },
  };
}

export type RecordingStore = ReturnType<typeof createRecordingStore>;

/**
 * The retention of recordings: audio of transcribed recordings after `audioHours` (0: at once), untranscribed
 * recordings and transcripts with the notes (`workingDataDays`). Returns the ids whose audio left the disk.
 */
export async function purgeRecordings(
  db: Db,
  dataDir: string,
  policy: { audioHours: number; workingDataDays: number },
): Promise<number> {
  const expiredAudio = await db.query<{ id: string }>(
    `UPDATE recordings SET chunks = '{}'::jsonb, audio_deleted_at = now()
      WHERE audio_deleted_at IS NULL
        AND ((status = 'transcribed' AND transcribed_at < now() - make_interval(secs => $1))
          OR created_at < now() - make_interval(days => $2))
      RETURNING id`,
    [policy.audioHours * 3600, policy.workingDataDays],
  );
  for (const { id } of expiredAudio) await rm(recordingDir(dataDir, id), { recursive: true, force: true });
  await db.query(
    "UPDATE recordings SET result = NULL WHERE result IS NOT NULL AND created_at < now() - make_interval(days => $1)",
    [policy.workingDataDays],
  );
  return expiredAudio.length;
}
