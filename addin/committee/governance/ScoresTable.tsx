// Owns the table of a candidate version's evaluation scores beside the active version's.
import type { ReactNode } from "react";
import type { MessageKey } from "../../../src/i18n";
import { useI18n } from "../../hooks/use-i18n";
import { useGovernanceStyles } from "./styles";

/** The scores shown, in reading order; `lowerIsBetter` ones are rates of faults. */
const METRICS: readonly { key: string; lowerIsBetter?: boolean }[] = [
  { key: "overall" },
  { key: "sections" },
  { key: "facts" },
  { key: "figures" },
  { key: "inventedFigureRate", lowerIsBetter: true },
  { key: "leakRate", lowerIsBetter: true },
  { key: "length" },
  { key: "french" },
  { key: "refusalRate", lowerIsBetter: true },
  { key: "tone" },
];

/** The candidate's scores beside the active version's; a worse figure is marked in words, not only in colour. */
export function ScoresTable({
  candidate,
  active,
}: {
  candidate: Record<string, number>;
  active: Record<string, number> | null;
}): ReactNode {
  const { t } = useI18n();
  const styles = useGovernanceStyles();
  return (
    <table className={styles.table} aria-label={t("governance.ui.scores_caption")} data-testid="preprompt-scores">
      <thead>
        <tr>
          <th scope="col">{t("governance.ui.metric")}</th>
          <th scope="col">{t("governance.ui.this_version")}</th>
          <th scope="col">{t("governance.ui.active_version")}</th>
        </tr>
      </thead>
      <tbody>
        {METRICS.filter((m) => candidate[m.key] !== undefined).map((m) => {
          const mine = candidate[m.key] ?? 0;
          const theirs = active?.[m.key];
          const worse = theirs !== undefined && (m.lowerIsBetter ? mine > theirs + 0.005 : mine < theirs - 0.005);
          return (
            <tr key={m.key} data-metric={m.key}>
              <th scope="row">{t(`governance.metric.${m.key}` as MessageKey)}</th>
              <td className={worse ? styles.worse : undefined}>
                {mine.toFixed(2)}
                {worse ? ` (${t("governance.ui.worse")})` : ""}
              </td>
              <td>{theirs === undefined ? "—" : theirs.toFixed(2)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
