// Owns the W3C WebVTT parsing rules: the file parser (signature, blocks, cue timings) and the cue text tokenizer and
// tree.
import { decodeCharacterReference } from "./html-entities";

/** A cue as the WebVTT parser algorithm yields it; times in seconds. */
export interface WebVttCue {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** The raw cue text (tags and references still in it), lines joined by LF. */
  readonly text: string;
}

/** A node of the cue text tree ("WebVTT Node Objects"). */
export type CueNode =
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "timestamp"; readonly seconds: number }
  | {
      readonly kind: "tag";
      readonly name: CueTagName;
      readonly classes: readonly string[];
      readonly annotation?: string;
      readonly children: CueNode[];
    };

export type CueTagName = "c" | "i" | "b" | "u" | "ruby" | "rt" | "v" | "lang";

const KNOWN_TAGS: ReadonlySet<string> = new Set(["c", "i", "b", "u", "ruby", "rt", "v", "lang"]);
// "ASCII whitespace" of the timing rules: space, tab, LF, FF, CR (a vertical tab is not one).
const isTimingSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\f" || c === "\r";
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

/**
 * "Collect a WebVTT timestamp" from `input` at `pos`: `[hh:]mm:ss.ttt`, hours of any length, minutes and seconds of two
 * digits up to 59, milliseconds of three digits.
 * @returns the seconds and the position after the timestamp, or null on failure.
 */
export function collectTimestamp(input: string, pos: number): { seconds: number; next: number } | null {
  let i = pos;
  const digits = () => {
    const from = i;
    while (isDigit(input[i])) i += 1;
    return input.slice(from, i);
  };
  const first = digits();
  if (first === "") return null;
  let hasHours = first.length !== 2 || Number(first) > 59;
  if (input[i] !== ":") return null;
  i += 1;
  const second = digits();
  if (second.length !== 2) return null;
  let hours = 0;
  let minutes: number;
  let seconds: number;
  if (hasHours || input[i] === ":") {
    hasHours = true;
    if (input[i] !== ":") return null;
    i += 1;
    const third = digits();
    if (third.length !== 2) return null;
    hours = Number(first);
    minutes = Number(second);
    seconds = Number(third);
  } else {
    minutes = Number(first);
    seconds = Number(second);
  }
  if (input[i] !== ".") return null;
  i += 1;
  const millis = digits();
  if (millis.length !== 3) return null;
  if (minutes > 59 || seconds > 59) return null;
  // Whole milliseconds, divided once: 100:00:00.001 is exactly the number that literal denotes.
  return { seconds: (hours * 3_600_000 + minutes * 60_000 + seconds * 1000 + Number(millis)) / 1000, next: i };
}

/** "Collect WebVTT cue timings and settings" (settings are read past and not kept: a transcript has no layout). */
function collectTimings(line: string): { start: number; end: number } | null {
  let i = 0;
  while (isTimingSpace(line[i])) i += 1;
  const start = collectTimestamp(line, i);
  if (!start) return null;
  i = start.next;
  while (isTimingSpace(line[i])) i += 1;
  if (line.slice(i, i + 3) !== "-->") return null;
  i += 3;
  while (isTimingSpace(line[i])) i += 1;
  const end = collectTimestamp(line, i);
  if (!end) return null;
  return { start: start.seconds, end: end.seconds };
}

/** The parse of a WebVTT file: its cues, in file order. */
export interface ParsedWebVtt {
  readonly cues: WebVttCue[];
}

/**
 * The WebVTT parser algorithm: NULs become U+FFFD, CR LF and CR become LF, the signature is checked, the header is
 * skipped, then blocks are collected: cues (a timing line on the block's first or second line; a later line holding
 * "-->" ends the block there), and STYLE, REGION and NOTE blocks, which are dropped. A cue whose timings fail is
 * dropped with its whole block. Linear in the input.
 * @returns the cues, or null when the text is not a WebVTT file (bad signature).
 */
