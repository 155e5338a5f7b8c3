// Owns the audit hash chain: each event's SHA-256 covers its canonical form and the previous event's hash.
import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical";

/** Domain tag, so an audit hash can never be mistaken for another hash of the same bytes. */
const DOMAIN = "greffier-audit-v1";
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
  const body = canonicalJson({ seq: event.seq, id: event.id, occurredAt: event.occurredAt, actor: event.actor, kind: event.kind, payload: event.payload });
  return createHash("sha256").update(`${DOMAIN}\n${prevHash}\n${body}`).digest("hex");
}

/** The outcome of re-walking the chain, as GET /api/committee/audit/verify answers it. */
export interface VerifyResult {
  readonly ok: boolean;
  readonly entries: number;
  /** Sequence number of the first event whose link or hash does not hold. */
  readonly firstBrokenAt?: number;
}

/** Re-walks events in order and checks each link and hash; a missing event breaks the sequence. */
export async function verifyChain(events: AsyncIterable<ChainedEvent & { prevHash: string; hash: string }> | Iterable<ChainedEvent & { prevHash: string; hash: string }>): Promise<VerifyResult> {
  let previous = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  let firstBrokenAt: number | undefined;
  for await (const event of events) {
    entries += 1;
    if (firstBrokenAt === undefined && (event.seq !== expectedSeq || event.prevHash !== previous || eventHash(previous, event) !== event.hash)) {
      firstBrokenAt = event.seq;
    }
    previous = event.hash;
    expectedSeq = event.seq + 1;
  }
  return firstBrokenAt === undefined ? { ok: true, entries } : { ok: false, entries, firstBrokenAt };
}
