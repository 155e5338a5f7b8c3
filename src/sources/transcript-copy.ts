// Owns the reading of transcripts copied as text from Teams or Word: "Name   0:03" headers, speakers on their own line,
// "[00:01:02] Name: text".

/** One piece of speech; `start`/`end` are `hh:mm:ss.mmm`, or "" when the copy gives no time. */
export interface SpeechSegment {
  speaker: string | null;
  text: string;
  start: string;
  end: string;
}

// A time as copies write it: "0:03", "12:04", "1:02:15", "00:01:02.500", "0:0:4.5".
const TIME = String.raw`\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d{1,3})?`;
// A person as transcripts name them: capitalised words (particles and initials allowed), an optional number
// ("Intervenant 2"), and Teams' decorations "(MAIF)", "[Invité]"; "Dupont, Nathalie" too.
const WORD = String.raw`\p{Lu}[\p{L}\p{M}'’\-]*\.?`;
const PARTICLE = String.raw`(?:de|du|des|la|le|d['’]|van|von|der|den|di|da|dos|del|el|al|ben|bin)`;
const NAME = String.raw`${WORD}(?:,?[ \t]+(?:${WORD}|${PARTICLE}|\d{1,3}))*(?:[ \t]*(?:\([^()\n]{1,40}\)|\[[^\[\]\n]{1,40}\]))*`;
const NAME_RE = new RegExp(`^(${NAME})$`, "u");
const NAME_COLON_RE = new RegExp(`^(${NAME})[ \\t]*:$`, "u");
// "Karim Benali   0:03" (Teams' Word download), "[Karim Benali] 10:02:15" (Zoom), "0:03 Karim Benali".
const NAME_TIME_RE = new RegExp(
  `^(?:\\[(${NAME})\\]|(${NAME}))[ \\t]+\\[?(${TIME})\\]?$|^\\[?(${TIME})\\]?[ \\t]+(${NAME})$`,
  "u",
);
// "[00:01:02] Name: text", "(00:01:02) Name : text", "00:01:02 Name: text", and "Name: text" without a time.
const PREFIX_RE = new RegExp(`^(?:[\\[(]?(${TIME})[\\])]?[ \\t]+(?:-[ \\t]+)?)?(${NAME})[ \\t]?:[ \\t]+(\\S.*)$`, "u");
const TIME_LINE_RE = new RegExp(`^[\\[(]?(${TIME})[\\])]?$`, "u");
const LOOSE_TIMING_RE = new RegExp(`^(${TIME})[ \\t]*-->[ \\t]*(${TIME})(?:[ \\t].*)?$`, "u");
// Teams' notices inside the transcript: not speech.
const NOTICE_RE =
  /(?:a (?:démarré|arrêté|commencé|lancé) la transcription|(?:started|stopped) transcription|a rejoint la réunion|joined the meeting|a quitté la réunion|left the meeting)\.?$/iu;
// Words that stand alone on a line as speech, not as a speaker's name.
const INTERJECTIONS = new Set([
  "bonjour",
  "bonsoir",
  "merci",
  "oui",
  "non",
  "ok",
  "okay",
  "d'accord",
  "d’accord",
  "voilà",
  "voila",
  "parfait",
  "allô",
  "allo",
  "bien",
  "entendu",
  "super",
  "exactement",
  "absolument",
  "pardon",
  "hello",
  "yes",
  "no",
  "thanks",
  "right",
  "sure",
  "alors",
  "donc",
  "ah",
  "oh",
  "euh",
  "hum",
  "bref",
  "enfin",
  "certes",
  "génial",
  "excellent",
  "tout à fait",
  "très bien",
  "bonne journée",
  "au revoir",
  "à bientôt",
]);

const squash = (text: string) => text.replace(/\s+/gu, " ").trim();

/** "0:03" → "00:00:03.000", "1:02:15" → "01:02:15.000". */
export function normaliseCopyTime(raw: string): string {
  const [clock = "", fraction = ""] = raw.split(/[.,]/u);
  const parts = clock.split(":").map((p) => p.padStart(2, "0"));
  while (parts.length < 3) parts.unshift("00");
  return `${parts.join(":")}.${fraction.padEnd(3, "0").slice(0, 3)}`;
}

function isNameLike(line: string): boolean {
  if (line.length > 60 || INTERJECTIONS.has(line.toLowerCase().replace(/[.!?…]+$/u, ""))) return false;
  return NAME_RE.test(line);
}

interface Line {
  readonly kind: "blank" | "notice" | "timing" | "time" | "nameTime" | "prefix" | "name" | "nameColon" | "text";
  readonly text: string;
  readonly speaker?: string;
  readonly time?: string;
}

