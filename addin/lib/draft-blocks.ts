// Owns the reading of a draft (light Markdown from a model, or the clean text the editor shows) into blocks every
// exporter shares.
import { TASKS, TEMPLATES } from "../../src/tasks/catalogue";

/** A run of text inside a block; `isBold` comes from `**…**`, `isItalic` from `*…*` or `_…_`. */
export interface Run {
  readonly text: string;
  readonly isBold: boolean;
  readonly isItalic?: boolean;
}

/** One block of the draft, in reading order. */
export type Block =
  | { readonly type: "heading"; readonly level: 1 | 2 | 3; readonly runs: readonly Run[] }
  | { readonly type: "paragraph"; readonly lines: readonly (readonly Run[])[] }
  | {
      readonly type: "list";
      /** Numbered (`1.`, `2)`) rather than bulleted. */
      readonly isOrdered?: boolean;
      readonly items: readonly (readonly Run[])[];
      /** Nesting of each item (0 at the margin), from its indentation. */
      readonly levels?: readonly number[];
    };

/** What the reader may know besides the text: the section titles of the task, which are headings in clean text. */
export interface BlockOptions {
  /** Every task's and template's section titles when absent (a mail body written without knowing the task). */
  readonly headings?: readonly string[];
}

/** The section titles of every task and template of the catalogue. */
const ALL_SECTION_TITLES: readonly string[] = [...Object.values(TASKS), ...Object.values(TEMPLATES)].flatMap((d) =>
  d.sections.map((s) => s.title),
);

