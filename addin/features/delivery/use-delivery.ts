// Owns the delivery of a saved text: written into the item by the host, copied (then recorded for the send check) or
// exported as .docx, one action at a time, with the outcome in words.
import { useState } from "react";
import type { MessageKey } from "../../../src/i18n/core";
import { TASKS, type TaskId, type TemplateId } from "../../../src/tasks/catalogue";
import { downloadDocx } from "../../export/download-docx";
import type { ValidatedRecord, WriteTarget } from "../../hosts/host-adapter";
import { useHost } from "../../hooks/use-host";
import { useI18n } from "../../hooks/use-i18n";
import { copyText } from "../../lib/clipboard";
import { AddinError, messageOf } from "../../lib/errors";
import { toPlainText } from "../../lib/draft-blocks";

/** A saved text ready to leave the pane, with what goes with it. */
export interface SavedText {
  readonly text: string;
  readonly task: TaskId;
  readonly template?: TemplateId | null | undefined;
  /** The transparency notice decided by the server, if any. */
  readonly notice: string | null;
  /** The saved draft's record, handed to the host with the text so the send check lets the mail go. */
  readonly provenance: ValidatedRecord | null;
  /** One line under the document's title: member, date. */
  readonly subtitle: string;
}

/** What the last action did, in words. */
export type Outcome = { readonly isOk: boolean; readonly message: string } | null;

/** The delivery actions and their state; `busy` names the action running. */
export interface Delivery {
  readonly outcome: Outcome;
  readonly busy: string | null;
  write(target: WriteTarget, done: MessageKey): void;
  copy(): void;
  download(): void;
}

/** Runs one delivery action at a time and says how it went. */
export function useDelivery(saved: SavedText): Delivery {
  const host = useHost();
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (id: string, action: () => Promise<unknown>, done: MessageKey): Promise<void> => {
    setBusy(id);
    setOutcome(null);
    try {
      await action();
      setOutcome({ isOk: true, message: t(done) });
    } catch (error) {
      console.warn(`Delivery "${id}" failed`, error);
      // A copy that could not be recorded did copy: say so, not that it failed outright.
      const isUnrecordedCopy = id === "copy" && error instanceof AddinError && error.code === "host_record_failed";
      const reason = isUnrecordedCopy
        ? t("ui.deliver.copy_record_failed")
        : messageOf(error, t, "ui.deliver.failed_generic");
      setOutcome({ isOk: false, message: t("ui.deliver.failed", { reason }) });
    } finally {
      setBusy(null);
    }
  };

  /** Copies, then records the validation: pasted into a mail being written, the text must pass the send check. */
  const copyAndRecord = async (): Promise<void> => {
    await copyText(toPlainText(saved.text, saved.notice));
    if (saved.provenance) await host.recordValidated?.(saved.provenance);
  };

  // French name with the task and the day, never the member's name ("compte-rendu-2026-12-05.docx").
  const exportDocx = (): Promise<string> =>
    downloadDocx({
      text: saved.text,
      task: saved.task,
      template: saved.template,
      title: t(TASKS[saved.task].labelKey),
      subtitle: saved.subtitle,
      notice: saved.notice,
      filePrefix: t(`docx.file_prefix.${saved.task}`),
      date: new Date(),
    });

  return {
    outcome,
    busy,
    write: (target, done) =>
      void run(target, () => host.write(target, saved.text, saved.notice, saved.provenance ?? undefined), done),
    copy: () => void run("copy", copyAndRecord, "ui.deliver.done_copy"),
    download: () => void run("docx", exportDocx, "ui.deliver.done_docx"),
  };
}
