// Owns one transcription: limits, cutting long WAV at silences, provider calls with retries and breaker, stitching,
// turns, footprint.
import { AppError } from "../../src/errors";
import { estimateFootprint } from "../../src/checks/footprint";
import { msg } from "../../src/i18n/message";
import { segmentsToTurns, turnsToSource, type TimedSegment, type Turn } from "../../src/schemas/transcription";
import type { Config, ResilienceConfig } from "../config";
import { CircuitBreaker } from "../llm/circuit-breaker";
import { ProviderError, toProviderError } from "../llm/provider-error";
import { createSpeechToText, type AudioPiece, type SpeechToText } from "../llm/transcription";
import { durationOf, mimeOf, sniffAudio, type AudioFormat } from "./audio";
import { readWav, splitWav } from "./wav";

/** What a transcription gives back before it gets an id: the route adds id and consent. */
export interface TranscriptResult {
  readonly source: string;
  readonly turns: Turn[];
  readonly durationS: number;
  readonly provider: { readonly name: string; readonly model: string };
  readonly footprint: { readonly energyWh: number; readonly gco2eq: number };
  readonly pieces: number;
}

export interface Transcriber {
  /** True when a provider (or an embedded engine) can transcribe. */
  readonly isAvailable: boolean;
  readonly limits: { readonly maxSeconds: number; readonly maxBytes: number };
  /** Refuses what is not audio of an accepted format, or too long or too large, before anything is sent. */
  check(bytes: Uint8Array): Promise<{ format: AudioFormat; durationS: number | undefined }>;
  /** @throws AppError provider_unavailable (503) when nobody can transcribe, payload_too_large (413), unsupported_media_type. */
  transcribe(bytes: Uint8Array, signal?: AbortSignal): Promise<TranscriptResult>;
}

// Whisper large-v3 (1.55 B parameters) when the deployment does not say: the common model behind these endpoints.
const STT_PARAMS_B = 1.55;
// Whisper decodes 30-second windows; each costs a prompt and timestamp tokens beyond the words themselves.
const TOKENS_PER_WINDOW = 100;
const PARALLEL_PIECES = 3;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/** The engine-less answer: transcription needs a provider; the pane keeps the recording. */
export function unavailable(cause?: unknown): AppError {
  return new AppError("provider_unavailable", { detail: msg("voice.server.no_provider"), cause });
}

/** Footprint of transcribing `durationS` seconds into `text`, with the EcoLogits method of generations. */
export function transcriptionFootprint(
  durationS: number,
  text: string,
  region: string,
): { energyWh: number; gco2eq: number } {
  const outputTokens = Math.ceil(text.length / 4) + Math.ceil(durationS / 30) * TOKENS_PER_WINDOW;
  const f = estimateFootprint({
    outputTokens,
    model: { activeParamsB: STT_PARAMS_B, totalParamsB: STT_PARAMS_B },
    region,
  });
  return { energyWh: f.energyWh, gco2eq: f.gco2eq };
}