const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const BULLET = /^(\s*)[-*+•◦▪]\s+(.*)$/;
const NUMBERED = /^(\s*)\d{1,3}[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}(?:>\s?)+/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const FENCE = /^\s{0,3}(?:```|~~~)/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/;

/**
 * Inline emphasis a model writes: ***both***, **bold**, __bold__, *italic*, _italic_ (not inside a word, so
 * snake_case and 2*3 stay), `code`. Groups: 1-2 both, 3-4 bold, 5 *italic*, 6 _italic_, 7 code.
 */
const EMPHASIS =
  /(\*\*\*|___)(?!\s)(.+?)(?<!\s)\1|(\*\*|__)(?!\s)(.+?)(?<!\s)\3|(?<![\p{L}\p{N}*\\])\*(?![\s*])(.+?)(?<![\s*\\])\*(?![\p{L}\p{N}*])|(?<![\p{L}\p{N}_\\])_(?![\s_])(.+?)(?<![\s_])_(?![\p{L}\p{N}_])|`([^`\n]+)`/gu;

/** Removes what is left of emphasis markers once the pairs were read: a lone `**` or `__` is never meant to be seen. */
function dropStrayMarkers(text: string): string {
  return text.replace(/\*{2,}|_{2,}(?=\s|$)|(?<=^|\s)_{2,}/g, "").replace(/\\([*_#`>\\])/g, "$1");
}

/** Splits emphasis markers into runs; unmatched double markers are dropped, other characters stay as typed. */
export function toRuns(line: string): Run[] {
  const runs: Run[] = [];
  let last = 0;
  const plain = (text: string): void => {
    const cleaned = dropStrayMarkers(text);
    if (cleaned !== "") runs.push({ text: cleaned, isBold: false });
  };
  for (const match of line.matchAll(EMPHASIS)) {
    if (match.index > last) plain(line.slice(last, match.index));
    if (match[2] !== undefined) runs.push({ text: dropStrayMarkers(match[2]), isBold: true, isItalic: true });
    else if (match[4] !== undefined) runs.push({ text: dropStrayMarkers(match[4]), isBold: true });
    else if (match[5] !== undefined || match[6] !== undefined)
      runs.push({ text: dropStrayMarkers(match[5] ?? match[6] ?? ""), isBold: false, isItalic: true });
    else runs.push({ text: match[7] ?? "", isBold: false });
    last = match.index + match[0].length;
  }
  if (last < line.length) plain(line.slice(last));
  return runs;
}

const normaliseHeading = (text: string): string =>
  text
    .replace(/[\s:.]+$/u, "")
    .trim()
    .toLocaleLowerCase("fr");

/**
 * Whether a line of clean text is a heading: a known section title, or a short line that opens a block and is
 * directly followed by a list (as "Suites à donner" above its bullets), ending with no sentence punctuation.
 */
function isCleanHeading(
  line: string,
  next: string | undefined,
  isBlockStart: boolean,
  known: ReadonlySet<string>,
): boolean {
  const text = line.trim();
  if (!isBlockStart || text === "" || text.length > 90) return false;
  if (known.has(normaliseHeading(text))) return true;
  if (/[.,;!?…]$/u.test(text)) return false;
  return next !== undefined && (BULLET.test(next) || NUMBERED.test(next));
}

/** Reads the draft into headings, paragraphs (lines kept) and lists (bulleted or numbered, nested by indentation). */
export function toBlocks(draft: string, options: BlockOptions = {}): Block[] {
  const known = new Set((options.headings ?? ALL_SECTION_TITLES).map(normaliseHeading));
  const blocks: Block[] = [];
  let paragraph: Run[][] | null = null;
  let list: { isOrdered: boolean; items: Run[][]; levels: number[] } | null = null;
  const flush = (): void => {
    if (paragraph) blocks.push({ type: "paragraph", lines: paragraph });
    if (list) blocks.push({ type: "list", isOrdered: list.isOrdered, items: list.items, levels: list.levels });
    paragraph = null;
    list = null;
  };
  const lines = draft.replace(/\r\n?/g, "\n").split("\n");
  let isInFence = false;
  let previousBlank = true;
  for (const [index, raw] of lines.entries()) {
    if (FENCE.test(raw)) {
      isInFence = !isInFence;
      continue;
    }
    const line = (isInFence ? raw : raw.replace(QUOTE, "")).trimEnd();
    const isBlockStart = previousBlank;
    previousBlank = line.trim() === "";
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (line.trim() === "" || RULE.test(line) || TABLE_RULE.test(line)) {
      flush();
      previousBlank = true;
    } else if (heading) {
      flush();
      const level = Math.min(Math.max((heading[1] ?? "#").length - 1, 1), 3) as 1 | 2 | 3;
      blocks.push({ type: "heading", level, runs: toRuns((heading[2] ?? "").trim()) });
      previousBlank = true;
    } else if (bullet || numbered) {
      const match = (bullet ?? numbered) as RegExpExecArray;
      const isOrdered = numbered !== null;
      if (paragraph || (list && list.isOrdered !== isOrdered && (match[1] ?? "").length === 0)) flush();
      list ??= { isOrdered, items: [], levels: [] };
      list.items.push(toRuns(match[2] ?? ""));
      list.levels.push(Math.min(Math.floor((match[1] ?? "").replace(/\t/g, "    ").length / 2), 2));
    } else if (isCleanHeading(line, lines[index + 1], isBlockStart, known)) {
      flush();
      blocks.push({ type: "heading", level: 1, runs: toRuns(line.trim()) });
      previousBlank = true;
    } else {
      if (list) flush();
      paragraph ??= [];
      // A table row reads as its cells, separated.
      const text = /^\s*\|.*\|\s*$/.test(line)
        ? line
            .trim()
            .replace(/^\||\|$/g, "")
            .split("|")
            .map((c) => c.trim())
            .join(" · ")
        : line.trim();
      paragraph.push(toRuns(text));
    }
  }
  flush();
  return blocks;
}

/**
 * Where the headings of a clean text are (offsets of each heading line), by the same rules as `toBlocks`: the
 * editor marks them so the draft reads as sections while it stays plain text.
 */
export function headingRanges(text: string, options: BlockOptions = {}): { start: number; end: number }[] {
  const known = new Set((options.headings ?? ALL_SECTION_TITLES).map(normaliseHeading));
  const lines = text.split("\n");
  const out: { start: number; end: number }[] = [];
  let offset = 0;
  let previousBlank = true;
  for (const [index, line] of lines.entries()) {
    const start = offset;
    offset += line.length + 1;
    const isBlank = line.trim() === "";
    const isList = BULLET.test(line) || NUMBERED.test(line);
    if (!isBlank && (HEADING.test(line) || (!isList && isCleanHeading(line, lines[index + 1], previousBlank, known)))) {
      out.push({ start, end: start + line.trimEnd().length });
      previousBlank = true;
      continue;
    }
    previousBlank = isBlank;
  }
  return out;
}

/** The text a reader sees, without Markdown markers (plain-text bodies, clipboard). */
export function toPlainText(draft: string, footer?: string | null, options: BlockOptions = {}): string {
  const text = (runs: readonly Run[]): string => runs.map((r) => r.text).join("");
  const lines = toBlocks(draft, options).map((block) => {
    switch (block.type) {
      case "heading":
        return text(block.runs);
      case "paragraph":
        return block.lines.map(text).join("\n");
      case "list":
        return block.items
          .map(
            (item, i) => `${"  ".repeat(block.levels?.[i] ?? 0)}${block.isOrdered ? `${i + 1}.` : "•"} ${text(item)}`,
          )
          .join("\n");
    }
  });
  if (footer) lines.push(footer);
  return lines.join("\n\n");
}

/** A draft made clean for the editor, and where each offset of the Markdown went. */
export interface CleanDraft {
  readonly text: string;
  /** The offset in `text` of the character at `offset` in the Markdown (or of the next one kept). */
  at(offset: number): number;
}

/**
 * The draft as a finished plain text, line for line: heading and quote markers, emphasis pairs, rules and fences
 * removed, bullets shown as "•". Lines are neither added nor merged, so the editor's caret, the cited lines and
 * the highlighted figures can be followed from the model's Markdown to what the adviser sees (`at`).
 */
export function cleanDraft(markdown: string): CleanDraft {
  const source = markdown.replace(/\r\n?/g, "\n");
  const drop = new Uint8Array(source.length);
  const replace = new Map<number, string>();
  let offset = 0;
  let isInFence = false;
  for (const line of source.split("\n")) {
    const start = offset;
    offset += line.length + 1;
    const dropRange = (from: number, to: number): void => {
      drop.fill(1, start + from, start + to);
    };
    if (FENCE.test(line)) {
      isInFence = !isInFence;
      dropRange(0, line.length);
      continue;
    }
    if (isInFence) continue;
    if (RULE.test(line) || TABLE_RULE.test(line)) {
      dropRange(0, line.length);
      continue;
    }
    let body = 0;
    const quote = QUOTE.exec(line);
    if (quote) {
      dropRange(0, quote[0].length);
      body = quote[0].length;
    }
    const rest = line.slice(body);
    const heading = /^(\s{0,3}#{1,6}\s+)(.*?)(\s+#+)?\s*$/.exec(rest);
    if (heading) {
      dropRange(body, body + (heading[1] ?? "").length);
      if (heading[3]) dropRange(body + (heading[1] ?? "").length + (heading[2] ?? "").length, line.length);
      body += (heading[1] ?? "").length;
    } else {
      const bullet = /^(\s*)([-*+])(\s+)/.exec(rest);
      if (bullet) {
        replace.set(start + body + (bullet[1] ?? "").length, "•");
        body += bullet[0].length;
      }
    }
    const content = line.slice(body);
    for (const match of content.matchAll(EMPHASIS)) {
      const at = body + match.index;
      const marker = match[1] ?? match[3] ?? (match[5] !== undefined ? "*" : match[6] !== undefined ? "_" : "`");
      dropRange(at, at + marker.length);
      dropRange(at + match[0].length - marker.length, at + match[0].length);
    }
    // Lone double markers left over (an unclosed **) are never meant to be seen.
    for (const match of content.matchAll(/\*{2,}/g)) {
      const at = body + match.index;
      if (!drop[start + at]) dropRange(at, at + match[0].length);
    }
  }
  const positions = new Uint32Array(source.length + 1);
  let text = "";
  for (let i = 0; i < source.length; i++) {
    positions[i] = text.length;
    if (drop[i]) continue;
    text += replace.get(i) ?? source[i];
  }
  positions[source.length] = text.length;
  return { text, at: (o) => positions[Math.max(0, Math.min(o, source.length))] ?? text.length };
}
