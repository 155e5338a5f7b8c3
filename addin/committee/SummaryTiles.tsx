// Owns the page's "En bref" row: total generations, total footprint, and the audit chain's state, each in one tile.
import { mergeClasses, Spinner } from "@fluentui/react-components";
import {
  DocumentBulletListRegular,
  ErrorCircleRegular,
  LeafOneRegular,
  ShieldCheckmarkRegular,
} from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { formatFootprint } from "../../src/checks/footprint";
import type { CommitteeStats } from "../../src/schemas/committee";
import type { AuditVerification } from "../api/committee";
import { useI18n } from "../hooks/use-i18n";
import { auditSentence } from "./AuditPanel";
import { formatNumber } from "./format";
import { useSummaryStyles } from "./summary-styles";
import type { Loadable } from "./use-committee-data";

/** The three tiles; totals count only the cells that are shown (the server leaves suppressed ones out). */
export function SummaryTiles({
  stats,
  audit,
}: {
  stats: CommitteeStats;
  audit: Loadable<AuditVerification>;
}): ReactNode {
  const { t, locale } = useI18n();
  const styles = useSummaryStyles();
  const { totals } = stats;
  const hidden = stats.cells.filter((c) => c.suppressed).length;
  const perGeneration =
    totals.generations > 0
      ? { energyWh: totals.energyWh / totals.generations, gco2eq: totals.gco2eq / totals.generations }
      : null;

  return (
    <ul className={styles.row} data-testid="summary">
      <li className={styles.tile}>
        <span className={styles.icon} aria-hidden="true">
          <DocumentBulletListRegular />
        </span>
        <div className={styles.body}>
          <span className={styles.label}>{t("committee.summary.generations")}</span>
          <span className={styles.value} data-testid="summary-generations">
            {formatNumber(totals.generations, locale)}
          </span>
          <span className={styles.note}>{t("committee.summary.shown_only")}</span>
          {hidden > 0 ? (
            <span className={styles.note} data-testid="summary-hidden">
              {hidden === 1
                ? t("committee.summary.hidden_one", { min: stats.minGroupSize })
                : t("committee.summary.hidden_many", { count: formatNumber(hidden, locale), min: stats.minGroupSize })}
            </span>
          ) : null}
        </div>
      </li>
      <li className={styles.tile}>
        <span className={mergeClasses(styles.icon, styles.leaf)} aria-hidden="true">
          <LeafOneRegular />
        </span>
        <div className={styles.body}>
          <span className={styles.label}>{t("committee.summary.footprint")}</span>
          <span className={mergeClasses(styles.value, styles.valueSmall)} data-testid="summary-footprint">
            {formatFootprint(totals, locale)}
          </span>
          {perGeneration ? (
            <span className={styles.note}>
              {t("committee.summary.footprint_per", { value: formatFootprint(perGeneration, locale) })}
            </span>
          ) : null}
          {stats.transcription && stats.transcription.totals.transcriptions > 0 ? (
            <span className={styles.note} data-testid="summary-transcription">
              {t("voice.committee.footprint", {
                minutes: formatNumber(Math.round(stats.transcription.totals.audioMinutes), locale),
                value: formatFootprint(stats.transcription.totals, locale),
              })}
            </span>
          ) : null}
        </div>
      </li>
      <li className={styles.tile}>
        <span
          className={mergeClasses(styles.icon, audit.status === "ok" && (audit.data.ok ? styles.ok : styles.broken))}
          aria-hidden="true"
        >
          {audit.status === "ok" && !audit.data.ok ? <ErrorCircleRegular /> : <ShieldCheckmarkRegular />}
        </span>
        <div className={styles.body}>
          <span className={styles.label}>{t("committee.summary.audit")}</span>
          {audit.status === "loading" ? <Spinner size="tiny" label={t("committee.audit.verifying")} /> : null}
          {audit.status === "ok" ? (
            <span
              className={mergeClasses(styles.value, styles.valueSmall, !audit.data.ok && styles.brokenText)}
              data-testid="summary-audit"
            >
              {auditSentence(audit.data, t, locale)}
            </span>
          ) : null}
          {audit.status === "error" ? (
            <span className={styles.note}>{t("committee.section_failed", { reason: audit.problem.detail })}</span>
          ) : null}
          <a className={styles.link} href="#audit">
            {t("committee.nav.audit")}
          </a>
        </div>
      </li>
    </ul>
  );
}
