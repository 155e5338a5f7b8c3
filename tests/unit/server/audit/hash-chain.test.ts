// The audit hash chain without a database: appending links each event to the previous hash, and every tampering the
// chain exists to reveal (altered, reordered, deleted, unsigned, cut tail, wiped table, edited checkpoint) is found.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { canonicalJson } from "../../../../server/audit/canonical";
import { checkpointStore } from "../../../../server/audit/checkpoints";
import {
  eventHash,
  eventHmac,
  GENESIS_HASH,
  verifyChain,
  type ChainedEvent,
  type Checkpoint,
} from "../../../../server/audit/hash-chain";

const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 9);

type Stored = ChainedEvent & { prevHash: string; hash: string; hmac: string | null };

/** Appends as the store does: the next seq, linked to the last hash, signed with `key` (null: unsigned). */
function append(chain: Stored[], payload: Record<string, unknown>, key: Buffer | null = KEY): Stored[] {
  const seq = chain.length + 1;
  const event: ChainedEvent = {
    seq,
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, "0")}`,
    occurredAt: new Date(Date.UTC(2026, 0, 1, 9, 0, seq)).toISOString(),
    actor: "conseiller-1",
    kind: "generation",
    payload,
  };
  const prevHash = chain.at(-1)?.hash ?? GENESIS_HASH;
  const hash = eventHash(prevHash, event);
  return [...chain, { ...event, prevHash, hash, hmac: key ? eventHmac(key, seq, hash) : null }];
}

function chainOf(length: number, key: Buffer | null = KEY): Stored[] {
  let chain: Stored[] = [];
  for (let i = 1; i <= length; i++) chain = append(chain, { generationId: `g${i}`, tokens: i * 10 }, key);
  return chain;
}

const signedAt = (event: Stored | undefined): Checkpoint => ({
  seq: event?.seq ?? 0,
  hash: event?.hash ?? "",
  at: "2026-01-01T09:01:00.000Z",
  isSigned: true,
});

describe("appending", () => {
  it("links each event to the previous one's hash, from the genesis hash", async () => {
    const chain = chainOf(4);
    expect(chain[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < chain.length; i++) expect(chain[i]?.prevHash).toBe(chain[i - 1]?.hash);
    expect(new Set(chain.map((e) => e.hash)).size).toBe(4);
    expect(await verifyChain(chain, { key: KEY })).toEqual({ ok: true, entries: 4 });
  });

  it("verifies an empty chain with no checkpoint", async () => {
    expect(await verifyChain([], { key: KEY })).toEqual({ ok: true, entries: 0 });
  });
});

describe("tampering is detected", () => {
  it("an altered middle event, at that event", async () => {
    const chain = chainOf(5);
    chain[2] = { ...chain[2]!, payload: { generationId: "g3", tokens: 9999 } };
    expect(await verifyChain(chain, { key: KEY })).toMatchObject({ ok: false, firstBrokenAt: 3, reason: "hash" });
  });

  it("an altered middle event whose hash was recomputed, by the next event's link", async () => {
    const chain = chainOf(5);
    const altered = { ...chain[2]!, actor: "quelqu-un-d-autre" };
    chain[2] = { ...altered, hash: eventHash(altered.prevHash, altered) };
    expect(await verifyChain(chain)).toMatchObject({ ok: false, firstBrokenAt: 4, reason: "link" });
  });

  it("a rewritten tail with every hash recomputed but no key, by its signatures", async () => {
    let forged = chainOf(2);
    forged = append(forged, { generationId: "g3", tokens: 1 }, OTHER_KEY);
    forged = append(forged, { generationId: "g4", tokens: 1 }, OTHER_KEY);
    expect(await verifyChain(forged)).toMatchObject({ ok: true });
    expect(await verifyChain(forged, { key: KEY })).toMatchObject({ ok: false, firstBrokenAt: 3, reason: "signature" });
  });

  it("two events swapped, by their sequence", async () => {
    const chain = chainOf(5);
    [chain[1], chain[2]] = [chain[2]!, chain[1]!];
    expect(await verifyChain(chain, { key: KEY })).toMatchObject({ ok: false, firstBrokenAt: 2, reason: "sequence" });
  });

  it("a deleted middle event, at the missing seq", async () => {
    const chain = chainOf(5);
    chain.splice(2, 1);
    expect(await verifyChain(chain, { key: KEY })).toMatchObject({ ok: false, firstBrokenAt: 3, reason: "sequence" });
  });

  it("a cut tail, against a signed checkpoint of the head (and not without one)", async () => {
    const chain = chainOf(6);
    const checkpoints = [signedAt(chain[2]), signedAt(chain[5])];
    expect(await verifyChain(chain, { key: KEY, checkpoints })).toEqual({
      ok: true,
      entries: 6,
      checkpoint: { seq: 6, at: "2026-01-01T09:01:00.000Z" },
    });
    const cut = chain.slice(0, 4);
    expect(await verifyChain(cut, { key: KEY })).toMatchObject({ ok: true });
    expect(await verifyChain(cut, { key: KEY, checkpoints })).toMatchObject({
      ok: false,
      firstBrokenAt: 5,
      reason: "cut-tail",
    });
  });

  it("a wiped table, against a signed checkpoint", async () => {
    const checkpoints = [signedAt(chainOf(3)[2])];
    expect(await verifyChain([], { key: KEY, checkpoints })).toMatchObject({
      ok: false,
      firstBrokenAt: 1,
      reason: "wiped",
    });
  });

  it("a chain rebuilt with the key that differs from what a checkpoint recorded", async () => {
    const recorded = chainOf(4);
    const rebuilt = append(chainOf(2), { generationId: "autre", tokens: 0 });
    const checkpoints = [signedAt(recorded[2])];
    expect(await verifyChain(append(rebuilt, { x: 1 }), { key: KEY, checkpoints })).toMatchObject({
      ok: false,
      firstBrokenAt: 3,
      reason: "checkpoint",
    });
  });

  it("an edited checkpoint line", async () => {
    const chain = chainOf(3);
    const checkpoints = [{ ...signedAt(chain[2]), isSigned: false }];
    expect(await verifyChain(chain, { key: KEY, checkpoints })).toMatchObject({
      ok: false,
      reason: "checkpoint-signature",
    });
  });

  it("an unsigned event: accepted only before the first signed checkpoint (events older than the key)", async () => {
    let chain = chainOf(3, null);
    const checkpoints = [signedAt(chain[2])];
    chain = append(chain, { generationId: "g4", tokens: 1 });
    expect(await verifyChain(chain, { key: KEY, checkpoints })).toMatchObject({ ok: true, entries: 4 });
    chain = append(chain, { generationId: "g5", tokens: 1 }, null);
    expect(await verifyChain(chain, { key: KEY, checkpoints })).toMatchObject({
      ok: false,
      firstBrokenAt: 5,
      reason: "signature",
    });
  });
});

describe("checkpoint files", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("read back signed, and an edited line reads as unsigned", async () => {
    const dir = await mkdtemp(join(tmpdir(), "greffier-audit-"));
    dirs.push(dir);
    const store = checkpointStore(dir, "chain-a", KEY);
    await store.append({ seq: 3, hash: "ab".repeat(32) }, new Date("2026-01-01T09:00:00Z"));
    await store.append({ seq: 5, hash: "cd".repeat(32) }, new Date("2026-01-01T09:01:00Z"));
    expect(await store.read()).toEqual([
      { seq: 3, hash: "ab".repeat(32), at: "2026-01-01T09:00:00.000Z", isSigned: true },
      { seq: 5, hash: "cd".repeat(32), at: "2026-01-01T09:01:00.000Z", isSigned: true },
    ]);
    expect((await checkpointStore(dir, "chain-a", OTHER_KEY).read()).map((c) => c.isSigned)).toEqual([false, false]);
    const text = await readFile(store.file, "utf8");
    await writeFile(store.file, text.replace('"seq":5', '"seq":4'));
    expect((await store.read()).map((c) => c.isSigned)).toEqual([true, false]);
  });
});

describe("canonical JSON", () => {
  it("does not depend on key order, at any depth, and drops undefined fields", () => {
    const a = { b: 1, a: { y: [1, { q: true, p: null }], x: "é" }, u: undefined };
    const b = { a: { x: "é", y: [1, { p: null, q: true }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(b)).toBe('{"a":{"x":"é","y":[1,{"p":null,"q":true}]},"b":1}');
  });

  it("keeps array order, which is meaningful", () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it("gives the same event hash whatever the payload's key order, and refuses a non-finite number", () => {
    const event = (payload: unknown): ChainedEvent => ({
      seq: 1,
      id: "e",
      occurredAt: "2026-01-01T00:00:00.000Z",
      actor: "a",
      kind: "save",
      payload,
    });
    expect(eventHash(GENESIS_HASH, event({ a: 1, b: 2 }))).toBe(eventHash(GENESIS_HASH, event({ b: 2, a: 1 })));
    expect(eventHash(GENESIS_HASH, event({ a: 1 }))).not.toBe(eventHash(GENESIS_HASH, event({ a: 2 })));
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });
});