export function parseWebVtt(raw: string): ParsedWebVtt | null {
  // The BOM is removed by UTF-8 decoding, before the parser sees the text.
  const input = raw
    .replace(/^\uFEFF/u, "")
    .replace(/\0/gu, "\uFFFD")
    .replace(/\r\n?/gu, "\n");
  if (!input.startsWith("WEBVTT")) return null;
  if (input.length > 6 && ![" ", "\t", "\n"].includes(input[6] ?? "")) return null;

  // Positions are line indices: the algorithm only ever moves by whole lines.
  const lines = input.split("\n");
  let at = 1;
  if (at >= lines.length) return { cues: [] };
  // Header: a block "in header" that a timing line ends, leaving that line to the first cue.
  if (lines[at] !== "") at = collectBlock(lines, at, true).next;
  else at += 1;
  const cues: WebVttCue[] = [];
  let hasSeenCue = false;
  while (at < lines.length && lines[at] === "") at += 1;
  while (at < lines.length) {
    const block = collectBlock(lines, at, false, hasSeenCue);
    if (block.cue) {
      cues.push(block.cue);
      hasSeenCue = true;
    }
    at = block.next;
    while (at < lines.length && lines[at] === "") at += 1;
  }
  return { cues };
}

/** "Collect a WebVTT block" from line `start`: a cue, or nothing (header, comment, style, region, stray text). */
function collectBlock(
  lines: readonly string[],
  start: number,
  inHeader: boolean,
  hasSeenCue = false,
): { cue?: WebVttCue; next: number } {
  let lineCount = 0;
  let previous = start;
  let buffer: string[] = [];
  let hasSeenArrow = false;
  let cue: { id: string; start: number; end: number } | null = null;
  let isStyleOrRegion = false;
  let i = start;
  for (; i < lines.length;) {
    const line = lines[i] ?? "";
    lineCount += 1;
    i += 1;
    if (line.includes("-->")) {
      if (!inHeader && (lineCount === 1 || (lineCount === 2 && !hasSeenArrow))) {
        hasSeenArrow = true;
        previous = i;
        const timings = collectTimings(line);
        cue = timings ? { id: buffer.join("\n"), ...timings } : null;
        buffer = [];
      } else {
        i = previous;
        break;
      }
    } else if (line === "") {
      break;
    } else {
      if (!inHeader && lineCount === 2 && !hasSeenCue && /^(?:STYLE|REGION)[ \t]*$/u.test(buffer.join("\n"))) {
        isStyleOrRegion = true;
        buffer = [];
      }
      buffer.push(line);
      previous = i;
    }
  }
  if (cue && !isStyleOrRegion) return { cue: { ...cue, text: buffer.join("\n") }, next: i };
  return { next: i };
}

// ── Cue text: the tokenizer's states and the tree construction ──

type Token =
  | { type: "string"; value: string }
  | { type: "start"; name: string; classes: string[]; annotation: string }
  | { type: "end"; name: string }
  | { type: "timestamp"; value: string };

/** The cue text tokenizer of the spec, state by state; returns the next token and the position after it. */
function nextToken(input: string, from: number): { token: Token; next: number } {
  let i = from;
  let result = "";
  let buffer = "";
  const classes: string[] = [];
  let state: "data" | "tag" | "startTag" | "startTagClass" | "startTagAnnotation" | "endTag" | "timestampTag" = "data";
  for (;;) {
    const c = input[i];
    switch (state) {
      case "data":
        if (c === "&") {
          const ref = decodeCharacterReference(input, i + 1);
          if (ref) {
            result += ref.text;
            i = ref.next;
          } else {
            result += "&";
            i += 1;
          }
          continue;
        }
        if (c === "<") {
          if (result === "") {
            state = "tag";
            i += 1;
            continue;
          }
          return { token: { type: "string", value: result }, next: i };
        }
        if (c === undefined) return { token: { type: "string", value: result }, next: i };
        result += c;
        i += 1;
        continue;
      case "tag":
        if (c === "\t" || c === "\n" || c === "\f" || c === " ") {
          state = "startTagAnnotation";
        } else if (c === ".") {
          state = "startTagClass";
        } else if (c === "/") {
          state = "endTag";
        } else if (isDigit(c)) {
          result = c ?? "";
          state = "timestampTag";
        } else if (c === ">" || c === undefined) {
          return { token: { type: "start", name: "", classes, annotation: "" }, next: c === ">" ? i + 1 : i };
        } else {
          result = c;
          state = "startTag";
        }
        i += 1;
        continue;
      case "startTag":
        if (c === "\t" || c === "\f" || c === " ") {
          state = "startTagAnnotation";
        } else if (c === "\n") {
          buffer = c;
          state = "startTagAnnotation";
        } else if (c === ".") {
          state = "startTagClass";
        } else if (c === ">" || c === undefined) {
          return { token: { type: "start", name: result, classes, annotation: "" }, next: c === ">" ? i + 1 : i };
        } else {
          result += c;
        }
        i += 1;
        continue;
      case "startTagClass":
        if (c === "\t" || c === "\f" || c === " " || c === "\n") {
          classes.push(buffer);
          buffer = c === "\n" ? c : "";
          state = "startTagAnnotation";
        } else if (c === ".") {
          classes.push(buffer);
          buffer = "";
        } else if (c === ">" || c === undefined) {
          classes.push(buffer);
          return { token: { type: "start", name: result, classes, annotation: "" }, next: c === ">" ? i + 1 : i };
        } else {
          buffer += c;
        }
        i += 1;
        continue;
      case "startTagAnnotation":
        if (c === "&") {
          const ref = decodeCharacterReference(input, i + 1, ">");
          if (ref) {
            buffer += ref.text;
            i = ref.next;
          } else {
            buffer += "&";
            i += 1;
          }
          continue;
        }
        if (c === ">" || c === undefined) {
          const annotation = buffer.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/gu, "").replace(/[\t\n\f\r ]+/gu, " ");
          return { token: { type: "start", name: result, classes, annotation }, next: c === ">" ? i + 1 : i };
        }
        buffer += c;
        i += 1;
        continue;
      case "endTag":
        if (c === ">" || c === undefined) return { token: { type: "end", name: result }, next: c === ">" ? i + 1 : i };
        result += c;
        i += 1;
        continue;
      case "timestampTag":
        if (c === ">" || c === undefined)
          return { token: { type: "timestamp", value: result }, next: c === ">" ? i + 1 : i };
        result += c;
        i += 1;
        continue;
    }
  }
}

