// Owns the backdrop's content: the draft cut into plain runs and marked spans (section headings, figures to check).
import type { ReactNode } from "react";
import type { HighlightRange } from "../../lib/flags";

/** A span of the text to mark: [start, end) offsets. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * The text with each span (in order, non-overlapping) wrapped by `mark`; spans out of order or past the end are
 * skipped. The trailing space keeps a final empty line as tall in the backdrop as in the textarea.
 */
function marked<S extends TextSpan>(
  value: string,
  spans: readonly S[],
  mark: (span: S, text: string) => ReactNode,
): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at || span.end > value.length) continue;
    out.push(value.slice(at, span.start));
    out.push(mark(span, value.slice(span.start, span.end)));
    at = span.end;
  }
  out.push(`${value.slice(at)} `);
  return out;
}

/** The section heading lines, underlined by `className`. */
export function headingSegments(value: string, headings: readonly TextSpan[], className: string): ReactNode[] {
  return marked(value, headings, (h, text) => (
    <span key={h.start} className={className} data-heading>
      {text}
    </span>
  ));
}

/** The flagged figures, highlighted by `className` and tagged with their flag's id. */
export function flagSegments(value: string, ranges: readonly HighlightRange[], className: string): ReactNode[] {
  return marked(value, ranges, (r, text) => (
    <mark key={`${r.start}-${r.flagId}`} className={className} data-flag={r.flagId}>
      {text}
    </mark>
  ));
}
