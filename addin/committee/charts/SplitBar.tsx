// Owns the one-line proportion bar (transparency cases, ratings): coloured segments drawn in SVG, the figures written
// beside it.
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useI18n } from "../../hooks/use-i18n";
import { formatNumber } from "../format";

/** One part of the whole: its label, its count and the colour token it is drawn with. */
export interface Segment {
  readonly key: string;
  readonly label: string;
  readonly count: number;
  readonly color: string;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  svg: { display: "block", width: "100%", height: "10px", borderRadius: tokens.borderRadiusMedium, overflow: "hidden" },
  track: { fill: tokens.colorNeutralBackground5 },
  legend: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
  },
  item: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  swatch: { width: "10px", height: "10px", borderRadius: "2px", flexShrink: 0, forcedColorAdjust: "none" },
  count: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
});

/**
 * A bar split in proportion to `segments`, and a legend that states every count: the legend is the text the
 * screen reader reads; the bar is a picture of it and hidden from assistive technology.
 */
export function SplitBar({ segments, testId }: { segments: readonly Segment[]; testId?: string }): ReactNode {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const total = segments.reduce((sum, s) => sum + s.count, 0);
  let at = 0;
  return (
    <div className={styles.root} data-testid={testId}>
      <svg className={styles.svg} viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect className={styles.track} x={0} y={0} width={100} height={10} />
        {total > 0
          ? segments.map((s) => {
              const width = (s.count / total) * 100;
              const x = at;
              at += width;
              return width > 0 ? (
                <rect key={s.key} x={x} y={0} width={width} height={10} style={{ fill: s.color }} />
              ) : null;
            })
          : null}
      </svg>
      <ul className={styles.legend}>
        {segments.map((s) => (
          <li key={s.key} className={styles.item}>
            <span className={styles.swatch} style={{ backgroundColor: s.color }} aria-hidden="true" />
            <span>
              {s.label}
              {t("committee.legend_sep")}
              <span className={styles.count}>{formatNumber(s.count, locale)}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