interface OpenTag {
  readonly node: Extract<CueNode, { kind: "tag" }>;
  readonly parent: OpenTag | null;
  readonly depth: number;
}

// Tags nested deeper than this are dropped (their text kept): no real cue nests so, and walking the tree stays shallow.
const MAX_TAG_DEPTH = 64;

/**
 * "The WebVTT cue text parsing rules": tokenizes `text` and builds its tree. Known tags (c, i, b, u, ruby, rt inside
 * ruby, v and lang with their annotations) become nodes; unknown tags are dropped and their text kept; an end tag that
 * does not name the current node is ignored ("</c awesome"); timestamps that do not parse are dropped; character
 * references are decoded. Never throws; linear in the text.
 */
export function parseCueText(text: string): CueNode[] {
  const root: CueNode[] = [];
  let current = null as OpenTag | null;
  const append = (node: CueNode) => (current ? current.node.children.push(node) : root.push(node));
  let i = 0;
  while (i < text.length) {
    const { token, next } = nextToken(text, i);
    // Every token consumes at least one character, so the loop ends.
    i = next > i ? next : i + 1;
    switch (token.type) {
      case "string":
        if (token.value !== "") append({ kind: "text", value: token.value });
        break;
      case "start": {
        if (!KNOWN_TAGS.has(token.name)) break;
        if (token.name === "rt" && current?.node.name !== "ruby") break;
        if ((current?.depth ?? 0) >= MAX_TAG_DEPTH) break;
        const hasAnnotation = (token.name === "v" || token.name === "lang") && token.annotation !== "";
        const node: Extract<CueNode, { kind: "tag" }> = {
          kind: "tag",
          name: token.name as CueTagName,
          classes: token.classes.filter((c) => c !== ""),
          ...(hasAnnotation ? { annotation: token.annotation } : {}),
          children: [],
        };
        append(node);
        current = { node, parent: current, depth: (current?.depth ?? 0) + 1 };
        break;
      }
      case "end":
        if (current && token.name === current.node.name) current = current.parent;
        else if (current && token.name === "ruby" && current.node.name === "rt")
          current = current.parent?.parent ?? null;
        break;
      case "timestamp": {
        const stamp = collectTimestamp(token.value, 0);
        if (stamp && stamp.next === token.value.length) append({ kind: "timestamp", seconds: stamp.seconds });
        break;
      }
    }
  }
  return root;
}

/** The plain text of a cue text tree: its text nodes in order. */
export function cueTextOf(nodes: readonly CueNode[]): string {
  let out = "";
  const walk = (list: readonly CueNode[]) => {
    for (const node of list) {
      if (node.kind === "text") out += node.value;
      else if (node.kind === "tag") walk(node.children);
    }
  };
  walk(nodes);
  return out;
}
