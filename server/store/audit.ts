// Owns the audit_events table: one serialised writer appends hash-chained events; readers re-walk or export them.
import { randomUUID } from "node:crypto";
import {
  eventHash,
  eventHmac,
  GENESIS_HASH,
  verifyChain,
  type ChainedEvent,
  type Checkpoint,
  type VerifyResult,
} from "../audit/hash-chain";
import type { Db } from "./db";

/** The kinds of audited event (checked by the table's constraint too). */
export type AuditKind = "generation" | "save" | "feedback" | "config" | "preprompt" | "transcription";

/** An audit event as stored, with its link to the previous one and its own hash. */
export interface AuditEvent extends ChainedEvent {
  readonly kind: AuditKind;
  readonly prevHash: string;
  readonly hash: string;
  /** HMAC under AUDIT_KEY; null for an event written without the key. */
  readonly hmac: string | null;
}

interface AuditRow {
  seq: number;
  id: string;
  occurred_at: Date | string;
  actor: string;
  kind: AuditKind;
  payload: unknown;
  prev_hash: string;
  hash: string;
  hmac: string | null;
}

// Every replica takes the same lock, so appends are serialised across processes.
const AUDIT_LOCK_KEY = 724_031_912;

function fromRow(row: AuditRow): AuditEvent {
  return {
    seq: row.seq,
    id: row.id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    actor: row.actor,
    kind: row.kind,
    payload: row.payload,
    prevHash: row.prev_hash,
    hash: row.hash,
    hmac: row.hmac ?? null,
  };
}

/**
 * Appends one event at the end of the chain, signed with `key` (AUDIT_KEY); call it inside the transaction that
 * does what it records.
 */
export async function appendAudit(
  db: Db,
  event: { actor: string; kind: AuditKind; payload: Record<string, unknown>; occurredAt?: Date },
  key?: Buffer,
): Promise<AuditEvent> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [AUDIT_LOCK_KEY]);
    const [last] = await tx.query<{ seq: number; hash: string }>(
      "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1",
    );
    // The timestamp is truncated to milliseconds so what is hashed is exactly what PostgreSQL stores.
    const occurredAt = new Date(Math.floor((event.occurredAt ?? new Date()).getTime())).toISOString();
    const chained: ChainedEvent = {
      seq: (last?.seq ?? 0) + 1,
      id: randomUUID(),
      occurredAt,
      actor: event.actor,
      kind: event.kind,
      payload: JSON.parse(JSON.stringify(event.payload)),
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = eventHash(prevHash, chained);
    const hmac = key ? eventHmac(key, chained.seq, hash) : null;
    await tx.query(
      "INSERT INTO audit_events (seq, id, occurred_at, actor, kind, payload, prev_hash, hash, hmac) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)",
      [
        chained.seq,
        chained.id,
        occurredAt,
        chained.actor,
        chained.kind,
        JSON.stringify(chained.payload),
        prevHash,
        hash,
        hmac,
      ],
    );
    return { ...chained, kind: event.kind, prevHash, hash, hmac };
  });
}

/** Reads events in chain order, a page at a time, so a long log never sits in memory whole. */
export async function* readAudit(db: Db, pageSize = 1_000): AsyncGenerator<AuditEvent> {
  let after = 0;
  for (;;) {
    const rows = await db.query<AuditRow>("SELECT * FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2", [
      after,
      pageSize,
    ]);
    for (const row of rows) yield fromRow(row);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]?.seq ?? after;
  }
}

/** Re-walks the whole chain, page by page, checking signatures with `key` and the head against `checkpoints`. */
export function verifyAudit(
  db: Db,
  options: { key?: Buffer; checkpoints?: readonly Checkpoint[] } = {},
): Promise<VerifyResult> {
  return verifyChain(readAudit(db, 5_000), options);
}

/** The last event's place and hash, or undefined for an empty chain. */
export async function auditHead(db: Db): Promise<{ seq: number; hash: string } | undefined> {
  const [row] = await db.query<{ seq: number; hash: string }>(
    "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1",
  );
  return row;
}

/** The payload of the last event of `kind`, if any (used to record configuration changes only when they change). */
export async function lastAuditPayload(db: Db, kind: AuditKind): Promise<unknown> {
  const [row] = await db.query<{ payload: unknown }>(
    "SELECT payload FROM audit_events WHERE kind = $1 ORDER BY seq DESC LIMIT 1",
    [kind],
  );
  return row?.payload;
}
