// Owns the capture side of the pane: task, context, notes (autosaved), optional source, and the Générer button.
import { Button, Checkbox, Field, makeStyles, Select, Textarea, tokens } from "@fluentui/react-components";
import { SparkleRegular } from "@fluentui/react-icons";
import { useId, type ReactNode } from "react";
import type { GenerationContext } from "../../src/schemas/generation";
import { MAX_NOTES_CHARS } from "../../src/schemas/limits";
import { TASK_IDS, TASKS, TEMPLATE_IDS, TEMPLATES, isTaskId, type TaskId, type TemplateId } from "../../src/tasks/catalogue";
import type { AutosaveStatus } from "../hooks/use-autosave";
import { InlineNotice } from "../components/InlineNotice";
import { useI18n } from "../hooks/use-i18n";
import type { DocumentType } from "../../src/extraction/schemas";
import { DOCUMENT_TYPE_IDS } from "../lib/extraction-form";
import { ContextFields } from "./ContextFields";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  notes: { minHeight: "180px" },
  // A native select is as wide as its longest option ("Recueil des exigences et besoins…"): hold it to the pane.
  select: { width: "100%", minWidth: 0, maxWidth: "100%" },
  selectControl: { minWidth: 0, textOverflow: "ellipsis" },
  actions: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground3 },
  // The notes hint changes text at the first autosave ("Enregistrement automatique…" → "Enregistré … à 14:05"): one
  // line per part, never wrapped, so its height stays the same whatever it says and the draft below never moves.
  hintLine: { display: "block", whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
});

/** The capture form's state, owned by the workspace so it can be saved and sent; the form only renders it. */
export interface CaptureFormProps {
  readonly task: TaskId;
  readonly onTaskChange: (task: TaskId) => void;
  /** Insurer template of the task; undefined for the general one. */
  readonly template: TemplateId | undefined;
  readonly onTemplateChange: (template: TemplateId | undefined) => void;
  /** Document extraction: the kind of document, undefined to let the server guess it. */
  readonly documentType: DocumentType | undefined;
  readonly onDocumentTypeChange: (documentType: DocumentType | undefined) => void;
  readonly context: GenerationContext;
  readonly onContextChange: (context: GenerationContext) => void;
  readonly notes: string;
  readonly onNotesChange: (notes: string) => void;
  /** Length of the host's source text, when there is one to attach. */
  readonly sourceLength: number | null;
  readonly includeSource: boolean;
  readonly onIncludeSourceChange: (include: boolean) => void;
  /** The source panel (transcript, document, mail thread), loaded apart. */
  readonly sourceSlot?: ReactNode;
  readonly autosave: AutosaveStatus;
  readonly isGenerating: boolean;
  readonly hasDraft: boolean;
  /** Set when Générer would replace an edited draft: ask first. */
  readonly isConfirmingReplace: boolean;
  readonly onGenerate: () => void;
  readonly onCancelReplace: () => void;
}

/** The templates offered for `task` (the interview minutes have three), in catalogue order. */
export function templatesFor(task: TaskId): TemplateId[] {
  return TEMPLATE_IDS.filter((id) => TEMPLATES[id].task === task);
}

