// Owns the audit hash chain: each event's SHA-256 covers its canonical form and the previous event's hash, and an
// HMAC under a key the database does not hold proves the event was written by the application.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { canonicalJson } from "./canonical";

/** Domain tag, so an audit hash can never be mistaken for another hash of the same bytes. */
const DOMAIN = "greffier-audit-v1";
const HMAC_DOMAIN = "greffier-audit-hmac-v1";
/** The `prevHash` of the first event of the chain. */
export const GENESIS_HASH = "0".repeat(64);

/** The fields of an audit event that its hash covers. */
export interface ChainedEvent {
  readonly seq: number;
  readonly id: string;
  readonly occurredAt: string; // ISO 8601, UTC, millisecond precision
  readonly actor: string;
  readonly kind: string;
  readonly payload: unknown;
}

/** The hash of `event` following `prevHash`. */
export function eventHash(prevHash: string, event: ChainedEvent): string {
  const body = canonicalJson({
    seq: event.seq,
    id: event.id,
    occurredAt: event.occurredAt,
    actor: event.actor,
    kind: event.kind,
    payload: event.payload,
  });
  return createHash("sha256").update(`${DOMAIN}\n${prevHash}\n${body}`).digest("hex");
}

/** The HMAC of an event, over its hash (which already covers its content and its place in the chain). */
export function eventHmac(key: Buffer, seq: number, hash: string): string {
  return createHmac("sha256", key).update(`${HMAC_DOMAIN}\n${seq}\n${hash}`).digest("hex");
}

/** Compares two hex strings in constant time. */
export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** Why a chain does not verify, the first reason found. */
export type BrokenReason =
  | "sequence" // an event is missing or duplicated inside the chain
  | "link" // an event does not point at the previous one
  | "hash" // an event's content does not match its hash
  | "signature" // an event carries no valid HMAC: written without the key
  | "checkpoint" // an event differs from what a signed checkpoint recorded at its place
  | "checkpoint-signature" // a checkpoint line was altered
  | "cut-tail" // signed checkpoints saw events the table no longer has
  | "wiped"; // signed checkpoints saw events and the table is empty

/** A signed record, kept outside the database, of the chain's head at a moment. */
export interface Checkpoint {
  readonly seq: number;
  readonly hash: string;
  readonly at: string;
  /** False when the line's own HMAC does not hold. */
  readonly isSigned: boolean;
}

/** The outcome of re-walking the chain, as GET /api/committee/audit/verify answers it. */
export interface VerifyResult {
  readonly ok: boolean;
  readonly entries: number;
  /** Sequence number of the first event whose link, hash or signature does not hold, or the first one missing. */
  readonly firstBrokenAt?: number;
  readonly reason?: BrokenReason;
  /** The latest signed checkpoint the chain was checked against, if any. */
  readonly checkpoint?: { readonly seq: number; readonly at: string };
}

type StoredEvent = ChainedEvent & { prevHash: string; hash: string; hmac?: string | null | undefined };

/**
 * Re-walks events in order and checks each link, hash and HMAC, then compares the head with the signed checkpoints:
 * a missing event, an altered one, one appended without the key, a cut tail and a wiped table all break it.
 */
export async function verifyChain(
  events: AsyncIterable<StoredEvent> | Iterable<StoredEvent>,
  options: { key?: Buffer; checkpoints?: readonly Checkpoint[] } = {},
): Promise<VerifyResult> {
  const checkpoints = options.checkpoints ?? [];
  const expectedAt = new Map<number, string>();
  for (const c of checkpoints) if (c.isSigned) expectedAt.set(c.seq, c.hash);
  const latest = checkpoints
    .filter((c) => c.isSigned)
    .reduce<Checkpoint | undefined>((a, c) => (a && a.seq >= c.seq ? a : c), undefined);
  const anchor = latest ? { checkpoint: { seq: latest.seq, at: latest.at } } : {};
  // Events written before anchoring existed carry no HMAC: accepted only up to the first signed checkpoint, which
  // fixed their hashes outside the database (a file line the database's owner cannot forge).
  const legacyUntil = checkpoints.find((c) => c.isSigned)?.seq ?? 0;

  let previous = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  let broken: { at: number; reason: BrokenReason } | undefined;
  for await (const event of events) {
    entries += 1;
    if (broken === undefined) {
      const reason: BrokenReason | undefined =
        event.seq !== expectedSeq
          ? "sequence"
          : event.prevHash !== previous
            ? "link"
            : eventHash(previous, event) !== event.hash
              ? "hash"
              : options.key &&
                  (event.hmac
                    ? !sameHex(event.hmac, eventHmac(options.key, event.seq, event.hash))
                    : event.seq > legacyUntil)
                ? "signature"
                : expectedAt.has(event.seq) && expectedAt.get(event.seq) !== event.hash
                  ? "checkpoint"
                  : undefined;
      if (reason) broken = { at: Math.min(event.seq, expectedSeq), reason };
    }
    previous = event.hash;
    expectedSeq = event.seq + 1;
  }
  if (broken === undefined && checkpoints.some((c) => !c.isSigned)) {
    broken = { at: checkpoints.find((c) => !c.isSigned)?.seq ?? 1, reason: "checkpoint-signature" };
  }
  if (broken === undefined && latest && latest.seq >= expectedSeq) {
    broken = { at: expectedSeq, reason: entries === 0 ? "wiped" : "cut-tail" };
  }
  return broken === undefined
    ? { ok: true, entries, ...anchor }
    : { ok: false, entries, firstBrokenAt: broken.at, reason: broken.reason, ...anchor };
}
