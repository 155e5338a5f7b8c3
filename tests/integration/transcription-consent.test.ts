// The member's consent travels with the draft (issue 17): a generation links its transcription, the adviser's own only,
// and the committee sees the transcription footprint per month under the 5-adviser rule.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CommitteeStatsSchema, MIN_GROUP_SIZE } from "../../src/schemas/committee";
import type { Db } from "../../server/store/db";
import { multipartBody, speechLikeWav } from "../support/audio";
import { startFakeOpenAi, type FakeOpenAi } from "../support/fake-openai";
import { startLocalIdentityProvider, type LocalIdentityProvider } from "../support/jwks-signer";
import { createTestStore, describeEachStore, type TestStore } from "../support/stores";
import { buildTestApp, fakeProviderEnv, parseSse } from "../support/test-app";

const SPOKEN = "Je suis Mme Nadia Haddad, mon dégât des eaux date du 12 mars.";

describeEachStore("transcription consent and footprint", (kind) => {
  let fake: FakeOpenAi;
  let idp: LocalIdentityProvider;
  let dataDir: string;

  /** One store and one app: each describe gets its own, so the committee's counts start from zero. */
  async function setup(): Promise<{ app: FastifyInstance; db: Db; store: TestStore }> {
    const store = await createTestStore(kind);
    const db = await store.open();
    const { app } = await buildTestApp({
      db,
      env: {
        ...fakeProviderEnv(fake.baseUrl),
        DATA_DIR: dataDir,
        ...idp.env,
      },
    });
    return { app, db, store };
  }
  const bearer = async (oid: string, roles?: string[]) =>
    `Bearer ${await idp.sign({ oid, ...(roles ? { roles } : {}) })}`;

  async function transcribe(
    app: FastifyInstance,
    authorization: string,
    seconds = 6,
  ): Promise<{ id: string; source: string; durationS: number; footprint: { energyWh: number; gco2eq: number } }> {
    const upload = multipartBody(
      { consent: "true" },
      { field: "audio", filename: "entretien.wav", contentType: "audio/wav", bytes: speechLikeWav(seconds) },
    );
    const res = await app.inject({
      method: "POST",
      url: "/api/transcriptions",
      payload: upload.payload,
      headers: { ...upload.headers, authorization },
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    idp = await startLocalIdentityProvider();
    dataDir = await mkdtemp(join(tmpdir(), "greffier-consent-"));
    fake.setTranscript(() => [
      { start: 0, end: 3, text: SPOKEN },
      { start: 3, end: 6, text: "Bien reçu, je note la date." },
    ]);
  });
  afterAll(async () => {
    await idp.close();
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  describe("a generation from a transcript", () => {
    let app: FastifyInstance;
    let db: Db;
    let store: TestStore;
    let alice: string;
    let bob: string;
    beforeAll(async () => {
      ({ app, db, store } = await setup());
      alice = await bearer("alice");
      bob = await bearer("bob");
    });
    afterAll(async () => {
      await app.close();
      await db.close();
      await store.destroy();
    });

    const generate = (authorization: string, payload: Record<string, unknown>, accept?: string) =>
      app.inject({
        method: "POST",
        url: "/api/generations",
        headers: { authorization, ...(accept ? { accept } : {}) },
        payload: { task: "interview-minutes", notes: "Entretien enregistré, dégât des eaux.", ...payload },
      });

    it("stores the member's consent on the generation and in its audit event, without the transcript's text", async () => {
      const transcript = await transcribe(app, alice);
      const [transcribed] = await db.query<{ consent_at: string }>(
        "SELECT payload ->> 'consentAt' AS consent_at FROM audit_events WHERE kind = 'transcription' AND payload ->> 'recordingId' = $1",
        [transcript.id],
      );
      expect(transcribed?.consent_at).toBeTruthy();

      const res = await generate(alice, { source: transcript.source, transcriptionId: transcript.id });
      expect(res.statusCode).toBe(201);
      const body = res.json() as { id: string; transcription?: { id: string; consentAt: string } };
      expect(body.transcription?.id).toBe(transcript.id);
      expect(new Date(body.transcription?.consentAt ?? "").getTime()).toBe(
        new Date(transcribed?.consent_at ?? "").getTime(),
      );

      const [row] = await db.query<{ transcription_id: string | null; transcription_consent_at: unknown }>(
        "SELECT transcription_id, transcription_consent_at FROM generations WHERE id = $1",
        [body.id],
      );
      expect(row?.transcription_id).toBe(transcript.id);
      expect(new Date(row?.transcription_consent_at as string).getTime()).toBe(
        new Date(transcribed?.consent_at ?? "").getTime(),
      );

      const [event] = await db.query<{ payload: Record<string, unknown> }>(
        "SELECT payload FROM audit_events WHERE kind = 'generation' AND payload ->> 'generationId' = $1",
        [body.id],
      );
      expect(event?.payload).toMatchObject({
        transcriptionId: transcript.id,
        consent: true,
        consentAt: expect.any(String),
      });
      expect(JSON.stringify(event?.payload)).not.toMatch(/Haddad|dégât|12 mars/);

      // Read back by the adviser: the link survives.
      const read = await app.inject({
        method: "GET",
        url: `/api/generations/${body.id}`,
        headers: { authorization: alice },
      });
      expect(read.json().transcription?.id).toBe(transcript.id);
    });

    it("links a live recording's transcription with the consent given when the recording opened", async () => {
      const opened = await app.inject({
        method: "POST",
        url: "/api/recordings",
        headers: { authorization: alice },
        payload: { consent: true, mimeType: "audio/wav" },
      });
      expect(opened.statusCode).toBe(201);
      const id = opened.json().id as string;
      const wav = Buffer.from(speechLikeWav(8));
      for (const [n, bytes] of [wav.subarray(0, 60_000), wav.subarray(60_000)].entries()) {
        const put = await app.inject({
          method: "PUT",
          url: `/api/recordings/${id}/chunks/${n}`,
          payload: bytes,
          headers: { authorization: alice, "content-type": "application/octet-stream" },
        });
        expect(put.statusCode).toBe(201);
      }
      const done = await app.inject({
        method: "POST",
        url: `/api/recordings/${id}/transcribe`,
        headers: { authorization: alice },
        payload: { chunks: 2 },
      });
      expect(done.statusCode).toBe(201);
      const [recording] = await db.query<{ consent_at: Date | string }>(
        "SELECT consent_at FROM recordings WHERE id = $1",
        [id],
      );

      const res = await generate(alice, { source: done.json().source, transcriptionId: id });
      expect(res.statusCode).toBe(201);
      expect(res.json().transcription).toEqual({
        id,
        consentAt: new Date(recording?.consent_at as string).toISOString(),
      });
    });

    it("refuses another adviser's transcription with a 404 in French, before any provider call or stored draft", async () => {
      const transcript = await transcribe(app, alice);
      const calls = fake.requests.length;
      const [before] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM generations");
      const res = await generate(bob, { source: transcript.source, transcriptionId: transcript.id });
      expect(res.statusCode).toBe(404);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().detail).toMatch(/transcription/i);
      // Streamed too: a plain problem before the stream opens, not an SSE error event.
      const streamed = await generate(
        bob,
        { source: transcript.source, transcriptionId: transcript.id },
        "text/event-stream",
      );
      expect(streamed.statusCode).toBe(404);
      expect(streamed.headers["content-type"]).toContain("application/problem+json");
      // An id nobody has is as absent as someone else's.
      expect(
        (await generate(alice, { source: transcript.source, transcriptionId: crypto.randomUUID() })).statusCode,
      ).toBe(404);
      expect(fake.requests.length).toBe(calls);
      const [after] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM generations");
      expect(after?.n).toBe(before?.n);
    });

    it("keeps generations without a transcript as they were, streamed or not", async () => {
      const res = await generate(alice, {});
      expect(res.statusCode).toBe(201);
      expect(res.json().transcription).toBeUndefined();
      const transcript = await transcribe(app, alice);
      const streamed = await generate(
        alice,
        { source: transcript.source, transcriptionId: transcript.id },
        "text/event-stream",
      );
      const done = parseSse(streamed.body).find((e) => e.event === "done")?.data as
        { transcription?: { id: string } } | undefined;
      expect(done?.transcription?.id).toBe(transcript.id);
      expect((await generate(alice, { transcriptionId: "pas-un-uuid" })).statusCode).toBe(400);
    });
  });

  describe("the committee's transcription footprint", () => {
    let app: FastifyInstance;
    let db: Db;
    let store: TestStore;
    beforeAll(async () => {
      ({ app, db, store } = await setup());
    });
    afterAll(async () => {
      await app.close();
      await db.close();
      await store.destroy();
    });

    const stats = async () => {
      const res = await app.inject({
        method: "GET",
        url: "/api/committee/stats",
        headers: { authorization: await bearer("ethics-member", ["Committee"]) },
      });
      expect(res.statusCode).toBe(200);
      return CommitteeStatsSchema.parse(res.json());
    };

    it("sums minutes of audio, energy and emissions per month, and shows nothing under five advisers", async () => {
      const answers: Awaited<ReturnType<typeof transcribe>>[] = [];
      for (let i = 0; i < MIN_GROUP_SIZE - 1; i += 1)
        answers.push(await transcribe(app, await bearer(`adviser-${i}`), 6 + i * 6));
      // One adviser transcribing twice is still one adviser.
      answers.push(await transcribe(app, await bearer("adviser-0"), 12));
      const hidden = await stats();
      expect(hidden.transcription?.cells).toHaveLength(1);
      expect(hidden.transcription?.cells[0]).toEqual({
        month: expect.stringMatching(/^\d{4}-\d{2}$/),
        suppressed: true,
      });
      expect(hidden.transcription?.totals).toEqual({ transcriptions: 0, audioMinutes: 0, energyWh: 0, gco2eq: 0 });

      answers.push(await transcribe(app, await bearer(`adviser-${MIN_GROUP_SIZE - 1}`), 30));
      const shown = await stats();
      const cell = shown.transcription?.cells[0];
      if (!cell || cell.suppressed) throw new Error("the month should be shown with five advisers");
      const minutes = answers.reduce((s, a) => s + a.durationS, 0) / 60;
      const energy = answers.reduce((s, a) => s + a.footprint.energyWh, 0);
      const gco2eq = answers.reduce((s, a) => s + a.footprint.gco2eq, 0);
      expect(energy).toBeGreaterThan(0);
      expect(cell.transcriptions).toBe(answers.length);
      expect(cell.audioMinutes).toBeCloseTo(minutes, 3);
      expect(cell.energyWh.total).toBeCloseTo(energy, 6);
      expect(cell.gco2eq.total).toBeCloseTo(gco2eq, 6);
      expect(cell.energyWh.perMinute).toBeCloseTo(energy / minutes, 6);
      expect(shown.transcription?.totals.audioMinutes).toBeCloseTo(minutes, 3);
      // Nothing about one adviser: no actor, no recording id in the committee's answer.
      expect(JSON.stringify(shown.transcription)).not.toMatch(/adv_|adviser-|recording/);
    });
  });
});
