// Owns the task cards of one month, with the month picker and the tasks that had no use that month.
import { Field, Select } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { CommitteeStats } from "../../src/schemas/committee";
import { TASK_IDS } from "../../src/tasks/catalogue";
import { useI18n } from "../hooks/use-i18n";
import { formatMonth, taskLabel } from "./format";
import { usePageStyles } from "./page-styles";
import { Section } from "./Section";
import { TaskCard } from "./task-card/TaskCard";
import { useMonthChoice } from "./use-month-choice";

/** The cards of one month, with a month picker (newest first) and the tasks that had no use that month. */
export function MonthCards({ stats }: { stats: CommitteeStats }): ReactNode {
  const { t, locale } = useI18n();
  const styles = usePageStyles();
  const { months, month, setMonth } = useMonthChoice(stats);

  const cells = stats.cells
    .filter((c) => c.month === month)
    .sort((a, b) => (TASK_IDS as readonly string[]).indexOf(a.task) - (TASK_IDS as readonly string[]).indexOf(b.task));
  const unused = TASK_IDS.filter((id) => !cells.some((c) => c.task === id));

  return (
    <Section
      id="tasks"
      title={t("committee.tasks.title")}
      aside={
        months.length > 0 ? (
          <Field label={t("committee.month.label")} orientation="horizontal" className={styles.month}>
            <Select value={month} onChange={(_, data) => setMonth(data.value)} data-testid="month">
              {months.map((m) => (
                <option key={m} value={m}>
                  {formatMonth(m, locale)}
                </option>
              ))}
            </Select>
          </Field>
        ) : null
      }
    >
      {months.length === 0 ? (
        <p className={styles.empty} data-testid="committee-empty">
          {t("committee.empty")}
        </p>
      ) : (
        <>
          <div className={styles.cards} aria-live="polite">
            {cells.map((cell) => (
              <TaskCard key={`${cell.month}|${cell.task}`} cell={cell} minGroupSize={stats.minGroupSize} />
            ))}
          </div>
          {unused.length > 0 ? (
            <p className={styles.unused}>
              {t("committee.tasks.unused", { tasks: unused.map((id) => taskLabel(id, t)).join(", ") })}
            </p>
          ) : null}
        </>
      )}
    </Section>
  );
}
