// Bench of issue 17: a 30-minute recording uploaded in 10 s chunks while recording, then the time from "stop" to the
// transcript.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../server/store/open";
import { speechLikeWav } from "../support/audio";
import { startFakeOpenAi } from "../support/fake-openai";
import { buildTestApp, fakeProviderEnv } from "../support/test-app";

const MINUTES = 30;
const CHUNK_S = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** A WebM-looking Opus stream at 24 kbit/s (EBML magic, then bytes): the provider sees the size MediaRecorder makes. */
function opusLike(seconds: number): Uint8Array {
  const bytes = new Uint8Array(Math.round((seconds * 24_000) / 8));
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 2_654_435_761) >>> 24;
  bytes.set([0x1a, 0x45, 0xdf, 0xa3], 0);
  return bytes;
}

export async function runVoiceBench(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), "greffier-voice-bench-"));
  const fake = await startFakeOpenAi();
  fake.setRecording(false);
  const db = await openStore({ dataDir: join(dataDir, "db") });
  const { app } = await buildTestApp({ db, env: { ...fakeProviderEnv(fake.baseUrl), DATA_DIR: dataDir } });
  const rows: string[] = [
    "| recording | chunks | audio | chunk upload (median / max) | stop → transcript | pieces sent |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  try {
    const cases: { name: string; bytes: Uint8Array; pieces: string }[] = [
      {
        name: `${MINUTES} min WebM/Opus 24 kbit/s (what the pane records)`,
        bytes: opusLike(MINUTES * 60),
        pieces: "1 (sent whole)",
      },
      {
        name: `${MINUTES} min WAV 16 kHz mono (worst case, cut at pauses)`,
        bytes: speechLikeWav(MINUTES * 60, { sampleRate: 16_000 }),
        pieces: "",
      },
    ];
    for (const c of cases) {
      const id = (
        await app.inject({ method: "POST", url: "/api/recordings", payload: { consent: true, mimeType: "audio/webm" } })
      ).json().id as string;
      const count = (MINUTES * 60) / CHUNK_S;
      const size = Math.ceil(c.bytes.length / count);
      const uploads: number[] = [];
      // Uploaded during the recording: one chunk every 10 s; each must take far less than 10 s to keep up.
      for (let n = 0; n < count; n += 1) {
        const started = performance.now();
        const res = await app.inject({
          method: "PUT",
          url: `/api/recordings/${id}/chunks/${n}`,
          payload: Buffer.from(c.bytes.subarray(n * size, (n + 1) * size)),
          headers: { "content-type": "application/octet-stream", "x-chunk-end-seconds": String((n + 1) * CHUNK_S) },
        });
        if (res.statusCode !== 201) throw new Error(`chunk ${n}: ${res.statusCode} ${res.body}`);
        uploads.push(performance.now() - started);
      }
      const before = fake.audioRequests.length;
      fake.setRecording(true);
      const stop = performance.now();
      const res = await app.inject({
        method: "POST",
        url: `/api/recordings/${id}/transcribe`,
        payload: { chunks: count },
      });
      const elapsed = performance.now() - stop;
      fake.setRecording(false);
      if (res.statusCode !== 201) throw new Error(`transcribe: ${res.statusCode} ${res.body}`);
      const pieces = fake.audioRequests.length - before;
      rows.push(
        `| ${c.name} | ${count} | ${(c.bytes.length / 1024 / 1024).toFixed(1)} MB | ${median(uploads).toFixed(1)} / ${Math.max(...uploads).toFixed(1)} ms | **${(elapsed / 1000).toFixed(2)} s** (target ≤ 5 s) | ${c.pieces || pieces} |`,
      );
    }
  } finally {
    await app.close();
    await db.close();
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  return [
    "Fake provider (answers at once), PGlite, `app.inject`: the figure is the server's own work after stop (assemble the chunks, cut WAV at pauses, send, stitch, audit, delete the audio).",
    "Embedded engine: none (no registry package ships French speech-to-text weights usable offline here), so no real-time factor.",
    "",
    ...rows,
  ].join("\n");
}
