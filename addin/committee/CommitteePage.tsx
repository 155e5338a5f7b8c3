// Owns the committee page's content: access states, the summary, the cards of one month, the trend, feedback, pre-prompts, audit.
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { LockClosedRegular, PersonLockRegular } from "@fluentui/react-icons";
import { useEffect, useId, useMemo, useState, type ReactNode } from "react";
import type { CommitteeStats } from "../../src/schemas/committee";
import { TASK_IDS } from "../../src/tasks/catalogue";
import type { CommitteeClient } from "../api/committee";
import { useI18n } from "../hooks/use-i18n";
import { AuditPanel } from "./AuditPanel";
import { FeedbackSection } from "./FeedbackSection";
import { formatMonth, taskLabel } from "./format";
import { MonthlyOverview } from "./MonthlyOverview";
import { PrePromptRegistry } from "./registry/PrePromptRegistry";
import { SummaryTiles } from "./SummaryTiles";
import { TaskCard } from "./task-card/TaskCard";
import { useCommitteeData, type Loadable } from "./use-committee-data";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXL },
  intro: {
    margin: 0,
    maxWidth: "80ch",
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    color: tokens.colorNeutralForeground2,
  },
  nav: {
    display: "flex",
    flexWrap: "wrap",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  navLink: {
    display: "inline-block",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase200,
    textDecorationLine: "none",
    ":hover": {
      backgroundColor: tokens.colorNeutralBackground1Hover,
      borderTopColor: tokens.colorNeutralStroke1Hover,
      borderRightColor: tokens.colorNeutralStroke1Hover,
      borderBottomColor: tokens.colorNeutralStroke1Hover,
      borderLeftColor: tokens.colorNeutralStroke1Hover,
    },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    scrollMarginTop: "16px",
    minWidth: 0,
  },
  sectionHead: {
    display: "flex",
    alignItems: "flex-end",
    justifyContent: "space-between",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  h2: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  month: { minWidth: "240px" },
  cards: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 520px), 1fr))",
    gap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalL,
  },
  unused: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
  empty: { margin: 0, fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2 },
  denied: {
    display: "flex",
    gap: tokens.spacingHorizontalL,
    alignItems: "flex-start",
    maxWidth: "640px",
    padding: tokens.spacingHorizontalXXL,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow8,
    "@media (max-width: 480px)": { flexDirection: "column", padding: tokens.spacingHorizontalL },
  },
  deniedIcon: { flexShrink: 0, fontSize: "40px", color: tokens.colorBrandForeground1 },
  deniedTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  deniedBody: {
    margin: 0,
    marginTop: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
  },
  loading: { paddingTop: tokens.spacingVerticalXXL, paddingBottom: tokens.spacingVerticalXXL },
});

const SECTIONS = [
  { id: "tasks", key: "committee.nav.tasks" },
  { id: "overview", key: "committee.nav.overview" },
  { id: "feedback", key: "committee.nav.feedback" },
  { id: "preprompts", key: "committee.nav.preprompts" },
  { id: "audit", key: "committee.nav.audit" },
] as const;

/** A titled section of the page, reachable from the in-page links. */
function Section({
  id,
  title,
  aside,
  children,
}: {
  id: string;
  title: string;
  aside?: ReactNode;
  children: ReactNode;
}): ReactNode {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section id={id} aria-labelledby={headingId} className={styles.section} data-testid={`section-${id}`}>
      <div className={styles.sectionHead}>
        <h2 id={headingId} className={styles.h2}>
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}

/** Whatever a failed source says, with a retry that reloads the page's data. */
function Failure({
  problem,
  onRetry,
}: {
  problem: Extract<Loadable<unknown>, { status: "error" }>["problem"];
  onRetry: () => void;
}): ReactNode {
  const { t } = useI18n();
  return (
    <MessageBar intent="error" layout="multiline" data-testid="committee-error">
      <MessageBarBody>
        <MessageBarTitle>{t("committee.error.title")}</MessageBarTitle> {problem.detail}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onRetry}>
          {t("committee.retry")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** 403 and 401 answers: one calm explanation instead of the page. */
function Denied({ kind }: { kind: "forbidden" | "unauthorized" }): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const Icon = kind === "forbidden" ? LockClosedRegular : PersonLockRegular;
  return (
    <div role="alert" className={styles.denied} data-testid={`committee-${kind}`}>
      <Icon className={styles.deniedIcon} aria-hidden />
      <div>
        <h2 className={styles.deniedTitle}>
          {t(kind === "forbidden" ? "committee.forbidden.title" : "committee.unauthorized.title")}
        </h2>
        <p className={styles.deniedBody}>
          {t(kind === "forbidden" ? "committee.forbidden.body" : "committee.unauthorized.body")}
        </p>
      </div>
    </div>
  );
}

/** The cards of one month, with a month picker (newest first) and the tasks that had no use that month. */
function MonthCards({ stats }: { stats: CommitteeStats }): ReactNode {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const months = useMemo(() => [...new Set(stats.cells.map((c) => c.month))].sort().reverse(), [stats]);
  const [month, setMonth] = useState(months[0] ?? "");
  useEffect(() => {
    // New data (a reload) may not hold the month shown: fall back to the newest.
    if (!months.includes(month)) setMonth(months[0] ?? "");
  }, [months, month]);

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

/** The committee's whole page below the header. */
export function CommitteePage({ client }: { client: CommitteeClient }): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const data = useCommitteeData(client, t("committee.error.bad_response"));
  const { stats, audit, prePrompts } = data;

  if (data.access === "forbidden" || data.access === "unauthorized") return <Denied kind={data.access} />;

  return (
    <div className={styles.root}>
      <p className={styles.intro}>
        {t("committee.intro", { min: stats.status === "ok" ? stats.data.minGroupSize : 5 })}
      </p>
      <nav aria-label={t("committee.nav.label")}>
        <ul className={styles.nav}>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a className={styles.navLink} href={`#${s.id}`}>
                {t(s.key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {stats.status === "loading" ? (
        <Spinner className={styles.loading} label={t("committee.loading")} data-testid="committee-loading" />
      ) : null}
      {stats.status === "error" ? <Failure problem={stats.problem} onRetry={data.reload} /> : null}
      {stats.status === "ok" ? (
        <>
          <Section id="summary" title={t("committee.summary.title")}>
            <SummaryTiles stats={stats.data} audit={audit} />
          </Section>
          <MonthCards stats={stats.data} />
          {stats.data.cells.length > 0 ? (
            <Section id="overview" title={t("committee.overview.title")}>
              <MonthlyOverview stats={stats.data} />
            </Section>
          ) : null}
          <Section id="feedback" title={t("committee.feedback.title")}>
            <FeedbackSection stats={stats.data} />
          </Section>
        </>
      ) : null}

      <Section id="preprompts" title={t("committee.preprompts.title")}>
        {prePrompts.status === "ok" ? <PrePromptRegistry list={prePrompts.data} client={client} /> : null}
        {prePrompts.status === "loading" ? <Spinner size="small" label={t("committee.loading")} /> : null}
        {prePrompts.status === "error" ? <Failure problem={prePrompts.problem} onRetry={data.reload} /> : null}
      </Section>

      <Section id="audit" title={t("committee.audit.title")}>
        <AuditPanel audit={audit} isVerifying={data.isVerifying} onVerify={data.reverify} client={client} />
      </Section>
    </div>
  );
}
