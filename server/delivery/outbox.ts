// Owns the outbox tables in SQL: events written with the save (or deletion), deliveries claimed, settled, replayed.
import { randomUUID } from "node:crypto";
import type { DeliveryStatus } from "../../src/schemas/delivery";
import type { Db } from "../store/db";

export type EventType = "minutes.validated" | "minutes.deleted";

/** Serialises event numbering so `seq` follows commit order (the exports cursor relies on it). */
const OUTBOX_LOCK = 7_180_318_020;

/** The webhook-id of a record's event: stable, so a receiver deduplicates retries, replays and replicas. */
export function eventIdOf(type: EventType, minutesId: string): string {
  return `msg_${minutesId}_${type === "minutes.validated" ? "validated" : "deleted"}`;
}

/**
 * Appends one event and a pending delivery per receiver, inside the caller's transaction; a second call for the
 * same record and type changes nothing (the id is unique).
 */
export async function appendEvent(
  tx: Db,
  event: { type: EventType; minutesId: string; body: string },
  receivers: readonly string[],
): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock($1)", [OUTBOX_LOCK]);
  const rows = await tx.query<{ seq: string }>(
    "INSERT INTO outbox_events (id, type, minutes_id, body) VALUES ($1,$2,$3,$4) ON CONFLICT (id) DO NOTHING RETURNING seq",
    [eventIdOf(event.type, event.minutesId), event.type, event.minutesId, event.body],
  );
  const seq = rows[0]?.seq;
  if (seq === undefined) return;
  for (const receiver of new Set(receivers)) {
    await tx.query("INSERT INTO outbox_deliveries (id, event_seq, receiver) VALUES ($1,$2,$3)", [
      randomUUID(),
      seq,
      receiver,
    ]);
  }
}

/**
 * Records that minutes were deleted, inside the transaction that deletes them: their validated event loses its
 * body (the text goes with the record), its deliveries not yet made are cancelled, and a signed `minutes.deleted`
 * goes to every receiver that may hold the record (any receiver an attempt was made to).
 */
export async function appendDeletions(
  tx: Db,
  minutesIds: readonly string[],
  reason: "retention" | "deletion",
  at: Date = new Date(),
): Promise<void> {
  if (minutesIds.length === 0) return;
  const ids = JSON.stringify(minutesIds);
  const validated = await tx.query<{ seq: string; minutes_id: string }>(
    `UPDATE outbox_events SET body = NULL
      WHERE type = 'minutes.validated' AND minutes_id IN (SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb))
      RETURNING seq, minutes_id`,
    [ids],
  );
  if (validated.length === 0) return; // never recorded, never left: nothing to tell anyone
  const seqs = JSON.stringify(validated.map((v) => v.seq));
  const reached = await tx.query<{ event_seq: string; receiver: string }>(
    `SELECT event_seq, receiver FROM outbox_deliveries
      WHERE event_seq IN (SELECT value::bigint FROM jsonb_array_elements_text($1::jsonb)) AND attempts > 0`,
    [seqs],
  );
  await tx.query(
    `UPDATE outbox_deliveries SET state = 'cancelled', locked_until = NULL, claim_token = NULL
      WHERE event_seq IN (SELECT value::bigint FROM jsonb_array_elements_text($1::jsonb)) AND state IN ('pending', 'dead')`,
    [seqs],
  );
  for (const v of validated) {
    const receivers = reached.filter((r) => String(r.event_seq) === String(v.seq)).map((r) => r.receiver);
    const body = JSON.stringify({
      type: "minutes.deleted",
      timestamp: at.toISOString(),
      data: { id: v.minutes_id, reason, deletedAt: at.toISOString() },
    });
    await appendEvent(tx, { type: "minutes.deleted", minutesId: v.minutes_id, body }, receivers);
  }
}

/** A delivery a worker holds for the length of its lease. */
export interface ClaimedDelivery {
  readonly id: string;
  readonly receiver: string;
  /** Attempts made, this one included. */
  readonly attempts: number;
  readonly eventId: string;
  readonly body: string;
  readonly claimToken: string;
}

/**
 * Claims up to `limit` due deliveries for `leaseMs`, to the receivers still configured (one an operator removed from
 * WEBHOOK_URLS keeps its rows pending, untouched, until it comes back). One statement with FOR UPDATE SKIP LOCKED:
 * replicas polling
 * the same PostgreSQL never claim the same row, and the same SQL runs on PGlite (one connection, no contention).
 */
export async function claimDue(
  db: Db,
  limit: number,
  leaseMs: number,
  receivers: readonly string[],
): Promise<ClaimedDelivery[]> {
  const token = randomUUID();
  const rows = await db.query<{ id: string; receiver: string; attempts: number; event_id: string; body: string }>(
    `WITH due AS (
       SELECT d.id FROM outbox_deliveries d
        WHERE d.state = 'pending' AND d.next_attempt_at <= now() AND (d.locked_until IS NULL OR d.locked_until <= now())
          AND d.receiver IN (SELECT value FROM jsonb_array_elements_text($4::jsonb))
        ORDER BY d.next_attempt_at, d.event_seq
        LIMIT $1
        FOR UPDATE SKIP LOCKED)
     UPDATE outbox_deliveries d
        SET locked_until = now() + make_interval(secs => $2::double precision / 1000), attempts = d.attempts + 1, claim_token = $3
       FROM due, outbox_events e
      WHERE d.id = due.id AND e.seq = d.event_seq AND e.body IS NOT NULL
      RETURNING d.id, d.receiver, d.attempts, e.id AS event_id, e.body`,
    [limit, leaseMs, token, JSON.stringify(receivers)],
  );
  return rows.map((r) => ({
    id: r.id,
    receiver: r.receiver,
    attempts: Number(r.attempts),
    eventId: r.event_id,
    body: r.body,
    claimToken: token,
  }));
}

