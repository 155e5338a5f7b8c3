// Owns what happens to a saved text: write it into the item (by host), copy it, or download it as .docx.
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, ArrowReplyRegular, CalendarAddRegular, CopyRegular, MailEditRegular } from "@fluentui/react-icons";
import { useState, type ReactElement, type ReactNode } from "react";
import type { MessageKey } from "../../src/i18n";
import { HostError, type ValidatedRecord, type WriteTarget } from "../hosts/host-adapter";
import { useHost } from "../hooks/use-host";
import { useI18n } from "../hooks/use-i18n";

const TARGETS: Record<WriteTarget, { label: MessageKey; done: MessageKey; icon: ReactElement }> = {
  insert: { label: "ui.deliver.insert", done: "ui.deliver.done_insert", icon: <MailEditRegular /> },
  reply: { label: "ui.deliver.reply", done: "ui.deliver.done_reply", icon: <ArrowReplyRegular /> },
  append: { label: "ui.deliver.append", done: "ui.deliver.done_append", icon: <CalendarAddRegular /> },
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  status: { margin: 0, minHeight: tokens.lineHeightBase200, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  ok: { color: tokens.colorStatusSuccessForeground1 },
  failed: { color: tokens.colorStatusDangerForeground1 },
});

/** The saved text, its notice and provenance, and the host targets it can be written to. */
export interface DeliveryActionsProps {
  readonly targets: readonly WriteTarget[];
  readonly text: string;
  readonly notice: string | null;
  /** The saved draft's record, handed to the host with the text so the send check lets the mail go. */
  readonly provenance: ValidatedRecord | null;
  readonly onCopy: () => Promise<void>;
  readonly onDownload: () => Promise<void>;
}

type Outcome = { readonly isOk: boolean; readonly message: string } | null;

/** The buttons after saving; the host's own targets first, then copy and download, which work everywhere. */
export function DeliveryActions({ targets, text, notice, provenance, onCopy, onDownload }: DeliveryActionsProps): ReactNode {
  const host = useHost();
  const { t } = useI18n();
  const styles = useStyles();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (id: string, action: () => Promise<void>, done: MessageKey): Promise<void> => {
    setBusy(id);
    setOutcome(null);
    try {
      await action();
      setOutcome({ isOk: true, message: t(done) });
    } catch (error) {
      console.warn(`Delivery "${id}" failed`, error);
      const reason =
        error instanceof HostError ? t(id === "copy" && error.code === "host_record_failed" ? "ui.deliver.copy_record_failed" : `ui.host.${error.code}`) : t("ui.deliver.failed_generic");
      setOutcome({ isOk: false, message: t("ui.deliver.failed", { reason }) });
    } finally {
      setBusy(null);
    }
  };

  /** Copies, then records the validation: pasted into a mail being written, the text must pass the send check. */
  const copyAndRecord = async (): Promise<void> => {
    await onCopy();
    if (provenance) await host.recordValidated?.(provenance);
  };

  return (
    <section className={styles.root} aria-label={t("ui.deliver.title")} data-testid="deliver">
      <h3 className={styles.heading}>{t("ui.deliver.title")}</h3>
      <div className={styles.buttons}>
        {targets.map((target) => (
          <Button
            key={target}
            appearance="primary"
            icon={TARGETS[target].icon}
            disabledFocusable={busy !== null}
            onClick={() => void run(target, () => host.write(target, text, notice, provenance ?? undefined), TARGETS[target].done)}
            data-testid={`deliver-${target}`}
          >
            {t(TARGETS[target].label)}
          </Button>
        ))}
        <Button icon={<CopyRegular />} disabledFocusable={busy !== null} onClick={() => void run("copy", () => copyAndRecord(), "ui.deliver.done_copy")} data-testid="deliver-copy">
          {t("ui.deliver.copy")}
        </Button>
        <Button
          icon={<ArrowDownloadRegular />}
          disabledFocusable={busy !== null}
          onClick={() => void run("docx", onDownload, "ui.deliver.done_docx")}
          data-testid="deliver-docx"
        >
          {t("ui.deliver.docx")}
        </Button>
      </div>
      <p role="status" className={mergeClasses(styles.status, outcome?.isOk === false ? styles.failed : styles.ok)} data-testid="deliver-status">
        {outcome?.message ?? ""}
      </p>
    </section>
  );
}
