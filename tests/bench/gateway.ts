// Owns the gateway benchmark: direct-to-provider vs through Greffier, streamed and not, at several concurrencies.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Agent, fetch, setGlobalDispatcher } from "undici";
import { createTestStore, type TestStore } from "../support/stores";

// Many streams at once: no per-origin connection cap on the client side.
setGlobalDispatcher(new Agent({ connections: null, pipelining: 0, keepAliveTimeout: 30_000 }));

const NOTES = "Entretien téléphonique 14/10 - sociétaire M. Karim Benali, n° sociétaire 3456789B\n- accident le 12/10 vers 18h30\n- rappel au 06 12 45 78 90\nA faire : envoyer récap par mail (karim.benali@example.fr)";
const DELTAS = 64;
const PACE_MS = 20;

interface StreamTiming {
  ttftMs: number;
  gapsMs: number[];
  chunks: number;
  ok: boolean;
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
async function timeStream(url: string, body: unknown, isContent: (event: string, data: string) => boolean): Promise<StreamTiming> {
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", accept: "text/event-stream" }, body: JSON.stringify(body) });
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

const fmt = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : "—");

/** Runs the whole gateway benchmark and returns its Markdown section. */
export async function runGatewayBench(): Promise<string> {
  const fake = spawn(process.execPath, ["--import", "tsx", "tests/bench/fake-provider-process.ts"], { env: { ...process.env, BENCH_DELTAS: String(DELTAS), BENCH_PACE_MS: String(PACE_MS) }, stdio: ["ignore", "pipe", "pipe"] });
  const baseUrl = await waitForLine(fake, /(http:\/\/127\.0\.0\.1:\d+\/v1)/, "fake provider");
  const dataDir = await mkdtemp(join(tmpdir(), "greffier-bench-"));
  // The production store when this machine has one: PostgreSQL; the embedded PGlite otherwise.
  const store = await benchDatabase();
  const server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, PORT: "0", LOG_LEVEL: "warn", DATA_DIR: dataDir, DATABASE_URL: store?.location ?? "", REDIS_URL: "", LLM_BASE_URL: baseUrl, LLM_MODEL: "bench", LLM_PROVIDER_NAME: "bench", RATE_LIMIT_PER_MINUTE: "1000000", MAX_CONCURRENT_GENERATIONS: "100000", STATIC_DIR: "./no-static" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const gateway = await waitForLine(server, /(http:\/\/127\.0\.0\.1:\d+)\/taskpane\.html/, "server");
  const directBody = { model: "bench", stream: true, messages: [{ role: "system", content: "bench" }, { role: "user", content: NOTES }] };
  const gatewayBody = { task: "interview-minutes", notes: NOTES };
  const direct = () => timeStream(`${baseUrl}/chat/completions`, directBody, isDirectContent);
  const viaGateway = () => timeStream(`${gateway}/api/generations`, gatewayBody, isGatewayContent);

  const lines: string[] = [`Store: ${store ? "PostgreSQL (127.0.0.1)" : "PGlite (embedded)"}; auth: dev user; Redis: none.`, ""];
  try {
    // Warm-up: JIT, connection pools, the database's first writes.
    for (let i = 0; i < 20; i += 1) await Promise.all([direct(), viaGateway()]);

    lines.push("### Streaming: time to first token and gap between chunks", "");
    lines.push(`Fake provider: ${DELTAS} deltas of 8 characters, one every ${PACE_MS} ms. Rounds alternate direct and gateway.`, "");
    lines.push("| concurrency | TTFT direct p50 / p95 (ms) | TTFT gateway p50 / p95 (ms) | overhead p50 / p95 (ms) | inside the server: before the provider call / to the first delta, mean (ms) | gap direct p50 / p99 (ms) | gap gateway p50 / p99 (ms) | streams ok |");
    lines.push("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const concurrency of [1, 16, 128]) {
      const rounds = concurrency === 1 ? 30 : concurrency === 16 ? 8 : 3;
      const d: StreamTiming[] = [];
      const g: StreamTiming[] = [];
      const before = await serverTimings(gateway);
      for (let r = 0; r < rounds; r += 1) {
        d.push(...(await concurrently(concurrency, direct)));
        g.push(...(await concurrently(concurrency, viaGateway)));
      }
      const ttft = (xs: StreamTiming[]) => xs.map((x) => x.ttftMs);
      const gaps = (xs: StreamTiming[]) => xs.flatMap((x) => x.gapsMs);
      const dP50 = quantile(ttft(d), 0.5);
      const gP50 = quantile(ttft(g), 0.5);
      const dP95 = quantile(ttft(d), 0.95);
      const gP95 = quantile(ttft(g), 0.95);
      const after = await serverTimings(gateway);
      const inside = `${fmt(meanMs(before.preProvider, after.preProvider), 2)} / ${fmt(meanMs(before.ttft, after.ttft), 2)}`;
      lines.push(
        `| ${concurrency} | ${fmt(dP50)} / ${fmt(dP95)} | ${fmt(gP50)} / ${fmt(gP95)} | ${fmt(gP50 - dP50, 2)} / ${fmt(gP95 - dP95, 2)} | ${inside} | ${fmt(quantile(gaps(d), 0.5))} / ${fmt(quantile(gaps(d), 0.99))} | ${fmt(quantile(gaps(g), 0.5))} / ${fmt(quantile(gaps(g), 0.99))} | ${g.filter((x) => x.ok && x.chunks >= DELTAS / 2).length}/${g.length} |`,
      );
    }

    lines.push(
      "",
      "Client, fake provider and server share the machine's cores. The \"inside the server\" column is the gateway's own time, from its handler to the provider call (parsing, auth, limits, pseudonymisation, pre-prompt) and to the first delta written (plus the provider hop through the openai SDK); the rest of the observed overhead is the second HTTP hop and queueing for CPU.",
    );
    lines.push("", `### Non-streamed throughput (concurrency 16, 10 s each; the provider answers after ${DELTAS} × ${PACE_MS} ms)`, "");
    const throughput = async (url: string, body: unknown) => {
      const until = performance.now() + 10_000;
      let done = 0;
      await concurrently(16, async () => {
        while (performance.now() < until) {
          const r = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
          await r.arrayBuffer();
          if (r.ok) done += 1;
        }
      });
      return done / 10;
    };
    const directRps = await throughput(`${baseUrl}/chat/completions`, { ...directBody, stream: false });
    const gatewayRps = await throughput(`${gateway}/api/generations`, gatewayBody);
    lines.push("| path | generations/s | ratio |", "|---|---:|---:|", `| direct | ${fmt(directRps)} | 100 % |`, `| gateway | ${fmt(gatewayRps)} | ${fmt((100 * gatewayRps) / directRps, 0)} % |`);

    lines.push("", "### Concurrent streams held", "");
    lines.push("| streams | all complete | stalls (gap > 10× pace) | gateway RSS after (MiB) |", "|---:|---:|---:|---:|");
    for (const n of [250, 500]) {
      const results = await concurrently(n, viaGateway);
      const stalls = results.filter((r) => r.gapsMs.some((gap) => gap > 10 * PACE_MS)).length;
      const rss = await processRssMiB(server.pid);
      lines.push(`| ${n} | ${results.filter((r) => r.ok && r.chunks >= DELTAS / 2).length}/${n} | ${stalls} | ${fmt(rss, 0)} |`);
    }
  } finally {
    server.kill("SIGTERM");
    fake.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    await rm(dataDir, { recursive: true, force: true });
    await store?.destroy();
  }
  return lines.join("\n");
}

interface SumCount {
  sum: number;
  count: number;
}

/** The server's own histograms (sum and count), to tell gateway work from queueing on a shared machine. */
async function serverTimings(gateway: string): Promise<{ preProvider: SumCount; ttft: SumCount }> {
  const text = await (await fetch(`${gateway}/metrics`)).text();
  const read = (name: string): SumCount => ({
    sum: Number(new RegExp(`^${name}_sum (\\S+)$`, "m").exec(text)?.[1] ?? 0),
    count: Number(new RegExp(`^${name}_count (\\S+)$`, "m").exec(text)?.[1] ?? 0),
  });
  return { preProvider: read("greffier_pre_provider_seconds"), ttft: read("greffier_time_to_first_token_seconds") };
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
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}
