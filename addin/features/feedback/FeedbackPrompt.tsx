// Owns the question asked after saving ("Ce brouillon vous a-t-il aidé ?"): the rating form, then the thanks.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import { usePanelCardStyles } from "../../components/panel-card";
import { useI18n } from "../../hooks/use-i18n";
import { RatingForm } from "./RatingForm";
import { useRating, type Rating } from "./use-rating";

const useStyles = makeStyles({
  sent: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorStatusSuccessForeground1,
    outlineStyle: "none",
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "4px",
      borderRadius: tokens.borderRadiusSmall,
    },
  },
});

/** The generation rated, and the rating already sent for it, if any: then only the thanks are shown. */
export interface FeedbackPromptProps {
  readonly generationId: string;
  readonly sent: Rating | undefined;
  /** Records the rating once the server stored it. */
  readonly onSent: (rating: Rating) => void;
}

/** Thumbs up or down, then an optional comment and a send button; the thanks take the focus once sent. */
export function FeedbackPrompt({ generationId, sent, onSent }: FeedbackPromptProps): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const card = usePanelCardStyles();
  const headingId = useId();
  const rating = useRating(generationId, sent, onSent);
  return (
    <section aria-labelledby={headingId} className={mergeClasses(card.root, card.tinted)} data-testid="feedback">
      <h3 id={headingId} className={card.heading}>
        {t("ui.feedback.question")}
      </h3>
      {sent ? (
        <p ref={rating.thanksRef} tabIndex={-1} role="status" className={styles.sent} data-testid="feedback-sent">
          {t("ui.feedback.sent")}
        </p>
      ) : (
        <RatingForm state={rating} labelledBy={headingId} />
      )}
    </section>
  );
}
