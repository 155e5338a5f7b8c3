// Owns the detail under a task's figures: the AI-share histogram, then the transparency cases, the ratings, the
// providers and the pre-prompt versions in use.
import { tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useI18n } from "../../hooks/use-i18n";
import { AiShareHistogram } from "../charts/AiShareHistogram";
import { SplitBar } from "../charts/SplitBar";
import { formatNumber, prePromptAnchor, variantLabel, variantKeyOf } from "../format";
import { useTaskCardStyles } from "./styles";
import type { ShownCell } from "./TaskMetrics";

/** Colours of the transparency cases and of the ratings; tokens, so dark and high-contrast themes follow. */
const CASE_COLORS = {
  "ai-validated": tokens.colorBrandBackground,
  "human-with-ai": tokens.colorPaletteTealForeground2,
  "ai-only": tokens.colorPaletteDarkOrangeForeground1,
} as const;

/** The breakdown of a shown (not suppressed) `cell`. */
export function TaskBreakdown({ cell }: { cell: ShownCell }): ReactNode {
  const { t, locale } = useI18n();
  const styles = useTaskCardStyles();
  const saved = cell.aiShareHistogram.reduce((sum, n) => sum + n, 0);
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
  );
}
