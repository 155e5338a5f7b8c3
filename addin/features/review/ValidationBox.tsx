// Owns the last step of the review: the adviser's validation, Enregistrer (with why it waits), discard, and a failed
// save.
import {
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { SaveRegular } from "@fluentui/react-icons";
import { useId, type ReactNode } from "react";
import { useI18n } from "../../hooks/use-i18n";
import type { DraftAction, DraftPhase } from "../../lib/draft-session";

const useStyles = makeStyles({
  validation: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  hint: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
  warning: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorStatusWarningForeground1,
  },
});

/** The draft under review, why saving waits (empty when it does not), and the save; `discard` goes under the button. */
export interface ValidationBoxProps {
  readonly phase: Extract<DraftPhase, { kind: "review" }>;
  readonly blockerText: string;
  readonly dispatch: (action: DraftAction) => void;
  readonly onSave: () => void;
  readonly discard: ReactNode;
}

/** The validation checkbox, the save button and its hint, the discard control, and the save error. */
export function ValidationBox({ phase, blockerText, dispatch, onSave, discard }: ValidationBoxProps): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const saveHintId = useId();
  return (
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
        // Under review, every reason to wait has its words: no words, no blocker.
        disabledFocusable={blockerText !== ""}
        aria-describedby={blockerText ? saveHintId : undefined}
        onClick={onSave}
        data-testid="save"
      >
        {phase.isSaving ? t("ui.save.saving") : t("ui.save")}
      </Button>
      {blockerText ? (
        <p id={saveHintId} className={styles.hint} data-testid="save-hint">
          {blockerText}
        </p>
      ) : null}
      {discard}
      {phase.saveProblem ? (
        <MessageBar intent="error" layout="multiline" politeness="assertive" data-testid="save-error">
          <MessageBarBody>
            <MessageBarTitle>{t("ui.save.error_title")}</MessageBarTitle> {phase.saveProblem.detail}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
