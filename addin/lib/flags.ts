// Owns the rules of ungrounded figures in the review: where they are in the edited text, and when each is handled.
import type { UngroundedFigure } from "../../src/schemas/generation";

/** Where the adviser stands on one flagged figure: not yet checked, confirmed as written, or corrected. */
export type FlagStatus = "pending" | "confirmed" | "corrected";

/** One figure the server could not find in the notes, and what the adviser did with it. */
export interface FlagState {
  readonly id: number;
  readonly figure: UngroundedFigure;
  readonly status: FlagStatus;
  /** The value typed by the adviser when corrected. */
  readonly correction?: string;
}

/** A stretch of the draft to highlight. */
export interface HighlightRange {
  readonly start: number;
  readonly end: number;
  readonly flagId: number;
}

/** Fresh flags for a generation's figures. */
export function initialFlags(figures: readonly UngroundedFigure[]): FlagState[] {
  return figures.map((figure, id) => ({ id, figure, status: "pending" }));
}

/** Whether the figure still appears in the text (the adviser may have rewritten it away). */
export function isInText(flag: FlagState, text: string): boolean {
  return flag.figure.text !== "" && text.includes(flag.figure.text);
}

/** A flag is handled once confirmed or corrected, or when the figure no longer appears in the text (figures only). */
export function isHandled(flag: FlagState, text: string): boolean {
  // An extracted field's value is checked in the form: only a confirmation or a correction clears it.
  if (flag.figure.field !== undefined) return flag.status !== "pending";
  return flag.status !== "pending" || !isInText(flag, text);
}

/** Number of flags still waiting for the adviser. */
export function pendingCount(flags: readonly FlagState[], text: string): number {
  return flags.filter((f) => !isHandled(f, text)).length;
}

/** Every occurrence of every pending figure, sorted and without overlaps, for the highlight layer. */
export function highlightRanges(flags: readonly FlagState[], text: string): HighlightRange[] {
  const ranges: HighlightRange[] = [];
  for (const flag of flags) {
    if (flag.status !== "pending" || flag.figure.text === "") continue;
    for (
      let at = text.indexOf(flag.figure.text);
      at !== -1;
      at = text.indexOf(flag.figure.text, at + flag.figure.text.length)
    ) {
      ranges.push({ start: at, end: at + flag.figure.text.length, flagId: flag.id });
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: HighlightRange[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (!last || r.start >= last.end) merged.push(r);
  }
  return merged;
}

/**
 * Replaces the flagged figure with the adviser's value: at the server's offsets while they still match,
 * else at its first occurrence (the text may have been edited since).
 */
export function applyCorrection(text: string, figure: UngroundedFigure, value: string): string {
  const { start, end } = figure;
  if (start !== undefined && end !== undefined && text.slice(start, end) === figure.text) {
    return text.slice(0, start) + value + text.slice(end);
  }
  const at = text.indexOf(figure.text);
  return at === -1 ? text : text.slice(0, at) + value + text.slice(at + figure.text.length);
}

/** A few words either side of the figure's first occurrence, within its line, so the list can say where it is. */
export function contextOf(
  flag: FlagState,
  text: string,
  radius = 32,
): { before: string; match: string; after: string } | null {
  const at = text.indexOf(flag.figure.text);
  if (at === -1 || flag.figure.text === "") return null;
  const end = at + flag.figure.text.length;
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const lineEnd = text.indexOf("\n", end) === -1 ? text.length : text.indexOf("\n", end);
  const from = Math.max(lineStart, at - radius);
  const to = Math.min(lineEnd, end + radius);
  return {
    before: (from > lineStart ? "…" : "") + text.slice(from, at).replace(/^\s*(?:[-*•]|#+)\s+/, ""),
    match: flag.figure.text,
    after: text.slice(end, to) + (to < lineEnd ? "…" : ""),
  };
}
