// Owns calls to an OpenAI-compatible /v1/audio/transcriptions endpoint (Voxtral, Whisper, vLLM, faster-whisper) through
// the openai SDK.
import { toFile } from "openai";
import type { TimedSegment } from "../../src/schemas/transcription";
import { openAiClient } from "./openai-compatible";
import { ProviderError, toProviderError } from "./provider-error";

/** Where the speech-to-text endpoint is and what it runs. */
export interface TranscriptionEndpoint {
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  readonly model: string;
  readonly name: string;
  readonly timeoutMs: number;
}

/** One piece of audio, as bytes the endpoint can decode (a whole file of one format). */
export interface AudioPiece {
  readonly bytes: Uint8Array;
  readonly filename: string;
  readonly mimeType: string;
}

/** What the endpoint heard: segments with times relative to the piece, and its length when it said. */
export interface PieceTranscript {
  readonly text: string;
  readonly segments: readonly TimedSegment[];
  readonly durationS: number | undefined;
}

export interface SpeechToText {
  readonly info: { readonly name: string; readonly model: string };
  /** @throws ProviderError on failure; the caller retries and benches the endpoint. */
  transcribe(piece: AudioPiece, signal?: AbortSignal): Promise<PieceTranscript>;
}

interface VerboseAnswer {
  text?: unknown;
  duration?: unknown;
  segments?: { start?: unknown; end?: unknown; text?: unknown; speaker?: unknown; speaker_id?: unknown }[];
}

function toSegments(answer: VerboseAnswer): TimedSegment[] {
  if (!Array.isArray(answer.segments)) return [];
  return answer.segments
    .filter((s) => typeof s.text === "string" && Number.isFinite(Number(s.start)) && Number.isFinite(Number(s.end)))
    .map((s) => {
      const speaker = s.speaker ?? s.speaker_id;
      return {
        start: Number(s.start),
        end: Number(s.end),
        text: (s.text as string).replaceAll("\u0000", ""),
        speaker: speaker === undefined || speaker === null ? undefined : String(speaker),
      };
    });
}

/** Creates the endpoint's client; no SDK retries (the caller owns them) and nothing read from OPENAI_* variables. */
export function createSpeechToText(endpoint: TranscriptionEndpoint): SpeechToText {
  const client = openAiClient(endpoint);
  // Some servers (older faster-whisper, Voxtral's early API) refuse verbose_json: remembered, so the next call asks for
  // JSON.
  let verbose = true;

  async function call(
    piece: AudioPiece,
    format: "verbose_json" | "json",
    signal: AbortSignal | undefined,
  ): Promise<PieceTranscript> {
    const file = await toFile(piece.bytes, piece.filename, { type: piece.mimeType });
    const answer = (await client.audio.transcriptions.create(
      {
        file,
        model: endpoint.model,
        language: "fr",
        response_format: format,
        ...(format === "verbose_json" ? { timestamp_granularities: ["segment" as const] } : {}),
      },
      { signal },
    )) as unknown as VerboseAnswer | string;
    const parsed: VerboseAnswer = typeof answer === "string" ? { text: answer } : answer;
    if (typeof parsed.text !== "string")
      throw new ProviderError("malformed", true, { message: "the transcription has no text" });
    const duration = Number(parsed.duration);
    return {
      text: parsed.text.replaceAll("\u0000", ""),
      segments: toSegments(parsed),
      durationS: Number.isFinite(duration) && duration > 0 ? duration : undefined,
    };
  }

  return {
    info: { name: endpoint.name, model: endpoint.model },
    async transcribe(piece, signal) {
      try {
        if (verbose) {
          try {
            return await call(piece, "verbose_json", signal);
          } catch (error) {
            const failure = toProviderError(error);
            // 400/422 on the format: the endpoint speaks plain JSON only.
            if (failure.kind === "status" && (failure.status === 400 || failure.status === 422)) verbose = false;
            else throw failure;
          }
        }
        return await call(piece, "json", signal);
      } catch (error) {
        if (signal?.aborted) throw signal.reason ?? error;
        throw toProviderError(error);
      }
    },
  };
}
