// Owns the trend across months: generations per task and month as a stacked chart and as the table it summarises.
import { mergeClasses } from "@fluentui/react-components";
import { useId, useMemo, type ReactNode } from "react";
import type { CommitteeStats } from "../../src/schemas/committee";
import { TASK_IDS } from "../../src/tasks/catalogue";
import { useI18n } from "../hooks/use-i18n";
import { MonthlyBars, type MonthlySeries } from "./charts/MonthlyBars";
import { formatMonth, formatNumber, taskLabel } from "./format";
import { useOverviewStyles } from "./overview-styles";
import { taskColor } from "./task-colors";

/** Chart and table of generations per month; suppressed cells are written out, never counted, never zero. */
export function MonthlyOverview({ stats }: { stats: CommitteeStats }): ReactNode {
  const { t, locale } = useI18n();
  const styles = useOverviewStyles();
  const captionId = useId();

  const { months, tasks, byKey } = useMemo(() => {
    const byKey = new Map(stats.cells.map((c) => [`${c.month}|${c.task}`, c]));
    const months = [...new Set(stats.cells.map((c) => c.month))].sort();
    const present = new Set(stats.cells.map((c) => c.task));
    const tasks = [
      ...TASK_IDS.filter((id) => present.has(id)),
      ...[...present].filter((id) => !(TASK_IDS as readonly string[]).includes(id)).sort(),
    ];
    return { months, tasks, byKey };
  }, [stats]);

  const countOf = (month: string, task: string): number | null => {
    const cell = byKey.get(`${month}|${task}`);
    return cell && !cell.suppressed ? cell.generations : null;
  };
  // Only tasks with a shown figure are drawn (and named in the legend): a suppressed task has nothing to draw.
  const series: MonthlySeries[] = tasks
    .map((task) => ({
      key: task,
      label: taskLabel(task, t),
      color: taskColor(task),
      counts: months.map((m) => countOf(m, task)),
    }))
    .filter((s) => s.counts.some((n) => n !== null));
  const totalOf = (month: string): number => tasks.reduce((sum, task) => sum + (countOf(month, task) ?? 0), 0);
  const chartLabel = t("committee.overview.chart_label", {
    months: months
      .map((m) =>
        t("committee.overview.chart_month", { month: formatMonth(m, locale), count: formatNumber(totalOf(m), locale) }),
      )
      .join(", "),
  });

  return (
    <div className={styles.root}>
      <p id={captionId} className={styles.caption}>
        {t("committee.overview.caption")}
      </p>
      <MonthlyBars months={months} series={series} label={chartLabel} />
      <div className={styles.scroller} role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className={styles.table} data-testid="overview-table">
          <thead>
            <tr>
              <th scope="col">{t("committee.overview.month")}</th>
              {tasks.map((task) => (
                <th key={task} scope="col">
                  <span className={styles.taskHead}>
                    {series.some((s) => s.key === task) ? (
                      <span className={styles.swatch} style={{ backgroundColor: taskColor(task) }} aria-hidden="true" />
                    ) : null}
                    {taskLabel(task, t)}
                  </span>
                </th>
              ))}
              <th scope="col" className={styles.number}>
                {t("committee.overview.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...months].reverse().map((month) => (
              <tr key={month}>
                <th scope="row">{formatMonth(month, locale)}</th>
                {tasks.map((task) => {
                  const cell = byKey.get(`${month}|${task}`);
                  if (cell?.suppressed) {
                    return (
                      <td key={task} className={styles.suppressed} data-testid="overview-suppressed">
                        {t("committee.suppressed", { min: stats.minGroupSize })}
                      </td>
                    );
                  }
                  return (
                    <td key={task} className={mergeClasses(styles.number, !cell && styles.zero)}>
                      {formatNumber(cell?.generations ?? 0, locale)}
                    </td>
                  );
                })}
                <td className={styles.number}>{formatNumber(totalOf(month), locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