function classify(raw: string): Line {
  const text = raw.trim();
  if (text === "") return { kind: "blank", text };
  if (NOTICE_RE.test(text) && text.length < 120) return { kind: "notice", text };
  const timing = LOOSE_TIMING_RE.exec(text);
  if (timing) return { kind: "timing", text, time: normaliseCopyTime(timing[1] ?? "") };
  const time = TIME_LINE_RE.exec(text);
  if (time) return { kind: "time", text, time: normaliseCopyTime(time[1] ?? "") };
  if (text.length <= 100) {
    const header = NAME_TIME_RE.exec(text);
    const headerName = header?.[1] ?? header?.[2] ?? header?.[5];
    if (header && headerName && !INTERJECTIONS.has(headerName.toLowerCase())) {
      return {
        kind: "nameTime",
        text,
        speaker: squash(headerName),
        time: normaliseCopyTime(header[3] ?? header[4] ?? ""),
      };
    }
  }
  if (text.length <= 62) {
    const colon = NAME_COLON_RE.exec(text);
    if (colon && !INTERJECTIONS.has((colon[1] ?? "").toLowerCase()))
      return { kind: "nameColon", text, speaker: squash(colon[1] ?? "") };
    if (isNameLike(text)) return { kind: "name", text, speaker: squash(text) };
  }
  const prefix = PREFIX_RE.exec(text);
  if (prefix && (prefix[2] ?? "").length <= 60) {
    return {
      kind: "prefix",
      text: prefix[3] ?? "",
      speaker: squash(prefix[2] ?? ""),
      ...(prefix[1] ? { time: normaliseCopyTime(prefix[1]) } : {}),
    };
  }
  return { kind: "text", text };
}

/** The name lines that really name a speaker: with a colon, repeated, or opening a paragraph of speech. */
function confirmedSpeakers(lines: readonly Line[]): Set<string> {
  const counts = new Map<string, number>();
  for (const line of lines)
    if (line.kind === "name" && line.speaker) counts.set(line.speaker, (counts.get(line.speaker) ?? 0) + 1);
  const confirmed = new Set<string>();
  lines.forEach((line, i) => {
    if (!line.speaker || (line.kind !== "name" && line.kind !== "nameColon")) return;
    let k = i + 1;
    while (lines[k]?.kind === "time" || lines[k]?.kind === "timing") k += 1;
    const next = lines[k];
    const isFollowedBySpeech =
      next !== undefined &&
      (next.kind === "text" ||
        next.kind === "prefix" ||
        (next.kind === "name" && (counts.get(next.speaker ?? "") ?? 0) < 2));
    if (!isFollowedBySpeech) return;
    const previous = lines[i - 1];
    const opensParagraph =
      previous === undefined || previous.kind === "blank" || previous.kind === "time" || previous.kind === "timing";
    const words = line.speaker.split(/\s+/u).length;
    if (line.kind === "nameColon" || (counts.get(line.speaker) ?? 0) >= 2 || (opensParagraph && words >= 2))
      confirmed.add(line.speaker);
  });
  return confirmed;
}

/**
 * Reads a transcript copied as text (not WebVTT): Teams' Word download ("Name   0:03" then the speech), a speaker on
 * their own line followed by their lines (optionally "Name :" and a time line), "[00:01:02] Name: text" lines, and
 * Teams' older copy (a timing line, the speaker, the speech). Notices ("… a démarré la transcription") are dropped, and
 * so are the title lines above the first speaker.
 * @returns the speech in order, or null when the text names no speaker in any of these forms.
 */
export function parseTranscriptCopy(text: string): SpeechSegment[] | null {
  const lines = text
    .replace(/^\uFEFF/u, "")
    .replace(/\r\n?/gu, "\n")
    .split("\n")
    .map(classify);
  const confirmed = confirmedSpeakers(lines);
  const headerCount = lines.filter((l) => l.kind === "nameTime").length;
  const prefixCount = lines.filter((l) => l.kind === "prefix").length;
  const timedPrefixCount = lines.filter((l) => l.kind === "prefix" && l.time).length;
  const nameCount = lines.filter(
    (l) => (l.kind === "name" || l.kind === "nameColon") && confirmed.has(l.speaker ?? ""),
  ).length;
  const contentCount = lines.filter((l) => l.kind !== "blank" && l.kind !== "notice").length;
  // "Name: text" without times is a transcript only when such lines make most of the text.
  const hasPrefixes = timedPrefixCount >= 2 || (prefixCount >= 2 && prefixCount * 2 >= contentCount);
  if (headerCount === 0 && nameCount < 2 && !hasPrefixes) return null;

  const segments: SpeechSegment[] = [];
  let current = null as SpeechSegment | null;
  let pendingTime = "";
  const open = (speaker: string | null, start: string): SpeechSegment => {
    const segment: SpeechSegment = { speaker, text: "", start, end: start };
    segments.push(segment);
    current = segment;
    return segment;
  };
  for (const line of lines) {
    switch (line.kind) {
      case "blank":
      case "notice":
        continue;
      case "timing":
      case "time":
        pendingTime = line.time ?? "";
        if (current && current.text !== "" && line.kind === "timing") current = null;
        continue;
      case "nameTime":
        open(line.speaker ?? null, line.time ?? "");
        continue;
      case "name":
      case "nameColon":
        if (confirmed.has(line.speaker ?? "")) {
          open(line.speaker ?? null, pendingTime);
          pendingTime = "";
          continue;
        }
        break;
      case "prefix":
        if (hasPrefixes) {
          open(line.speaker ?? null, line.time ?? pendingTime).text = squash(line.text);
          pendingTime = "";
          continue;
        }
        break;
      case "text":
        break;
    }
    // Speech: it continues the current speaker; above the first speaker it is the copy's title, dropped.
    const speech = line.kind === "prefix" ? `${line.speaker ?? ""}: ${line.text}` : line.text;
    if (segments.length === 0) continue;
    const target: SpeechSegment = current ?? open(null, pendingTime);
    if (pendingTime !== "" && target.start === "") target.start = pendingTime;
    target.text = target.text === "" ? squash(speech) : `${target.text} ${squash(speech)}`;
    pendingTime = "";
  }
  const spoken = segments.filter((s) => s.text !== "");
  return spoken.some((s) => s.speaker !== null) ? spoken : null;
}
