// Owns the review of commitments beside saved minutes: confirm, edit or drop each; confirmed ones become Outlook tasks
// (Graph To Do) or follow-up appointments, and the member's ones a follow-up e-mail validated as any draft.
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import { useI18n } from "../../hooks/use-i18n";
import { CommitmentRow } from "./CommitmentRow";
import { useCommitmentsStyles } from "./commitments-styles";
import { FollowUpEmail } from "./FollowUpEmail";
import { useCommitments, type CommitmentsReviewProps } from "./use-commitments";

/** The review of the commitments read from the saved minutes `minutesId`. */
export function CommitmentsReview(props: CommitmentsReviewProps): ReactNode {
  const { t } = useI18n();
  const styles = useCommitmentsStyles();
  const headingId = useId();
  const review = useCommitments(props);
  const { rows, confirmed } = review;

  if (!review.isAvailable) return null;
  if (rows === null) {
    return (
      <div className={styles.section}>
        <Button disabled={review.isLoading} onClick={() => void review.load()} data-testid="commitments-load">
          {t("commitments.load")}
        </Button>
      </div>
    );
  }
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="commitments">
      <h3 id={headingId}>{t("commitments.title")}</h3>
      {rows.length === 0 ? <p>{t("commitments.empty")}</p> : null}
      <ul className={styles.list}>
        {rows.map((row) => (
          <CommitmentRow key={row.key} row={row} review={review} />
        ))}
      </ul>
      {rows.length > 0 ? (
        <div className={styles.inline}>
          <Button
            appearance="primary"
            disabled={confirmed.length === 0 || review.isCreating}
            onClick={() => void review.createTasks()}
            data-testid="create-tasks"
          >
            {t("commitments.create")}
          </Button>
          <Button
            disabled={confirmed.length === 0 || review.followUp.kind === "drafting"}
            onClick={() => void review.draftFollowUp()}
            data-testid="followup-draft"
          >
            {t("commitments.followup")}
          </Button>
        </div>
      ) : null}
      {review.status ? (
        <MessageBar intent={review.status.intent} layout="multiline" data-testid="commitments-status">
          <MessageBarBody>{review.status.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <FollowUpEmail review={review} />
    </section>
  );
}
