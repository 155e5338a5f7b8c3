// Owns the capture side of the pane: task, context, notes (autosaved), optional source, and the Générer button.
import { Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { MAX_NOTES_CHARS } from "../../../src/schemas/limits";
import { useI18n } from "../../hooks/use-i18n";
import { ContextFields } from "./ContextFields";
import { GenerateActions } from "./GenerateActions";
import { NotesField } from "./NotesField";
import { TaskFields } from "./TaskFields";
import type { AutosaveStatus } from "./use-autosave";
import type { Capture } from "./use-capture";
import type { Generate } from "./use-generate";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

/** The capture (owned by the workspace, which saves and sends it) and the state of its draft; the form renders them. */
export interface CaptureFormProps {
  readonly capture: Capture;
  readonly autosave: AutosaveStatus;
  /** Length of the host's text, when it is offered with a checkbox. */
  readonly sourceLength: number | null;
  /** The source panel (transcript, document, mail thread), loaded apart. */
  readonly sourceSlot?: ReactNode;
  readonly generate: Generate;
  readonly isGenerating: boolean;
  readonly hasDraft: boolean;
}

/** The top of the pane, usable on its own before any draft exists. */
export function CaptureForm({
  capture,
  autosave,
  sourceLength,
  sourceSlot,
  generate,
  isGenerating,
  hasDraft,
}: CaptureFormProps): ReactNode {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const number = (n: number): string => n.toLocaleString(locale === "en" ? "en-GB" : "fr-FR");
  const isTooLong = capture.notes.length > MAX_NOTES_CHARS;
  const isEmpty = capture.notes.trim() === "";
  const canGenerate = !isEmpty && !isTooLong && !isGenerating;
  // While generating, the review panel says so; a hint here would appear and vanish above the draft and move it.
  const blocker = isTooLong
    ? t("ui.notes.too_long", { max: number(MAX_NOTES_CHARS) })
    : isEmpty
      ? t("ui.generate.needs_notes")
      : null;

  return (
    <form
      className={styles.form}
      aria-label={t("ui.capture.label")}
      onSubmit={(event) => {
        event.preventDefault();
        if (canGenerate) generate.run();
      }}
      data-testid="capture"
    >
      <TaskFields capture={capture} isDisabled={isGenerating} />
      <ContextFields
        task={capture.task}
        value={capture.context}
        onChange={capture.setContext}
        isDisabled={isGenerating}
      />
      <NotesField notes={capture.notes} onChange={capture.setNotes} autosave={autosave} />
      {sourceSlot}
      {sourceLength !== null ? (
        <Checkbox
          checked={capture.includeSource}
          onChange={(_, data) => capture.setIncludeSource(data.checked === true)}
          label={t("ui.source.include", { count: number(sourceLength) })}
          data-testid="include-source"
        />
      ) : null}
      <GenerateActions generate={generate} canGenerate={canGenerate} blocker={blocker} hasDraft={hasDraft} />
    </form>
  );
}
