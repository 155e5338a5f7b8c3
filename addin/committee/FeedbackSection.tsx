// Owns the advisers' words for the committee: comments on drafts and proposed use cases, already pseudonymised by the server.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { LightbulbRegular, ThumbDislikeRegular, ThumbLikeRegular } from "@fluentui/react-icons";
import { useId, type ReactNode } from "react";
import type { CommitteeStats } from "../../src/schemas/committee";
import { useI18n } from "../hooks/use-i18n";
import { formatMonth, formatNumber, taskLabel } from "./format";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  note: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
    maxWidth: "72ch",
  },
  columns: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(300px, 1fr))",
    gap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalL,
  },
  column: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    "@media (max-width: 480px)": { padding: tokens.spacingHorizontalL },
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    maxHeight: "480px",
    overflowY: "auto",
  },
  item: {
    display: "flex",
    gap: tokens.spacingHorizontalM,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ":first-child": { borderTop: "none", paddingTop: 0 },
  },
  icon: { flexShrink: 0, fontSize: "20px", marginTop: "2px" },
  up: { color: tokens.colorPaletteGreenForeground1 },
  down: { color: tokens.colorPaletteRedForeground1 },
  idea: { color: tokens.colorPaletteMarigoldForeground2 },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  meta: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
  quote: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
  },
  empty: { margin: 0, fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground3 },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

/** Two lists side by side (stacked on a phone): comments on drafts with their rating, and proposed uses. */
export function FeedbackSection({ stats }: { stats: CommitteeStats }): ReactNode {
  const { t, locale } = useI18n();
  const styles = useStyles();
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
