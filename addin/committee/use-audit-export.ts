// Owns the audit log's exports: the format being fetched (with the reader's token, then saved) and what came of it.
import { useState } from "react";
import type { AuditExportFormat, CommitteeClient } from "../api/committee";
import { useI18n } from "../hooks/use-i18n";
import { downloadBlob } from "../lib/clipboard";
import { hasProblem, messageOf } from "../lib/errors";

type Outcome = { readonly isOk: boolean; readonly message: string } | null;

export interface AuditExport {
  /** The format being fetched; null when none is. */
  readonly busy: AuditExportFormat | null;
  /** The last export's result in words; null before any, or while one runs. */
  readonly outcome: Outcome;
  exportAs(format: AuditExportFormat): Promise<void>;
}

export function useAuditExport(client: CommitteeClient): AuditExport {
  const { t } = useI18n();
  const [busy, setBusy] = useState<AuditExportFormat | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const exportAs = async (format: AuditExportFormat): Promise<void> => {
    setBusy(format);
    setOutcome(null);
    try {
      const file = await client.exportAudit(format);
      downloadBlob(file.blob, file.filename);
      setOutcome({ isOk: true, message: t("committee.audit.exported", { file: file.filename }) });
    } catch (error) {
      if (!hasProblem(error)) console.error("Audit export failed", error);
      const reason = messageOf(error, t, "committee.error.bad_response");
      setOutcome({ isOk: false, message: t("committee.audit.export_failed", { reason }) });
    } finally {
      setBusy(null);
    }
  };
  return { busy, outcome, exportAs };
}
