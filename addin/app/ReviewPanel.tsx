// Owns the review half of the pane: streamed draft, figures to check, validation, save, then where the text goes.
import {
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  tokens,
} from "@fluentui/react-components";
import { ArrowResetRegular, DeleteRegular, DismissRegular, HistoryRegular, SaveRegular } from "@fluentui/react-icons";
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import type { MessageKey } from "../../src/i18n";
import type { GenerationContext } from "../../src/schemas/generation";
import { TASKS, type TaskId } from "../../src/tasks/catalogue";
import { AiEditBar } from "../components/AiEditBar";
import { CitationList } from "../components/CitationList";
import { DeliveryActions } from "../components/DeliveryActions";
import { DraftEditor } from "../components/DraftEditor";
import { ExtractionForm } from "../components/ExtractionForm";
import { FeedbackPrompt, type Rating } from "../components/FeedbackPrompt";
import { FlagList } from "../components/FlagList";
import { GenerationFacts } from "../components/GenerationFacts";
import { SaveConfirmation } from "../components/SaveConfirmation";
import { CommitmentsReview } from "../features/commitments/CommitmentsReview";
import type { ValidatedRecord, WriteTarget } from "../hosts/host-adapter";
import { ApiError } from "../api/client";
import type { DraftSession } from "../hooks/use-draft-session";
import { useApi } from "../hooks/use-host";
import { useI18n } from "../hooks/use-i18n";
import { downloadDocx } from "../export/download-docx";
import { copyText } from "../lib/clipboard";
import { presentableText } from "../lib/clean-generation";
import { headingRanges, toPlainText } from "../lib/draft-blocks";
import { sectionTitles } from "../lib/export-name";
import { saveBlocker, type SaveBlocker } from "../lib/draft-session";
import { citationAt, citationsOf, citedLines } from "../lib/citations";
import { formFields } from "../lib/extraction-form";
import { highlightRanges, pendingCount } from "../lib/flags";

// The history is opened now and then: its own chunk, fetched when asked for.
const VersionsPanel = lazy(() => import(/* webpackChunkName: "versions" */ "./VersionsPanel").then((m) => ({ default: m.VersionsPanel })));

