// Owns "Mes comptes rendus": the adviser's own saved texts, searched and listed, each reopened read-only.
import { Button, Input } from "@fluentui/react-components";
import { ArrowLeftRegular, SearchRegular } from "@fluentui/react-icons";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { useI18n } from "../../hooks/use-i18n";
import { HistoryList } from "./HistoryList";
import { useHistoryStyles } from "./history-styles";
import { SavedMinutes } from "./SavedMinutes";
import { useHistory, type DraftSeed } from "./use-history";

/** The history view; `onClose` goes back to the notes, `onSeed` starts a new draft from a saved text. */
export function HistoryPanel({
  onClose,
  onSeed,
}: {
  readonly onClose: () => void;
  readonly onSeed: (seed: DraftSeed) => void;
}): ReactNode {
  const { t } = useI18n();
  const styles = useHistoryStyles();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const history = useHistory();
  const { page, searched, isLoading, problem } = history;

  // Once, when the history opens (not on the way back from a reopened text).
  useEffect(() => headingRef.current?.focus(), []);

  if (history.open) return <SavedMinutes minutes={history.open} onBack={history.close} onSeed={onSeed} />;

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="history">
      <div>
        <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={onClose} data-testid="history-close">
          {t("ui.history.back")}
        </Button>
      </div>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className={styles.heading}>
        {t("ui.history.title")}
      </h2>
      <form
        className={styles.search}
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          history.load(history.query.trim());
        }}
      >
        <Input
          className={styles.searchInput}
          value={history.query}
          onChange={(_, data) => history.setQuery(data.value)}
          aria-label={t("ui.history.search")}
          placeholder={t("ui.history.search")}
          type="search"
          data-testid="history-search"
        />
        <Button type="submit" icon={<SearchRegular />} data-testid="history-search-button">
          {t("ui.history.search_button")}
        </Button>
      </form>
      {problem ? (
        <p role="alert" className={styles.error} data-testid="history-error">
          {problem}
        </p>
      ) : null}
      {page && page.items.length === 0 ? (
        <p className={styles.hint} data-testid="history-empty">
          {searched ? t("ui.history.no_match", { q: searched }) : t("ui.history.empty")}
        </p>
      ) : null}
      {page && page.items.length > 0 ? <HistoryList items={page.items} onOpen={history.reopen} /> : null}
      {isLoading ? <p className={styles.hint}>{t("ui.history.loading")}</p> : null}
      {page?.nextCursor && !isLoading ? (
        <div>
          <Button onClick={() => history.load(searched, page.nextCursor ?? undefined)} data-testid="history-more">
            {t("ui.history.more")}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
