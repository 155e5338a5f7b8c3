// Owns "Mes comptes rendus": the adviser's own saved texts, searched, reopened read-only, copied, exported again, or used to start a new draft.
import { Button, Input, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, ArrowLeftRegular, CopyRegular, DocumentAddRegular, SearchRegular } from "@fluentui/react-icons";
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { MessageKey } from "../../src/i18n";
import type { Minutes, MinutesListItem } from "../../src/schemas/minutes";
import { TASKS, TEMPLATES, type TaskId, type TemplateId } from "../../src/tasks/catalogue";
import { ApiError } from "../api/client";
import { downloadDocx } from "../export/download-docx";
import { useApi } from "../hooks/use-host";
import { useI18n } from "../hooks/use-i18n";
import { presentableText } from "../lib/clean-generation";
import { copyText } from "../lib/clipboard";
import { toPlainText } from "../lib/draft-blocks";
import { sectionTitles } from "../lib/export-name";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  search: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  searchInput: { flexGrow: 1, minWidth: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    textAlign: "start",
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    height: "auto",
  },
  firstLine: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  meta: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground3 },
  error: { margin: 0, color: tokens.colorStatusDangerForeground1 },
  text: {
    margin: 0,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  notice: { margin: 0, fontStyle: "italic" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  status: { margin: 0, minHeight: tokens.lineHeightBase200, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  ok: { color: tokens.colorStatusSuccessForeground1 },
});

/** What "Nouveau brouillon à partir de celui-ci" hands to the workspace. */
export interface DraftSeed {
  readonly task: TaskId;
  readonly template?: TemplateId | undefined;
  readonly text: string;
}

type Page = { readonly items: readonly MinutesListItem[]; readonly nextCursor: string | null };

function taskLabel(task: TaskId, template: TemplateId | null | undefined): MessageKey {
  return template ? TEMPLATES[template].labelKey : TASKS[task].labelKey;
}

/** The history view; `onClose` goes back to the notes, `onSeed` starts a new draft from a saved text. */
export function HistoryPanel({ onClose, onSeed }: { readonly onClose: () => void; readonly onSeed: (seed: DraftSeed) => void }): ReactNode {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const headingId = useId();
  const tag = locale === "en" ? "en-GB" : "fr-FR";
  const [query, setQuery] = useState("");
  const [searched, setSearched] = useState("");
  const [page, setPage] = useState<Page | null>(null);
  const [isLoading, setIsLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState<Minutes | null>(null);
  const [status, setStatus] = useState("");
  const controller = useRef<AbortController | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const when = (iso: string): { date: string; time: string } => {
    const d = new Date(iso);
    return { date: d.toLocaleDateString(tag, { day: "2-digit", month: "2-digit", year: "numeric" }), time: d.toLocaleTimeString(tag, { hour: "2-digit", minute: "2-digit" }) };
  };

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
          setPage((previous) => (cursor && previous ? { items: [...previous.items, ...next.items], nextCursor: next.nextCursor } : next));
          setSearched(q);
          setIsLoading(false);
        },
        (error: unknown) => {
          if (current.signal.aborted) return;
          setIsLoading(false);
          setProblem(t("ui.history.failed", { reason: error instanceof ApiError ? error.problem.detail : t("ui.deliver.failed_generic") }));
        },
      );
    },
    [api, t],
  );

  useEffect(() => {
    load("");
    headingRef.current?.focus();
    return () => controller.current?.abort();
  }, [load]);

  const reopen = (id: string): void => {
    setStatus("");
    api.getMinutes(id).then(setOpen, (error: unknown) => {
      setProblem(t("ui.history.failed", { reason: error instanceof ApiError ? error.problem.detail : t("ui.deliver.failed_generic") }));
    });
  };

  const run = async (action: () => Promise<unknown>, done: MessageKey): Promise<void> => {
    setStatus("");
    try {
      await action();
      setStatus(t(done));
    } catch (error) {
      console.warn("History action failed", error);
      setStatus(t("ui.deliver.failed", { reason: t("ui.deliver.failed_generic") }));
    }
  };

  if (open) {
    const saved = when(open.validatedAt);
    const headings = sectionTitles(open.task, open.template);
    return (
      <section className={styles.root} aria-labelledby={headingId} data-testid="history-open">
        <div>
          <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={() => setOpen(null)} data-testid="history-back-list">
            {t("ui.history.title")}
          </Button>
        </div>
        <h2 id={headingId} className={styles.heading}>
          {t(taskLabel(open.task, open.template))}
        </h2>
        <p className={styles.hint} data-testid="history-readonly">
          {t("ui.history.readonly")}
        </p>
        <div className={styles.text} role="document" aria-labelledby={headingId} data-testid="history-text">
          {presentableText(open.text)}
        </div>
        {open.transparency.label ? (
          <p className={styles.notice} data-testid="history-notice">
            {open.transparency.label}
          </p>
        ) : null}
        <p className={styles.hint} data-testid="history-provenance">
          {t("ui.history.provenance", { prePrompt: open.prePrompt.id, version: open.prePrompt.version, share: Math.round(open.aiShare * 100), ...saved })}
        </p>
        <div className={styles.buttons}>
          <Button icon={<CopyRegular />} onClick={() => void run(() => copyText(toPlainText(open.text, open.transparency.label, { headings })), "ui.history.copied")} data-testid="history-copy">
            {t("ui.history.copy")}
          </Button>
          <Button
            icon={<ArrowDownloadRegular />}
            onClick={() =>
              void run(
                () =>
                  downloadDocx({
                    text: open.text,
                    task: open.task,
                    template: open.template,
                    title: t(TASKS[open.task].labelKey),
                    subtitle: t("ui.history.saved_on", saved),
                    notice: open.transparency.label,
                    filePrefix: t(`docx.file_prefix.${open.task}`),
                    date: new Date(open.validatedAt),
                  }),
                "ui.history.exported",
              )
            }
            data-testid="history-docx"
          >
            {t("ui.history.docx")}
          </Button>
          <Button
            icon={<DocumentAddRegular />}
            onClick={() => onSeed({ task: open.task, ...(open.template ? { template: open.template } : {}), text: open.text })}
            data-testid="history-new-from"
          >
            {t("ui.history.new_from")}
          </Button>
        </div>
        <p role="status" className={mergeClasses(styles.status, styles.ok)} data-testid="history-status">
          {status}
        </p>
      </section>
    );
  }

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
          load(query.trim());
        }}
      >
        <Input
          className={styles.searchInput}
          value={query}
          onChange={(_, data) => setQuery(data.value)}
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
      {page && page.items.length > 0 ? (
        <ul className={styles.list} data-testid="history-list">
          {page.items.map((item) => {
            const saved = when(item.createdAt);
            return (
              <li key={item.id}>
                <Button className={styles.item} appearance="outline" onClick={() => reopen(item.id)} data-testid={`history-item-${item.id}`}>
                  <span className={styles.firstLine}>{item.firstLine}</span>
                  <span className={styles.meta}>
                    {[t(taskLabel(item.task, item.template)), t("ui.history.saved_on", saved), item.memberId ? t("ui.history.member", { member: item.memberId }) : null, t(`ui.history.case.${item.transparency.case}`)]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {isLoading ? <p className={styles.hint}>{t("ui.history.loading")}</p> : null}
      {page?.nextCursor && !isLoading ? (
        <div>
          <Button onClick={() => load(searched, page.nextCursor ?? undefined)} data-testid="history-more">
            {t("ui.history.more")}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
