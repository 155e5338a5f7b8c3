// Owns idempotency keys: the first request with a key does the work, a retry gets the first answer back, and the same
// key with another body is refused (IETF draft "The Idempotency-Key HTTP Header Field", section 2.7).
import { createHash } from "node:crypto";
import { AppError } from "../../src/errors";
import { msg } from "../../src/i18n/message";
import { canonicalJson } from "../audit/canonical";
import type { Db } from "./db";

/** The response a request with an Idempotency-Key gave, replayed to its retries. */
export interface StoredAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** The fingerprint of a request body: SHA-256 of its canonical JSON, so key order and spacing do not matter. */
export function fingerprintOf(body: unknown): string {
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}

/**
 * Runs `work` once per (user, key): claims the key inside the caller's transaction (a concurrent retry waits
 * on the row lock), and returns the stored answer instead when the key was already used with the same body.
 * @throws AppError idempotency_key_reused when the key was first used with a body of another fingerprint.
 */
export async function onceForKey(
  tx: Db,
  userId: string,
  key: string,
  work: () => Promise<StoredAnswer>,
  fingerprint?: string,
): Promise<StoredAnswer & { isReplay: boolean }> {
  const claimed = await tx.query(
    "INSERT INTO idempotency_keys (user_id, key, fingerprint) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key",
    [userId, key, fingerprint ?? null],
  );
  if (claimed.length === 0) {
    const [row] = await tx.query<{ status: number | null; response: unknown; fingerprint: string | null }>(
      "SELECT status, response, fingerprint FROM idempotency_keys WHERE user_id = $1 AND key = $2",
      [userId, key],
    );
    // Keys stored before fingerprints existed carry none: they replay as before.
    if (row && fingerprint !== undefined && row.fingerprint !== null && row.fingerprint !== fingerprint) {
      throw new AppError("idempotency_key_reused", { detail: msg("problem.idempotency_key_reused.detail") });
    }
    if (row?.status != null) return { status: row.status, body: row.response, isReplay: true };
  }
  const answer = await work();
  await tx.query("UPDATE idempotency_keys SET status = $3, response = $4 WHERE user_id = $1 AND key = $2", [
    userId,
    key,
    answer.status,
    JSON.stringify(answer.body),
  ]);
  return { ...answer, isReplay: false };
}
