// Owns the listing of a member's earlier saved texts, asked for once the member reference has settled.
import { useEffect, useState } from "react";
import type { MinutesListItem } from "../../../src/schemas/minutes";
import { useApi } from "../../api/use-api";
import { useI18n } from "../../hooks/use-i18n";
import { presentableText } from "../../lib/clean-generation";
import type { WorkSource } from "../../lib/work-source";

/** How long the member reference must stay unchanged before the list is asked for (it is typed letter by letter). */
const SETTLE_MS = 500;

/** The member's texts (five at most), those already added, and how to add one. */
export interface EarlierMinutesState {
  readonly items: readonly MinutesListItem[];
  readonly added: ReadonlySet<string>;
  readonly add: (item: MinutesListItem) => void;
  /** "05/12/2026" for an ISO time, in the pane's locale. */
  readonly day: (iso: string) => string;
}

/** Lists `memberId`'s earlier texts; adding one reads it and hands it to `onAdd` as a source. */
export function useEarlierMinutes(memberId: string, onAdd: (source: WorkSource) => void): EarlierMinutesState {
  const { t, locale } = useI18n();
  const api = useApi();
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

  const day = (iso: string): string =>
    new Date(iso).toLocaleDateString(locale === "en" ? "en-GB" : "fr-FR", {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
    });

  const add = (item: MinutesListItem): void => {
    api.getMinutes(item.id).then(
      (minutes) => {
        setAdded((previous) => new Set([...previous, item.id]));
        const name = t("ui.history.earlier.source_name", { date: day(minutes.validatedAt) });
        onAdd({ kind: "document", name, text: presentableText(minutes.text), facts: {} });
      },
      (error: unknown) => console.warn("Earlier minutes not read", error),
    );
  };

  return { items, added, add, day };
}
