// Transcription contract (issue 17): consent first, limits, 503 without provider, turns and source, audio gone after
// use.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../server/store/db";
import { recordingDir } from "../../server/transcription/recordings";
import { multipartBody, silentWav8bit, speechLikeWav } from "../support/audio";
import { startFakeOpenAi, type FakeOpenAi } from "../support/fake-openai";
import { createTestStore, describeEachStore, type TestStore } from "../support/stores";
import { buildTestApp, fakeProviderEnv } from "../support/test-app";

const wavUpload = (bytes: Uint8Array, fields: Record<string, string> = { consent: "true" }) =>
  multipartBody(fields, { field: "audio", filename: "entretien.wav", contentType: "audio/wav", bytes });

describeEachStore("transcriptions", (kind) => {
  let fake: FakeOpenAi;
  let store: TestStore;
  let db: Db;
  let dataDir: string;
  const apps: FastifyInstance[] = [];
  const appWith = async (env: Record<string, string> = {}, withProvider = true) => {
    const { app } = await buildTestApp({
      db,
      env: { ...(withProvider ? fakeProviderEnv(fake.baseUrl) : {}), DATA_DIR: dataDir, ...env },
    });
    apps.push(app);
    return app;
  };
  let app: FastifyInstance;

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    store = await createTestStore(kind);
    db = await store.open();
    dataDir = await mkdtemp(join(tmpdir(), "greffier-voice-"));
    app = await appWith();
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await db.close();
    await store.destroy();
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    fake.audioRequests.length = 0;
  });

  it("answers 201 with turns, a source ready for a generation, the duration and the provider", async () => {
    const upload = wavUpload(speechLikeWav(20));
    const res = await app.inject({ method: "POST", url: "/api/transcriptions", ...upload });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ id: expect.any(String), provider: { name: "fake-eu", model: "mistral-small-test" } });
    expect(body.durationS).toBeCloseTo(20, 0);
    expect(body.turns.length).toBeGreaterThanOrEqual(2);
    for (const turn of body.turns) {
      expect(turn).toEqual({
        speaker: expect.any(String),
        startS: expect.any(Number),
        endS: expect.any(Number),
        text: expect.any(String),
      });
      expect(turn.endS).toBeGreaterThanOrEqual(turn.startS);
    }
    // The fake's second line is a question: the answer is the member's.
    expect(body.turns.map((t: { speaker: string }) => t.speaker)).toEqual(
      ["Conseiller", "Sociétaire", "Conseiller"].slice(0, body.turns.length),
    );
    expect(body.source).toContain("Conseiller : Bonjour");
    expect(body.source).toContain("12 mars");
    expect(body.footprint.energyWh).toBeGreaterThan(0);
    expect(fake.audioRequests).toHaveLength(1);
    expect(fake.audioRequests[0]?.fields).toMatchObject({
      language: "fr",
      response_format: "verbose_json",
      model: "mistral-small-test",
    });
  });

  it("refuses without consent=true with a 422 in French, and nothing reaches the provider", async () => {
    for (const fields of [{}, { consent: "false" }, { consent: "" }] as Record<string, string>[]) {
      const res = await app.inject({
        method: "POST",
        url: "/api/transcriptions",
        ...wavUpload(speechLikeWav(3), fields),
      });
      expect(res.statusCode).toBe(422);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().detail).toMatch(/accord du sociétaire/i);
    }
    expect(fake.audioRequests).toHaveLength(0);
  });

  it("refuses a recording over 2 hours (default limit) with a 413, before the provider", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/transcriptions",
      ...wavUpload(silentWav8bit(2 * 3600 + 30)),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toMatch(/121 min.*120 min/);
    expect(fake.audioRequests).toHaveLength(0);
  });

  it("refuses a WAV whose header announces more than 2 hours, even cut short", async () => {
    const wav = speechLikeWav(2);
    // 3 h of 8 kHz 16-bit mono announced in the data chunk's size, 2 s present.
    new DataView(wav.buffer, wav.byteOffset).setUint32(40, 3 * 3600 * 8_000 * 2, true);
    const res = await app.inject({ method: "POST", url: "/api/transcriptions", ...wavUpload(wav) });
    expect(res.statusCode).toBe(413);
    expect(fake.audioRequests).toHaveLength(0);
  });

  it("refuses a file over the size limit with a 413", async () => {
    const small = await appWith({ AUDIO_MAX_MB: "1" });
    const res = await small.inject({
      method: "POST",
      url: "/api/transcriptions",
      ...wavUpload(speechLikeWav(70, { sampleRate: 16_000 })),
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(fake.audioRequests).toHaveLength(0);
  });

  it("refuses what is not audio with a 415 naming the accepted formats", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/transcriptions",
      ...multipartBody(
        { consent: "true" },
        {
          field: "audio",
          filename: "entretien.wav",
          contentType: "audio/wav",
          bytes: Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"),
        },
      ),
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().detail).toMatch(/WAV.*MP3/);
  });

  it("answers 503 in French, never 500, when no provider is configured", async () => {
    const bare = await appWith({}, false);
    const res = await bare.inject({ method: "POST", url: "/api/transcriptions", ...wavUpload(speechLikeWav(3)) });
    expect(res.statusCode).toBe(503);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().detail).toMatch(/service de transcription/);
  });

  it("retries a failing provider, and falls back to plain JSON when verbose_json is refused", async () => {
    fake.enqueueAudio({ kind: "status", status: 503 }, { kind: "status", status: 429, retryAfterSeconds: 0 });
    const retried = await app.inject({ method: "POST", url: "/api/transcriptions", ...wavUpload(speechLikeWav(8)) });
    expect(retried.statusCode).toBe(201);
    expect(fake.audioRequests).toHaveLength(3);

    const plain = await appWith();
    fake.audioRequests.length = 0;
    fake.enqueueAudio({ kind: "no-verbose" }, { kind: "no-verbose" });
    const res = await plain.inject({ method: "POST", url: "/api/transcriptions", ...wavUpload(speechLikeWav(8)) });
    expect(res.statusCode).toBe(201);
    expect(fake.audioRequests.map((r) => r.fields.response_format)).toEqual(["verbose_json", "json"]);
    expect(res.json().turns).toHaveLength(1);
    expect(res.json().turns[0]).toMatchObject({ speaker: "Conseiller", startS: 0 });
  });

  it("answers 503 (not 500) when the provider keeps failing", async () => {
    const failing = await appWith({ LLM_MAX_ATTEMPTS: "2" });
    fake.enqueueAudio({ kind: "status", status: 500 }, { kind: "status", status: 500 });
    const res = await failing.inject({ method: "POST", url: "/api/transcriptions", ...wavUpload(speechLikeWav(3)) });
    expect(res.statusCode).toBe(503);
    expect(res.json().detail).toMatch(/conservé/);
  });

  it("falls back to the second endpoint when the first keeps failing, and names the one that answered", async () => {
    const second = await startFakeOpenAi();
    try {
      const withFallback = await appWith({
        LLM_MAX_ATTEMPTS: "1",
        TRANSCRIPTION_FALLBACK_BASE_URL: second.baseUrl,
        TRANSCRIPTION_FALLBACK_MODEL: "voxtral-mini-test",
      });
      fake.enqueueAudio({ kind: "status", status: 500 });
      const res = await withFallback.inject({
        method: "POST",
        url: "/api/transcriptions",
        ...wavUpload(speechLikeWav(4)),
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().provider).toEqual({ name: "127.0.0.1", model: "voxtral-mini-test" });
      expect(fake.audioRequests).toHaveLength(1);
      expect(second.audioRequests).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it("cuts long audio into pieces at pauses and stitches the pieces back in order without repeats", async () => {
    const pieces = await appWith({ TRANSCRIPTION_PIECE_SECONDS: "30" });
    // One segment per 5 s of each piece: stitched, a repeat would show as two segments on the same moment.
    fake.setTranscript((r) =>
      Array.from({ length: Math.ceil((r.durationS ?? 0) / 5) }, (_, i) => ({
        start: i * 5,
        end: Math.min(r.durationS ?? 0, i * 5 + 5),
        text: `mot ${i}.`,
      })),
    );
    try {
      const res = await pieces.inject({ method: "POST", url: "/api/transcriptions", ...wavUpload(speechLikeWav(80)) });
      expect(res.statusCode).toBe(201);
      // 80 s in pieces of at most 30 s cut at pauses: 3 or 4 pieces, each heard with its overlap.
      expect(fake.audioRequests.length).toBeGreaterThanOrEqual(3);
      expect(fake.audioRequests.length).toBeLessThanOrEqual(4);
      for (const r of fake.audioRequests) expect(r.durationS).toBeLessThanOrEqual(32);
      const body = res.json();
      expect(body.durationS).toBeCloseTo(80, 0);
      const turn = body.turns[0];
      expect(turn.endS).toBeCloseTo(80, 0);
      // 80 s in 5 s steps is 16 segments; the cuts may add one partial segment each, never a duplicate piece.
      const words = turn.text.split(". ").length;
      expect(words).toBeGreaterThanOrEqual(16);
      expect(words).toBeLessThanOrEqual(16 + fake.audioRequests.length);
    } finally {
      fake.setTranscript((r) => [{ start: 0, end: r.durationS ?? 1, text: "Bonjour." }]);
    }
  });

  describe("live recording in numbered chunks", () => {
    it("needs consent before the first chunk", async () => {
      const res = await app.inject({ method: "POST", url: "/api/recordings", payload: { mimeType: "audio/webm" } });
      expect(res.statusCode).toBe(422);
      expect(res.json().detail).toMatch(/accord du sociétaire/i);
    });

    it("takes chunks idempotently, refuses a changed chunk, waits for missing ones, then transcribes and deletes the audio", async () => {
      const created = await app.inject({
        method: "POST",
        url: "/api/recordings",
        payload: { consent: true, mimeType: "audio/wav" },
      });
      expect(created.statusCode).toBe(201);
      const id = created.json().id as string;
      const wav = Buffer.from(speechLikeWav(30));
      const chunks = [wav.subarray(0, 100_000), wav.subarray(100_000, 300_000), wav.subarray(300_000)];
      const put = (n: number, bytes: Buffer) =>
        app.inject({
          method: "PUT",
          url: `/api/recordings/${id}/chunks/${n}`,
          payload: bytes,
          headers: { "content-type": "application/octet-stream", "x-chunk-end-seconds": String((n + 1) * 10) },
        });
      expect((await put(0, chunks[0] as Buffer)).statusCode).toBe(201);
      expect((await put(2, chunks[2] as Buffer)).statusCode).toBe(201);
      // The answer to chunk 0 was lost; the pane sends it again.
      expect((await put(0, chunks[0] as Buffer)).statusCode).toBe(200);
      expect((await put(0, Buffer.from("other bytes"))).statusCode).toBe(409);

      const early = await app.inject({
        method: "POST",
        url: `/api/recordings/${id}/transcribe`,
        payload: { chunks: 3 },
      });
      expect(early.statusCode).toBe(409);
      expect(early.json().detail).toMatch(/\(1\)/);
      expect(fake.audioRequests).toHaveLength(0);

      const status = await app.inject({ method: "GET", url: `/api/recordings/${id}` });
      expect(status.json()).toMatchObject({ status: "recording", received: [0, 2] });
      expect((await put(1, chunks[1] as Buffer)).statusCode).toBe(201);
      expect(existsSync(join(recordingDir(dataDir, id), "1.part"))).toBe(true);

      const done = await app.inject({
        method: "POST",
        url: `/api/recordings/${id}/transcribe`,
        payload: { chunks: 3 },
      });
      expect(done.statusCode).toBe(201);
      expect(done.json().id).toBe(id);
      expect(done.json().durationS).toBeCloseTo(30, 0);
      expect(fake.audioRequests[0]?.audioBytes).toBe(wav.length);

      // Gone from the disk and from the database (AUDIO_RETENTION_HOURS=0).
      expect(existsSync(recordingDir(dataDir, id))).toBe(false);
      const [row] = await db.query<{ chunks: object; audio_deleted_at: unknown }>(
        "SELECT chunks, audio_deleted_at FROM recordings WHERE id = $1",
        [id],
      );
      expect(row?.chunks).toEqual({});
      expect(row?.audio_deleted_at).not.toBeNull();
      const tables = await db.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.columns WHERE data_type = 'bytea' AND table_schema = 'public'",
      );
      expect(tables.map((t) => t.table_name)).not.toContain("recordings");

      // Asked again (lost answer): the same transcript, no second provider call; no more chunks accepted.
      const again = await app.inject({
        method: "POST",
        url: `/api/recordings/${id}/transcribe`,
        payload: { chunks: 3 },
      });
      expect(again.statusCode).toBe(200);
      expect(again.json().source).toBe(done.json().source);
      expect(fake.audioRequests).toHaveLength(1);
      expect((await put(3, Buffer.from("late"))).statusCode).toBe(409);
    });

    it("loses no chunk when the server is killed mid-upload: a half-written chunk is ignored, the rest survives a restart", async () => {
      const id = (await app.inject({ method: "POST", url: "/api/recordings", payload: { consent: true } })).json()
        .id as string;
      const wav = Buffer.from(speechLikeWav(12));
      const half = Math.floor(wav.length / 2);
      const put = (target: FastifyInstance, n: number, bytes: Buffer) =>
        target.inject({
          method: "PUT",
          url: `/api/recordings/${id}/chunks/${n}`,
          payload: bytes,
          headers: { "content-type": "application/octet-stream" },
        });
      expect((await put(app, 0, wav.subarray(0, half))).statusCode).toBe(201);
      // The process died while writing chunk 1: only its temporary file is on disk, never acknowledged.
      const { writeFile } = await import("node:fs/promises");
      await writeFile(join(recordingDir(dataDir, id), "1.part.tmp"), wav.subarray(half, half + 100));
      const restarted = await appWith();
      expect((await restarted.inject({ method: "GET", url: `/api/recordings/${id}` })).json().received).toEqual([0]);
      // The pane sends chunk 1 again (still in its IndexedDB) and chunk 0 once more (its answer was lost).
      expect((await put(restarted, 1, wav.subarray(half))).statusCode).toBe(201);
      expect((await put(restarted, 0, wav.subarray(0, half))).statusCode).toBe(200);
      const done = await restarted.inject({
        method: "POST",
        url: `/api/recordings/${id}/transcribe`,
        payload: { chunks: 2 },
      });
      expect(done.statusCode).toBe(201);
      expect(fake.audioRequests.at(-1)?.audioBytes).toBe(wav.length);
      expect(existsSync(recordingDir(dataDir, id))).toBe(false);
    });

    it("keeps a transcribed recording's audio AUDIO_RETENTION_HOURS, then purges it; an untranscribed one goes with the notes", async () => {
      const keeping = await appWith({ AUDIO_RETENTION_HOURS: "2" });
      const open = async () =>
        (await keeping.inject({ method: "POST", url: "/api/recordings", payload: { consent: true } })).json()
          .id as string;
      const put = (id: string) =>
        keeping.inject({
          method: "PUT",
          url: `/api/recordings/${id}/chunks/0`,
          payload: Buffer.from(speechLikeWav(3)),
          headers: { "content-type": "application/octet-stream" },
        });
      const kept = await open();
      await put(kept);
      expect(
        (await keeping.inject({ method: "POST", url: `/api/recordings/${kept}/transcribe`, payload: { chunks: 1 } }))
          .statusCode,
      ).toBe(201);
      expect(existsSync(join(recordingDir(dataDir, kept), "0.part"))).toBe(true);
      const abandoned = await open();
      await put(abandoned);

      const { purgeRecordings } = await import("../../server/transcription/recordings");
      expect(await purgeRecordings(db, dataDir, { audioHours: 2, workingDataDays: 30 })).toBe(0);
      await db.query("UPDATE recordings SET transcribed_at = now() - interval '3 hours' WHERE id = $1", [kept]);
      await db.query("UPDATE recordings SET created_at = now() - interval '31 days' WHERE id = $1", [abandoned]);
      expect(await purgeRecordings(db, dataDir, { audioHours: 2, workingDataDays: 30 })).toBe(2);
      expect(existsSync(recordingDir(dataDir, kept))).toBe(false);
      expect(existsSync(recordingDir(dataDir, abandoned))).toBe(false);
      const rows = await db.query<{ chunks: object }>("SELECT chunks FROM recordings WHERE id = ANY($1::uuid[])", [
        [kept, abandoned],
      ]);
      expect(rows.map((r) => r.chunks)).toEqual([{}, {}]);
    });

    it("refuses a chunk past the 2 h mark with a 413", async () => {
      const id = (await app.inject({ method: "POST", url: "/api/recordings", payload: { consent: true } })).json()
        .id as string;
      const late = await app.inject({
        method: "PUT",
        url: `/api/recordings/${id}/chunks/721`,
        payload: Buffer.from("x"),
        headers: { "content-type": "application/octet-stream", "x-chunk-end-seconds": "7220" },
      });
      expect(late.statusCode).toBe(413);
      expect(late.json().detail).toMatch(/120 min/);
      expect(
        (await app.inject({ method: "GET", url: "/api/recordings/00000000-0000-4000-8000-000000000000" })).statusCode,
      ).toBe(404);
    });
  });

  it("audits the transcription with duration, provider and consent, without audio or text", async () => {
    fake.setTranscript(() => [{ start: 0, end: 4, text: "Je suis Mme Nadia Haddad, joignable au 06 12 34 56 78." }]);
    const res = await app.inject({ method: "POST", url: "/api/transcriptions", ...wavUpload(speechLikeWav(4)) });
    expect(res.statusCode).toBe(201);
    const events = await db.query<{ payload: Record<string, unknown> }>(
      "SELECT payload FROM audit_events WHERE kind = 'transcription' ORDER BY seq DESC LIMIT 1",
    );
    const payload = events[0]?.payload ?? {};
    expect(payload).toMatchObject({
      recordingId: res.json().id,
      provider: "fake-eu",
      model: "mistral-small-test",
      consent: true,
    });
    expect(payload.durationS).toBeCloseTo(4, 0);
    expect(JSON.stringify(payload)).not.toMatch(/Haddad|06 12|Bonjour/);

    // The transcript is a source like any other: pseudonymised before the LLM.
    fake.requests.length = 0;
    const generation = await app.inject({
      method: "POST",
      url: "/api/generations",
      payload: {
        task: "interview-minutes",
        notes: "Entretien enregistré.",
        source: res.json().source,
        context: { memberName: "Nadia Haddad" },
      },
    });
    expect(generation.statusCode).toBe(201);
    const sent = JSON.stringify(fake.requests.map((r) => r.body.messages));
    expect(sent).not.toContain("Haddad");
    expect(sent).not.toContain("06 12 34 56 78");
  });
});
