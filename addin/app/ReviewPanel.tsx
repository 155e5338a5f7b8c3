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
import { ArrowResetRegular, DismissRegular, SaveRegular } from "@fluentui/react-icons";
import { useEffect, useId, useMemo, useRef, type ReactNode } from "react";
import type { MessageKey } from "../../src/i18n";
import type { GenerationContext } from "../../src/schemas/generation";
import { TASKS, type TaskId } from "../../src/tasks/catalogue";
import { DeliveryActions } from "../components/DeliveryActions";
import { DraftEditor } from "../components/DraftEditor";
import { FeedbackPrompt, type Rating } from "../components/FeedbackPrompt";
import { FlagList } from "../components/FlagList";
import { GenerationFacts } from "../components/GenerationFacts";
import { SaveConfirmation } from "../components/SaveConfirmation";
import type { WriteTarget } from "../hosts/host-adapter";
import { ApiError } from "../api/client";
import type { DraftSession } from "../hooks/use-draft-session";
import { useApi } from "../hooks/use-host";
import { useI18n } from "../hooks/use-i18n";
import { copyText, downloadBlob } from "../lib/clipboard";
import { toPlainText } from "../lib/draft-blocks";
import { saveBlocker, type SaveBlocker } from "../lib/draft-session";
import { highlightRanges, pendingCount } from "../lib/flags";

const useStyles = makeStyles({
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

export interface ReviewPanelProps {
  readonly session: DraftSession;
  readonly task: TaskId;
  readonly context: GenerationContext;
  readonly targets: readonly WriteTarget[];
  readonly onRetry: () => void;
  readonly onRestart: () => void;
}

/** Everything after Générer. Loaded as its own chunk. */
export function ReviewPanel({ session, task, context, targets, onRetry, onRestart }: ReviewPanelProps): ReactNode {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const { phase, dispatch } = session;
  const api = useApi();
  const headingId = useId();
  const flagsSummaryId = useId();
  const saveHintId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isStreaming = phase.kind === "streaming";

  useEffect(() => {
    // Bring the draft into view as it starts streaming, without taking the focus from where the adviser is.
    if (isStreaming) headingRef.current?.scrollIntoView?.({ block: "start", behavior: "smooth" });
  }, [isStreaming]);

  const text = phase.kind === "idle" ? "" : phase.text;
  const flags = phase.kind === "review" || phase.kind === "saved" ? phase.flags : [];
  const ranges = useMemo(() => highlightRanges(flags, text), [flags, text]);
  const generation = phase.kind === "review" || phase.kind === "saved" ? phase.generation : null;
  const remaining = pendingCount(flags, text);
  const blocker = saveBlocker(phase);
  const notice = phase.kind === "saved" ? phase.saved.transparency.label : null;

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
    const { draftToDocx } = await import(/* webpackChunkName: "export-docx" */ "../export/docx");
    const blob = await draftToDocx(text, { title: t(TASKS[task].labelKey), subtitle, notice });
    downloadBlob(blob, `greffier-${task}-${new Date().toISOString().slice(0, 10)}.docx`);
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

      <DraftEditor
        value={text}
        onChange={(value) => dispatch({ type: "edit", text: value })}
        ranges={ranges}
        isReadOnly={phase.kind !== "review" || phase.isSaving}
        isStreaming={phase.kind === "streaming"}
        labelledBy={headingId}
        describedBy={flags.length > 0 ? flagsSummaryId : undefined}
        placeholder={t("ui.draft.placeholder")}
      />

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

      {flags.length > 0 ? (
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
          <DeliveryActions
            targets={targets}
            text={text}
            notice={notice}
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