/** The top of the pane, usable on its own before any draft exists. */
export function CaptureForm(props: CaptureFormProps): ReactNode {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const generateHintId = useId();
  const number = (n: number): string => n.toLocaleString(locale === "en" ? "en-GB" : "fr-FR");
  const isTooLong = props.notes.length > MAX_NOTES_CHARS;
  const isEmpty = props.notes.trim() === "";
  const canGenerate = !isEmpty && !isTooLong && !props.isGenerating;
  // While generating, the review panel says so; a hint here would appear and vanish above the draft and move it.
  const generateHint = isTooLong ? t("ui.notes.too_long", { max: number(MAX_NOTES_CHARS) }) : isEmpty ? t("ui.generate.needs_notes") : null;
  const savedAt = props.autosave.savedAt
    ? t("ui.notes.saved_at", { time: new Date(props.autosave.savedAt).toLocaleTimeString(locale === "en" ? "en-GB" : "fr-FR", { hour: "2-digit", minute: "2-digit" }) })
    : t("ui.notes.autosave");
  const hint = (
    <>
      <span className={styles.hintLine} data-testid="notes-saved">
        {savedAt}
      </span>
      <span className={styles.hintLine} data-testid="notes-count">
        {t("ui.notes.count", { count: number(props.notes.length), max: number(MAX_NOTES_CHARS) })}
      </span>
    </>
  );
  const templates = templatesFor(props.task);
  const template = props.template && templates.includes(props.template) ? props.template : "";

  let notesMessage: string | undefined;
  let notesState: "error" | "warning" | "none" = "none";
  if (isTooLong) {
    notesMessage = t("ui.notes.too_long", { max: number(MAX_NOTES_CHARS) });
    notesState = "error";
  } else if (props.autosave.hasFailed) {
    notesMessage = t("ui.notes.autosave_failed");
    notesState = "warning";
  }

  return (
    <form
      className={styles.form}
      aria-label={t("ui.capture.label")}
      onSubmit={(event) => {
        event.preventDefault();
        if (canGenerate) props.onGenerate();
      }}
      data-testid="capture"
    >
      <Field label={t("ui.task.label")}>
        <Select
          value={props.task}
          disabled={props.isGenerating}
          onChange={(_, data) => {
            if (isTaskId(data.value)) props.onTaskChange(data.value);
          }}
          data-testid="task"
        >
          {TASK_IDS.map((id) => (
            <option key={id} value={id}>
              {t(TASKS[id].labelKey)}
            </option>
          ))}
        </Select>
      </Field>

      {templates.length > 0 ? (
        <Field label={t("ui.template.label")} hint={t("ui.template.hint")}>
          <Select
            className={styles.select}
            select={{ className: styles.selectControl }}
            value={template}
            disabled={props.isGenerating}
            onChange={(_, data) => props.onTemplateChange(templates.find((id) => id === data.value))}
            data-testid="template"
          >
            <option value="">{t("ui.template.general")}</option>
            {templates.map((id) => (
              <option key={id} value={id}>
                {t(TEMPLATES[id].labelKey)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}

      {props.task === "document-extraction" ? (
        <Field label={t("ui.extraction.type.label")}>
          <Select
            className={styles.select}
            select={{ className: styles.selectControl }}
            value={props.documentType ?? ""}
            disabled={props.isGenerating}
            onChange={(_, data) => props.onDocumentTypeChange(DOCUMENT_TYPE_IDS.find((id) => id === data.value))}
            data-testid="document-type"
          >
            <option value="">{t("ui.extraction.type.auto")}</option>
            {DOCUMENT_TYPE_IDS.map((id) => (
              <option key={id} value={id}>
                {t(`ui.extraction.type.${id}`)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}

      <ContextFields task={props.task} value={props.context} onChange={props.onContextChange} isDisabled={props.isGenerating} />

      <Field label={t("ui.notes.label")} hint={hint} validationMessage={notesMessage} validationState={notesState}>
        <Textarea
          className={styles.notes}
          resize="vertical"
          rows={9}
          value={props.notes}
          placeholder={t("ui.notes.placeholder")}
          onChange={(_, data) => props.onNotesChange(data.value)}
          data-testid="notes"
        />
      </Field>

      {props.sourceSlot}

      {props.sourceLength !== null ? (
        <Checkbox
          checked={props.includeSource}
          onChange={(_, data) => props.onIncludeSourceChange(data.checked === true)}
          label={t("ui.source.include", { count: number(props.sourceLength) })}
          data-testid="include-source"
        />
      ) : null}

      <div className={styles.actions}>
        {props.isConfirmingReplace ? (
          <InlineNotice
            intent="warning"
            isUrgent
            data-testid="confirm-replace"
            actions={
              <>
                <Button size="small" appearance="primary" onClick={props.onGenerate} data-testid="confirm-replace-yes">
                  {t("ui.generate.replace")}
                </Button>
                <Button size="small" onClick={props.onCancelReplace}>
                  {t("ui.generate.keep")}
                </Button>
              </>
            }
          >
            {t("ui.generate.confirm_replace")}
          </InlineNotice>
        ) : null}
        <Button
          type="submit"
          appearance={props.hasDraft ? "secondary" : "primary"}
          icon={<SparkleRegular />}
          disabledFocusable={!canGenerate}
          aria-describedby={generateHint ? generateHintId : undefined}
          data-testid="generate"
        >
          {props.hasDraft ? t("ui.generate.again") : t("ui.generate")}
        </Button>
        {generateHint ? (
          <p id={generateHintId} className={styles.hint} data-testid="generate-hint">
            {generateHint}
          </p>
        ) : null}
      </div>
    </form>
  );
}
