// Owns the question asked after saving ("Ce brouillon vous a-t-il aidé ?"): a thumbs up or down, an optional comment, sent once.
import { Button, Field, makeStyles, mergeClasses, Textarea, ToggleButton, tokens } from "@fluentui/react-components";
import { SendRegular, ThumbDislikeRegular, ThumbLikeRegular } from "@fluentui/react-icons";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { MAX_COMMENT_CHARS } from "../../src/schemas/limits";
import { useI18n } from "../hooks/use-i18n";
import { usePanelCardStyles } from "./panel-card";

/** Longest comment the server accepts (from the zod-free limits module, so the pane carries no zod). */
export const FEEDBACK_COMMENT_MAX_CHARS = MAX_COMMENT_CHARS;

/** The adviser's answer to "Ce brouillon vous a-t-il aidé ?". */
export type Rating = "up" | "down";

const useStyles = makeStyles({
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground3 },
  sent: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorStatusSuccessForeground1,
    outlineStyle: "none",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "4px", borderRadius: tokens.borderRadiusSmall },
  },
  error: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorStatusDangerForeground1 },
});

/** What the prompt shows and where it sends the answer. */
export interface FeedbackPromptProps {
  /** The rating already sent for this draft, if any: then only the thanks are shown. */
  readonly sent: Rating | undefined;
  /** Sends the feedback; resolves with null when it was stored, or the reason (for people) it was not. */
  readonly onSubmit: (rating: Rating, comment: string) => Promise<string | null>;
}

/** Thumbs up or down, then an optional comment and a send button; the thanks take the focus once sent. */
export function FeedbackPrompt({ sent, onSubmit }: FeedbackPromptProps): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const card = usePanelCardStyles();
  const headingId = useId();
  const noteId = useId();
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState("");
  const [isSending, setIsSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const thanks = useRef<HTMLParagraphElement>(null);
  const wasSentHere = useRef(false);

  useEffect(() => {
    // The buttons are gone once sent: move the keyboard (and the screen reader) to the thanks, not to the top of the page.
    if (sent && wasSentHere.current) thanks.current?.focus();
  }, [sent]);

  const isTooLong = comment.length > FEEDBACK_COMMENT_MAX_CHARS;

  const send = async (): Promise<void> => {
    if (!rating || isSending || isTooLong) return;
    setIsSending(true);
    setError(null);
    const reason = await onSubmit(rating, comment.trim());
    setIsSending(false);
    if (reason === null) wasSentHere.current = true;
    else setError(t("ui.feedback.failed", { reason }));
  };

  return (
    <section aria-labelledby={headingId} className={mergeClasses(card.root, card.tinted)} data-testid="feedback">
      <h3 id={headingId} className={card.heading}>
        {t("ui.feedback.question")}
      </h3>
      {sent ? (
        <p ref={thanks} tabIndex={-1} role="status" className={styles.sent} data-testid="feedback-sent">
          {t("ui.feedback.sent")}
        </p>
      ) : (
        <>
          <div role="group" aria-labelledby={headingId} className={styles.buttons}>
            <ToggleButton
              checked={rating === "up"}
              icon={<ThumbLikeRegular />}
              aria-label={t("ui.feedback.up_aria")}
              disabledFocusable={isSending}
              onClick={() => setRating("up")}
              data-testid="feedback-up"
            >
              {t("ui.feedback.up")}
            </ToggleButton>
            <ToggleButton
              checked={rating === "down"}
              icon={<ThumbDislikeRegular />}
              aria-label={t("ui.feedback.down_aria")}
              disabledFocusable={isSending}
              onClick={() => setRating("down")}
              data-testid="feedback-down"
            >
              {t("ui.feedback.down")}
            </ToggleButton>
          </div>
          {rating ? (
            <>
              <Field
                label={t("ui.feedback.comment_label")}
                validationState={isTooLong ? "error" : "none"}
                validationMessage={isTooLong ? t("ui.feedback.too_long", { max: FEEDBACK_COMMENT_MAX_CHARS }) : undefined}
              >
                <Textarea
                  value={comment}
                  rows={3}
                  resize="vertical"
                  placeholder={t("ui.feedback.comment_placeholder")}
                  aria-describedby={noteId}
                  onChange={(_, data) => setComment(data.value)}
                  data-testid="feedback-comment"
                />
              </Field>
              <div>
                <Button
                  appearance="primary"
                  icon={<SendRegular />}
                  disabledFocusable={isSending || isTooLong}
                  onClick={() => void send()}
                  data-testid="feedback-send"
                >
                  {isSending ? t("ui.feedback.sending") : t("ui.feedback.send")}
                </Button>
              </div>
            </>
          ) : null}
          {error ? (
            <p role="alert" className={styles.error} data-testid="feedback-error">
              {error}
            </p>
          ) : null}
          <p id={noteId} className={styles.note}>
            {t("ui.feedback.note")}
          </p>
        </>
      )}
    </section>
  );
}
