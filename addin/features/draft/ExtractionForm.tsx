// Owns the extraction form: each extracted field editable, its quote beneath, and the fields whose quote is not in the
// document to confirm or correct.
import { makeStyles, tokens } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import type { FormField } from "../../lib/extraction-form";
import { pendingCount, type FlagState } from "../../lib/flags";
import { useI18n } from "../../hooks/use-i18n";
import { ExtractionField } from "./ExtractionField";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  intro: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
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
  let count = "";
  if (props.flags.length > 0)
    count = remaining > 0 ? t("ui.extraction.remaining", { count: remaining }) : t("ui.extraction.all_done");
  return (
    <section aria-labelledby={headingId} className={styles.root} data-testid="extraction">
      <h3 id={headingId} className={styles.heading}>
        {t("ui.extraction.title")}{" "}
        <span id={props.summaryId} data-testid="extraction-remaining">
          {count}
        </span>
      </h3>
      <p className={styles.intro}>{t("ui.extraction.intro")}</p>
      <ul className={styles.list}>
        {props.fields.map((field) => (
          <ExtractionField
            key={field.path}
            field={field}
            flag={props.flags.find((f) => f.figure.field === field.path)}
            value={props.values[field.path] ?? ""}
            isReadOnly={props.isReadOnly}
            onChange={props.onChange}
            onConfirm={props.onConfirm}
          />
        ))}
      </ul>
    </section>
  );
}
