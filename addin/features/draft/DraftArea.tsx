// Owns the draft area of the review: the text editor (or, for an extraction, its form) and the lines the caret's
// sentence cites.
import type { ReactNode } from "react";
import { useI18n } from "../../hooks/use-i18n";
import type { DraftAction } from "../../lib/draft-session";
import { CitationList } from "./CitationList";
import { DraftEditor } from "./DraftEditor";
import { ExtractionForm } from "./ExtractionForm";
import type { DraftView } from "./use-draft-view";

/** The derived draft, whether it can be edited now, where edits go, and the ids that label it. */
export interface DraftAreaProps {
  readonly view: DraftView;
  readonly isReadOnly: boolean;
  readonly isStreaming: boolean;
  readonly dispatch: (action: DraftAction) => void;
  readonly labelledBy: string;
  /** Id of the flags' count, which describes the editor. */
  readonly summaryId: string;
}

/** The form for an extraction, the editor otherwise; the citations under the editor when the model gave any. */
export function DraftArea({
  view,
  isReadOnly,
  isStreaming,
  dispatch,
  labelledBy,
  summaryId,
}: DraftAreaProps): ReactNode {
  const { t } = useI18n();
  if (view.fieldValues && view.form.length > 0) {
    return (
      <ExtractionForm
        fields={view.form}
        values={view.fieldValues}
        flags={view.flags}
        text={view.text}
        isReadOnly={isReadOnly}
        onChange={(path, value) => dispatch({ type: "edit-field", path, value })}
        onConfirm={(id) => dispatch({ type: "confirm-flag", id })}
        summaryId={summaryId}
      />
    );
  }
  return (
    <>
      <DraftEditor
        value={view.text}
        onChange={(value) => dispatch({ type: "edit", text: value })}
        ranges={view.ranges}
        isReadOnly={isReadOnly}
        isStreaming={isStreaming}
        labelledBy={labelledBy}
        describedBy={view.flags.length > 0 ? summaryId : undefined}
        placeholder={t("ui.draft.placeholder")}
        onCaretChange={view.setCaret}
        headings={view.headings}
      />
      {view.hasCitations && !view.fieldValues ? <CitationList lines={view.citedNow} hasCaret={view.hasCaret} /> : null}
    </>
  );
}
