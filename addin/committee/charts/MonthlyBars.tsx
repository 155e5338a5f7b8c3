// Owns the chart of generations per month, stacked by task; only cells that are shown count, suppressed ones are left
// out.
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useI18n } from "../../hooks/use-i18n";
import { formatMonthShort, formatNumber } from "../format";
import { niceMax, useChartWidth } from "./use-chart-width";

const HEIGHT = 200;
const PAD = { top: 18, right: 4, bottom: 26, left: 34 };

/** One series of the stack: a task, its colour, and its count per month (null when not shown). */
export interface MonthlySeries {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  readonly counts: readonly (number | null)[];
}

const useStyles = makeStyles({
  box: { width: "100%", minWidth: 0 },
  // Until the observer reports a narrower box (a frame after a resize), the drawing scales down instead of overflowing.
  svg: { display: "block", overflow: "visible", maxWidth: "100%" },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  axis: { stroke: tokens.colorNeutralStrokeAccessible, strokeWidth: 1 },
  label: { fill: tokens.colorNeutralForeground3, fontSize: "11px", fontFamily: tokens.fontFamilyBase },
  value: {
    fill: tokens.colorNeutralForeground1,
    fontSize: "11px",
    fontWeight: tokens.fontWeightSemibold,
    fontFamily: tokens.fontFamilyBase,
  },
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
    color: tokens.colorNeutralForeground2,
  },
  swatch: { width: "10px", height: "10px", borderRadius: "2px", flexShrink: 0, forcedColorAdjust: "none" },
});

/**
 * Stacked bars, oldest month on the left. The picture has a one-sentence label (totals per month); the table
 * that follows it on the page holds every figure.
 */
export function MonthlyBars({
  months,
  series,
  label,
}: {
  months: readonly string[];
  series: readonly MonthlySeries[];
  label: string;
}): ReactNode {
  const { locale } = useI18n();
  const styles = useStyles();
  const [box, width] = useChartWidth<HTMLDivElement>(640);
  const totals = months.map((_, m) => series.reduce((sum, s) => sum + (s.counts[m] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const plotW = Math.max(60, width - PAD.left - PAD.right);
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, months.length);
  const barW = Math.min(56, Math.max(4, slot * 0.6));
  const y = (n: number): number => PAD.top + plotH - (n / max) * plotH;
  // Every month is labelled while labels fit (about 48 px each); past that, one in `every`.
  const every = Math.max(1, Math.ceil(48 / slot));

  return (
    <div className={styles.box}>
      <div ref={box}>
        <svg
          className={styles.svg}
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          role="img"
          aria-label={label}
          data-testid="monthly-chart"
        >
          {(max >= 2 ? [0.5, 1] : [1]).map((f) => (
            <g key={f}>
              <line className={styles.grid} x1={PAD.left} x2={PAD.left + plotW} y1={y(max * f)} y2={y(max * f)} />
              <text className={styles.label} x={PAD.left - 6} y={y(max * f) + 4} textAnchor="end">
                {formatNumber(max * f, locale)}
              </text>
            </g>
          ))}
          <text className={styles.label} x={PAD.left - 6} y={y(0) + 4} textAnchor="end">
            0
          </text>
          {months.map((month, m) => {
            const x = PAD.left + m * slot + (slot - barW) / 2;
            let base = 0;
            return (
              <g key={month}>
                {series.map((s) => {
                  const n = s.counts[m] ?? 0;
                  if (n <= 0) return null;
                  const top = base + n;
                  const rect = (
                    <rect
                      key={s.key}
                      x={x}
                      y={y(top)}
                      width={barW}
                      height={y(base) - y(top)}
                      style={{ fill: s.color }}
                    />
                  );
                  base = top;
                  return rect;
                })}
                {(totals[m] ?? 0) > 0 ? (
                  <text className={styles.value} x={x + barW / 2} y={y(totals[m] ?? 0) - 5} textAnchor="middle">
                    {formatNumber(totals[m] ?? 0, locale)}
                  </text>
                ) : null}
                {m % every === 0 ? (
                  <text className={styles.label} x={x + barW / 2} y={HEIGHT - 8} textAnchor="middle">
                    {formatMonthShort(month, locale)}
                  </text>
                ) : null}
              </g>
            );
          })}
          <line className={styles.axis} x1={PAD.left} x2={PAD.left + plotW} y1={y(0)} y2={y(0)} />
        </svg>
      </div>
      <ul className={styles.legend} aria-hidden="true">
        {series.map((s) => (
          <li key={s.key} className={styles.item}>
            <span className={styles.swatch} style={{ backgroundColor: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
