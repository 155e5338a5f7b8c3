// The follow-up e-mail to the member: its draft to edit and validate, then, once saved, the notice it carries.
import { Button, Checkbox, Field, MessageBar, MessageBarBody, Textarea } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useI18n } from "../../hooks/use-i18n";
import { useCommitmentsStyles } from "./commitments-styles";
import type { Commitments } from "./use-commitments";

/** The follow-up e-mail of the commitments review, while under review or once saved; nothing otherwise. */
export function FollowUpEmail({ review }: { review: Commitments }): ReactNode {
  const { t } = useI18n();
  const styles = useCommitmentsStyles();
  const { followUp } = review;
  if (followUp.kind === "review")
    return (
      <div className={styles.section} data-testid="followup">
        <Field label={t("commitments.followup.draft")}>
          <Textarea
            value={followUp.text}
            resize="vertical"
            rows={8}
            onChange={(_e, d) => review.editFollowUp({ text: d.value })}
          />
        </Field>
        <Checkbox
          checked={followUp.isValidated}
          label={t("ui.validate.label")}
          onChange={(_e, d) => review.editFollowUp({ isValidated: d.checked === true })}
        />
        <Button
          appearance="primary"
          disabled={!followUp.isValidated || followUp.text.trim() === ""}
          onClick={() => void review.saveFollowUp()}
          data-testid="followup-save"
        >
          {t("commitments.followup.save")}
        </Button>
      </div>
    );
  if (followUp.kind === "saved")
    return (
      <MessageBar intent="success" layout="multiline" data-testid="followup-saved">
        <MessageBarBody>
          {t("commitments.followup.saved")}{" "}
          {followUp.transparency.label ? (
            <q className={styles.notice} data-testid="followup-notice">
              {followUp.transparency.label}
            </q>
          ) : (
            <span data-testid="followup-no-notice">{t("ui.saved.no_notice")}</span>
          )}
        </MessageBarBody>
      </MessageBar>
    );
  return null;
}
