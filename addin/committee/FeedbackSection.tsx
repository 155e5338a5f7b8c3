// Owns the advisers' words for the committee: comments on drafts and proposed use cases, already pseudonymised by
// the server.
import { mergeClasses } from "@fluentui/react-components";
import { LightbulbRegular, ThumbDislikeRegular, ThumbLikeRegular } from "@fluentui/react-icons";
import { useId, type ReactNode } from "react";
import type { CommitteeStats } from "../../src/schemas/committee";
import { useI18n } from "../hooks/use-i18n";
import { useFeedbackStyles } from "./feedback-styles";
import { formatMonth, formatNumber, taskLabel } from "./format";

/** Two lists side by side (stacked on a phone): comments on drafts with their rating, and proposed uses. */
export function FeedbackSection({ stats }: { stats: CommitteeStats }): ReactNode {
  const { t, locale } = useI18n();
  const styles = useFeedbackStyles();
  const commentsId = useId();
  const useCasesId = useId();
  // Scrollable lists must be reachable by keyboard; only then do they take a tab stop.
  const isLong = (n: number): boolean => n > 6;

  return (
    <div className={styles.root}>
      <p className={styles.note}>{t("committee.feedback.note")}</p>
      <div className={styles.columns}>
        <section aria-labelledby={commentsId} className={styles.column} data-testid="comments">
          <h3 id={commentsId} className={styles.title}>
            {t("committee.feedback.comments", { count: formatNumber(stats.comments.length, locale) })}
          </h3>
          {stats.comments.length === 0 ? (
            <p className={styles.empty}>{t("committee.feedback.no_comments")}</p>
          ) : (
            <ul
              className={styles.list}
              tabIndex={isLong(stats.comments.length) ? 0 : undefined}
              aria-labelledby={commentsId}
            >
              {stats.comments.map((c, i) => (
                <li key={i} className={styles.item}>
                  {c.rating === "down" ? (
                    <ThumbDislikeRegular className={mergeClasses(styles.icon, styles.down)} aria-hidden />
                  ) : c.rating === "up" ? (
                    <ThumbLikeRegular className={mergeClasses(styles.icon, styles.up)} aria-hidden />
                  ) : null}
                  <div className={styles.body}>
                    <span className={styles.meta}>
                      {c.rating ? (
                        <span className={styles.hidden}>
                          {t(c.rating === "up" ? "committee.feedback.up" : "committee.feedback.down")} ·{" "}
                        </span>
                      ) : null}
                      {formatMonth(c.month, locale)}
                      {c.task ? ` · ${taskLabel(c.task, t)}` : ""}
                    </span>
                    <p className={styles.quote}>{c.comment}</p>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby={useCasesId} className={styles.column} data-testid="use-cases">
          <h3 id={useCasesId} className={styles.title}>
            {t("committee.feedback.use_cases", { count: formatNumber(stats.useCases.length, locale) })}
          </h3>
          {stats.useCases.length === 0 ? (
            <p className={styles.empty}>{t("committee.feedback.no_use_cases")}</p>
          ) : (
            <ul
              className={styles.list}
              tabIndex={isLong(stats.useCases.length) ? 0 : undefined}
              aria-labelledby={useCasesId}
            >
              {stats.useCases.map((u, i) => (
                <li key={i} className={styles.item}>
                  <LightbulbRegular className={mergeClasses(styles.icon, styles.idea)} aria-hidden />
                  <div className={styles.body}>
                    <span className={styles.meta}>
                      {formatMonth(u.month, locale)}
                      {u.proposal && u.proposal !== "use-case" ? ` · ${t(`governance.proposal.${u.proposal}`)}` : ""}
                    </span>
                    <p className={styles.quote}>{u.comment}</p>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
