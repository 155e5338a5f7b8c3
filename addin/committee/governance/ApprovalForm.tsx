// Owns the approval form of an evaluated version: the reason, and the justification asked when it scores worse.
import { Button, Field, Textarea } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useI18n } from "../../hooks/use-i18n";
import { useGovernanceStyles } from "./styles";
import type { VersionActionsState } from "./use-version-actions";

/** The form, filled and confirmed through `actions`. */
export function ApprovalForm({ actions }: { actions: VersionActionsState }): ReactNode {
  const { t } = useI18n();
  const styles = useGovernanceStyles();
  const { reason, justification, isWorse } = actions;
  return (
    <section className={styles.box} aria-label={t("governance.ui.approve_label")}>
      <Field label={t("governance.ui.reason_label")} required>
        <Textarea value={reason} onChange={(_, d) => actions.setReason(d.value)} data-testid="preprompt-reason" />
      </Field>
      {isWorse ? (
        <Field label={t("governance.ui.justification_label")} hint={t("governance.ui.justification_hint")} required>
          <Textarea
            value={justification}
            onChange={(_, d) => actions.setJustification(d.value)}
            data-testid="preprompt-justification"
          />
        </Field>
      ) : null}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={actions.isBusy || reason.trim() === "" || (isWorse && justification.trim() === "")}
          onClick={() => void actions.approve()}
          data-testid="preprompt-confirm-approve"
        >
          {t("governance.ui.confirm_approve")}
        </Button>
        <Button appearance="subtle" onClick={() => actions.setIsApproving(false)}>
          {t("governance.ui.cancel")}
        </Button>
      </div>
    </section>
  );
}
