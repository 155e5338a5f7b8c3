// Owns the reading of WebVTT transcripts (Teams meetings): speaker turns, without timestamps or cue syntax.
import { AppError } from "../errors";
import { t } from "../i18n";

/** One speaker's uninterrupted turn; `speaker` is null when the cue named nobody. */
export interface TranscriptTurn {
  readonly speaker: string | null;
  readonly text: string;
  /** Start of the turn's first cue, as `hh:mm:ss.mmm` (or as written when it is not a timestamp). */
  readonly start: string;
  /** End of the turn's last cue, same format. */
  readonly end: string;
}

/** What a transcript yields. */
export interface ParsedTranscript {
  readonly turns: TranscriptTurn[];
}

interface Segment {
  speaker: string | null;
  text: string;
  start: string;
  end: string;
}

interface Cue {
  readonly start: string;
  readonly end: string;
  readonly payload: string[];
}

// Tags the WebVTT cue text syntax defines: class, italics, bold, underline, ruby, voice, language, and timestamps.
// Anything else in angle brackets is left as text, so a stray "<" in a badly escaped file loses nothing.
// Annotations (speaker names) are bounded so a line full of "<v " without ">" is read in linear time.
const TAG_RE = /<(\/?)(c|i|b|u|ruby|rt|v|lang)((?:\.[^\s.>]{1,40}){0,8})(?:[ \t]+([^>\n]{0,200}))?>|<\d{1,4}:\d{2}(?::\d{2})?\.\d{3}>/gu;
const ENTITY_RE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,8}));/gu;
// WebVTT's own escapes, and the HTML ones French text produces when a tool escapes more than it must.
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", lrm: "\u200e", rlm: "\u200f",
  agrave: "à", acirc: "â", ccedil: "ç", eacute: "é", egrave: "è", ecirc: "ê", euml: "ë", icirc: "î", iuml: "ï",
  ocirc: "ô", ugrave: "ù", ucirc: "û", uuml: "ü", oelig: "œ", Agrave: "À", Eacute: "É", Egrave: "È", Ecirc: "Ê",
  Ccedil: "Ç", OElig: "Œ", laquo: "«", raquo: "»", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", hellip: "…",
  ndash: "–", mdash: "—", euro: "€", deg: "°",
};
const TIMESTAMP_RE = /^(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})$/u;
const TIMING_RE = /^\s*(\S+?)\s*-->\s*(\S+)/u;
const COMMENT_BLOCK_RE = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/u;
// "Karim Benali: bonjour" — transcripts exported by Zoom and some recorders name the speaker in the text instead of a voice.
const SPEAKER_PREFIX_RE = /^(\p{Lu}[\p{L}\p{M}'’.\- ]{0,58}?(?:\s*\([^)\n]{1,40}\))?)\s?:\s+(\S[\s\S]*)$/u;

function decodeEntities(text: string): string {
  return text.replace(ENTITY_RE, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return Object.hasOwn(NAMED_ENTITIES, name) ? (NAMED_ENTITIES[name] ?? whole) : whole;
    const code = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? "", 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function squash(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

function speakerName(annotation: string | undefined): string | null {
  const name = squash(decodeEntities(annotation ?? ""));
  return name === "" ? null : name;
}

/** `1:02.5` → `00:01:02.500`; anything that is not a timestamp is kept as written. */
function normaliseTimestamp(raw: string): string {
  const m = TIMESTAMP_RE.exec(raw);
  if (!m) return raw;
  const [, hours = "0", minutes = "0", seconds = "0", millis = "0"] = m;
  return `${hours.padStart(2, "0")}:${minutes.padStart(2, "0")}:${seconds}.${millis.padEnd(3, "0")}`;
}

/**
 * The refusal for a file that is not WebVTT, with a hint when it is recognisably something else.
 * @throws never; returns the error to throw.
 */
function notWebVtt(text: string): AppError {
  if (text.trim() === "") return new AppError("invalid_request", { detail: t("sources.vtt.empty") });
  // SubRip (.srt) is what people most often export by mistake: numbered cues with comma decimals.
  const isSrt = /^\d+[ \t]*\n\d{1,2}:\d{2}:\d{2},\d{3}[ \t]*-->/u.test(text.trimStart());
  return new AppError("invalid_request", { detail: t(isSrt ? "sources.vtt.srt" : "sources.vtt.not_webvtt") });
}

/**
 * Cuts the body into blocks the way the WebVTT parser does: blank lines end a block, and a second timing line
 * inside a block starts a new one.
 */
function blocksOf(lines: readonly string[], from: number): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  const close = () => {
    if (current.length > 0) blocks.push(current);
    current = [];
  };
  for (let i = from; i < lines.length; i += 1) {
    const line = lines[i] ?? "";
    if (line.trim() === "") {
      close();
      continue;
    }
    if (line.includes("-->") && current.some((l) => l.includes("-->"))) close();
    current.push(line);
  }
  close();
  return blocks;
}

/** The cues of the file; text outside any cue (a payload broken by a blank line) joins the cue before it. */
function cuesOf(lines: readonly string[]): Cue[] {
  // The header runs to the first blank line, unless a timing line shows the file skipped it.
  let first = 1;
  while (first < lines.length && (lines[first] ?? "").trim() !== "" && !(lines[first] ?? "").includes("-->")) first += 1;

  const cues: Cue[] = [];
  for (const block of blocksOf(lines, first)) {
    const timingIndex = block[0]?.includes("-->") ? 0 : block[1]?.includes("-->") ? 1 : -1;
    if (timingIndex === -1) {
      // Comments and styles are not speech; anything else is text a careless export split off its cue.
      const previous = cues.at(-1);
      if (!COMMENT_BLOCK_RE.test(block[0] ?? "") && previous) {
        for (const line of block) previous.payload.push(line);
      }
      continue;
    }
    const timing = TIMING_RE.exec(block[timingIndex] ?? "");
    cues.push({
      start: normaliseTimestamp(timing?.[1] ?? ""),
      end: normaliseTimestamp(timing?.[2] ?? ""),
      payload: block.slice(timingIndex + 1),
    });
  }
  return cues;
}

/** Splits one cue's text at its voices; text outside any voice has no speaker. */
function segmentsOf(cue: Cue): { segments: Segment[]; hasVoice: boolean } {
  const payload = cue.payload.join("\n");
  const segments: Segment[] = [];
  let speaker: string | null = null;
  let hasVoice = false;
  let buffer = "";
  let last = 0;
  const flush = () => {
    const text = squash(decodeEntities(buffer));
    if (text !== "") segments.push({ speaker, text, start: cue.start, end: cue.end });
    buffer = "";
  };
  for (const m of payload.matchAll(TAG_RE)) {
    buffer += payload.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[2] !== "v") continue;
    // A voice changes who speaks; its closing tag (or the cue's end) gives the floor back to nobody.
    flush();
    hasVoice = true;
    speaker = m[1] === "/" ? null : speakerName(m[4]);
  }
  buffer += payload.slice(last);
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
 * Reads a WebVTT transcript (as Teams exports it) into speaker turns: voices (`<v Name>`, `<v.loud Name>`) name the
 * speaker, consecutive cues of one speaker become one turn, and timestamps, cue ids, NOTE/STYLE/REGION blocks, tags
 * and entities are removed. Lenient inside the file: it never throws once the file starts with `WEBVTT`.
 * @throws AppError invalid_request (French detail) when the text is empty or does not start with `WEBVTT`.
 */
export function parseVtt(text: string): ParsedTranscript {
  const normalised = text.replace(/^\uFEFF+/u, "").replace(/\r\n?/gu, "\n").replace(/\0/gu, "\uFFFD");
  const body = normalised.trimStart();
  if (!body.startsWith("WEBVTT")) throw notWebVtt(normalised);

  const perCue = cuesOf(body.split("\n")).map(segmentsOf);
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