/** The receiver has it (2xx). Only the worker still holding the claim settles it. */
export async function markDelivered(db: Db, delivery: ClaimedDelivery, status: number): Promise<void> {
  await db.query(
    `UPDATE outbox_deliveries SET state = 'delivered', delivered_at = now(), locked_until = NULL, claim_token = NULL, last_status = $3, last_error = NULL
      WHERE id = $1 AND claim_token = $2 AND state = 'pending'`,
    [delivery.id, delivery.claimToken, status],
  );
}

/** The attempt failed: retry after `retryInMs`, or dead-letter the delivery when it is null. */
export async function markFailed(
  db: Db,
  delivery: ClaimedDelivery,
  failure: { status: number | null; error: string; retryInMs: number | null },
): Promise<void> {
  await db.query(
    `UPDATE outbox_deliveries
        SET locked_until = NULL, claim_token = NULL, last_status = $3, last_error = $4,
            state = CASE WHEN $5::double precision IS NULL THEN 'dead' ELSE 'pending' END,
            dead_at = CASE WHEN $5::double precision IS NULL THEN now() ELSE NULL END,
            next_attempt_at = now() + make_interval(secs => COALESCE($5::double precision, 0) / 1000)
      WHERE id = $1 AND claim_token = $2 AND state = 'pending'`,
    [delivery.id, delivery.claimToken, failure.status, failure.error.slice(0, 500), failure.retryInMs],
  );
}

/** Gives a claim back without counting the attempt (the worker is stopping before it sent anything). */
export async function releaseClaim(db: Db, delivery: ClaimedDelivery): Promise<void> {
  await db.query(
    "UPDATE outbox_deliveries SET locked_until = NULL, claim_token = NULL, attempts = attempts - 1 WHERE id = $1 AND claim_token = $2",
    [delivery.id, delivery.claimToken],
  );
}

interface StatusRow {
  id: string;
  event_id: string;
  type: EventType;
  minutes_id: string;
  receiver: string;
  state: DeliveryStatus["state"];
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  next_attempt_at: Date | null;
  created_at: Date;
  dead_at: Date | null;
  delivered_at: Date | null;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** Deliveries in one state (dead letters first of all), oldest first. */
export async function listDeliveries(
  db: Db,
  state: DeliveryStatus["state"] | undefined,
  limit: number,
): Promise<DeliveryStatus[]> {
  const rows = await db.query<StatusRow>(
    `SELECT d.id, e.id AS event_id, e.type, e.minutes_id, d.receiver, d.state, d.attempts, d.last_status, d.last_error,
            d.next_attempt_at, d.created_at, d.dead_at, d.delivered_at
       FROM outbox_deliveries d JOIN outbox_events e ON e.seq = d.event_seq
      WHERE ($1::text IS NULL OR d.state = $1)
      ORDER BY d.created_at, d.id
      LIMIT $2`,
    [state ?? null, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    type: r.type,
    minutesId: r.minutes_id,
    receiver: r.receiver,
    state: r.state,
    attempts: Number(r.attempts),
    lastStatus: r.last_status === null ? null : Number(r.last_status),
    lastError: r.last_error,
    nextAttemptAt: r.state === "pending" ? iso(r.next_attempt_at) : null,
    createdAt: iso(r.created_at) ?? "",
    deadAt: iso(r.dead_at),
    deliveredAt: iso(r.delivered_at),
  }));
}

/**
 * Puts a dead (or delivered) delivery back in the queue with a fresh schedule; same webhook-id, same body.
 * @returns "replayed", "not_found", or "gone" when the record was deleted since (its text left the outbox).
 */
export async function replayDelivery(db: Db, id: string): Promise<"replayed" | "not_found" | "gone"> {
  const rows = await db.query<{ state: string; has_body: boolean }>(
    "SELECT d.state, e.body IS NOT NULL AS has_body FROM outbox_deliveries d JOIN outbox_events e ON e.seq = d.event_seq WHERE d.id = $1",
    [id],
  );
  const row = rows[0];
  if (!row) return "not_found";
  if (!row.has_body || row.state === "cancelled") return "gone";
  await db.query(
    `UPDATE outbox_deliveries SET state = 'pending', attempts = 0, next_attempt_at = now(), locked_until = NULL, claim_token = NULL, dead_at = NULL, delivered_at = NULL
      WHERE id = $1 AND state IN ('dead', 'delivered')`,
    [id],
  );
  return "replayed";
}

/** One exported event, body as stored. */
export interface ExportRow {
  readonly seq: string;
  readonly id: string;
  readonly body: string;
}

/** Events after `since` in commit order, validated records whose minutes were deleted left out. */
export async function readEvents(
  db: Db,
  since: string,
  limit: number,
): Promise<{ rows: ExportRow[]; hasMore: boolean }> {
  const rows = await db.query<{ seq: string; id: string; body: string }>(
    "SELECT seq::text AS seq, id, body FROM outbox_events WHERE seq > $1::bigint AND body IS NOT NULL ORDER BY seq LIMIT $2",
    [since, limit + 1],
  );
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}