const useStyles = makeStyles({
  revision: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  // Same height whether it shows progress, the provider or nothing: the editor below never moves.
  statusRow: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    minHeight: "32px",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  progress: { flexGrow: 1, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  provider: { overflowWrap: "anywhere" },
  validation: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground3 },
  warning: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorStatusWarningForeground1 },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

const BLOCKERS: Partial<Record<SaveBlocker, MessageKey>> = {
  empty: "ui.save.blocked_empty",
  validation: "ui.save.blocked_validation",
  saving: "ui.save.saving",
};

/** The draft session to review and the workspace's handlers for what the panel cannot decide alone. */
export interface ReviewPanelProps {
  readonly session: DraftSession;
  readonly task: TaskId;
  readonly context: GenerationContext;
  readonly targets: readonly WriteTarget[];
  readonly onRetry: () => void;
  readonly onRestart: () => void;
  /** Drops the draft under review (the notes stay); the host forgets it for the send check. */
  readonly onDiscard: () => void;
  /** Rewrites the draft under review by an instruction (AI edit). */
  readonly onRevise: (instruction: string) => void;
  /** The notes and source the draft was written from, whose lines its citations number. */
  readonly cited: { readonly notes: string; readonly source?: string | undefined };
}

/** Everything after Générer. Loaded as its own chunk. */
export function ReviewPanel({ session, task, context, targets, onRetry, onRestart, onDiscard, onRevise, cited }: ReviewPanelProps): ReactNode {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const { phase, dispatch } = session;
  const api = useApi();
  const headingId = useId();
  const flagsSummaryId = useId();
  const saveHintId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isStreaming = phase.kind === "streaming";
  const [isConfirmingDiscard, setIsConfirmingDiscard] = useState(false);
  const [isVersionsOpen, setIsVersionsOpen] = useState(false);
  const [restoredNotice, setRestoredNotice] = useState("");
  const versionsId = useId();
  const [caret, setCaret] = useState<number | null>(null);

  useEffect(() => {
    // Bring the draft into view as it starts streaming, without taking the focus from where the adviser is.
    if (isStreaming) headingRef.current?.scrollIntoView?.({ block: "start", behavior: "smooth" });
  }, [isStreaming]);

  // The stream arrives as the model's Markdown: shown clean as it comes (and when cut short), as it is once done.
  const isRaw = phase.kind === "streaming" || phase.kind === "failed" || phase.kind === "cancelled";
  const text = phase.kind === "idle" ? "" : isRaw ? presentableText(phase.text) : phase.text;
  const flags = phase.kind === "review" || phase.kind === "saved" ? phase.flags : [];
  const ranges = useMemo(() => highlightRanges(flags, text), [flags, text]);
  const generation = phase.kind === "review" || phase.kind === "saved" ? phase.generation : null;
  const headings = useMemo(() => headingRanges(text, { headings: sectionTitles(task, generation?.template) }), [text, task, generation]);
  const fieldValues = phase.kind === "review" || phase.kind === "saved" ? phase.fields : undefined;
  const form = useMemo(() => (fieldValues ? formFields(generation?.extraction) : []), [fieldValues, generation]);
  const citations = useMemo(() => citationsOf(generation?.citations), [generation]);
  const citation = generation && caret !== null ? citationAt(citations, generation.draft, text, caret) : null;
  const citedNow = citation ? citedLines(citation, cited.notes, cited.source) : null;
  const remaining = pendingCount(flags, text);
  const blocker = saveBlocker(phase);
  const notice = phase.kind === "saved" ? phase.saved.transparency.label : null;
  // What the host records with the text (send check, provenance header): which draft, under which pre-prompt, and the
  // transparency the server decided.
  const provenance: ValidatedRecord | null =
    phase.kind === "saved" ? { generationId: phase.generation.id, prePromptId: phase.generation.prePrompt.id, transparency: phase.saved.transparency } : null;

  let announcement = "";
  if (phase.kind === "streaming") announcement = t("ui.stream.progress");
  else if (phase.kind === "review") announcement = remaining > 0 ? t("ui.stream.ready_flags", { count: remaining }) : t("ui.stream.ready");
  else if (phase.kind === "cancelled") announcement = t("ui.stream.cancelled");

  /** Sends the adviser's rating of this generation; the reason it failed, in words, or null once stored. */
  const onFeedback = async (rating: Rating, comment: string): Promise<string | null> => {
    if (!generation) return null;
    try {
      await api.sendFeedback({ generationId: generation.id, rating, ...(comment !== "" ? { comment } : {}) });
      dispatch({ type: "feedback-sent", rating });
      return null;
    } catch (error) {
      if (error instanceof ApiError) return error.problem.detail;
      console.error("Feedback failed", error);
      return t("problem.internal.detail");
    }
  };

  const blockerText =
    blocker === "flags" ? t("ui.save.blocked_flags", { count: remaining }) : blocker && BLOCKERS[blocker] ? t(BLOCKERS[blocker]) : "";

  const subtitle = [context.memberName, context.date].filter(Boolean).join(" · ");
  const onDownload = async (): Promise<void> => {
    // French name with the task and the day, never the member's name ("compte-rendu-2026-12-05.docx").
    await downloadDocx({ text, task, template: generation?.template, title: t(TASKS[task].labelKey), subtitle, notice, filePrefix: t(`docx.file_prefix.${task}`), date: new Date() });
  };

  return (
    <section aria-labelledby={headingId} className={styles.root} data-testid="review" data-phase={phase.kind}>
      <div className={styles.head}>
        <h2 id={headingId} ref={headingRef} className={styles.heading}>
          {t("ui.draft.label")}
        </h2>
        <div className={styles.statusRow} data-testid="status-row">
          {phase.kind === "streaming" ? (
            <>
              <div className={styles.progress}>
                <span>{t("ui.stream.progress")}</span>
                <ProgressBar thickness="medium" aria-label={t("ui.stream.progress")} data-testid="progress" />
              </div>
              <Button size="small" icon={<DismissRegular />} onClick={session.cancel} data-testid="cancel">
                {t("ui.stream.cancel")}
              </Button>
            </>
          ) : generation ? (
            <span className={styles.provider} data-testid="provider">
              {generation.degraded
                ? t("ui.facts.provider_offline")
                : t("ui.facts.provider", { name: generation.provider.name, model: generation.provider.model, region: generation.provider.region })}
            </span>
          ) : null}
        </div>
      </div>

      {fieldValues && form.length > 0 ? (
        <ExtractionForm
          fields={form}
          values={fieldValues}
          flags={flags}
          text={text}
          isReadOnly={phase.kind !== "review" || phase.isSaving}
          onChange={(path, value) => dispatch({ type: "edit-field", path, value })}
          onConfirm={(id) => dispatch({ type: "confirm-flag", id })}
          summaryId={flagsSummaryId}
        />
      ) : (
        <DraftEditor
          value={text}
          onChange={(value) => dispatch({ type: "edit", text: value })}
          ranges={ranges}
          isReadOnly={phase.kind !== "review" || phase.isSaving}
          isStreaming={phase.kind === "streaming"}
          labelledBy={headingId}
          describedBy={flags.length > 0 ? flagsSummaryId : undefined}
          placeholder={t("ui.draft.placeholder")}
          onCaretChange={setCaret}
          headings={headings}
        />
      )}

      {generation && !fieldValues && citations.length > 0 ? <CitationList lines={citedNow} hasCaret={caret !== null} /> : null}

      <div className={styles.visuallyHidden} role="status" aria-live="polite" data-testid="announcer">
        {announcement}
      </div>

      {phase.kind === "streaming" && phase.replacedReason !== undefined ? (
        <MessageBar intent="info" data-testid="replaced">
          <MessageBarBody>{t("ui.stream.replaced")}</MessageBarBody>
        </MessageBar>
      ) : null}

      {phase.kind === "failed" ? (
        <MessageBar intent="error" layout="multiline" politeness="assertive" data-testid="stream-error">
          <MessageBarBody>
            <MessageBarTitle>{t("ui.stream.error_title")}</MessageBarTitle> {phase.problem.detail} {t("ui.stream.kept")}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onRetry} data-testid="retry">
              {t("ui.retry")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}

      {phase.kind === "cancelled" ? (
        <MessageBar intent="info" layout="multiline" data-testid="cancelled">
          <MessageBarBody>{t("ui.stream.cancelled")}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onRetry} data-testid="retry">
              {t("ui.retry")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}

      {generation?.degraded ? (
        <MessageBar intent="warning" layout="multiline" data-testid="offline-banner">
          <MessageBarBody>
            <MessageBarTitle>{t("ui.facts.offline_title")}</MessageBarTitle> {t("offline.notice")}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {generation ? <GenerationFacts generation={generation} /> : null}

      {flags.length > 0 && !fieldValues ? (
        <FlagList
          flags={flags}
          text={text}
          isReadOnly={phase.kind !== "review" || phase.isSaving}
          summaryId={flagsSummaryId}
          onConfirm={(id) => dispatch({ type: "confirm-flag", id })}
          onCorrect={(id, value) => dispatch({ type: "correct-flag", id, value })}
          onReopen={(id) => dispatch({ type: "reopen-flag", id })}
        />
      ) : null}

      {phase.kind === "review" && !fieldValues ? (
        <div className={styles.revision}>
          <AiEditBar
            isDisabled={phase.isSaving || phase.generation.canRevise === false}
            disabledReason={phase.generation.canRevise === false ? t("ui.revise.needs_model") : undefined}
            onRevise={(instruction) => {
              setRestoredNotice("");
              onRevise(instruction);
            }}
          />
          {phase.reviseProblem ? (
            <MessageBar intent="error" layout="multiline" politeness="assertive" data-testid="revise-error">
              <MessageBarBody>{t("ui.revise.failed", { reason: phase.reviseProblem.detail })}</MessageBarBody>
            </MessageBar>
          ) : null}
          <div>
            <Button
              size="small"
              appearance="subtle"
              icon={<HistoryRegular />}
              aria-expanded={isVersionsOpen}
              aria-controls={versionsId}
              onClick={() => setIsVersionsOpen(!isVersionsOpen)}
              data-testid="versions-toggle"
            >
              {t("ui.versions.open")}
            </Button>
          </div>
          <div id={versionsId}>
            {isVersionsOpen ? (
              <Suspense fallback={<p className={styles.hint}>{t("ui.versions.loading")}</p>}>
                <VersionsPanel
                  generationId={phase.generation.id}
                  currentText={text}
                  isReadOnly={phase.isSaving}
                  onRestore={(restored) => {
                    dispatch({ type: "edit", text: fieldValues ? restored : presentableText(restored) });
                    setRestoredNotice(t("ui.versions.restored"));
                  }}
                />
              </Suspense>
            ) : null}
          </div>
          <p className={styles.hint} role="status" data-testid="versions-status">
            {restoredNotice}
          </p>
        </div>
      ) : null}

      {phase.kind === "review" ? (
        <div className={styles.validation} data-testid="validation">
          <Checkbox
            checked={phase.isValidated}
            disabled={phase.isSaving}
            onChange={(_, data) => dispatch({ type: "validate", isValidated: data.checked === true })}
            label={t("ui.validate.label")}
            data-testid="validate"
          />
          {phase.wasValidationReset ? (
            <p className={styles.warning} role="status" data-testid="validation-reset">
              {t("ui.validate.reset")}
            </p>
          ) : null}
          <Button
            appearance="primary"
            icon={<SaveRegular />}
            disabledFocusable={blocker !== null}
            aria-describedby={blockerText ? saveHintId : undefined}
            onClick={() => void session.save()}
            data-testid="save"
          >
            {phase.isSaving ? t("ui.save.saving") : t("ui.save")}
          </Button>
          {blockerText ? (
            <p id={saveHintId} className={styles.hint} data-testid="save-hint">
              {blockerText}
            </p>
          ) : null}
          {isConfirmingDiscard ? (
            <MessageBar intent="warning" layout="multiline" politeness="assertive" data-testid="confirm-discard">
              <MessageBarBody>{t("ui.discard.confirm")}</MessageBarBody>
              <MessageBarActions>
                <Button size="small" appearance="primary" onClick={onDiscard} data-testid="confirm-discard-yes">
                  {t("ui.discard.yes")}
                </Button>
                <Button size="small" onClick={() => setIsConfirmingDiscard(false)}>
                  {t("ui.generate.keep")}
                </Button>
              </MessageBarActions>
            </MessageBar>
          ) : (
            <div>
              <Button
                appearance="subtle"
                size="small"
                icon={<DeleteRegular />}
                disabledFocusable={phase.isSaving}
                onClick={() => setIsConfirmingDiscard(true)}
                data-testid="discard"
              >
                {t("ui.discard")}
              </Button>
            </div>
          )}
          {phase.saveProblem ? (
            <MessageBar intent="error" layout="multiline" politeness="assertive" data-testid="save-error">
              <MessageBarBody>
                <MessageBarTitle>{t("ui.save.error_title")}</MessageBarTitle> {phase.saveProblem.detail}
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </div>
      ) : null}

      {phase.kind === "saved" ? (
        <>
          <SaveConfirmation task={task} transparency={phase.saved.transparency} />
          {task !== "member-email" ? <CommitmentsReview minutesId={phase.saved.id} memberId={context.memberId ?? null} /> : null}
          <DeliveryActions
            targets={targets}
            text={text}
            notice={notice}
            provenance={provenance}
            onCopy={() => copyText(toPlainText(text, notice))}
            onDownload={onDownload}
          />
          <FeedbackPrompt sent={phase.feedback} onSubmit={onFeedback} />
          <div>
            <Button appearance="subtle" icon={<ArrowResetRegular />} onClick={onRestart} data-testid="restart">
              {t("ui.restart")}
            </Button>
          </div>
        </>
      ) : null}
    </section>
  );
}
