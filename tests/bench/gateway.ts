// Owns the gateway benchmark: direct-to-provider vs through Greffier, on PGlite and on PostgreSQL, streamed and not, at
// several concurrencies.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Agent, fetch, setGlobalDispatcher } from "undici";
import { createTestStore, type TestStore } from "../support/stores";

// Many streams at once: no per-origin connection cap on the client side.
setGlobalDispatcher(new Agent({ connections: null, pipelining: 0, keepAliveTimeout: 30_000 }));

const NOTES =
  "Entretien téléphonique 14/10 - sociétaire M. Karim Benali, n° sociétaire 3456789B\n- accident le 12/10 vers 18h30\n- rappel au 06 12 45 78 90\nA faire : envoyer récap par mail (karim.benali@example.fr)";
const DELTAS = 64;
const PACE_MS = 20;
const STREAM_MS = DELTAS * PACE_MS;
/** Concurrency → streams each client loop runs per phase (two phases per path): about 80 s of streaming per store. */
const LEVELS: ReadonlyArray<readonly [concurrency: number, streamsPerLoop: number]> = [
  [1, 8],
  [16, 3],
  [64, 2],
];
const THROUGHPUT_SECONDS = 6;

interface StreamTiming {
  ttftMs: number;
  gapsMs: number[];
  chunks: number;
  ok: boolean;
}

interface BenchStore {
  readonly label: string;
  readonly databaseUrl: string;
}

