// Owns the grid of a task's headline figures: validated share (with its meter), ungrounded facts, degraded drafts,
// health data and footprint.
import type { ReactNode } from "react";
import { formatFootprint } from "../../../src/checks/footprint";
import type { StatsCell } from "../../../src/schemas/committee";
import { useI18n } from "../../hooks/use-i18n";
import { formatNumber, formatShare } from "../format";
import { useTaskCardStyles } from "./styles";

/** A cell whose figures are shown: the card renders these parts only then. */
export type ShownCell = Extract<StatsCell, { suppressed: false }>;

/** One metric: its name and value (and an optional small line under the value). */
function Metric({
  label,
  value,
  sub,
  children,
  testId,
}: {
  label: string;
  value: string;
  sub?: string;
  children?: ReactNode;
  testId?: string;
}): ReactNode {
  const styles = useTaskCardStyles();
  return (
    <div className={styles.metric} data-testid={testId}>
      <dt className={styles.dt}>{label}</dt>
      <dd className={styles.dd}>
        {value}
        {sub ? <span className={styles.sub}> · {sub}</span> : null}
        {children}
      </dd>
    </div>
  );
}

/** The metrics of a shown (not suppressed) `cell`. */
export function TaskMetrics({ cell }: { cell: ShownCell }): ReactNode {
  const { t, locale } = useI18n();
  const styles = useTaskCardStyles();
  const validated = Math.round(cell.validatedShare * cell.generations);
  return (
    <dl className={styles.metrics}>
      <Metric
        label={t("committee.metric.validated")}
        value={formatShare(cell.validatedShare, locale)}
        sub={t("committee.count_of", {
          count: formatNumber(validated, locale),
          total: formatNumber(cell.generations, locale),
        })}
        testId="metric-validated"
      >
        <span className={styles.meter} aria-hidden="true">
          <span
            className={styles.meterFill}
            style={{ width: `${Math.min(100, Math.max(0, cell.validatedShare * 100))}%` }}
          />
        </span>
      </Metric>
      <Metric
        label={t("committee.metric.ungrounded")}
        value={formatNumber(cell.ungroundedPerGeneration, locale, 2)}
        testId="metric-ungrounded"
      />
      <Metric
        label={t("committee.metric.degraded")}
        value={formatNumber(cell.degraded, locale)}
        sub={formatShare(cell.generations > 0 ? cell.degraded / cell.generations : 0, locale)}
        testId="metric-degraded"
      />
      <Metric
        label={t("committee.metric.health")}
        value={formatShare(cell.healthDataShare, locale)}
        testId="metric-health"
      />
      <Metric
        label={t("committee.metric.footprint_total")}
        value={formatFootprint({ energyWh: cell.energyWh.total, gco2eq: cell.gco2eq.total }, locale)}
        testId="metric-footprint-total"
      />
      <Metric
        label={t("committee.metric.footprint_per")}
        value={formatFootprint({ energyWh: cell.energyWh.perGeneration, gco2eq: cell.gco2eq.perGeneration }, locale)}
        testId="metric-footprint-per"
      />
    </dl>
  );
}
