// Owns reading a scan or photo by OCR in the pane: progress page by page, then each page's text to read and correct,
// uncertain pages flagged, before it becomes the source.
import { Button, mergeClasses } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import type { ScanSourceResponse } from "../../../src/schemas/scan";
import { InlineNotice } from "../../components/InlineNotice";
import { usePanelCardStyles } from "../../components/panel-card";
import { useI18n } from "../../hooks/use-i18n";
import { useScanReviewStyles } from "./scan-review-styles";
import { ScanReviewPage } from "./ScanReviewPage";
import { ScanReviewReading } from "./ScanReviewReading";
import { useScanReview, type ScanReviewProps } from "./use-scan-review";

const FORMAT_LABELS: Readonly<Record<ScanSourceResponse["format"], string>> = {
  pdf: "PDF",
  jpeg: "JPEG",
  png: "PNG",
  heic: "HEIC",
  webp: "WebP",
  tiff: "TIFF",
  gif: "GIF",
  bmp: "BMP",
};

/** Progress, then correction, of one scan; mounted while the adviser adds it. */
export function ScanReview(props: ScanReviewProps): ReactNode {
  const { t } = useI18n();
  const styles = useScanReviewStyles();
  const card = usePanelCardStyles();
  const classes = { root: mergeClasses(card.root, card.tinted), title: mergeClasses(card.heading, styles.title) };
  const titleId = useId();
  const review = useScanReview(props);
  const { state } = review;

  if (state.step === "reading")
    return <ScanReviewReading progress={state.progress} classes={classes} titleId={titleId} onAbort={review.abort} />;

  const { scan, texts } = state;
  return (
    <section className={classes.root} aria-labelledby={titleId} data-testid="scan-review">
      <p id={titleId} className={classes.title}>
        {t("ui.ocr.review_title")}
      </p>
      <p className={styles.hint} data-testid="scan-summary">
        {t("ui.ocr.summary", {
          format: FORMAT_LABELS[scan.format],
          pages: scan.pages.length,
          confidence: scan.confidence,
        })}
      </p>
      <p className={styles.hint}>{t("ui.ocr.review_hint")}</p>
      {scan.lowConfidencePages.length > 0 && scan.pages.length > 1 ? (
        <InlineNotice intent="warning" data-testid="scan-low-pages">
          {t("ui.ocr.low_pages", { pages: scan.lowConfidencePages.join(", ") })}
        </InlineNotice>
      ) : null}
      {scan.pages.map((page, i) => (
        <ScanReviewPage
          key={page.page}
          page={page}
          text={texts[i] ?? ""}
          onChange={(text) => review.setText(i, text)}
        />
      ))}
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          onClick={review.use}
          disabled={texts.every((text) => text.trim() === "")}
          data-testid="scan-use"
        >
          {t("ui.ocr.use")}
        </Button>
        <Button appearance="subtle" onClick={() => props.onCancel()} data-testid="scan-discard">
          {t("ui.ocr.discard")}
        </Button>
      </div>
    </section>
  );
}
