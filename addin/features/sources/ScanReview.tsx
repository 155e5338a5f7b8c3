// Owns reading a scan or photo by OCR in the pane: progress page by page, then each page's text to read and correct, uncertain pages flagged, before it becomes the source.
import { Button, Field, makeStyles, mergeClasses, ProgressBar, Textarea, tokens } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { ScanProgress, ScanSourceResponse } from "../../../src/schemas/scan";
import { InlineNotice } from "../../components/InlineNotice";
import { usePanelCardStyles } from "../../components/panel-card";
import { useApi } from "../../api/use-api";
import { useI18n } from "../../hooks/use-i18n";
import type { WorkSource } from "../../lib/work-source";
import { messageOf } from "../../lib/errors";

const useStyles = makeStyles({
  title: { overflowWrap: "anywhere" },
  hint: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  page: { minHeight: "140px" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ScanReviewProps {
  /** The file the adviser picked: a photo, a scan, or a PDF the document reader found without text. */
  readonly file: File;
  /** The checked text becomes the source. */
  readonly onUse: (source: WorkSource) => void;
  /** The adviser gave up, or reading failed: `reason` is the French detail to show, absent when cancelled. */
  readonly onCancel: (reason?: string) => void;
}

type State =
  | { readonly step: "reading"; readonly progress: ScanProgress | null }
  | { readonly step: "review"; readonly scan: ScanSourceResponse; readonly texts: readonly string[] };

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
  const styles = useStyles();
  const card = usePanelCardStyles();
  const root = mergeClasses(card.root, card.tinted);
  const title = mergeClasses(card.heading, styles.title);
  const api = useApi();
  const titleId = useId();
  const [state, setState] = useState<State>({ step: "reading", progress: null });
  const controller = useRef<AbortController | null>(null);
  const { file, onCancel } = props;

  useEffect(() => {
    const abort = new AbortController();
    controller.current = abort;
    api
      .scanSource(file, file.name, (progress) => setState({ step: "reading", progress }), abort.signal)
      .then((scan) => setState({ step: "review", scan, texts: scan.pages.map((p) => p.text) }))
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        console.warn("Scan reading failed", error);
        onCancel(messageOf(error, t));
      });
    return () => abort.abort();
    // One reading per file: the callbacks may change identity on every render of the parent.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one reading per file (see above)
  }, [api, file]);

  if (state.step === "reading") {
    const { progress } = state;
    const label = !progress
      ? t("ui.ocr.reading")
      : progress.page === 0
        ? t("ui.ocr.progress_start", { pages: progress.pages })
        : t("ui.ocr.progress", { page: progress.page, pages: progress.pages });
    return (
      <section className={root} aria-labelledby={titleId} aria-busy="true" data-testid="scan-reading">
        <p id={titleId} className={title}>
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
          <Button
            size="small"
            onClick={() => {
              controller.current?.abort();
              onCancel();
            }}
            data-testid="scan-cancel"
          >
            {t("ui.ocr.cancel")}
          </Button>
        </div>
      </section>
    );
  }

  const { scan, texts } = state;
  const use = (): void => {
    const text = texts
      .map((p) => p.trim())
      .filter((p) => p !== "")
      .join("\n\n");
    props.onUse({
      kind: "scan",
      name: file.name,
      text,
      facts: {
        pages: scan.pages.length,
        format: scan.format,
        confidence: scan.confidence,
        lowConfidencePages: scan.lowConfidencePages,
      },
    });
  };
  return (
    <section className={root} aria-labelledby={titleId} data-testid="scan-review">
      <p id={titleId} className={title}>
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
        <div key={page.page} data-testid="scan-page" data-page={page.page} data-low-confidence={page.lowConfidence}>
          {page.lowConfidence ? (
            <InlineNotice intent="warning" data-testid="scan-page-warning">
              {t("ui.ocr.low_confidence", { confidence: page.confidence })}
            </InlineNotice>
          ) : null}
          {page.rotation !== 0 ? (
            <p className={styles.hint}>{t("ui.ocr.rotated", { degrees: page.rotation })}</p>
          ) : null}
          <Field label={t("ui.ocr.page_label", { page: page.page, confidence: page.confidence })} size="small">
            <Textarea
              className={styles.page}
              resize="vertical"
              rows={8}
              value={texts[i] ?? ""}
              onChange={(_, data) =>
                setState({ step: "review", scan, texts: texts.map((text, j) => (j === i ? data.value : text)) })
              }
              data-testid="scan-page-text"
            />
          </Field>
        </div>
      ))}
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          onClick={use}
          disabled={texts.every((text) => text.trim() === "")}
          data-testid="scan-use"
        >
          {t("ui.ocr.use")}
        </Button>
        <Button appearance="subtle" onClick={() => onCancel()} data-testid="scan-discard">
          {t("ui.ocr.discard")}
        </Button>
      </div>
    </section>
  );
}
