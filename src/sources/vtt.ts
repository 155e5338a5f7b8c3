// Owns the reading of transcripts (WebVTT from Teams, or copied as text) into speaker turns, without timestamps or cue
// syntax.
import { AppError } from "../errors";
import { t } from "../i18n";
import { msg } from "../i18n/message";
import { parseTranscriptCopy, type SpeechSegment } from "./transcript-copy";
import { parseCueText, parseWebVtt, type CueNode, type WebVttCue } from "./webvtt";

/** One speaker's uninterrupted turn; `speaker` is null when the cue named nobody. */
export interface TranscriptTurn {
  readonly speaker: string | null;
  readonly text: string;
  /** Start of the turn's first cue, as `hh:mm:ss.mmm` ("" when a copied transcript gives no time). */
  readonly start: string;
  /** End of the turn's last cue, same format. */
  readonly end: string;
}

/** What a transcript yields. */
export interface ParsedTranscript {
  readonly turns: TranscriptTurn[];
}

type Segment = SpeechSegment;

// "Karim Benali: bonjour" — transcripts exported by Zoom and some recorders name the speaker in the text instead of a
// voice.
const SPEAKER_PREFIX_RE = /^(\p{Lu}[\p{L}\p{M}'’.\- ]{0,58}?(?:\s*\([^)\n]{1,40}\))?)\s?:\s+(\S[\s\S]*)$/u;

function squash(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/** 62.5 → `00:01:02.500`. */
function formatSeconds(seconds: number): string {
  const millis = Math.round(seconds * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(Math.floor(millis / 3_600_000))}:${pad(Math.floor(millis / 60_000) % 60)}:${pad(Math.floor(millis / 1000) % 60)}.${pad(millis % 1000, 3)}`;
}

/**
 * The refusal for a file that is neither WebVTT nor a transcript copy, with a hint when it is recognisably something
 * else.
 * @throws never; returns the error to throw.
 */
function notWebVtt(text: string): AppError {
  if (text.trim() === "") return new AppError("invalid_request", { detail: msg("sources.vtt.empty") });
  // SubRip (.srt) is what people most often export by mistake: numbered cues with comma decimals.
  const isSrt = /^\d+[ \t]*\n\d{1,2}:\d{2}:\d{2},\d{3}[ \t]*-->/u.test(text.trimStart());
  return new AppError("invalid_request", { detail: msg(isSrt ? "sources.vtt.srt" : "sources.vtt.not_webvtt") });
}

/** Splits one cue's text at its voices (`<v Name>`, at any depth); text outside any voice has no speaker. */
function segmentsOf(cue: WebVttCue): { segments: Segment[]; hasVoice: boolean } {
  const start = formatSeconds(cue.start);
  const end = formatSeconds(cue.end);
  const segments: Segment[] = [];
  let hasVoice = false;
  let speaker: string | null = null;
  let buffer = "";
  const flush = () => {
    const text = squash(buffer);
    if (text !== "") segments.push({ speaker, text, start, end });
    buffer = "";
  };
  const walk = (nodes: readonly CueNode[], voice: string | null) => {
    for (const node of nodes) {
      if (node.kind === "text") {
        if (voice !== speaker) {
          flush();
          speaker = voice;
        }
        buffer += node.value;
      } else if (node.kind === "tag") {
        if (node.name === "v") hasVoice = true;
        // A voice without a name speaks for nobody known.
        walk(node.children, node.name === "v" ? (node.annotation ? squash(node.annotation) : null) : voice);
      }
    }
  };
  walk(parseCueText(cue.text), null);
  flush();
  return { segments, hasVoice };
}

/** For files without any voice: reads "Name: text" prefixes when most cues have one. */
function applySpeakerPrefixes(segments: Segment[]): Segment[] {
  const matches = segments.map((s) => SPEAKER_PREFIX_RE.exec(s.text));
  const named = matches.filter((m) => m !== null).length;
  // One "Attention : …" is a sentence; a file where most cues start that way names its speakers.
  if (named < 2 || named * 2 < segments.length) return segments;
  return segments.map((s, i) => {
    const m = matches[i];
    return m ? { ...s, speaker: squash(m[1] ?? ""), text: squash(m[2] ?? "") } : s;
  });
}

/** Joins consecutive segments of one speaker into one turn. */
function mergeTurns(segments: readonly Segment[]): TranscriptTurn[] {
  const turns: Segment[] = [];
  for (const segment of segments) {
    const previous = turns.at(-1);
    if (previous && previous.speaker === segment.speaker) {
      previous.text = `${previous.text} ${segment.text}`;
      previous.end = segment.end;
    } else {
      turns.push({ ...segment });
    }
  }
  return turns;
}

/**
 * Reads a transcript into speaker turns. A WebVTT file (as Teams exports it) is read by the W3C parsing rules: voices
 * (`<v Name>`, `<v.loud Name>`) name the speaker, or a "Name:" prefix when most cues have one; cues with invalid
 * timings,
 * NOTE/STYLE/REGION blocks, tags and timestamps are dropped, references decoded. Text that is not WebVTT is read as a
 * copy from Teams or Word ("Name   0:03", a speaker on their own line, "[00:01:02] Name: text"). Consecutive speech
 * of one speaker becomes one turn. Never throws once the text is recognised.
 * @throws AppError invalid_request when the text is empty, SubRip, or neither WebVTT nor a transcript copy.
 */
export function parseVtt(text: string): ParsedTranscript {
  const parsed = parseWebVtt(text);
  if (!parsed) {
    const copied = parseTranscriptCopy(text);
    if (!copied) throw notWebVtt(text.replace(/^\uFEFF/u, "").replace(/\r\n?/gu, "\n"));
    return { turns: mergeTurns(copied) };
  }
  const perCue = parsed.cues.map(segmentsOf);
  const segments = perCue.flatMap((c) => c.segments);
  const hasVoices = perCue.some((c) => c.hasVoice);
  return { turns: mergeTurns(hasVoices ? segments : applySpeakerPrefixes(segments)) };
}

/**
 * The transcript as the provider reads it: one line per turn, "Speaker : text". The French spacing before the colon
 * is also what the pseudonymiser recognises as a speaker label.
 */
export function transcriptToSource(turns: readonly TranscriptTurn[]): string {
  const unknown = t("sources.transcript.unknown_speaker");
  return turns.map((turn) => `${turn.speaker ?? unknown} : ${turn.text}`).join("\n");
}

/**
 * The speakers' names, once each in order of first appearance, without the decorations Teams adds to display names
 * ("Élodie Martin (MAIF)" → "Élodie Martin", "[Invité]"): the known names the pseudonymiser must mask.
 */
export function speakersOf(turns: readonly TranscriptTurn[]): string[] {
  const seen = new Map<string, string>();
  for (const turn of turns) {
    if (turn.speaker === null) continue;
    const name = squash(turn.speaker.replace(/\([^)]*\)|\[[^\]]*\]/gu, " ")) || turn.speaker;
    const key = name.toLocaleLowerCase("fr");
    if (!seen.has(key)) seen.set(key, name);
  }
  return [...seen.values()];
}