function waitForLine(child: ChildProcess, pattern: RegExp, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${out}`)), 60_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] ?? m[0]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
  });
}

/** Reads an SSE response, timing the first content and the gaps between contents. */
async function timeStream(
  url: string,
  body: unknown,
  isContent: (event: string, data: string) => boolean,
): Promise<StreamTiming> {
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify(body),
  });
  if (!response.ok || !response.body) return { ttftMs: NaN, gapsMs: [], chunks: 0, ok: false };
  const decoder = new TextDecoder();
  let buffer = "";
  let last = 0;
  let ttftMs = NaN;
  const gapsMs: number[] = [];
  let chunks = 0;
  for await (const part of response.body) {
    buffer += decoder.decode(part as Uint8Array, { stream: true });
    let cut: number;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? "";
      if (!isContent(event, data)) continue;
      const now = performance.now();
      if (chunks === 0) ttftMs = now - started;
      else gapsMs.push(now - last);
      last = now;
      chunks += 1;
    }
  }
  return { ttftMs, gapsMs, chunks, ok: true };
}

const isDirectContent = (_e: string, data: string) => data.startsWith("{") && /"content":"[^"]/.test(data);
const isGatewayContent = (event: string) => event === "delta";

function quantile(values: number[], q: number): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))] ?? NaN;
}

async function concurrently<T>(n: number, task: () => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: n }, task));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `concurrency` clients, each starting at a random point of one stream's duration and then running `perLoop`
 * streams back to back: streams start while others end (and write their rows), as with advisers working
 * independently. Rounds started in lock-step would time every first token before any row is written.
 */
async function closedLoops(
  concurrency: number,
  perLoop: number,
  stream: () => Promise<StreamTiming>,
): Promise<StreamTiming[]> {
  const results = await concurrently(concurrency, async () => {
    if (concurrency > 1) await sleep(Math.random() * STREAM_MS);
    const mine: StreamTiming[] = [];
    for (let i = 0; i < perLoop; i += 1) mine.push(await stream());
    return mine;
  });
  return results.flat();
}

const fmt = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : "—");

/** Runs the gateway benchmark on each store and returns its Markdown section. */
export async function runGatewayBench(): Promise<string> {
  const load = loadavg()[0] ?? NaN;
  const fake = spawn(process.execPath, ["--import", "tsx", "tests/bench/fake-provider-process.ts"], {
    env: { ...process.env, BENCH_DELTAS: String(DELTAS), BENCH_PACE_MS: String(PACE_MS) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const baseUrl = await waitForLine(fake, /(http:\/\/127\.0\.0\.1:\d+\/v1)/, "fake provider");
  const postgres = await benchDatabase();
  // BENCH_STORES=pglite (or postgres) runs one store only, to compare two versions of it quickly.
  const wanted = (process.env.BENCH_STORES ?? "pglite,postgres").split(",");
  const stores: BenchStore[] = [
    ...(wanted.includes("pglite") ? [{ label: "PGlite", databaseUrl: "" }] : []),
    ...(postgres && wanted.includes("postgres") ? [{ label: "PostgreSQL", databaseUrl: postgres.location }] : []),
  ];
  const streaming: string[][] = LEVELS.map(() => []);
  const throughput: string[] = [];
  const held: string[] = [];
  const directBody = {
    model: "bench",
    stream: true,
    messages: [
      { role: "system", content: "bench" },
      { role: "user", content: NOTES },
    ],
  };
  const direct = () => timeStream(`${baseUrl}/chat/completions`, directBody, isDirectContent);
  try {
    const directRps = await throughputOf(`${baseUrl}/chat/completions`, { ...directBody, stream: false });
    throughput.push(`| direct | — | ${fmt(directRps)} | 100 % |`);
    for (const store of stores) {
      const server = await startServer(store, baseUrl);
      try {
        const viaGateway = () =>
          timeStream(`${server.url}/api/generations`, { task: "interview-minutes", notes: NOTES }, isGatewayContent);
        // Warm-up: JIT, connection pools, the database's first writes.
        for (let i = 0; i < 5; i += 1) await Promise.all([direct(), viaGateway()]);
        await closedLoops(16, 1, viaGateway);

        for (const [index, [concurrency, perLoop]] of LEVELS.entries()) {
          const d: StreamTiming[] = [];
          const g: StreamTiming[] = [];
          let lagP99Ms = 0;
          const before = await serverTimings(server.url);
          // Two phases per path, alternating, so a slow minute of the shared machine weighs on both.
          for (let phase = 0; phase < 2; phase += 1) {
            d.push(...(await closedLoops(concurrency, perLoop, direct)));
            await serverTimings(server.url); // the scrape resets the event-loop histogram: what follows is the gateway phase alone
            g.push(...(await closedLoops(concurrency, perLoop, viaGateway)));
            lagP99Ms = Math.max(lagP99Ms, (await serverTimings(server.url)).lagP99Ms);
          }
          const after = await serverTimings(server.url);
          const ttft = (xs: StreamTiming[]) => xs.map((x) => x.ttftMs);
          const gaps = (xs: StreamTiming[]) => xs.flatMap((x) => x.gapsMs);
          const [dP50, dP95, gP50, gP95] = [
            quantile(ttft(d), 0.5),
            quantile(ttft(d), 0.95),
            quantile(ttft(g), 0.5),
            quantile(ttft(g), 0.95),
          ];
          const inside = `${fmt(meanMs(before.preProvider, after.preProvider), 2)} / ${fmt(meanMs(before.ttft, after.ttft), 2)}`;
          streaming[index]?.push(
            `| ${concurrency} | ${store.label} | ${fmt(dP50)} / ${fmt(dP95)} | ${fmt(gP50)} / ${fmt(gP95)} | **${fmt(gP50 - dP50, 1)} / ${fmt(gP95 - dP95, 1)}** | ${inside} | ${fmt(lagP99Ms, 0)} | ${fmt(quantile(gaps(d), 0.5))} / ${fmt(quantile(gaps(d), 0.99))} | ${fmt(quantile(gaps(g), 0.5))} / ${fmt(quantile(gaps(g), 0.99))} | ${g.filter((x) => x.ok && x.chunks >= DELTAS / 2).length}/${g.length} |`,
          );
        }

        const gatewayRps = await throughputOf(`${server.url}/api/generations`, {
          task: "interview-minutes",
          notes: NOTES,
        });
        throughput.push(
          `| gateway | ${store.label} | ${fmt(gatewayRps)} | ${fmt((100 * gatewayRps) / directRps, 0)} % |`,
        );

        for (const n of [250, 500]) {
          const results = await concurrently(n, viaGateway);
          const stalls = results.filter((r) => r.gapsMs.some((gap) => gap > 10 * PACE_MS)).length;
          const ttfts = results.map((r) => r.ttftMs);
          held.push(
            `| ${n} | ${store.label} | ${results.filter((r) => r.ok && r.chunks >= DELTAS / 2).length}/${n} | ${stalls} | ${fmt(quantile(ttfts, 0.5), 0)} / ${fmt(quantile(ttfts, 0.95), 0)} | ${fmt(await processRssMiB(server.pid), 0)} |`,
          );
        }
      } finally {
        await server.stop();
      }
    }
  } finally {
    fake.kill("SIGTERM");
    await postgres?.destroy();
  }

  return [
    `Stores: ${stores.map((s) => s.label).join(" and ")}${postgres ? " (127.0.0.1)" : " (no PostgreSQL reachable on this machine)"}; PGlite runs in its worker thread; auth: dev user; Redis: none. Load average when the run started: ${fmt(load)} (other work shares the cores; the figures are noisier the higher it is).`,
    "",
    "### Streaming: time to first token and gap between chunks",
    "",
    `Fake provider: ${DELTAS} deltas of 8 characters, one every ${PACE_MS} ms. At each concurrency, that many clients run streams back to back, each starting at a random point of the first stream's ${STREAM_MS} ms, so streams begin while others end and write their generation row and audit event; two direct phases and two gateway phases alternate. The overhead is the gateway's TTFT minus the direct TTFT at the same quantile.`,
    "",
    "| concurrency | store | TTFT direct p50 / p95 (ms) | TTFT gateway p50 / p95 (ms) | overhead p50 / p95 (ms) | inside the server: before the provider call / to the first delta, mean (ms) | server event-loop lag p99 (ms) | gap direct p50 / p99 (ms) | gap gateway p50 / p99 (ms) | streams ok |",
    "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...streaming.flat(),
    "",
    "Client, fake provider and server share the machine's cores (and, when this was run, other work). The \"inside the server\" column is the gateway's own time, from its handler to the provider call (parsing, auth, limits, pseudonymisation, pre-prompt) and to the first delta written (plus the provider hop through the openai SDK); the rest of the observed overhead is the second HTTP hop and queueing for CPU. The event-loop lag is prom-client's p99 during the gateway phases (10 ms resolution).",
    "",
    `### Non-streamed throughput (concurrency 16, ${THROUGHPUT_SECONDS} s each; the provider answers after ${DELTAS} × ${PACE_MS} ms)`,
    "",
    "| path | store | generations/s | ratio |",
    "|---|---|---:|---:|",
    ...throughput,
    "",
    "### Concurrent streams held (all started at once)",
    "",
    "| streams | store | all complete | stalls (gap > 10× pace) | TTFT p50 / p95 (ms) | gateway RSS after (MiB) |",
    "|---:|---|---:|---:|---:|---:|",
    ...held,
  ].join("\n");
}

