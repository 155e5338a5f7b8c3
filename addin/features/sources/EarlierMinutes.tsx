// Owns the offer of a member's earlier saved texts as a source: listed when a member reference is typed, added only
// if the adviser chooses.
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { usePanelCardStyles } from "../../components/panel-card";
import { useI18n } from "../../hooks/use-i18n";
import type { WorkSource } from "../../lib/work-source";
import { useEarlierMinutes } from "./use-earlier-minutes";

const useStyles = makeStyles({
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
    gap: tokens.spacingVerticalS,
  },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  line: { overflowWrap: "anywhere" },
});

/** The member, where a chosen text goes, and whether adding is possible now (not while a draft streams). */
export interface EarlierMinutesProps {
  readonly memberId: string;
  readonly onAdd: (source: WorkSource) => void;
  readonly isDisabled: boolean;
}

/** The member's earlier texts, newest first (five at most), each with "Ajouter comme source". */
export function EarlierMinutes({ memberId, onAdd, isDisabled }: EarlierMinutesProps): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const card = usePanelCardStyles();
  const { items, added, add, day } = useEarlierMinutes(memberId, onAdd);

  if (items.length === 0) return null;
  return (
    <section className={card.root} aria-label={t("ui.history.earlier.title")} data-testid="earlier-minutes">
      <h3 className={card.heading}>{t("ui.history.earlier.title")}</h3>
      <p className={styles.hint}>{t("ui.history.earlier.hint")}</p>
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.id} className={styles.item}>
            <span className={styles.line}>
              {day(item.createdAt)} · {item.firstLine}
            </span>
            <div>
              <Button
                size="small"
                disabledFocusable={isDisabled || added.has(item.id)}
                onClick={() => add(item)}
                data-testid={`earlier-add-${item.id}`}
              >
                {t("ui.history.earlier.add")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
