// Owns the rating form: thumbs up or down, then an optional comment and the send button.
import { Button, Field, makeStyles, Textarea, ToggleButton, tokens } from "@fluentui/react-components";
import { SendRegular, ThumbDislikeRegular, ThumbLikeRegular } from "@fluentui/react-icons";
import { useId, type ReactNode } from "react";
import { MAX_COMMENT_CHARS } from "../../../src/schemas/limits";
import { useI18n } from "../../hooks/use-i18n";
import type { RatingState } from "./use-rating";

const useStyles = makeStyles({
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  note: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
  error: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorStatusDangerForeground1,
  },
});

/** The rating being written, and the heading that names the thumbs' group. */
export interface RatingFormProps {
  readonly state: RatingState;
  readonly labelledBy: string;
}

/** The thumbs, the comment once a thumb is chosen, the failure if any, and a note on where feedback goes. */
export function RatingForm({ state, labelledBy }: RatingFormProps): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const noteId = useId();
  const { rating, isSending, isTooLong } = state;
  return (
    <>
      <div role="group" aria-labelledby={labelledBy} className={styles.buttons}>
        <ToggleButton
          checked={rating === "up"}
          icon={<ThumbLikeRegular />}
          aria-label={t("ui.feedback.up_aria")}
          disabledFocusable={isSending}
          onClick={() => state.setRating("up")}
          data-testid="feedback-up"
        >
          {t("ui.feedback.up")}
        </ToggleButton>
        <ToggleButton
          checked={rating === "down"}
          icon={<ThumbDislikeRegular />}
          aria-label={t("ui.feedback.down_aria")}
          disabledFocusable={isSending}
          onClick={() => state.setRating("down")}
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
            validationMessage={isTooLong ? t("ui.feedback.too_long", { max: MAX_COMMENT_CHARS }) : undefined}
          >
            <Textarea
              value={state.comment}
              rows={3}
              resize="vertical"
              placeholder={t("ui.feedback.comment_placeholder")}
              aria-describedby={noteId}
              onChange={(_, data) => state.setComment(data.value)}
              data-testid="feedback-comment"
            />
          </Field>
          <div>
            <Button
              appearance="primary"
              icon={<SendRegular />}
              disabledFocusable={isSending || isTooLong}
              onClick={state.send}
              data-testid="feedback-send"
            >
              {isSending ? t("ui.feedback.sending") : t("ui.feedback.send")}
            </Button>
          </div>
        </>
      ) : null}
      {state.error ? (
        <p role="alert" className={styles.error} data-testid="feedback-error">
          {state.error}
        </p>
      ) : null}
      <p id={noteId} className={styles.note}>
        {t("ui.feedback.note")}
      </p>
    </>
  );
}
