// Owns the offer of a member's earlier saved texts as a source: listed when a member reference is typed, added only if the adviser chooses.
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState, type ReactNode } from "react";
import type { MinutesListItem } from "../../src/schemas/minutes";
import { usePanelCardStyles } from "../components/panel-card";
import { useApi } from "../hooks/use-host";
import { useI18n } from "../hooks/use-i18n";
import { presentableText } from "../lib/clean-generation";
import type { WorkSource } from "../lib/work-source";

/** How long the member reference must stay unchanged before the list is asked for (it is typed letter by letter). */
const SETTLE_MS = 500;

const useStyles = makeStyles({
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground3 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  line: { overflowWrap: "anywhere" },
});

/** The member's earlier texts, newest first (five at most), each with "Ajouter comme source". */
export function EarlierMinutes({ memberId, onAdd, isDisabled }: { readonly memberId: string; readonly onAdd: (source: WorkSource) => void; readonly isDisabled: boolean }): ReactNode {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const card = usePanelCardStyles();
  const [items, setItems] = useState<readonly MinutesListItem[]>([]);
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.listMinutes({ memberId, limit: 5 }, controller.signal).then(
        (page) => {
          if (!controller.signal.aborted) setItems(page.items);
        },
        (error: unknown) => {
          // An offer, not a step: without it the adviser works as before.
          if (!controller.signal.aborted) console.warn("Earlier minutes not listed", error);
        },
      );
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, memberId]);

  if (items.length === 0) return null;
  const day = (iso: string): string => new Date(iso).toLocaleDateString(locale === "en" ? "en-GB" : "fr-FR", { day: "2-digit", month: "2-digit", year: "numeric" });

  const add = (item: MinutesListItem): void => {
    api.getMinutes(item.id).then(
      (minutes) => {
        setAdded((previous) => new Set([...previous, item.id]));
        onAdd({ kind: "document", name: t("ui.history.earlier.source_name", { date: day(minutes.validatedAt) }), text: presentableText(minutes.text), facts: {} });
      },
      (error: unknown) => console.warn("Earlier minutes not read", error),
    );
  };

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
              <Button size="small" disabledFocusable={isDisabled || added.has(item.id)} onClick={() => add(item)} data-testid={`earlier-add-${item.id}`}>
                {t("ui.history.earlier.add")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
