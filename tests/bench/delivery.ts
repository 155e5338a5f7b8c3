// Owns the delivery bench: save→delivery latency with a healthy receiver, and 1,000 records through injected faults and
// kill -9.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { notesFor } from "../support/delivery-records";
import { startFakeReceiver, testWebhookSecret, type Fault, type FakeReceiver } from "../support/fake-receiver";
import { createTestStore, hasPostgres } from "../support/stores";
import { openStore } from "../../server/store/open";

const RECORDS = Number(process.env.BENCH_DELIVERY_RECORDS ?? 1000);
const LATENCY_RECORDS = Number(process.env.BENCH_DELIVERY_LATENCY_RECORDS ?? 200);
/** The bench scales time by 1/10: a 10 s receiver timeout becomes 1 s, and a "30 s" slow answer 3 s. */
const TIMEOUT_MS = 1_000;
const SLOW_MS = 3_000;

interface Store {
  readonly label: string;
  readonly databaseUrl: string;
  readonly dataDir: string;
  /** Validated minutes ids in the store once the server is stopped. */
  savedIds(): Promise<string[]>;
  destroy(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

function waitForReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes("/taskpane.html")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
}

/** A `npm start` server on `port` that can be killed with SIGKILL and started again on the same data. */
function serverProcess(store: Store, port: number, env: Record<string, string>) {
  let child: ChildProcess | undefined;
  return {
    async start() {
      child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
        env: {
          ...process.env,
          PORT: String(port),
          LOG_LEVEL: "error",
          DATA_DIR: store.dataDir,
          DATABASE_URL: store.databaseUrl,
          REDIS_URL: "",
          LLM_BASE_URL: "",
          STATIC_DIR: "./no-static",
          RATE_LIMIT_PER_MINUTE: "1000000",
          RATE_LIMIT_REQUESTS_PER_MINUTE: "1000000",
          MAX_CONCURRENT_GENERATIONS: "100000",
          ...env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      await waitForReady(child);
    },
    async kill9() {
      const exited = new Promise((r) => child?.once("exit", r));
      child?.kill("SIGKILL");
      await exited;
    },
    async stop() {
      const exited = new Promise((r) => child?.once("exit", r));
      child?.kill("SIGTERM");
      await exited;
    },
  };
}

/** One validated record through HTTP (generation by the offline engine, then the validated save); its id and when it was committed. */
async function saveOne(base: string, i: number): Promise<{ id: string; savedAt: number }> {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { id: string; draft: string };
    if (response.status !== 201) throw new Error(`${path} ${response.status}`);
    return json;
  };
  const generation = await post("/api/generations", {
    task: "interview-minutes",
    notes: notesFor(i),
    context: { memberId: `SOC-${i}` },
  });
  const saved = await post("/api/minutes", {
    generationId: generation.id,
    text: `${generation.draft}\n\nRelu (${i}).`,
    validated: true,
  });
  return { id: saved.id, savedAt: Date.now() };
}

async function unvalidatedOne(base: string, i: number): Promise<string> {
  const g = await fetch(`${base}/api/generations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ task: "interview-minutes", notes: notesFor(i) }),
  });
  const { id } = (await g.json()) as { id: string };
  await fetch(`${base}/api/minutes`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ generationId: id, text: "non relu", validated: false }),
  });
  return id;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

async function makeStores(): Promise<Store[]> {
  const stores: Store[] = [];
  const dir = await mkdtemp(join(tmpdir(), "greffier-bench-delivery-"));
  const idsOf = async (db: Awaited<ReturnType<typeof openStore>>) => {
    try {
      return (await db.query<{ id: string }>("SELECT id::text AS id FROM minutes")).map((r) => r.id);
    } finally {
      await db.close();
    }
  };
  stores.push({
    label: "PGlite",
    databaseUrl: "",
    dataDir: dir,
    savedIds: async () => idsOf(await openStore({ dataDir: dir })),
    destroy: () => rm(dir, { recursive: true, force: true }),
  });
  if (hasPostgres) {
    const pg = await createTestStore("postgres");
    const pgDir = await mkdtemp(join(tmpdir(), "greffier-bench-delivery-pg-"));
    stores.push({
      label: "PostgreSQL",
      databaseUrl: pg.location,
      dataDir: pgDir,
      savedIds: async () => idsOf(await pg.open()),
      destroy: async () => {
        await pg.destroy();
        await rm(pgDir, { recursive: true, force: true });
      },
    });
  }
  return stores;
}

/** Save→delivery delay with a healthy receiver, saves 4 at a time. */
async function latencyRun(
  store: Store,
  receiver: FakeReceiver,
  secret: string,
): Promise<{ p50: number; p95: number; max: number; ids: Set<string> }> {
  const port = await freePort();
  const server = serverProcess(store, port, { WEBHOOK_URLS: receiver.url, WEBHOOK_SECRET: secret });
  await server.start();
  const base = `http://127.0.0.1:${port}`;
  const savedAt = new Map<string, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < LATENCY_RECORDS) {
        const i = next++;
        const { id, savedAt: at } = await saveOne(base, 100_000 + i);
        savedAt.set(`msg_${id}_validated`, at);
      }
    }),
  );
  await receiver.waitForAccepted(LATENCY_RECORDS, 60_000);
  await server.stop();
  const delays = receiver.accepted().map((r) => Math.max(0, r.at - (savedAt.get(r.id) ?? r.at)));
  return {
    p50: percentile(delays, 50),
    p95: percentile(delays, 95),
    max: Math.max(...delays),
    ids: new Set(savedAt.keys()),
  };
}

