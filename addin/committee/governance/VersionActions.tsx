// Owns the markup of one version's actions: its scores, the evaluation's progress, who approved it, the approval
// form and the buttons its state allows.
import { Button, Field, MessageBar, MessageBarBody, ProgressBar } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { CommitteeClient, PrePromptVersion } from "../../api/committee";
import { useI18n } from "../../hooks/use-i18n";
import { ApprovalForm } from "./ApprovalForm";
import { ScoresTable } from "./ScoresTable";
import { useGovernanceStyles } from "./styles";
import { useVersionActions } from "./use-version-actions";

/**
 * The actions a version's state allows: evaluate (draft, evaluated), approve (evaluated, not one's own), activate
 * (approved, or retired: rollback).
 */
export function VersionActions({
  client,
  version,
  active,
  onChanged,
}: {
  client: CommitteeClient;
  version: PrePromptVersion;
  active: PrePromptVersion | undefined;
  onChanged: () => void;
}): ReactNode {
  const { t } = useI18n();
  const styles = useGovernanceStyles();
  const actions = useVersionActions(client, version, active, onChanged);
  if (!client.governance || !version.state) return null;
  const { running, error, scores, canApprove } = actions;
  return (
    <div className={styles.box} data-testid="preprompt-actions">
      {scores ? <ScoresTable candidate={scores} active={actions.activeScores} /> : null}
      {running ? (
        <Field
          label={t("governance.ui.evaluating", { done: running.done, total: running.total })}
          validationState="none"
        >
          <ProgressBar value={running.total > 0 ? running.done / running.total : 0} data-testid="preprompt-progress" />
        </Field>
      ) : null}
      {version.approvedBy ? (
        <p>{t("governance.ui.approved_by", { name: version.approvedBy, reason: version.approvalReason ?? "" })}</p>
      ) : null}
      {error ? (
        <MessageBar intent="error" data-testid="preprompt-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {actions.isApproving ? <ApprovalForm actions={actions} /> : null}
      <div className={styles.row}>
        {actions.canEvaluate ? (
          <Button
            appearance="secondary"
            disabled={running !== null}
            onClick={() => void actions.evaluate()}
            data-testid="preprompt-evaluate"
          >
            {t("governance.ui.evaluate")}
          </Button>
        ) : null}
        {canApprove && !actions.isApproving ? (
          <Button
            appearance="secondary"
            disabled={version.isMine === true}
            onClick={() => actions.setIsApproving(true)}
            data-testid="preprompt-approve"
          >
            {t("governance.ui.approve")}
          </Button>
        ) : null}
        {canApprove && version.isMine ? <span>{t("governance.ui.own_version")}</span> : null}
        {actions.canActivate ? (
          <Button
            appearance="primary"
            disabled={actions.isBusy}
            onClick={() => void actions.activate()}
            data-testid="preprompt-activate"
          >
            {version.state === "retired" ? t("governance.ui.rollback") : t("governance.ui.activate")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
