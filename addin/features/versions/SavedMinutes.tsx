// Owns one saved text reopened from the history: read-only, copied, exported again, or used to start a new draft.
import { Button, mergeClasses } from "@fluentui/react-components";
import { ArrowDownloadRegular, ArrowLeftRegular, CopyRegular, DocumentAddRegular } from "@fluentui/react-icons";
import { useId, useState, type ReactNode } from "react";
import type { MessageKey } from "../../../src/i18n";
import type { Minutes } from "../../../src/schemas/minutes";
import { TASKS } from "../../../src/tasks/catalogue";
import { downloadDocx } from "../../export/download-docx";
import { useI18n } from "../../hooks/use-i18n";
import { presentableText } from "../../lib/clean-generation";
import { copyText } from "../../lib/clipboard";
import { toPlainText } from "../../lib/draft-blocks";
import { sectionTitles } from "../../lib/export-name";
import { taskLabel, when } from "./history-format";
import { useHistoryStyles } from "./history-styles";
import type { DraftSeed } from "./use-history";

/** The saved text; `onBack` returns to the list, `onSeed` starts a new draft from it. */
export interface SavedMinutesProps {
  readonly minutes: Minutes;
  readonly onBack: () => void;
  readonly onSeed: (seed: DraftSeed) => void;
}

/** The read-only view, with its copy, export and new-draft actions and their status line. */
export function SavedMinutes({ minutes: open, onBack, onSeed }: SavedMinutesProps): ReactNode {
  const { t, locale } = useI18n();
  const styles = useHistoryStyles();
  const headingId = useId();
  const [status, setStatus] = useState("");
  const saved = when(open.validatedAt, locale);
  const headings = sectionTitles(open.task, open.template);

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

  const exportDocx = (): Promise<unknown> =>
    downloadDocx({
      text: open.text,
      task: open.task,
      template: open.template,
      title: t(TASKS[open.task].labelKey),
      subtitle: t("ui.history.saved_on", saved),
      notice: open.transparency.label,
      filePrefix: t(`docx.file_prefix.${open.task}`),
      date: new Date(open.validatedAt),
    });

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="history-open">
      <div>
        <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={onBack} data-testid="history-back-list">
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
        {t("ui.history.provenance", {
          prePrompt: open.prePrompt.id,
          version: open.prePrompt.version,
          share: Math.round(open.aiShare * 100),
          ...saved,
        })}
      </p>
      <div className={styles.buttons}>
        <Button
          icon={<CopyRegular />}
          onClick={() =>
            void run(() => copyText(toPlainText(open.text, open.transparency.label, { headings })), "ui.history.copied")
          }
          data-testid="history-copy"
        >
          {t("ui.history.copy")}
        </Button>
        <Button
          icon={<ArrowDownloadRegular />}
          onClick={() => void run(exportDocx, "ui.history.exported")}
          data-testid="history-docx"
        >
          {t("ui.history.docx")}
        </Button>
        <Button
          icon={<DocumentAddRegular />}
          onClick={() =>
            onSeed({ task: open.task, ...(open.template ? { template: open.template } : {}), text: open.text })
          }
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
