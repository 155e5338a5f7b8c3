// Owns one task's card for one month: every aggregate the committee reads, or the plain statement that the cell is not shown.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { EyeOffRegular } from "@fluentui/react-icons";
import { useId, type ReactNode } from "react";
import { formatFootprint } from "../../src/checks/footprint";
import type { StatsCell } from "../../src/schemas/committee";
import { useI18n } from "../hooks/use-i18n";
import { AiShareHistogram } from "./charts/AiShareHistogram";
import { SplitBar } from "./charts/SplitBar";
import { formatNumber, formatShare, prePromptAnchor, taskLabel, variantLabel, variantKeyOf } from "./format";

/** Colours of the transparency cases and of the ratings; tokens, so dark and high-contrast themes follow. */
const CASE_COLORS = {
  "ai-validated": tokens.colorBrandBackground,
  "human-with-ai": tokens.colorPaletteTealForeground2,
  "ai-only": tokens.colorPaletteDarkOrangeForeground1,
} as const;

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    minWidth: 0,
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    "@media (max-width: 480px)": { padding: tokens.spacingHorizontalL },
  },
  head: {
    display: "flex",
    alignItems: "baseline",
    justifyContent: "space-between",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  big: {
    margin: 0,
    display: "flex",
    alignItems: "baseline",
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  bigNumber: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
  },
  metrics: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))",
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  metric: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  dt: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground3 },
  dd: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    overflowWrap: "anywhere",
  },
  sub: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
  },
  meter: {
    display: "block",
    height: "6px",
    marginTop: tokens.spacingVerticalXXS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground5,
    overflow: "hidden",
  },
  meterFill: {
    display: "block",
    height: "100%",
    backgroundColor: tokens.colorBrandBackground,
    forcedColorAdjust: "none",
  },
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  blockTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  split: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(240px, 1fr))",
    gap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalL,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  chip: {
    display: "inline-block",
    paddingTop: "2px",
    paddingBottom: "2px",
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
  },
  link: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: "none",
    ":hover": { textDecorationLine: "underline" },
    fontFamily: tokens.fontFamilyMonospace,
  },
  suppressed: {
    gap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground2,
    boxShadow: "none",
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
  },
  suppressedLine: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  suppressedWhy: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
  icon: { fontSize: "20px", flexShrink: 0 },
});

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
  const styles = useStyles();
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

/** The card of `cell`; a suppressed cell says so in words and shows no figure at all, not even zero. */
export function TaskCard({ cell, minGroupSize }: { cell: StatsCell; minGroupSize: number }): ReactNode {
  const { t, locale } = useI18n();
  const styles = useStyles();
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

  const saved = cell.aiShareHistogram.reduce((sum, n) => sum + n, 0);
  const validated = Math.round(cell.validatedShare * cell.generations);
  const cases = (["ai-validated", "human-with-ai", "ai-only"] as const)
    .filter((c) => c !== "ai-only" || (cell.transparency[c] ?? 0) > 0)
    .map((c) => ({
      key: c,
      label: t(`committee.transparency.${c}`),
      count: cell.transparency[c] ?? 0,
      color: CASE_COLORS[c],
    }));
  const ratings = [
    {
      key: "up",
      label: t("committee.feedback.up"),
      count: cell.feedback.up,
      color: tokens.colorPaletteGreenForeground1,
    },
    {
      key: "down",
      label: t("committee.feedback.down"),
      count: cell.feedback.down,
      color: tokens.colorPaletteRedForeground1,
    },
  ];

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

      <div className={styles.split}>
        <AiShareHistogram counts={cell.aiShareHistogram} />
        <div className={styles.block}>
          <div className={styles.block}>
            <h4 className={styles.blockTitle}>{t("committee.metric.transparency")}</h4>
            {saved > 0 ? (
              <SplitBar segments={cases} testId="transparency" />
            ) : (
              <p className={styles.suppressedWhy}>{t("committee.transparency.none")}</p>
            )}
          </div>
          <div className={styles.block}>
            <h4 className={styles.blockTitle}>{t("committee.metric.feedback")}</h4>
            {cell.feedback.up + cell.feedback.down > 0 ? (
              <SplitBar segments={ratings} testId="ratings" />
            ) : (
              <p className={styles.suppressedWhy}>{t("committee.feedback.none")}</p>
            )}
          </div>
          <div className={styles.block}>
            <h4 className={styles.blockTitle}>{t("committee.metric.providers")}</h4>
            <ul className={styles.list} data-testid="providers">
              {cell.providers.map((p) => (
                <li key={`${p.name}|${p.region}`} className={styles.chip}>
                  {t("committee.provider_line", {
                    name: p.name,
                    region: p.region,
                    count: formatNumber(p.generations, locale),
                  })}
                </li>
              ))}
            </ul>
          </div>
          <div className={styles.block}>
            <h4 className={styles.blockTitle}>{t("committee.metric.preprompts")}</h4>
            <ul className={styles.list} data-testid="preprompts-in-use">
              {cell.prePromptVersions.map((id) => (
                <li key={id} className={styles.chip}>
                  <a className={styles.link} href={`#${prePromptAnchor(id)}`} title={variantLabel(variantKeyOf(id), t)}>
                    {id}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      </div>
    </article>
  );
}
