// Shows a scan being read: which page the OCR is at, and a way to stop.
import { Button, ProgressBar } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { ScanProgress } from "../../../src/schemas/scan";
import { useI18n } from "../../hooks/use-i18n";
import { useScanReviewStyles } from "./scan-review-styles";

export interface ScanReviewReadingProps {
  readonly progress: ScanProgress | null;
  /** The card's classes, shared with the correction step. */
  readonly classes: { readonly root: string; readonly title: string };
  readonly titleId: string;
  readonly onAbort: () => void;
}

/** The reading step of the scan review. */
export function ScanReviewReading({ progress, classes, titleId, onAbort }: ScanReviewReadingProps): ReactNode {
  const { t } = useI18n();
  const styles = useScanReviewStyles();
  const label = !progress
    ? t("ui.ocr.reading")
    : progress.page === 0
      ? t("ui.ocr.progress_start", { pages: progress.pages })
      : t("ui.ocr.progress", { page: progress.page, pages: progress.pages });
  return (
    <section className={classes.root} aria-labelledby={titleId} aria-busy="true" data-testid="scan-reading">
      <p id={titleId} className={classes.title}>
        {t("ui.ocr.reading")}
      </p>
      <ProgressBar
        thickness="medium"
        aria-label={t("ui.ocr.reading")}
        {...(progress && progress.page > 0 ? { value: progress.page / progress.pages } : {})}
        data-testid="scan-progress-bar"
      />
      <p
        className={styles.hint}
        role="status"
        data-testid="scan-progress"
        data-page={progress?.page ?? ""}
        data-pages={progress?.pages ?? ""}
      >
        {label}
      </p>
      <p className={styles.hint}>{t("ui.ocr.local_note")}</p>
      <div className={styles.buttons}>
        <Button size="small" onClick={onAbort} data-testid="scan-cancel">
          {t("ui.ocr.cancel")}
        </Button>
      </div>
    </section>
  );
}
