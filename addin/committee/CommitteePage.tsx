// Owns the committee page's content: access states, the summary, the cards of one month, the trend, feedback,
// pre-prompts, audit.
import { Spinner } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { CommitteeClient } from "../api/committee";
import { useI18n } from "../hooks/use-i18n";
import { AuditPanel } from "./AuditPanel";
import { FeedbackSection } from "./FeedbackSection";
import { MonthCards } from "./MonthCards";
import { MonthlyOverview } from "./MonthlyOverview";
import { usePageStyles } from "./page-styles";
import { Denied, Failure } from "./PageNotices";
import { PrePromptRegistry } from "./registry/PrePromptRegistry";
import { Section } from "./Section";
import { SummaryTiles } from "./SummaryTiles";
import { useCommitteeData } from "./use-committee-data";

const SECTIONS = [
  { id: "tasks", key: "committee.nav.tasks" },
  { id: "overview", key: "committee.nav.overview" },
  { id: "feedback", key: "committee.nav.feedback" },
  { id: "preprompts", key: "committee.nav.preprompts" },
  { id: "audit", key: "committee.nav.audit" },
] as const;

/** The committee's whole page below the header. */
export function CommitteePage({ client }: { client: CommitteeClient }): ReactNode {
  const { t } = useI18n();
  const styles = usePageStyles();
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
