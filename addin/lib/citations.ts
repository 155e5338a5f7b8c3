// Owns the reading of a generation's citations against the draft as edited: which sentence the caret is in, and the
// lines it cites.
import type { Citation, CitationRef } from "../../src/provenance/citations";

// The shapes the alignment in src/ produces; type-only, so the alignment code itself stays out of the pane.
export type { Citation, CitationRef };

/** A cited line, ready to show. */
export interface CitedLine extends CitationRef {
  readonly text: string;
}

const isRef = (v: unknown): v is CitationRef =>
  typeof v === "object" &&
  v !== null &&
  ((v as CitationRef).in === "notes" || (v as CitationRef).in === "source") &&
  Number.isInteger((v as CitationRef).line);

/** The well-formed citations of an answer (the pane's guards do not check this optional field). */
export function citationsOf(value: unknown): Citation[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (c): c is Citation =>
      typeof c === "object" &&
      c !== null &&
      Number.isInteger(c.start) &&
      Number.isInteger(c.end) &&
      Array.isArray(c.refs) &&
      c.refs.every(isRef),
  );
}

/**
 * The citation of the sentence holding `caret` in the edited `text`. Offsets are the generated draft's: each sentence
 * is found again in the edited text (at its place if unmoved, else its nearest occurrence); an edited sentence no
 * longer cites anything.
 */
export function citationAt(
  citations: readonly Citation[],
  draft: string,
  text: string,
  caret: number,
): Citation | null {
  let best: { citation: Citation; distance: number } | null = null;
  for (const citation of citations) {
    const sentence = draft.slice(citation.start, citation.end);
    if (sentence.trim() === "") continue;
    let at = text.startsWith(sentence, citation.start) ? citation.start : -1;
    if (at === -1) {
      // Nearest occurrence to the original place: the adviser's edits above it shifted it.
      for (let i = text.indexOf(sentence); i !== -1; i = text.indexOf(sentence, i + 1)) {
        if (at === -1 || Math.abs(i - citation.start) < Math.abs(at - citation.start)) at = i;
      }
    }
    if (at === -1 || caret < at || caret > at + sentence.length) continue;
    const distance = Math.abs(at - citation.start);
    if (!best || distance < best.distance) best = { citation, distance };
  }
  return best?.citation ?? null;
}

/** The lines a citation refers to, from the notes and source as sent; lines that no longer exist are left out. */
export function citedLines(citation: Citation, notes: string, source: string | undefined): CitedLine[] {
  const notesLines = notes.split(/\r\n?|\n/);
  const sourceLines = source?.split(/\r\n?|\n/) ?? [];
  return citation.refs
    .map((ref) => ({ ...ref, text: ((ref.in === "notes" ? notesLines : sourceLines)[ref.line - 1] ?? "").trim() }))
    .filter((line) => line.text !== "");
}
