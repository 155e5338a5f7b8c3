// Owns POST /api/transcriptions (one file) and /api/recordings/* (live recording: numbered, idempotent chunks, then
// transcribe).
import fastifyMultipart from "@fastify/multipart";
import type { FastifyError, FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../../src/errors";
import { msg } from "../../src/i18n/message";
import {
  MAX_CHUNK_BYTES,
  RecordingCreateSchema,
  RecordingStatusSchema,
  TranscriptionResponseSchema,
  type RecordingCreate,
  type RecordingStatus,
  type TranscriptionResponse,
} from "../../src/schemas/transcription";
import type { AuditRecorder } from "../audit/recorder";
import type { Db } from "../store/db";
import { createRecordingStore, purgeRecordings, type RecordingRow } from "../transcription/recordings";
import { unavailable, type Transcriber, type TranscriptResult } from "../transcription/service";
import { BINARY, formBody, json, problem } from "../route-schemas";
import { multipartError } from "./multipart-errors";

export interface TranscriptionDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly transcriber: Transcriber;
  readonly dataDir: string;
  /** Hours the audio of a transcribed recording is kept; 0 deletes it at once. */
  readonly retentionHours: number;
  readonly workingDataDays: number;
}

const TRANSCRIPTIONS_URL = "/api/transcriptions";
// A chunk every 10 s for 2 h is 720; the cap leaves room for shorter chunks, never for an unbounded list.
const MAX_CHUNK_NUMBER = 9_999;

function isConsent(value: unknown): boolean {
  return typeof value === "string" && ["true", "1", "on", "oui"].includes(value.trim().toLowerCase());
}

function consentRequired(): AppError {
  return new AppError("consent_required", { detail: msg("problem.consent_required.detail") });
}

/** Upload errors in the voice routes' words. */
function uploadError(error: FastifyError, maxBytes: number): AppError | undefined {
  const badUpload = msg("voice.server.bad_upload");
  return multipartError(error, {
    tooLarge: msg("voice.server.too_large", {
      mb: Math.ceil(maxBytes / 1024 / 1024),
      max: Math.round(maxBytes / 1024 / 1024),
    }),
    tooManyParts: badUpload,
    notMultipart: msg("voice.server.no_audio"),
    badUpload,
  });
}

/** Cancels the provider calls when the adviser's client goes away. */
function clientGone(request: FastifyRequest): AbortSignal {
  const controller = new AbortController();
  request.raw.once("close", () => {
    if (!request.raw.complete || request.raw.destroyed) controller.abort(new Error("client closed the connection"));
  });
  return controller.signal;
}

const AUDIO_TYPES = ["application/octet-stream", "audio/webm", "audio/ogg", "audio/wav", "audio/mpeg", "audio/mp4"];
const notFound = problem("Absent or not the caller's");

const transcriptionSchema = {
  summary:
    "Transcribe one recording of an interview, with the member's consent (multipart: `audio` = WAV, WebM/Opus, Ogg, MP3 " +
    "or M4A; `consent` = true). The audio is never stored; the answer's `source` goes to POST /api/generations, which " +
    "pseudonymises it",
  body: { content: formBody({ audio: BINARY, consent: { type: "string", enum: ["true"] } }, ["audio", "consent"]) },
  response: {
    201: json(
      "Turns with speakers and times, the transcript as a source, the duration, the provider and the footprint",
      TranscriptionResponseSchema,
    ),
    400: problem("No audio field, empty file or malformed form"),
    413: problem("Longer than AUDIO_MAX_SECONDS (2 h) or larger than AUDIO_MAX_MB"),
    415: problem("Not one of the accepted audio formats"),
    422: problem("consent_required: consent=true missing; nothing reached the provider"),
    503: problem(
      "No transcription provider configured or reachable (no embedded engine): French explanation, Retry-After",
    ),
  },
};

const recordingSchema = {
  summary:
    "Open a live recording once the member consented (before the first byte); chunks then upload while recording",
  body: RecordingCreateSchema,
  response: { 201: json("The recording and its limits", RecordingStatusSchema), 422: problem("consent_required") },
};

const chunkSchema = {
  summary:
    "Store chunk n (0-based) of a live recording. Idempotent: the same bytes again answer 200; other bytes under the " +
    "same number answer 409. Chunks may arrive in any order",
  body: { content: Object.fromEntries(AUDIO_TYPES.map((type) => [type, { schema: BINARY }])) },
  // Plain JSON Schema, so documented only: the handler reads the header.
  headers: {
    type: "object",
    properties: {
      "x-chunk-end-seconds": {
        type: "number",
        description: "Where the chunk ends in the recording; past AUDIO_MAX_SECONDS the chunk is refused (413)",
      },
    },
  },
  response: {
    200: json("Already held, same bytes", RecordingStatusSchema),
    201: json("Stored", RecordingStatusSchema),
    404: notFound,
    409: problem("Other bytes under this number, or recording already transcribed"),
    413: problem("Chunk over 16 MB, recording over AUDIO_MAX_MB or past AUDIO_MAX_SECONDS"),
  },
};

