// Owns the extraction form: each extracted field editable, its quote beneath, and the fields whose quote is not in the document to confirm or correct.
import { Button, Field, makeStyles, mergeClasses, Textarea, tokens } from "@fluentui/react-components";
import { CheckmarkRegular } from "@fluentui/react-icons";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { fieldLabel, type FormField } from "../lib/extraction-form";
import { pendingCount, type FlagState } from "../lib/flags";
import { useI18n } from "../hooks/use-i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  flagged: {
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder2}`,
  },
  quote: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground3, fontStyle: "italic", overflowWrap: "anywhere" },
  status: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorStatusSuccessForeground1 },
  value: { width: "100%" },
});

/** An extraction's fields, their current values and flags, and where edits and confirmations go. */
export interface ExtractionFormProps {
  readonly fields: readonly FormField[];
  readonly values: Readonly<Record<string, string>>;
  readonly flags: readonly FlagState[];
  readonly text: string;
  readonly isReadOnly: boolean;
  readonly onChange: (path: string, value: string) => void;
  readonly onConfirm: (flagId: number) => void;
  /** Id given to the heading's count, so the save hint can point at it. */
  readonly summaryId: string;
}

/** The extracted fields as a form, in document order. */
export function ExtractionForm(props: ExtractionFormProps): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const headingId = useId();
  const remaining = pendingCount(props.flags, props.text);
  return (
    <section aria-labelledby={headingId} className={styles.root} data-testid="extraction">
      <h3 id={headingId} className={styles.heading}>
        {t("ui.extraction.title")}{" "}
        <span id={props.summaryId} data-testid="extraction-remaining">
          {props.flags.length === 0 ? "" : remaining > 0 ? t("ui.extraction.remaining", { count: remaining }) : t("ui.extraction.all_done")}
        </span>
      </h3>
      <p className={styles.intro}>{t("ui.extraction.intro")}</p>
      <ul className={styles.list}>
        {props.fields.map((field) => (
          <FieldItem key={field.path} field={field} flag={props.flags.find((f) => f.figure.field === field.path)} {...props} />
        ))}
      </ul>
    </section>
  );
}

function FieldItem({ field, flag, values, isReadOnly, onChange, onConfirm }: ExtractionFormProps & { field: FormField; flag: FlagState | undefined }): ReactNode {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const quoteId = useId();
  const statusRef = useRef<HTMLSpanElement>(null);
  const returnFocus = useRef(false);
  const label = fieldLabel(field, locale);
  const value = values[field.path] ?? "";
  const isPending = flag?.status === "pending";

  useEffect(() => {
    // The Confirmer button goes away: keep the keyboard user on this field's new status.
    if (returnFocus.current && flag?.status === "confirmed") {
      returnFocus.current = false;
      statusRef.current?.focus();
    }
  }, [flag?.status]);

  return (
    <li className={mergeClasses(styles.item, isPending && styles.flagged)} data-testid={`field-${field.path}`} data-status={flag?.status ?? "ok"}>
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
