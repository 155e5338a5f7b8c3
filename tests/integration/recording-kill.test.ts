// A live recording against a real server process killed with SIGKILL mid-upload (issue 17): after a restart on the same
// data, the pane resumes from what the server holds and every chunk reaches the transcription, byte for byte.
import { spawn, type ChildProcess } from "node:child_process";
import { request as httpRequest } from "node:http";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { recordingDir } from "../../server/transcription/recordings";
import { speechLikeWav } from "../support/audio";
import { startFakeOpenAi, type FakeOpenAi } from "../support/fake-openai";
import { createTestStore, describeEachStore, type TestStore } from "../support/stores";
import { fakeProviderEnv } from "../support/test-app";

interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
}

/** Starts `server/main.ts` as `npm start` does, and waits for the URL it prints. */
function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, STATIC_DIR: "./no-static", REDIS_URL: "", LOG_LEVEL: "warn", ...env, PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /(http:\/\/127\.0\.0\.1:\d+)\/taskpane\.html/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

async function stop(server: ServerProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill(signal);
  await exited;
}

const CHUNKS = 12;

describeEachStore("recording upload through a server killed with SIGKILL", (kind) => {
  let fake: FakeOpenAi;
  let store: TestStore;
  let dataDir: string;
  let env: Record<string, string>;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    store = await createTestStore(kind);
    // PGlite lives in DATA_DIR itself; with PostgreSQL the audio still goes to a DATA_DIR of its own.
    dataDir = kind === "pglite" ? store.location : await mkdtemp(join(tmpdir(), "greffier-kill-"));
    env = {
      ...fakeProviderEnv(fake.baseUrl),
      DATA_DIR: dataDir,
      ...(kind === "postgres" ? { DATABASE_URL: store.location } : {}),
    };
  });
  afterAll(async () => {
    await stop(server, "SIGTERM");
    await fake.close();
    await store.destroy();
    if (kind === "postgres") await rm(dataDir, { recursive: true, force: true });
  });

  it("accounts for every chunk: acknowledged ones survive the kill, the one cut mid-body is sent again, the transcript covers all", async () => {
    server = await startServer(env);
    const opened = await fetch(`${server.url}/api/recordings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ consent: true, mimeType: "audio/wav" }),
    });
    expect(opened.status).toBe(201);
    const { id } = (await opened.json()) as { id: string };

    const wav = Buffer.from(speechLikeWav(36));
    const size = Math.ceil(wav.length / CHUNKS);
    const chunks = Array.from({ length: CHUNKS }, (_, n) =>
      wav.subarray(n * size, Math.min(wav.length, (n + 1) * size)),
    );
    // As the pane's IndexedDB queue: a chunk leaves it only once the server acknowledged it.
    const waiting = new Set(chunks.keys());
    const put = async (base: string, n: number) => {
      const res = await fetch(`${base}/api/recordings/${id}/chunks/${n}`, {
        method: "PUT",
        headers: { "content-type": "application/octet-stream", "x-chunk-end-seconds": String((n + 1) * 3) },
        body: new Uint8Array(chunks[n] as Buffer),
      });
      if (res.status === 200 || res.status === 201) waiting.delete(n);
      return res.status;
    };

    for (let n = 0; n < 5; n += 1) expect(await put(server.url, n)).toBe(201);
    // Chunk 5 is on the wire: its headers and half its bytes have reached the server when the process is killed.
    const port = Number(new URL(server.url).port);
    const cut = chunks[5] as Buffer;
    const inFlight = new Promise<string>((resolve) => {
      const req = httpRequest({
        host: "127.0.0.1",
        port,
        method: "PUT",
        path: `/api/recordings/${id}/chunks/5`,
        headers: { "content-type": "application/octet-stream", "content-length": String(cut.length) },
      });
      req.on("response", (res) => resolve(`answered ${res.statusCode}`));
      req.on("error", (error) => resolve(error.message));
      req.write(cut.subarray(0, cut.length >> 1));
    });
    // Chunks 6 and 7 go out at the same time, racing the kill: each is acknowledged or not, never half-kept.
    const racing = [put(server.url, 6).catch(() => 0), put(server.url, 7).catch(() => 0)];
    await new Promise((resolve) => setTimeout(resolve, 150));
    await stop(server, "SIGKILL");
    expect(await inFlight).not.toMatch(/^answered/);
    await Promise.all(racing);
    expect(waiting.has(5)).toBe(true);

    server = await startServer(env);
    const status = (await (await fetch(`${server.url}/api/recordings/${id}`)).json()) as {
      status: string;
      received: number[];
      bytes: number;
    };
    expect(status.status).toBe("recording");
    // Every acknowledged chunk is held; nothing is held that was not sent whole.
    const acknowledged = [...chunks.keys()].filter((n) => !waiting.has(n));
    expect(status.received).toEqual(expect.arrayContaining(acknowledged));
    expect(status.received).not.toContain(5);
    expect(status.received.every((n) => n <= 7)).toBe(true);
    expect(status.bytes).toBe(status.received.reduce((sum, n) => sum + (chunks[n] as Buffer).length, 0));

    // The pane resumes from the server's list: what is held leaves the queue, the rest is sent (the cut chunk again).
    for (const n of status.received) waiting.delete(n);
    for (const n of [...waiting]) expect(await put(server.url, n)).toBe(201);
    expect(waiting.size).toBe(0);
    for (const [n, bytes] of chunks.entries())
      expect((await readFile(join(recordingDir(dataDir, id), `${n}.part`))).equals(bytes)).toBe(true);

    const done = await fetch(`${server.url}/api/recordings/${id}/transcribe`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chunks: CHUNKS }),
    });
    expect(done.status).toBe(201);
    const transcript = (await done.json()) as { durationS: number; turns: unknown[] };
    expect(fake.audioRequests.at(-1)?.audioBytes).toBe(wav.length);
    expect(transcript.durationS).toBeCloseTo(36, 0);
    expect(transcript.turns.length).toBeGreaterThan(0);
    // The audio is gone once transcribed (AUDIO_RETENTION_HOURS=0), and no temporary part of the cut chunk stays
    // behind.
    expect(existsSync(recordingDir(dataDir, id))).toBe(false);
  }, 180_000);
});
