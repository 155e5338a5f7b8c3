// Owns the correction of one flagged figure: the field (focused as it opens), Enter to apply, Escape to cancel.
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, type ReactNode } from "react";
import { useI18n } from "../../hooks/use-i18n";

const useStyles = makeStyles({
  correction: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** The figure to correct, its flag's id (for the test ids), the value typed so far, and where it goes. */
export interface FlagCorrectionProps {
  readonly flagId: number;
  readonly figure: string;
  /** Kept by the item, so a cancelled correction reopens with what was typed. */
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onApply: () => void;
  readonly onCancel: () => void;
}

/** The correction field with Appliquer and Annuler. */
export function FlagCorrection({ flagId, figure, value, onChange, onApply, onCancel }: FlagCorrectionProps): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  return (
    <div className={styles.correction}>
      <Field label={t("ui.flags.correction_label", { text: figure })} size="small">
        <Input
          ref={input}
          size="small"
          value={value}
          onChange={(_, data) => onChange(data.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              onApply();
            } else if (event.key === "Escape") {
              onCancel();
            }
          }}
          data-testid={`flag-${flagId}-value`}
        />
      </Field>
      <div className={styles.buttons}>
        <Button
          size="small"
          appearance="primary"
          disabledFocusable={value.trim() === ""}
          onClick={onApply}
          data-testid={`flag-${flagId}-apply`}
        >
          {t("ui.flags.apply")}
        </Button>
        <Button size="small" onClick={onCancel}>
          {t("ui.flags.cancel")}
        </Button>
      </div>
    </div>
  );
}
