// Owns the histogram's data as a table, folded under the chart, for readers who want the figures.
import type { ReactNode } from "react";
import { useI18n } from "../../hooks/use-i18n";
import { formatNumber } from "../format";
import { useHistogramStyles } from "./histogram-styles";

/** Each bucket's label (`bins`) with its count. */
export function HistogramTable({ counts, bins }: { counts: readonly number[]; bins: readonly string[] }): ReactNode {
  const { t, locale } = useI18n();
  const styles = useHistogramStyles();
  return (
    <details className={styles.details}>
      <summary className={styles.summary}>{t("committee.chart.data")}</summary>
      <table className={styles.table} data-testid="histogram-table">
        <caption className={styles.tableCaption}>{t("committee.histogram.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("committee.histogram.axis")}</th>
            <th scope="col">{t("committee.histogram.count")}</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((n, i) => (
            <tr key={i}>
              <th scope="row">{bins[i]}</th>
              <td>{formatNumber(n, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
