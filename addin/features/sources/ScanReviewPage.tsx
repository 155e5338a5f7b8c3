// One read page to check: its warnings (uncertain, rotated) and its text to correct.
import { Field, Textarea } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { ScanSourceResponse } from "../../../src/schemas/scan";
import { InlineNotice } from "../../components/InlineNotice";
import { useI18n } from "../../hooks/use-i18n";
import { useScanReviewStyles } from "./scan-review-styles";

export interface ScanReviewPageProps {
  readonly page: ScanSourceResponse["pages"][number];
  readonly text: string;
  readonly onChange: (text: string) => void;
}

/** A page of the correction step. */
export function ScanReviewPage({ page, text, onChange }: ScanReviewPageProps): ReactNode {
  const { t } = useI18n();
  const styles = useScanReviewStyles();
  return (
    <div data-testid="scan-page" data-page={page.page} data-low-confidence={page.lowConfidence}>
      {page.lowConfidence ? (
        <InlineNotice intent="warning" data-testid="scan-page-warning">
          {t("ui.ocr.low_confidence", { confidence: page.confidence })}
        </InlineNotice>
      ) : null}
      {page.rotation !== 0 ? <p className={styles.hint}>{t("ui.ocr.rotated", { degrees: page.rotation })}</p> : null}
      <Field label={t("ui.ocr.page_label", { page: page.page, confidence: page.confidence })} size="small">
        <Textarea
          className={styles.page}
          resize="vertical"
          rows={8}
          value={text}
          onChange={(_, data) => onChange(data.value)}
          data-testid="scan-page-text"
        />
      </Field>
    </div>
  );
}