interface FaultReport {
  readonly saved: number;
  readonly acknowledged: number;
  readonly delivered: number;
  readonly missing: number;
  readonly extra: number;
  readonly unvalidatedLeaked: number;
  readonly requests: number;
  readonly duplicates: number;
  readonly unsigned: number;
  readonly kills: number;
  readonly seconds: number;
}

/** 1,000 records while the receiver fails at random and the server is killed with SIGKILL twice mid-delivery. */
async function faultRun(
  store: Store,
  receiver: FakeReceiver,
  secret: string,
  earlier: ReadonlySet<string>,
): Promise<FaultReport> {
  const started = Date.now();
  let seed = 18_2026;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  receiver.setFaults((): Fault => {
    const roll = random();
    if (roll < 0.15) return { kind: "status", status: 500 };
    if (roll < 0.18) return { kind: "status", status: 429, retryAfter: "1" };
    if (roll < 0.25) return { kind: "cut" };
    if (roll < 0.3) return { kind: "hang" };
    if (roll < 0.35) return { kind: "slow", ms: SLOW_MS };
    return { kind: "ok" };
  });
  const port = await freePort();
  const server = serverProcess(store, port, {
    WEBHOOK_URLS: receiver.url,
    WEBHOOK_SECRET: secret,
    WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
    WEBHOOK_RETRY_BASE_MS: "200",
    WEBHOOK_RETRY_MAX_MS: "2000",
    WEBHOOK_MAX_ATTEMPTS: "100",
    WEBHOOK_POLL_MS: "200",
  });
  await server.start();
  const base = `http://127.0.0.1:${port}`;
  const acknowledged = new Set<string>();
  const unvalidated = new Set<string>();
  let next = 0;
  let kills = 0;
  let isDown = false;
  const killAt = new Set([Math.floor(RECORDS * 0.3), Math.floor(RECORDS * 0.7)]);
  const refuseAt = new Set([Math.floor(RECORDS * 0.15), Math.floor(RECORDS * 0.5), Math.floor(RECORDS * 0.85)]);
  // Until RECORDS saves are acknowledged: a save the kill cut is tried again as a new record (its first attempt may
  // have committed before the kill; the store, read at the end, says which records exist).
  let begun = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (begun < RECORDS) {
        while (isDown) await new Promise((r) => setTimeout(r, 50));
        const i = next++;
        begun += 1;
        if (refuseAt.has(i)) await receiver.refuseFor(1_000);
        if (killAt.has(i)) {
          // kill -9 while deliveries are in flight (and saves of the other clients too), then start again on the same
          // data.
          isDown = true;
          kills += 1;
          await server.kill9();
          await server.start();
          isDown = false;
        }
        try {
          if (i % 10 === 3) unvalidated.add(await unvalidatedOne(base, i));
          acknowledged.add((await saveOne(base, i)).id);
        } catch {
          begun -= 1;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    }),
  );
  // Every acknowledged save delivered, then the lease (2 × timeout + 5 s) and a margin for saves the kill cut after
  // their commit (unacknowledged, yet in the outbox): the store says at the end which records exist.
  const deadline = Date.now() + 5 * 60_000;
  const deliveredIds = () => new Set(receiver.accepted().map((r) => r.id));
  while ([...acknowledged].some((id) => !deliveredIds().has(`msg_${id}_validated`)) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 250));
  await new Promise((r) => setTimeout(r, 2 * TIMEOUT_MS + 8_000));
  await server.stop();
  // The records of this run: the store's, less those the latency run saved (delivered to another receiver).
  const savedIds = new Set(
    (await store.savedIds()).map((id) => `msg_${id}_validated`).filter((id) => !earlier.has(id)),
  );
  const delivered = new Set(receiver.accepted().map((r) => r.id));
  const bodies = receiver.received.map((r) => r.body);
  const acceptedCount = receiver.accepted().length;
  return {
    saved: savedIds.size,
    acknowledged: acknowledged.size,
    delivered: [...savedIds].filter((id) => delivered.has(id)).length,
    missing:
      [...savedIds].filter((id) => !delivered.has(id)).length +
      [...acknowledged].filter((id) => !savedIds.has(`msg_${id}_validated`)).length,
    extra: [...delivered].filter((id) => !savedIds.has(id)).length,
    unvalidatedLeaked: bodies.filter((b) => [...unvalidated].some((g) => b.includes(g))).length,
    requests: receiver.received.length,
    duplicates: acceptedCount - delivered.size,
    unsigned: receiver.received.filter((r) => !r.isVerified).length,
    kills,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}

