// Owns one task's card for one month: every aggregate the committee reads, or the plain statement that the cell is
// not shown.
import { mergeClasses } from "@fluentui/react-components";
import { EyeOffRegular } from "@fluentui/react-icons";
import { useId, type ReactNode } from "react";
import type { StatsCell } from "../../../src/schemas/committee";
import { useI18n } from "../../hooks/use-i18n";
import { formatNumber, taskLabel } from "../format";
import { useTaskCardStyles } from "./styles";
import { TaskBreakdown } from "./TaskBreakdown";
import { TaskMetrics } from "./TaskMetrics";

/** The card of `cell`; a suppressed cell says so in words and shows no figure at all, not even zero. */
export function TaskCard({ cell, minGroupSize }: { cell: StatsCell; minGroupSize: number }): ReactNode {
  const { t, locale } = useI18n();
  const styles = useTaskCardStyles();
  const titleId = useId();
  const title = taskLabel(cell.task, t);

  if (cell.suppressed) {
    return (
      <article
        aria-labelledby={titleId}
        className={mergeClasses(styles.card, styles.suppressed)}
        data-testid="cell-suppressed"
        data-task={cell.task}
      >
        <h3 id={titleId} className={styles.title}>
          {title}
        </h3>
        <p className={styles.suppressedLine}>
          <EyeOffRegular className={styles.icon} aria-hidden />
          {t("committee.suppressed", { min: minGroupSize })}
        </p>
        <p className={styles.suppressedWhy}>{t("committee.suppressed_why", { min: minGroupSize })}</p>
      </article>
    );
  }

  return (
    <article aria-labelledby={titleId} className={styles.card} data-testid="cell" data-task={cell.task}>
      <div className={styles.head}>
        <h3 id={titleId} className={styles.title}>
          {title}
        </h3>
        <p className={styles.big} data-testid="cell-generations">
          <span className={styles.bigNumber}>{formatNumber(cell.generations, locale)}</span>{" "}
          {t("committee.metric.generations").toLocaleLowerCase(locale)}
        </p>
      </div>
      <TaskMetrics cell={cell} />
      <TaskBreakdown cell={cell} />
    </article>
  );
}
