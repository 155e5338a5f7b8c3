// Document bombs against a real server process: refused in 4xx problem+json, health stays fast, memory comes back.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocx, buildDocxBomb, buildPdf, buildPdfBomb } from "../support/document-builders";

interface Server {
  readonly url: string;
  readonly process: ChildProcess;
}

/** Starts `server/main.ts` as `npm start` does (embedded store), and waits for the URL it prints. */
function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, ...env, PORT: "0", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /(http:\/\/127\.0\.0\.1:\d+)\/taskpane\.html/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, process: child });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/** Resident memory of a process, in MB, as the kernel counts it. */
async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/u.exec(status)?.[1] ?? Number.NaN) / 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(process.platform !== "linux")("document bombs against a running server", () => {
  let server: Server;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "greffier-documents-"));
    // A short wall-clock limit so that the job killed on time is quick to see; the other limits are the product's.
    server = await startServer({ DATA_DIR: dataDir, STATIC_DIR: "./no-static", DOCUMENT_TIMEOUT_MS: "4000" });
  }, 60_000);
  afterAll(async () => {
    server?.process.kill("SIGTERM");
    if (server && server.process.exitCode === null)
      await new Promise((resolve) => server.process.once("exit", resolve));
    await rm(dataDir, { recursive: true, force: true });
  });

  async function upload(bytes: Uint8Array, filename: string, type: string): Promise<Response> {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(bytes)], { type }), filename);
    return fetch(`${server.url}/api/sources/document`, { method: "POST", body: form });
  }

  it("answers 4xx problem+json to each bomb while /api/health stays under 1 s, then reads documents again with its memory back", async () => {
    const pid = server.process.pid as number;
    const docx = await buildDocx(["Déclaration de sinistre", "Dégât des eaux dans la salle de bains, le 03/02/2025."]);
    const pdf = buildPdf([{ lines: ["Constat amiable du 12/03/2025", "Véhicule A : Peugeot 208, AB-123-CD."] }]);
    // Warm up: the pool's worker and its modules are loaded before the baseline.
    expect((await upload(pdf, "constat.pdf", "application/pdf")).status).toBe(200);
    expect((await upload(docx, "declaration.docx", "application/octet-stream")).status).toBe(200);
    await sleep(500);
    const baselineMb = await rssMb(pid);

    const bombs = [
      { name: "bombe-190.docx", bytes: buildDocxBomb({ inflatedMb: 190 }) },
      { name: "bombe-50.docx", bytes: buildDocxBomb({ inflatedMb: 50 }) },
      { name: "bombe-taille-forgee.docx", bytes: buildDocxBomb({ inflatedMb: 190, declaredMb: 2 }) },
      { name: "bombe-100.pdf", bytes: buildPdfBomb({ inflatedMb: 100 }) },
      // Under the per-stream and total stream limits: pdf.js reads it until a limit of the worker stops it.
      { name: "plans-lourds.pdf", bytes: buildPdfBomb({ inflatedMb: 90, pages: 6 }) },
    ];

    let polling = true;
    let peakMb = baselineMb;
    const healthMs: number[] = [];
    const healthStatuses = new Set<number>();
    const poller = (async () => {
      while (polling) {
        const started = performance.now();
        const response = await fetch(`${server.url}/api/health`);
        await response.arrayBuffer();
        healthMs.push(performance.now() - started);
        healthStatuses.add(response.status);
        peakMb = Math.max(peakMb, await rssMb(pid));
        await sleep(50);
      }
    })();

    const answers = await Promise.all(
      bombs.map(async (bomb) => {
        const response = await upload(
          bomb.bytes,
          bomb.name,
          bomb.name.endsWith(".pdf") ? "application/pdf" : "application/octet-stream",
        );
        return {
          name: bomb.name,
          status: response.status,
          type: response.headers.get("content-type") ?? "",
          body: (await response.json()) as { detail?: string; code?: string },
        };
      }),
    );
    polling = false;
    await poller;

    for (const answer of answers) {
      expect(answer.status, answer.name).toBeGreaterThanOrEqual(400);
      expect(answer.status, answer.name).toBeLessThan(500);
      expect(answer.type, answer.name).toMatch(/^application\/problem\+json/u);
      expect(answer.body.detail, answer.name).toMatch(/[éèàç]|Le |La /u);
    }
    expect(healthStatuses).toEqual(new Set([200]));
    expect(Math.max(...healthMs)).toBeLessThan(1_000);
    expect(server.process.exitCode).toBeNull();

    // The pool is healthy: the next documents are read.
    expect((await upload(pdf, "constat.pdf", "application/pdf")).status).toBe(200);
    expect((await upload(docx, "declaration.docx", "application/octet-stream")).status).toBe(200);

    // Memory comes back within 100 MB of where it was (a killed worker's heap is freed; an idle one is stopped).
    let afterMb = await rssMb(pid);
    // Extra workers started for the burst stop after 10 s idle: wait for them, up to 30 s.
    for (let waited = 0; waited < 30_000 && afterMb > baselineMb + 40; waited += 1_000) {
      await sleep(1_000);
      afterMb = await rssMb(pid);
    }
    console.info(
      `documents: RSS baseline ${baselineMb.toFixed(0)} MB, peak ${peakMb.toFixed(0)} MB, after ${afterMb.toFixed(0)} MB; health p100 ${Math.max(...healthMs).toFixed(0)} ms over ${healthMs.length} probes; ${answers.map((a) => `${a.name} ${a.status}`).join(", ")}`,
    );
    expect(afterMb).toBeLessThan(baselineMb + 100);
  }, 120_000);
});