/** Builds the transcriber of the configuration; `engine` replaces the endpoint in tests. */
export function createTranscriber(
  config: Pick<Config, "transcription" | "resilience">,
  engine?: SpeechToText,
): Transcriber {
  const { transcription } = config;
  const resilience: ResilienceConfig = config.resilience;
  const endpoints = (
    engine
      ? [engine]
      : [transcription.provider, transcription.fallback].filter((p) => p !== undefined).map(createSpeechToText)
  ).map((stt) => ({
    stt,
    breaker: new CircuitBreaker({
      failureThreshold: resilience.breakerThreshold,
      cooldownMs: resilience.breakerCooldownMs,
    }),
  }));
  const stt = endpoints[0]?.stt;
  const limits = { maxSeconds: transcription.maxSeconds, maxBytes: transcription.maxBytes };

  const tooLong = (durationS: number) =>
    new AppError("payload_too_large", {
      detail: msg("voice.server.too_long", {
        minutes: Math.ceil(durationS / 60),
        max: Math.round(limits.maxSeconds / 60),
      }),
    });

  /** One piece: each endpoint in order, with retries on retryable failures and its breaker shared by every transcription. */
  async function withRetries(piece: AudioPiece, signal: AbortSignal | undefined) {
    let lastError: ProviderError | undefined;
    for (const endpoint of endpoints) {
      try {
        return { ...(await onEndpoint(endpoint, piece, signal)), info: endpoint.stt.info };
      } catch (error) {
        if (signal?.aborted) throw error;
        lastError = error instanceof AppError ? (error.cause as ProviderError | undefined) : toProviderError(error);
      }
    }
    throw unavailable(lastError);
  }

  async function onEndpoint(
    { stt, breaker }: (typeof endpoints)[number],
    piece: AudioPiece,
    signal: AbortSignal | undefined,
  ) {
    let lastError: ProviderError | undefined;
    for (let attempt = 1; attempt <= resilience.maxAttempts; attempt += 1) {
      const permit = breaker.tryAcquire(Date.now());
      if (!permit) throw unavailable(lastError);
      try {
        const result = await stt.transcribe(piece, signal);
        breaker.succeed(permit);
        return result;
      } catch (error) {
        if (signal?.aborted) {
          breaker.release(permit);
          throw error;
        }
        lastError = toProviderError(error);
        breaker.fail(permit, Date.now());
        if (!lastError.isRetryable || attempt === resilience.maxAttempts) break;
        const backoff = resilience.retryBaseMs * 2 ** (attempt - 1) * (0.5 + Math.random());
        await sleep(Math.min(10_000, Math.max(backoff, lastError.retryAfterMs ?? 0)), signal);
      }
    }
    throw unavailable(lastError);
  }

  async function check(bytes: Uint8Array) {
    if (bytes.length > limits.maxBytes) {
      throw new AppError("payload_too_large", {
        detail: msg("voice.server.too_large", {
          mb: Math.ceil(bytes.length / 1024 / 1024),
          max: Math.round(limits.maxBytes / 1024 / 1024),
        }),
      });
    }
    const format = sniffAudio(bytes);
    if (!format) throw new AppError("unsupported_media_type", { detail: msg("voice.server.unsupported") });
    const durationS = await durationOf(bytes, format);
    const announced = format === "wav" ? await durationOf(bytes, format, true) : durationS;
    // A file announcing more than the limit is refused even when cut short: its header is what the adviser sent.
    for (const length of [durationS, announced])
      if (length !== undefined && length > limits.maxSeconds) throw tooLong(length);
    return { format, durationS };
  }

  return {
    isAvailable: stt !== undefined,
    limits,
    check,
    async transcribe(bytes, signal) {
      const { format, durationS: known } = await check(bytes);
      if (!stt) throw unavailable();
      const wav = format === "wav" ? readWav(bytes) : undefined;
      // WAV is cut at silences; compressed audio cannot be cut without a decoder and goes whole (see
      // docs/ARCHITECTURE.md).
      const plan = wav
        ? splitWav(bytes, wav, { pieceS: transcription.pieceSeconds })
        : { cuts: [0], pieces: [{ startS: 0, endS: known ?? 0, bytes }] };
      const results: {
        text: string;
        segments: readonly TimedSegment[];
        durationS: number | undefined;
        info: SpeechToText["info"];
      }[] = new Array(plan.pieces.length);
      let next = 0;
      const worker = async () => {
        while (next < plan.pieces.length) {
          const index = next++;
          const piece = plan.pieces[index] as (typeof plan.pieces)[number];
          results[index] = await withRetries(
            { bytes: piece.bytes, filename: `audio-${index}.${format}`, mimeType: mimeOf(format) },
            signal,
          );
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL_PIECES, plan.pieces.length) }, worker));

      // Stitching: each piece keeps the segments that start after its own cut and before the next one (overlap heard
      // twice).
      const segments: TimedSegment[] = [];
      plan.pieces.forEach((piece, index) => {
        const result = results[index] as (typeof results)[number];
        const cut = plan.cuts[index] ?? 0;
        const nextCut = plan.cuts[index + 1] ?? Number.POSITIVE_INFINITY;
        const own =
          result.segments.length > 0
            ? result.segments
            : result.text.trim()
              ? [{ start: 0, end: result.durationS ?? piece.endS - piece.startS, text: result.text }]
              : [];
        for (const s of own) {
          const start = s.start + piece.startS;
          if (plan.pieces.length > 1 && (start < cut - 0.05 || start >= nextCut)) continue;
          segments.push({ ...s, start, end: s.end + piece.startS });
        }
      });
      const durationS = known ?? results[0]?.durationS ?? segments.at(-1)?.end ?? 0;
      if (durationS > limits.maxSeconds) throw tooLong(durationS);
      const turns = segmentsToTurns(segments);
      const source = turnsToSource(turns);
      const region = transcription.provider?.region ?? "FRA";
      return {
        source,
        turns,
        durationS: Math.round(durationS * 100) / 100,
        // The endpoint that answered (the fallback's name when the first failed), as generations report it.
        provider: { ...(results[0]?.info ?? stt.info) },
        footprint: transcriptionFootprint(durationS, source, region),
        pieces: plan.pieces.length,
      };
    },
  };
}
