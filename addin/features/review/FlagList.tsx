// Owns the list of figures to check: each one confirmed or corrected by the adviser, keyboard first.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import { usePanelCardStyles } from "../../components/panel-card";
import { useI18n } from "../../hooks/use-i18n";
import { pendingCount, type FlagState } from "../../lib/flags";
import { FlagItem, type FlagDecisions } from "./FlagItem";

const useStyles = makeStyles({
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
    gap: tokens.spacingVerticalS,
  },
});

/** The flagged figures, the text they are checked against, and the adviser's three decisions. */
export interface FlagListProps {
  readonly flags: readonly FlagState[];
  readonly text: string;
  readonly isReadOnly: boolean;
  readonly decisions: FlagDecisions;
  /** Id given to the heading's count, so the editor can point at it. */
  readonly summaryId: string;
}

/** Every flagged figure with its place in the text and its two ways out: confirm or correct. */
export function FlagList({ flags, text, isReadOnly, decisions, summaryId }: FlagListProps): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const card = usePanelCardStyles();
  const headingId = useId();
  const remaining = pendingCount(flags, text);
  return (
    <section aria-labelledby={headingId} className={mergeClasses(card.root, card.tinted)} data-testid="flags">
      <h3 id={headingId} className={card.heading}>
        {t("ui.flags.title")}{" "}
        <span id={summaryId} data-testid="flags-remaining">
          {remaining > 0 ? t("ui.flags.remaining", { count: remaining }) : t("ui.flags.all_done")}
        </span>
      </h3>
      <p className={styles.intro}>{t("ui.flags.intro")}</p>
      <ul className={styles.list}>
        {flags.map((flag) => (
          <FlagItem key={flag.id} flag={flag} text={text} isReadOnly={isReadOnly} decisions={decisions} />
        ))}
      </ul>
    </section>
  );
}
