// Owns "Abandonner ce brouillon": a subtle button, then a confirmation before the draft goes.
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { useI18n } from "../../hooks/use-i18n";

/** Whether the confirmation shows, and the three ways through it. */
export interface DiscardControlProps {
  readonly isConfirming: boolean;
  readonly isDisabled: boolean;
  readonly onConfirmingChange: (isConfirming: boolean) => void;
  /** Drops the draft under review (the notes stay). */
  readonly onDiscard: () => void;
}

/** The discard button, or the warning that asks to confirm it. */
export function DiscardControl({
  isConfirming,
  isDisabled,
  onConfirmingChange,
  onDiscard,
}: DiscardControlProps): ReactNode {
  const { t } = useI18n();
  if (isConfirming) {
    return (
      <MessageBar intent="warning" layout="multiline" politeness="assertive" data-testid="confirm-discard">
        <MessageBarBody>{t("ui.discard.confirm")}</MessageBarBody>
        <MessageBarActions>
          <Button size="small" appearance="primary" onClick={onDiscard} data-testid="confirm-discard-yes">
            {t("ui.discard.yes")}
          </Button>
          <Button size="small" onClick={() => onConfirmingChange(false)}>
            {t("ui.generate.keep")}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return (
    <div>
      <Button
        appearance="subtle"
        size="small"
        icon={<DeleteRegular />}
        disabledFocusable={isDisabled}
        onClick={() => onConfirmingChange(true)}
        data-testid="discard"
      >
        {t("ui.discard")}
      </Button>
    </div>
  );
}
