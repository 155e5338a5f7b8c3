// Owns the audit bench: time to verify an untouched chain of 10,000 signed events against its checkpoints, PGlite and
// PostgreSQL.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { checkpointStore } from "../../server/audit/checkpoints";
import { eventHash, eventHmac, GENESIS_HASH } from "../../server/audit/hash-chain";
import { auditHead, verifyAudit } from "../../server/store/audit";
import type { Db } from "../../server/store/db";
import { createTestStore, type StoreKind } from "../support/stores";
import { BENCH_STORES } from "./app-on-store";

const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 10_000);
const KEY = Buffer.from("clé-du-banc-d-essai-du-journal-d-audit-0123456789", "utf8");

async function fill(db: Db): Promise<void> {
  let prev = GENESIS_HASH;
  const start = Date.now() - EVENTS * 60_000;
  for (let from = 1; from <= EVENTS; from += 500) {
    const rows: unknown[][] = [];
    for (let seq = from; seq < Math.min(from + 500, EVENTS + 1); seq++) {
      const event = {
        seq,
        id: randomUUID(),
        occurredAt: new Date(start + seq * 60_000).toISOString(),
        actor: `adv_${(seq % 211).toString(16).padStart(20, "0")}`,
        kind: "generation",
        payload: {
          generationId: randomUUID(),
          task: "interview-minutes",
          prePromptId: "interview-minutes@1",
          provider: "mistral",
          inputTokens: 900 + (seq % 300),
          outputTokens: 400,
          energyWh: 0.4,
          gco2eq: 0.02,
          ungroundedCount: seq % 3,
          degraded: false,
          latencyMs: 2_000,
        },
      };
      const hash = eventHash(prev, event);
      rows.push([
        seq,
        event.id,
        event.occurredAt,
        event.actor,
        event.kind,
        JSON.stringify(event.payload),
        prev,
        hash,
        eventHmac(KEY, seq, hash),
      ]);
      prev = hash;
    }
    const values = rows
      .map((_, r) => `(${Array.from({ length: 9 }, (_, c) => `$${r * 9 + c + 1}`).join(",")})`)
      .join(",");
    await db.query(
      `INSERT INTO audit_events (seq, id, occurred_at, actor, kind, payload, prev_hash, hash, hmac) VALUES ${values}`,
      rows.flat(),
    );
  }
}

async function measure(kind: StoreKind): Promise<string> {
  const store = await createTestStore(kind);
  const db = await store.open();
  const dir = await mkdtemp(join(tmpdir(), "greffier-bench-checkpoints-"));
  try {
    await fill(db);
    const checkpoints = checkpointStore(dir, "bench", KEY);
    const head = await auditHead(db);
    if (head) await checkpoints.append(head);
    const times: number[] = [];
    let ok = false;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const result = await verifyAudit(db, { key: KEY, checkpoints: await checkpoints.read() });
      times.push(performance.now() - started);
      ok = result.ok && result.entries === EVENTS;
    }
    times.sort((a, b) => a - b);
    return `| ${kind} | ${EVENTS.toLocaleString("en")} | ${Math.round(times[1] ?? 0)} ms | ${Math.round(times[2] ?? 0)} ms | ${ok ? "yes" : "NO"} |`;
  } finally {
    await db.close();
    await store.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Verifies a 10,000-event chain three times per store; the target is under 2 s. */
export async function runAuditBench(): Promise<string> {
  // Other processes share the machine: its load, before and after, says how far the times are inflated.
  const loadBefore = loadavg()[0]!;
  const rows = [];
  for (const kind of BENCH_STORES) rows.push(await measure(kind));
  const loadAfter = loadavg()[0]!;
  return [
    "Untouched chain, each event's link, hash and HMAC re-checked and the head compared with a signed checkpoint (`GET /api/committee/audit/verify`). Target: under 2 s for 10,000 events.",
    "",
    "| store | events | median | slowest of 3 | verifies |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "",
    `Load average (1 min) on ${cpus().length} cores: ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after.`,
  ].join("\n");
}
