// Owns the "Proposer un usage" dialog: the adviser describes a new use and sends it to the committee (POST /api/feedback).
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useId, useState, type ReactNode } from "react";
import type { ProposalKind } from "../../src/schemas/feedback";
import { ApiError } from "../api/client";
import { FEEDBACK_COMMENT_MAX_CHARS } from "../components/FeedbackPrompt";
import { useApi } from "../hooks/use-host";
import { useI18n } from "../hooks/use-i18n";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  intro: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground2 },
  // Task panes are 320 px wide: the dialog takes the width it is given.
  surface: { maxWidth: "min(560px, calc(100vw - 24px))" },
});

type Outcome = { readonly kind: "sent" } | { readonly kind: "failed"; readonly reason: string } | null;

/** Open state, and what to do when the adviser closes the dialog (Annuler, Fermer, Échap). */
export interface UseCaseDialogProps {
  readonly isOpen: boolean;
  readonly onClose: () => void;
}

/** Modal dialog with one field; says clearly whether the proposal went through, and keeps the text when it did not. */
export function UseCaseDialog({ isOpen, onClose }: UseCaseDialogProps): ReactNode {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const introId = useId();
  const [comment, setComment] = useState("");
  // A new use, or (issue 19) a change to a template or a new template: all reach the committee's one queue.
  const [proposal, setProposal] = useState<ProposalKind>("use-case");
  const [isSending, setIsSending] = useState(false);
  const [hasTriedEmpty, setHasTriedEmpty] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const number = (n: number): string => n.toLocaleString(locale === "en" ? "en-GB" : "fr-FR");
  const isEmpty = comment.trim() === "";
  const isTooLong = comment.length > FEEDBACK_COMMENT_MAX_CHARS;

  let message: string;
  let state: "error" | "none" = "none";
  if (isTooLong) {
    message = t("ui.usecase.too_long", { max: number(FEEDBACK_COMMENT_MAX_CHARS) });
    state = "error";
  } else if (hasTriedEmpty && isEmpty) {
    message = t("ui.usecase.empty");
    state = "error";
  } else {
    message = t("ui.usecase.count", { count: number(comment.length), max: number(FEEDBACK_COMMENT_MAX_CHARS) });
  }

  const send = async (): Promise<void> => {
    if (isSending) return;
    if (isEmpty) {
      setHasTriedEmpty(true);
      return;
    }
    if (isTooLong) return;
    setIsSending(true);
    setOutcome(null);
    try {
      await api.sendFeedback({ kind: "use-case", comment: comment.trim(), ...(proposal === "use-case" ? {} : { proposal }) });
      setOutcome({ kind: "sent" });
      setHasTriedEmpty(false);
    } catch (error) {
      if (!(error instanceof ApiError)) console.error("Use case not sent", error);
      setOutcome({ kind: "failed", reason: error instanceof ApiError ? error.problem.detail : t("problem.internal.detail") });
    } finally {
      setIsSending(false);
    }
  };

  const isSent = outcome?.kind === "sent";

  const close = (): void => {
    // Once a proposal went through, the next opening starts from a blank form; otherwise the text is kept.
    if (isSent) {
      setComment("");
      setOutcome(null);
    }
    onClose();
  };

  return (
    <Dialog open={isOpen} onOpenChange={(_, data) => (data.open ? undefined : close())}>
      <DialogSurface className={styles.surface} aria-describedby={introId} data-testid="use-case-dialog">
        <DialogBody>
          <DialogTitle>{t("ui.usecase.title")}</DialogTitle>
          <DialogContent className={styles.content}>
            <p id={introId} className={styles.intro}>
              {t("ui.usecase.intro")}
            </p>
            {isSent ? (
              <MessageBar intent="success" layout="multiline" data-testid="use-case-sent">
                <MessageBarBody>{t("ui.usecase.sent")}</MessageBarBody>
              </MessageBar>
            ) : (
              // The proposal first, so the dialog opens with the focus where the adviser writes; its kind defaults to a use.
              <>
                <Field label={t("ui.usecase.label")} required validationState={state} validationMessage={message}>
                  <Textarea
                    value={comment}
                    rows={5}
                    resize="vertical"
                    placeholder={t("ui.usecase.placeholder")}
                    onChange={(_, data) => setComment(data.value)}
                    data-testid="use-case-comment"
                  />
                </Field>
                <Field label={t("governance.proposal.label")}>
                  <RadioGroup value={proposal} onChange={(_, data) => setProposal(data.value as ProposalKind)} data-testid="use-case-proposal">
                    <Radio value="use-case" label={t("governance.proposal.use-case")} />
                    <Radio value="template-change" label={t("governance.proposal.template-change")} />
                    <Radio value="new-template" label={t("governance.proposal.new-template")} />
                  </RadioGroup>
                </Field>
              </>
            )}
            {outcome?.kind === "failed" ? (
              <MessageBar intent="error" layout="multiline" politeness="assertive" data-testid="use-case-error">
                <MessageBarBody>{t("ui.usecase.failed", { reason: outcome.reason })}</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            {isSent ? (
              <Button appearance="primary" onClick={close} data-testid="use-case-close">
                {t("ui.usecase.close")}
              </Button>
            ) : (
              <>
                  <Button appearance="primary" disabledFocusable={isSending || isTooLong} onClick={() => void send()} data-testid="use-case-send">
                    {isSending ? t("ui.usecase.sending") : t("ui.usecase.send")}
                  </Button>
                  <Button onClick={close} data-testid="use-case-cancel">
                    {t("ui.usecase.cancel")}
                  </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
