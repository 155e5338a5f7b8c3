// Owns the audit log's section: the chain's state in words ("Journal intègre : N événements" or where it breaks),
// re-verify, export.
import { Button, mergeClasses, Spinner } from "@fluentui/react-components";
import {
  ArrowClockwiseRegular,
  ArrowDownloadRegular,
  ErrorCircleRegular,
  ShieldCheckmarkRegular,
} from "@fluentui/react-icons";
import type { ReactNode } from "react";
import type { AuditVerification, CommitteeClient } from "../api/committee";
import { useI18n } from "../hooks/use-i18n";
import { useAuditStyles } from "./audit-styles";
import { formatNumber } from "./format";
import { useAuditExport } from "./use-audit-export";
import type { Loadable } from "./use-committee-data";

/** The chain's state in one sentence; the same words on the summary tile and in this section. */
export function auditSentence(
  audit: AuditVerification,
  t: ReturnType<typeof useI18n>["t"],
  locale: "fr" | "en",
): string {
  return audit.ok
    ? t("committee.audit.ok", { count: formatNumber(audit.entries, locale) })
    : t("committee.audit.broken", {
        seq: formatNumber(audit.firstBrokenAt ?? 0, locale),
        count: formatNumber(audit.entries, locale),
      });
}

/** The chain's state as a coloured banner (green when intact, red naming the first broken entry). */
export function AuditState({ audit }: { audit: AuditVerification }): ReactNode {
  const { t, locale } = useI18n();
  const styles = useAuditStyles();
  return (
    <div
      className={mergeClasses(styles.state, audit.ok ? styles.ok : styles.broken)}
      data-testid="audit-state"
      data-ok={String(audit.ok)}
    >
      {audit.ok ? (
        <ShieldCheckmarkRegular className={styles.icon} aria-hidden />
      ) : (
        <ErrorCircleRegular className={styles.icon} aria-hidden />
      )}
      <p className={styles.text}>{auditSentence(audit, t, locale)}</p>
    </div>
  );
}

/** The chain's state as loaded, the re-verify action, and the client the exports are fetched with. */
export interface AuditPanelProps {
  readonly audit: Loadable<AuditVerification>;
  readonly isVerifying: boolean;
  readonly onVerify: () => void;
  readonly client: CommitteeClient;
}

/** State of the chain, "Vérifier à nouveau", and the CSV and JSON exports (see use-audit-export). */
export function AuditPanel({ audit, isVerifying, onVerify, client }: AuditPanelProps): ReactNode {
  const { t } = useI18n();
  const styles = useAuditStyles();
  const { busy, outcome, exportAs } = useAuditExport(client);

  return (
    <div className={styles.root}>
      <p className={styles.intro}>{t("committee.audit.intro")}</p>
      <div aria-live="polite">
        {audit.status === "ok" ? <AuditState audit={audit.data} /> : null}
        {audit.status === "loading" ? <Spinner size="small" label={t("committee.audit.verifying")} /> : null}
        {audit.status === "error" ? (
          <p className={mergeClasses(styles.status, styles.failed)} role="alert">
            {t("committee.section_failed", { reason: audit.problem.detail })}
          </p>
        ) : null}
      </div>
      <div className={styles.actions}>
        <Button
          icon={isVerifying ? <Spinner size="tiny" /> : <ArrowClockwiseRegular />}
          disabledFocusable={isVerifying}
          onClick={onVerify}
          data-testid="audit-verify"
        >
          {isVerifying ? t("committee.audit.verifying") : t("committee.audit.verify")}
        </Button>
        <Button
          icon={<ArrowDownloadRegular />}
          disabledFocusable={busy !== null}
          onClick={() => void exportAs("csv")}
          data-testid="audit-export-csv"
        >
          {t("committee.audit.export_csv")}
        </Button>
        <Button
          icon={<ArrowDownloadRegular />}
          disabledFocusable={busy !== null}
          onClick={() => void exportAs("json")}
          data-testid="audit-export-json"
        >
          {t("committee.audit.export_json")}
        </Button>
      </div>
      <p className={styles.note}>{t("committee.audit.export_note")}</p>
      <p
        role="status"
        className={mergeClasses(styles.status, outcome?.isOk === false && styles.failed)}
        data-testid="audit-export-status"
      >
        {outcome?.message ?? ""}
      </p>
    </div>
  );
}