export async function runDeliveryBench(): Promise<string> {
  const stores = await makeStores();
  const latency: string[] = [];
  const faults: string[] = [];
  try {
    for (const store of stores) {
      const secret = testWebhookSecret();
      const healthy = await startFakeReceiver(secret);
      const l = await latencyRun(store, healthy, secret);
      await healthy.close();
      latency.push(
        `| ${store.label} | ${LATENCY_RECORDS} | ${l.p50} | ${l.p95} | ${l.max} | ${l.p95 < 2000 ? "yes" : "**no**"} |`,
      );
      const faulty = await startFakeReceiver(secret);
      const f = await faultRun(store, faulty, secret, l.ids);
      await faulty.close();
      faults.push(
        `| ${store.label} | ${f.saved} (${f.acknowledged} acknowledged) | ${f.delivered} | ${f.missing} | ${f.extra} | ${f.unvalidatedLeaked} | ${f.requests} | ${f.duplicates} | ${f.unsigned} | ${f.kills} | ${f.seconds} |`,
      );
    }
  } finally {
    for (const store of stores) await store.destroy();
  }
  return [
    `Each store: a \`npm start\` server (offline engine) and an in-process fake receiver verifying every signature with \`standardwebhooks\`. Time is scaled by 1/10: receiver timeout ${TIMEOUT_MS} ms (\`WEBHOOK_TIMEOUT_MS\`), "30 s" slow answers take ${SLOW_MS} ms.`,
    "",
    "### Save → delivery with a healthy receiver (4 clients saving at once; from the 201 of the save to the receiver's arrival)",
    "",
    "| store | records | p50 (ms) | p95 (ms) | max (ms) | p95 < 2 s |",
    "|---|---:|---:|---:|---:|---|",
    ...latency,
    "",
    `### ${RECORDS} validated records under faults (random 500 15 %, 429 + Retry-After 3 %, cut 7 %, hang 5 %, slow 5 %; refused connections three times for 1 s; server killed with SIGKILL twice mid-delivery and restarted; one unvalidated save every 10)`,
    "",
    "| store | records in the store | delivered | missing | extra | unvalidated leaked | requests | redeliveries deduplicated | bad signatures | kill -9 | s |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...faults,
  ].join("\n");
}
