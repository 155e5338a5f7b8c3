// Owns what the draft area shows for a phase: the clean text, its marks and sections, the extraction form, and the
// lines cited by the sentence at the caret.
import { useMemo, useState } from "react";
import type { TaskId } from "../../../src/tasks/catalogue";
import { presentableText } from "../../lib/clean-generation";
import { citationAt, citationsOf, citedLines, type CitedLine } from "../../lib/citations";
import { headingRanges } from "../../lib/draft-blocks";
import type { DraftPhase } from "../../lib/draft-session";
import { sectionTitles } from "../../lib/export-name";
import { formFields, type FormField } from "../../lib/extraction-form";
import { highlightRanges, type FlagState, type HighlightRange } from "../../lib/flags";
import type { TextSpan } from "./highlight-segments";

/** The notes and source the draft was written from, whose lines its citations number. */
export interface CitedInputs {
  readonly notes: string;
  readonly source?: string | undefined;
}

/** The draft area of one phase, derived. */
export interface DraftView {
  readonly text: string;
  readonly flags: readonly FlagState[];
  readonly ranges: readonly HighlightRange[];
  readonly headings: readonly TextSpan[];
  /** Extraction: the form's values by field path (the draft is then edited as a form, not as text). */
  readonly fieldValues: Readonly<Record<string, string>> | undefined;
  readonly form: readonly FormField[];
  readonly hasCitations: boolean;
  /** The lines behind the sentence at the caret; null when the caret is in none. */
  readonly citedNow: readonly CitedLine[] | null;
  readonly hasCaret: boolean;
  readonly setCaret: (offset: number) => void;
}

// One empty list, so the highlight memo holds while no flag exists yet.
const NO_FLAGS: readonly FlagState[] = [];

/** Derives the draft area from the phase; keeps the caret, which only the citations read. */
export function useDraftView(phase: DraftPhase, task: TaskId, cited: CitedInputs): DraftView {
  const [caret, setCaret] = useState<number | null>(null);
  // The stream arrives as the model's Markdown: shown clean as it comes (and when cut short), as it is once done.
  const isRaw = phase.kind === "streaming" || phase.kind === "failed" || phase.kind === "cancelled";
  const text = phase.kind === "idle" ? "" : isRaw ? presentableText(phase.text) : phase.text;
  const isReviewed = phase.kind === "review" || phase.kind === "saved";
  const flags = isReviewed ? phase.flags : NO_FLAGS;
  const generation = isReviewed ? phase.generation : null;
  const fieldValues = isReviewed ? phase.fields : undefined;
  const ranges = useMemo(() => highlightRanges(flags, text), [flags, text]);
  const headings = useMemo(
    () => headingRanges(text, { headings: sectionTitles(task, generation?.template) }),
    [text, task, generation],
  );
  const form = useMemo(() => (fieldValues ? formFields(generation?.extraction) : []), [fieldValues, generation]);
  const citations = useMemo(() => citationsOf(generation?.citations), [generation]);
  const citation = generation && caret !== null ? citationAt(citations, generation.draft, text, caret) : null;
  const citedNow = citation ? citedLines(citation, cited.notes, cited.source) : null;
  return {
    text,
    flags,
    ranges,
    headings,
    fieldValues,
    form,
    hasCitations: generation !== null && citations.length > 0,
    citedNow,
    hasCaret: caret !== null,
    setCaret,
  };
}
