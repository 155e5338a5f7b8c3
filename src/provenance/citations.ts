// Owns citations: each sentence of a draft linked to the note lines or source lines (transcript turns) it draws on.

/** Where a sentence comes from: a line (1-based) of the notes or of the source. */
export interface CitationRef {
  readonly in: "notes" | "source";
  readonly line: number;
}

export interface Citation {
  /** Offsets of the sentence in the draft. */
  readonly start: number;
  readonly end: number;
  readonly refs: readonly CitationRef[];
}

const STOPWORDS = new Set(
  "les des une un le la de du et en au aux pour par sur avec dans que qui est sont été était ses son sa leur leurs nous vous ils elles elle il ce cette ces pas plus très tout tous être avoir fait faire mais ont non oui donc car comme aussi après avant entre sans sous chez lors vers".split(
    " ",
  ),
);

/** Content words and figures of a text, accent- and case-insensitive. */
function tokens(text: string): Set<string> {
  const out = new Set<string>();
  const normalised = text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  for (const match of normalised.matchAll(/[\p{L}]{3,}|\d+(?:[.,/]\d+)*/gu)) {
    const word = match[0];
    if (!STOPWORDS.has(word)) out.add(word);
  }
  return out;
}

const ABBREVIATION = /(?:^|[\s(])(?:M|Mme|Mlle|MM|Dr|Me|St|n°|av|bd|véh|immat|env|cf|etc)\.$/u;

/** Sentences of a draft with their offsets; headings, notices and empty lines are not cited. */
export function splitSentences(draft: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  const push = (from: number, to: number) => {
    let a = from;
    let b = to;
    while (a < b && /[\s\-*•]/u.test(draft[a] ?? "")) a += 1;
    while (b > a && /\s/u.test(draft[b - 1] ?? "")) b -= 1;
    if (b - a >= 3) out.push({ start: a, end: b, text: draft.slice(a, b) });
  };
  let offset = 0;
  for (const line of draft.split("\n")) {
    const lineStart = offset;
    offset += line.length + 1;
    if (/^\s*(?:#|>|_|$)/u.test(line)) continue;
    let sentenceStart = lineStart;
    for (let i = 0; i < line.length; i += 1) {
      if (!".!?".includes(line[i] ?? "")) continue;
      // A sentence ends at . ! ? followed by a space, never inside a number (389.90) nor after M. or Mme.
      const isEnd = i === line.length - 1 || /\s/u.test(line[i + 1] ?? "");
      if (!isEnd || ABBREVIATION.test(line.slice(0, i + 1))) continue;
      push(sentenceStart, lineStart + i + 1);
      sentenceStart = lineStart + i + 1;
    }
    push(sentenceStart, lineStart + line.length);
  }
  return out;
}

/**
 * Aligns each sentence of `draft` with the lines of `notes` and `source` it shares the most content with.
 * A line is cited when it covers at least a third of the sentence's content words (two at least) or shares a figure.
 */
export function citeSentences(draft: string, notes: string, source = "", maxRefs = 3): Citation[] {
  const lines = [
    ...notes.split("\n").map((text, i) => ({ ref: { in: "notes" as const, line: i + 1 }, tokens: tokens(text) })),
    ...source.split("\n").map((text, i) => ({ ref: { in: "source" as const, line: i + 1 }, tokens: tokens(text) })),
  ].filter((l) => l.tokens.size > 0);
  const citations: Citation[] = [];
  for (const sentence of splitSentences(draft)) {
    const words = tokens(sentence.text);
    if (words.size === 0) continue;
    const scored = lines
      .map((line) => {
        let shared = 0;
        let figures = 0;
        for (const w of words) {
          if (!line.tokens.has(w)) continue;
          shared += 1;
          if (/\d/.test(w)) figures += 1;
        }
        return { ref: line.ref, shared, figures, coverage: shared / words.size };
      })
      .filter((s) => s.figures > 0 || (s.shared >= 2 && s.coverage >= 1 / 3))
      .sort((a, b) => b.coverage - a.coverage || b.figures - a.figures);
    if (scored.length > 0)
      citations.push({ start: sentence.start, end: sentence.end, refs: scored.slice(0, maxRefs).map((s) => s.ref) });
  }
  return citations;
}

/** The draft without citation markers of the form [n3] or [s2] a model might have added (for insert and export). */
export function stripCitationMarkers(text: string): string {
  return text.replace(/\s?\[(?:n|s)\d+(?:,\s?(?:n|s)\d+)*\]/g, "");
}