const transcribeSchema = {
  summary:
    "Transcribe the chunks 0..chunks-1 put together; the audio is deleted once transcribed (AUDIO_RETENTION_HOURS=0). " +
    "Asked again, answers the same transcript (200)",
  body: {
    content: {
      "application/json": {
        schema: {
          type: "object",
          properties: { chunks: { type: "integer", minimum: 1, description: "How many chunks the recording has" } },
        },
      },
    },
  },
  response: {
    200: json("Already transcribed", TranscriptionResponseSchema),
    201: json("Transcribed", TranscriptionResponseSchema),
    409: problem("Chunks still missing (listed)"),
    413: problem("Too long"),
    503: problem("No transcription provider: the recording is kept within retention"),
  },
};

/** Registers the transcription routes; multipart and raw audio bodies are parsed only inside this plugin. */
export function transcriptionRoutes(deps: TranscriptionDeps) {
  const { transcriber } = deps;
  const maxBytes = transcriber.limits.maxBytes;
  return async (app: FastifyInstance): Promise<void> => {
    await app.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 } });
    app.addContentTypeParser(AUDIO_TYPES, { parseAs: "buffer", bodyLimit: MAX_CHUNK_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    app.setErrorHandler((error: FastifyError) => {
      if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE")
        throw new AppError("payload_too_large", {
          detail: msg("voice.server.chunk_too_large", { max: MAX_CHUNK_BYTES / 1024 / 1024 }),
          cause: error,
        });
      throw uploadError(error, maxBytes) ?? error;
    });
    const recordings = createRecordingStore(deps.db, deps.dataDir);

    /** Transcribes, audits (no audio, no text) and shapes the contract's answer. */
    async function run(
      request: FastifyRequest,
      bytes: Uint8Array,
      id: string,
      consentAt: string,
    ): Promise<TranscriptionResponse & { footprint: TranscriptResult["footprint"] }> {
      const started = performance.now();
      const result = await transcriber.transcribe(bytes, clientGone(request));
      await deps.audit.transcription(deps.db, request.user.id, {
        recordingId: id,
        durationS: result.durationS,
        provider: result.provider.name,
        model: result.provider.model,
        consent: true,
        consentAt,
        pieces: result.pieces,
        energyWh: result.footprint.energyWh,
        gco2eq: result.footprint.gco2eq,
        latencyMs: performance.now() - started,
      });
      return {
        id,
        source: result.source,
        turns: result.turns,
        durationS: result.durationS,
        provider: result.provider,
        footprint: result.footprint,
        consent: { given: true, at: consentAt },
      };
    }

    app.post(TRANSCRIPTIONS_URL, { schema: transcriptionSchema }, async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError("unsupported_media_type", { detail: msg("voice.server.no_audio") });
      let consent = false;
      let audio: Buffer | undefined;
      // The whole form is read first: consent may come after the file, and nothing is sent before both are known.
      for await (const part of request.parts()) {
        if (part.type === "file") {
          if (part.fieldname === "audio" || part.fieldname === "file") audio = await part.toBuffer();
          else part.file.resume();
        } else if (part.fieldname === "consent") consent = isConsent(part.value);
      }
      if (!consent) throw consentRequired();
      // Nobody to transcribe: say so first, whatever the file (the pane keeps its recording for later).
      if (!transcriber.isAvailable) throw unavailable();
      if (!audio) throw new AppError("invalid_request", { detail: msg("voice.server.no_audio") });
      if (audio.length === 0) throw new AppError("invalid_request", { detail: msg("voice.server.empty_audio") });
      await transcriber.check(audio);
      // The audio of a one-file upload is only ever in this request's memory: nothing is written to disk or database.
      const consentAt = new Date().toISOString();
      const answer = await run(request, audio, crypto.randomUUID(), consentAt);
      return reply.code(201).send(answer);
    });

    // Live recording: the consent opens the recording, before the first byte.
    app.post<{ Body: RecordingCreate }>(
      "/api/recordings",
      {
        schema: recordingSchema,
        // No consent, no recording: said before anything else the body may get wrong.
        preValidation: async (request) => {
          if ((request.body as { consent?: unknown } | undefined)?.consent !== true) throw consentRequired();
        },
      },
      async (request, reply) => {
        const row = await recordings.create(request.user.id, request.body.mimeType);
        return reply.code(201).send(statusOf(row));
      },
    );

    const load = async (request: FastifyRequest<{ Params: { id: string } }>): Promise<RecordingRow> => {
      const row = await recordings.get(request.params.id, request.user.id);
      if (!row) throw new AppError("not_found", { detail: msg("voice.server.recording_not_found") });
      return row;
    };

    const statusOf = (row: RecordingRow): RecordingStatus => ({
      id: row.id,
      status: row.status,
      received: Object.keys(row.chunks)
        .map(Number)
        .sort((a, b) => a - b),
      bytes: Number(row.bytes),
      maxSeconds: transcriber.limits.maxSeconds,
      maxBytes,
      ...(row.result ? { transcription: row.result as TranscriptionResponse } : {}),
    });

    const statusSchema = {
      summary: "Which chunks the server holds (the pane resumes from it after a reload or a network drop)",
      response: { 200: json("Status", RecordingStatusSchema), 404: notFound },
    };
    app.get<{ Params: { id: string } }>("/api/recordings/:id", { schema: statusSchema }, async (request) =>
      statusOf(await load(request)),
    );

    // A pane back online sends its backlog at once (an hour offline is 360 chunks): chunks get a wider limit than other
    // calls.
    app.put<{ Params: { id: string; n: string } }>(
      "/api/recordings/:id/chunks/:n",
      { schema: chunkSchema, config: { rateLimit: { max: 1_200, timeWindow: 60_000 } } },
      async (request, reply) => {
        const n = Number(request.params.n);
        if (!/^\d{1,5}$/.test(request.params.n) || n > MAX_CHUNK_NUMBER)
          throw new AppError("invalid_request", {
            detail: msg("voice.server.bad_chunk_number", { max: MAX_CHUNK_NUMBER }),
          });
        const row = await load(request);
        if (row.status !== "recording")
          throw new AppError("conflict", { detail: msg("voice.server.already_transcribed") });
        const bytes = request.body;
        if (!Buffer.isBuffer(bytes) || bytes.length === 0)
          throw new AppError("invalid_request", { detail: msg("voice.server.empty_audio") });
        // The pane says where the chunk ends in the recording: the 2 h limit is enforced while recording, not after.
        const endHeader = Number(request.headers["x-chunk-end-seconds"]);
        const endS = Number.isFinite(endHeader) && endHeader >= 0 ? endHeader : undefined;
        if (endS !== undefined && endS > transcriber.limits.maxSeconds) {
          throw new AppError("payload_too_large", {
            detail: msg("voice.server.too_long", {
              minutes: Math.ceil(endS / 60),
              max: Math.round(transcriber.limits.maxSeconds / 60),
            }),
          });
        }
        if (row.chunks[String(n)] === undefined && Number(row.bytes) + bytes.length > maxBytes) {
          throw new AppError("payload_too_large", {
            detail: msg("voice.server.too_large", {
              mb: Math.ceil((Number(row.bytes) + bytes.length) / 1024 / 1024),
              max: Math.round(maxBytes / 1024 / 1024),
            }),
          });
        }
        const outcome = await recordings.putChunk(row.id, n, bytes, endS);
        if (outcome === "conflict")
          throw new AppError("conflict", { detail: msg("voice.server.chunk_conflict", { n }) });
        const updated = await load(request);
        return reply.code(outcome === "stored" ? 201 : 200).send(statusOf(updated));
      },
    );

    app.post<{ Params: { id: string }; Body: { chunks?: unknown } | undefined }>(
      "/api/recordings/:id/transcribe",
      { schema: transcribeSchema },
      async (request, reply) => {
        const row = await load(request);
        // Asked again after a lost answer: the same transcript, not a second provider call.
        if (row.status === "transcribed" && row.result) return reply.code(200).send(row.result);
        const received = Object.keys(row.chunks).map(Number);
        if (received.length === 0) throw new AppError("invalid_request", { detail: msg("voice.server.no_chunks") });
        const declared = Number(request.body?.chunks);
        const count = Number.isInteger(declared) && declared > 0 ? declared : Math.max(...received) + 1;
        const missing = Array.from({ length: count }, (_, n) => n).filter((n) => row.chunks[String(n)] === undefined);
        if (missing.length > 0)
          throw new AppError("conflict", {
            detail: msg("voice.server.chunks_missing", { missing: missing.slice(0, 10).join(", ") }),
          });
        const audio = await recordings.assemble(row, count);
        const answer = await run(request, audio, row.id, new Date(row.consent_at).toISOString());
        await recordings.markTranscribed(row.id, answer, answer.durationS);
        if (deps.retentionHours === 0) await recordings.deleteAudio(row.id);
        return reply.code(201).send(answer);
      },
    );

    // The member withdraws consent, or the adviser abandons: the audio and the row go at once.
    const deleteSchema = {
      summary: "Delete the recording and its audio now (consent withdrawn, recording abandoned)",
      response: { 204: { description: "Deleted" }, 404: notFound },
    };
    app.delete<{ Params: { id: string } }>("/api/recordings/:id", { schema: deleteSchema }, async (request, reply) => {
      const row = await load(request);
      await recordings.deleteRecording(row.id);
      return reply.code(204).send();
    });

    // Retention of audio (AUDIO_RETENTION_HOURS) runs with the app, hourly; the notes' purge covers the rest.
    const purge = () =>
      void purgeRecordings(deps.db, deps.dataDir, {
        audioHours: deps.retentionHours,
        workingDataDays: deps.workingDataDays,
      }).catch((error: unknown) =>
        app.log.warn({ err: error instanceof Error ? error.message : "purge failed" }, "recording purge failed"),
      );
    const timer = setInterval(purge, 3_600_000);
    timer.unref();
    app.addHook("onClose", async () => clearInterval(timer));
  };
}
