// Owns the "Sources de cette phrase" list under the draft: the note and source lines the sentence at the caret draws
// on; shown only, never exported.
import { makeStyles, tokens } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import type { CitedLine } from "../../lib/citations";
import { useI18n } from "../../hooks/use-i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  item: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  where: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
});

/** The cited lines to show for the caret's sentence. */
export interface CitationListProps {
  /** The lines cited by the sentence at the caret; null while the caret is in no sentence with citations known. */
  readonly lines: readonly CitedLine[] | null;
  /** Whether the caret is in the draft yet (before that, a hint says how to use the list). */
  readonly hasCaret: boolean;
}

/** The lines behind the sentence at the caret. */
export function CitationList({ lines, hasCaret }: CitationListProps): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="citations">
      <h3 id={headingId} className={styles.heading}>
        {t("ui.citations.title")}
      </h3>
      {!hasCaret ? (
        <p className={styles.hint}>{t("ui.citations.hint")}</p>
      ) : lines && lines.length > 0 ? (
        <ul className={styles.list}>
          {lines.map((line) => (
            <li key={`${line.in}-${line.line}`} className={styles.item} data-testid="citation">
              <span className={styles.where}>
                {t(line.in === "notes" ? "ui.citations.notes" : "ui.citations.source", { line: line.line })}
              </span>
              « {line.text} »
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.hint} data-testid="citations-none">
          {t("ui.citations.none")}
        </p>
      )}
    </section>
  );
}
