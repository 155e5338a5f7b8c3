// Owns the list of saved texts in "Mes comptes rendus": one button per text, with its task, date, member and case.
import { Button } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { MinutesListItem } from "../../../src/schemas/minutes";
import { useI18n } from "../../hooks/use-i18n";
import { taskLabel, when } from "./history-format";
import { useHistoryStyles } from "./history-styles";

/** The texts loaded so far; choosing one reopens it. */
export function HistoryList({
  items,
  onOpen,
}: {
  readonly items: readonly MinutesListItem[];
  readonly onOpen: (id: string) => void;
}): ReactNode {
  const { t, locale } = useI18n();
  const styles = useHistoryStyles();
  return (
    <ul className={styles.list} data-testid="history-list">
      {items.map((item) => {
        const saved = when(item.createdAt, locale);
        const meta = [
          t(taskLabel(item.task, item.template)),
          t("ui.history.saved_on", saved),
          item.memberId ? t("ui.history.member", { member: item.memberId }) : null,
          t(`ui.history.case.${item.transparency.case}`),
        ];
        return (
          <li key={item.id}>
            <Button
              className={styles.item}
              appearance="outline"
              onClick={() => onOpen(item.id)}
              data-testid={`history-item-${item.id}`}
            >
              <span className={styles.firstLine}>{item.firstLine}</span>
              <span className={styles.meta}>{meta.filter(Boolean).join(" · ")}</span>
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