/** Starts `npm start`'s server on `store`, on a free port, with limits out of the way. */
async function startServer(
  store: BenchStore,
  baseUrl: string,
): Promise<{ url: string; pid: number | undefined; stop: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), "greffier-bench-"));
  const server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: {
      ...process.env,
      PORT: "0",
      LOG_LEVEL: "warn",
      DATA_DIR: dataDir,
      DATABASE_URL: store.databaseUrl,
      REDIS_URL: "",
      LLM_BASE_URL: baseUrl,
      LLM_MODEL: "bench",
      LLM_PROVIDER_NAME: "bench",
      RATE_LIMIT_PER_MINUTE: "1000000",
      MAX_CONCURRENT_GENERATIONS: "100000",
      STATIC_DIR: "./no-static",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await waitForLine(server, /(http:\/\/127\.0\.0\.1:\d+)\/taskpane\.html/, "server");
  return {
    url,
    pid: server.pid,
    stop: async () => {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function throughputOf(url: string, body: unknown): Promise<number> {
  const until = performance.now() + THROUGHPUT_SECONDS * 1000;
  let done = 0;
  await concurrently(16, async () => {
    while (performance.now() < until) {
      const r = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      await r.arrayBuffer();
      if (r.ok) done += 1;
    }
  });
  return done / THROUGHPUT_SECONDS;
}

interface SumCount {
  sum: number;
  count: number;
}

/** The server's own histograms (sum and count) and event-loop lag, to tell gateway work from queueing on a shared machine. */
async function serverTimings(gateway: string): Promise<{ preProvider: SumCount; ttft: SumCount; lagP99Ms: number }> {
  const text = await (await fetch(`${gateway}/metrics`)).text();
  const read = (name: string): SumCount => ({
    sum: Number(new RegExp(`^${name}_sum (\\S+)$`, "m").exec(text)?.[1] ?? 0),
    count: Number(new RegExp(`^${name}_count (\\S+)$`, "m").exec(text)?.[1] ?? 0),
  });
  const lag = Number(/^greffier_process_nodejs_eventloop_lag_p99_seconds (\S+)$/m.exec(text)?.[1] ?? NaN);
  return {
    preProvider: read("greffier_pre_provider_seconds"),
    ttft: read("greffier_time_to_first_token_seconds"),
    lagP99Ms: 1000 * lag,
  };
}

function meanMs(before: SumCount, after: SumCount): number {
  return (1000 * (after.sum - before.sum)) / (after.count - before.count);
}

async function benchDatabase(): Promise<TestStore | undefined> {
  try {
    return await createTestStore("postgres");
  } catch {
    return undefined;
  }
}

async function processRssMiB(pid: number | undefined): Promise<number> {
  if (!pid) return NaN;
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}
