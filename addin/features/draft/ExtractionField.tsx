// Owns one field of the extraction form: its value, its quote, and the confirmation a field not found in the document
// needs.
import { Button, Field, makeStyles, mergeClasses, Textarea, tokens } from "@fluentui/react-components";
import { CheckmarkRegular } from "@fluentui/react-icons";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { fieldLabel, type FormField } from "../../lib/extraction-form";
import type { FlagState } from "../../lib/flags";
import { useI18n } from "../../hooks/use-i18n";

const useStyles = makeStyles({
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  flagged: {
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder2}`,
  },
  quote: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
    fontStyle: "italic",
    overflowWrap: "anywhere",
  },
  status: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorStatusSuccessForeground1,
  },
  value: { width: "100%" },
});

/** One field, its value and flag (if its quote was not found), and where edits and the confirmation go. */
export interface ExtractionFieldProps {
  readonly field: FormField;
  readonly flag: FlagState | undefined;
  readonly value: string;
  readonly isReadOnly: boolean;
  readonly onChange: (path: string, value: string) => void;
  readonly onConfirm: (flagId: number) => void;
}

/** A list item: the field's textarea, its quote, then its status or the Confirmer button. */
export function ExtractionField({
  field,
  flag,
  value,
  isReadOnly,
  onChange,
  onConfirm,
}: ExtractionFieldProps): ReactNode {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const quoteId = useId();
  const statusRef = useRef<HTMLSpanElement>(null);
  const returnFocus = useRef(false);
  const label = fieldLabel(field, locale);
  const isPending = flag?.status === "pending";

  useEffect(() => {
    // The Confirmer button goes away: keep the keyboard user on this field's new status.
    if (returnFocus.current && flag?.status === "confirmed") {
      returnFocus.current = false;
      statusRef.current?.focus();
    }
  }, [flag?.status]);

  return (
    <li
      className={mergeClasses(styles.item, isPending && styles.flagged)}
      data-testid={`field-${field.path}`}
      data-status={flag?.status ?? "ok"}
    >
      <Field
        label={label}
        size="small"
        validationState={isPending ? "warning" : "none"}
        validationMessage={isPending ? t("ui.extraction.flagged") : undefined}
      >
        <Textarea
          className={styles.value}
          size="small"
          resize="vertical"
          rows={value.length > 40 ? 3 : 1}
          value={value}
          readOnly={isReadOnly}
          aria-describedby={quoteId}
          onChange={(_, data) => onChange(field.path, data.value)}
          data-testid={`field-${field.path}-value`}
        />
      </Field>
      <p id={quoteId} className={styles.quote}>
        {field.quote ? t("ui.extraction.quote", { quote: field.quote }) : t("ui.extraction.no_quote")}
      </p>
      {flag && flag.status !== "pending" ? (
        <span ref={statusRef} tabIndex={-1} className={styles.status} data-testid={`field-${field.path}-status`}>
          {flag.status === "confirmed" ? t("ui.extraction.confirmed") : t("ui.extraction.corrected")}
        </span>
      ) : null}
      {isPending && !isReadOnly ? (
        <div>
          <Button
            size="small"
            icon={<CheckmarkRegular />}
            aria-label={t("ui.extraction.confirm_aria", { label })}
            onClick={() => {
              returnFocus.current = true;
              onConfirm(flag.id);
            }}
            data-testid={`field-${field.path}-confirm`}
          >
            {t("ui.extraction.confirm")}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
