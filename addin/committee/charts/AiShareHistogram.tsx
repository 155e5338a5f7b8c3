// Owns the histogram of the AI share in saved texts: ten bars of 10 %, with a sentence and a table for screen
// readers.
import { useId, type ReactNode } from "react";
import { useI18n } from "../../hooks/use-i18n";
import { formatNumber } from "../format";
import { useHistogramStyles } from "./histogram-styles";
import { HistogramTable } from "./HistogramTable";
import { niceMax, useChartWidth } from "./use-chart-width";

const HEIGHT = 150;
const PAD = { top: 16, right: 4, bottom: 24, left: 28 };

/** Labels of the ten buckets: "0 à 10 %", … "90 à 100 %". */
function binLabels(t: ReturnType<typeof useI18n>["t"]): string[] {
  return Array.from({ length: 10 }, (_, i) => t("committee.histogram.bin", { from: i * 10, to: (i + 1) * 10 }));
}

/** How many saved texts fall in each tenth of AI share (0–10 %, …, 90–100 %). */
export function AiShareHistogram({ counts }: { counts: readonly number[] }): ReactNode {
  const { t, locale } = useI18n();
  const styles = useHistogramStyles();
  const captionId = useId();
  const [box, width] = useChartWidth<HTMLDivElement>(320);
  const total = counts.reduce((sum, n) => sum + n, 0);
  const bins = binLabels(t);
  const summary = t("committee.histogram.summary", {
    total: formatNumber(total, locale),
    bins: counts
      .map((n, i) => t("committee.histogram.bin_count", { bin: bins[i] ?? "", count: formatNumber(n, locale) }))
      .join(", "),
  });

  if (total === 0) {
    return (
      <figure className={styles.figure} data-testid="histogram">
        <figcaption className={styles.caption}>{t("committee.histogram.title")}</figcaption>
        <p className={styles.empty}>{t("committee.histogram.empty")}</p>
      </figure>
    );
  }

  const max = niceMax(Math.max(...counts));
  const plotW = Math.max(60, width - PAD.left - PAD.right);
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / counts.length;
  const barW = Math.max(2, slot * 0.72);
  const y = (n: number): number => PAD.top + plotH - (n / max) * plotH;
  const percent = (n: number): string =>
    new Intl.NumberFormat(locale === "en" ? "en-GB" : "fr-FR", { style: "percent" }).format(n);

  return (
    <figure className={styles.figure} aria-labelledby={captionId} data-testid="histogram">
      <figcaption id={captionId} className={styles.caption}>
        {t("committee.histogram.title")}
      </figcaption>
      <div ref={box} className={styles.box}>
        <svg
          className={styles.svg}
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          role="img"
          aria-label={summary}
          data-testid="histogram-svg"
        >
          <line className={styles.grid} x1={PAD.left} x2={PAD.left + plotW} y1={y(max)} y2={y(max)} />
          <line className={styles.grid} x1={PAD.left} x2={PAD.left + plotW} y1={y(max / 2)} y2={y(max / 2)} />
          <text className={styles.label} x={PAD.left - 6} y={y(max) + 4} textAnchor="end">
            {formatNumber(max, locale)}
          </text>
          <text className={styles.label} x={PAD.left - 6} y={y(0) + 4} textAnchor="end">
            0
          </text>
          {counts.map((n, i) => {
            const x = PAD.left + i * slot + (slot - barW) / 2;
            return (
              <g key={i}>
                {n > 0 ? <rect className={styles.bar} x={x} y={y(n)} width={barW} height={y(0) - y(n)} rx={2} /> : null}
                {n > 0 ? (
                  <text className={styles.value} x={x + barW / 2} y={y(n) - 4} textAnchor="middle">
                    {formatNumber(n, locale)}
                  </text>
                ) : null}
              </g>
            );
          })}
          <line className={styles.axis} x1={PAD.left} x2={PAD.left + plotW} y1={y(0)} y2={y(0)} />
          {[0, 0.5, 1].map((share) => (
            <text
              key={share}
              className={styles.label}
              x={PAD.left + share * plotW}
              y={HEIGHT - 6}
              textAnchor={share === 0 ? "start" : share === 1 ? "end" : "middle"}
            >
              {percent(share)}
            </text>
          ))}
        </svg>
      </div>
      <p className={styles.axisTitle} aria-hidden="true">
        {t("committee.histogram.axis")}
      </p>
      <HistogramTable counts={counts} bins={bins} />
    </figure>
  );
}
