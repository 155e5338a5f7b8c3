// Owns the transcription contract (turns, answer, recording limits) and the pure turn-building shared by server and
// pane.
import * as z from "zod/mini";

/** Longest recording accepted, in seconds (2 h), unless the deployment says otherwise. */
export const DEFAULT_MAX_AUDIO_SECONDS = 7_200;
/** Largest audio accepted, in bytes (200 MB: 2 h of 16 kHz mono WAV is 230 MB, 2 h of Opus at 24 kbit/s is 22 MB). */
export const DEFAULT_MAX_AUDIO_BYTES = 200 * 1024 * 1024;
/** Largest single chunk of a live recording (10 s of Opus is about 30 KB; 16 MB leaves room for WAV chunks). */
export const MAX_CHUNK_BYTES = 16 * 1024 * 1024;
/** How often the pane cuts a chunk while recording. */
export const CHUNK_SECONDS = 10;
/** The two people of an interview, before the adviser renames them. */
export const DEFAULT_SPEAKERS = ["Conseiller", "Sociétaire"] as const;

export const TurnSchema = z.object({
  speaker: z.string().check(z.minLength(1), z.maxLength(80)),
  startS: z.number().check(z.gte(0)),
  endS: z.number().check(z.gte(0)),
  text: z.string(),
});
export type Turn = z.infer<typeof TurnSchema>;

export const TranscriptionResponseSchema = z.object({
  id: z.string(),
  source: z.string(),
  turns: z.array(TurnSchema),
  durationS: z.number().check(z.gte(0)),
  provider: z.object({ name: z.string(), model: z.string() }),
  footprint: z.optional(z.object({ energyWh: z.number(), gco2eq: z.number() })),
  consent: z.optional(z.object({ given: z.literal(true), at: z.string() })),
});
export type TranscriptionResponse = z.infer<typeof TranscriptionResponseSchema>;

export const RecordingCreateSchema = z.strictObject({
  consent: z.literal(true),
  mimeType: z.optional(z.string().check(z.maxLength(100))),
});

export type RecordingCreate = z.infer<typeof RecordingCreateSchema>;

export const RecordingStatusSchema = z.object({
  id: z.string(),
  status: z.enum(["recording", "transcribed"]),
  received: z.array(z.number().check(z.int(), z.gte(0))),
  bytes: z.number().check(z.int(), z.gte(0)),
  maxSeconds: z.number(),
  maxBytes: z.number(),
  transcription: z.optional(TranscriptionResponseSchema),
});
export type RecordingStatus = z.infer<typeof RecordingStatusSchema>;

/** A piece of transcript as a provider returns it (times in seconds from the start of the recording). */
export interface TimedSegment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The provider's speaker label, when it diarises. */
  readonly speaker?: string | undefined;
}

/**
 * Groups segments into turns. With diarisation, the provider's labels are mapped, in order of appearance, to
 * Conseiller, Sociétaire, then "Intervenant N". Without it, the adviser speaks first, a question hands the floor to
 * the other person and the next question after that answer hands it back: a guess the adviser corrects, never a fact.
 */
export function segmentsToTurns(
  segments: readonly TimedSegment[],
  speakers: readonly string[] = DEFAULT_SPEAKERS,
): Turn[] {
  const labels = new Map<string, string>();
  const nameOf = (label: string) => {
    if (!labels.has(label)) labels.set(label, speakers[labels.size] ?? `Intervenant ${labels.size + 1}`);
    return labels.get(label) as string;
  };
  const isDiarised = segments.some((s) => s.speaker !== undefined && s.speaker !== "");
  const turns: Turn[] = [];
  let current = 0;
  let previous: TimedSegment | undefined;
  let isAnswering = false;
  for (const segment of segments) {
    const text = segment.text.replace(/\s+/g, " ").trim();
    if (text === "") continue;
    let speaker: string;
    if (isDiarised) speaker = nameOf(segment.speaker ?? "?");
    else {
      const isQuestion = /\?\s*$/.test(text);
      // The segment after a question is the other person's answer; the next question, after an answer, is asked back.
      if ((previous && /\?\s*$/.test(previous.text)) || (isQuestion && isAnswering)) {
        current = (current + 1) % Math.max(1, speakers.length);
        isAnswering = !isQuestion;
      }
      speaker = speakers[current] ?? "Conseiller";
    }
    previous = segment;
    const last = turns.at(-1);
    if (last && last.speaker === speaker) {
      last.endS = round(segment.end);
      last.text = `${last.text} ${text}`;
    } else turns.push({ speaker, startS: round(segment.start), endS: round(segment.end), text });
  }
  return turns;
}

function round(seconds: number): number {
  return Math.round(Math.max(0, seconds) * 100) / 100;
}

/** "01:02:03" or "02:03" under an hour: the time shown beside a turn and written in the source. */
export function formatTimestamp(seconds: number): string {
  const total = Math.floor(Math.max(0, seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${pad(h)}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/**
 * The transcript as a generation's `source`: one line per turn, "[mm:ss] Speaker : text", the shape of the Teams
 * transcripts the pipeline already cites line by line.
 */
export function turnsToSource(turns: readonly Turn[]): string {
  return turns.map((turn) => `[${formatTimestamp(turn.startS)}] ${turn.speaker} : ${turn.text}`).join("\n");
}

/** Gives every turn of `from` the name the adviser chose (renaming "Sociétaire" to "Mme Durand" everywhere). */
export function renameSpeaker(turns: readonly Turn[], from: string, to: string): Turn[] {
  const name = to.trim();
  if (name === "") return [...turns];
  return turns.map((turn) => (turn.speaker === from ? { ...turn, speaker: name } : turn));
}
