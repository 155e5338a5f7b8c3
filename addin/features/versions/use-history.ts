// Owns the state of "Mes comptes rendus": the search, the pages of saved texts loaded so far, and the one reopened.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Minutes, MinutesListItem } from "../../../src/schemas/minutes";
import type { TaskId, TemplateId } from "../../../src/tasks/catalogue";
import { useApi } from "../../api/use-api";
import { useI18n } from "../../hooks/use-i18n";
import { messageOf } from "../../lib/errors";

/** What "Nouveau brouillon à partir de celui-ci" hands to the workspace. */
export interface DraftSeed {
  readonly task: TaskId;
  readonly template?: TemplateId | undefined;
  readonly text: string;
}

export type HistoryPage = { readonly items: readonly MinutesListItem[]; readonly nextCursor: string | null };

/** The history's state and what the adviser can do with it. */
export interface HistoryState {
  readonly query: string;
  readonly setQuery: (query: string) => void;
  /** The query of the page shown ("" for all). */
  readonly searched: string;
  readonly page: HistoryPage | null;
  readonly isLoading: boolean;
  readonly problem: string | null;
  /** The saved text reopened read-only, or null for the list. */
  readonly open: Minutes | null;
  readonly close: () => void;
  /** Loads the first page for `q`, or the next one after `cursor`. */
  readonly load: (q: string, cursor?: string) => void;
  readonly reopen: (id: string) => void;
}

/** Lists the adviser's saved texts at once (all of them), and aborts a pending list on unmount. */
export function useHistory(): HistoryState {
  const { t } = useI18n();
  const api = useApi();
  const [query, setQuery] = useState("");
  const [searched, setSearched] = useState("");
  const [page, setPage] = useState<HistoryPage | null>(null);
  const [isLoading, setIsLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState<Minutes | null>(null);
  const controller = useRef<AbortController | null>(null);

  const load = useCallback(
    (q: string, cursor?: string): void => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setIsLoading(true);
      setProblem(null);
      api.listMinutes({ ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) }, current.signal).then(
        (next) => {
          if (current.signal.aborted) return;
          setPage((previous) =>
            cursor && previous ? { items: [...previous.items, ...next.items], nextCursor: next.nextCursor } : next,
          );
          setSearched(q);
          setIsLoading(false);
        },
        (error: unknown) => {
          if (current.signal.aborted) return;
          setIsLoading(false);
          setProblem(t("ui.history.failed", { reason: messageOf(error, t) }));
        },
      );
    },
    [api, t],
  );

  useEffect(() => {
    load("");
    return () => controller.current?.abort();
  }, [load]);

  const reopen = (id: string): void => {
    api.getMinutes(id).then(setOpen, (error: unknown) => {
      setProblem(t("ui.history.failed", { reason: messageOf(error, t) }));
    });
  };

  return { query, setQuery, searched, page, isLoading, problem, open, close: () => setOpen(null), load, reopen };
}
