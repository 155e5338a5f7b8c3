// Owns idempotency keys: the first request with a key does the work, any retry gets the first answer back.
import type { Db } from "./db";

/** The response a request with an Idempotency-Key gave, replayed to its retries. */
export interface StoredAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * Runs `work` once per (user, key): claims the key inside the caller's transaction (a concurrent retry waits
 * on the row lock), and returns the stored answer instead when the key was already used.
 */
export async function onceForKey(tx: Db, userId: string, key: string, work: () => Promise<StoredAnswer>): Promise<StoredAnswer & { isReplay: boolean }> {
  const claimed = await tx.query("INSERT INTO idempotency_keys (user_id, key) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING key", [userId, key]);
  if (claimed.length === 0) {
    const [row] = await tx.query<{ status: number | null; response: unknown }>("SELECT status, response FROM idempotency_keys WHERE user_id = $1 AND key = $2", [userId, key]);
    if (row?.status != null) return { status: row.status, body: row.response, isReplay: true };
  }
  const answer = await work();
  await tx.query("UPDATE idempotency_keys SET status = $3, response = $4 WHERE user_id = $1 AND key = $2", [userId, key, answer.status, JSON.stringify(answer.body)]);
  return { ...answer, isReplay: false };
}
