// Owns one scan's reading by OCR and the adviser's corrections: the progress page by page, then each page's text,
// until it becomes the source or is given up.
import { useEffect, useRef, useState } from "react";
import type { ScanProgress, ScanSourceResponse } from "../../../src/schemas/scan";
import { useApi } from "../../api/use-api";
import { useI18n } from "../../hooks/use-i18n";
import { messageOf } from "../../lib/errors";
import type { WorkSource } from "../../lib/work-source";

export interface ScanReviewProps {
  /** The file the adviser picked: a photo, a scan, or a PDF the document reader found without text. */
  readonly file: File;
  /** The checked text becomes the source. */
  readonly onUse: (source: WorkSource) => void;
  /** The adviser gave up, or reading failed: `reason` is the French detail to show, absent when cancelled. */
  readonly onCancel: (reason?: string) => void;
}

export type ScanState =
  | { readonly step: "reading"; readonly progress: ScanProgress | null }
  | { readonly step: "review"; readonly scan: ScanSourceResponse; readonly texts: readonly string[] };

/** The scan's step and what the adviser can do at it. */
export interface ScanReviewModel {
  readonly state: ScanState;
  /** Stops the reading under way and gives up. */
  abort(): void;
  /** Replaces the text of the page at `index` (0-based). */
  setText(index: number, text: string): void;
  /** The corrected pages, joined, become the source. */
  use(): void;
}

/** Reads `props.file` once, then holds the corrections. */
export function useScanReview(props: ScanReviewProps): ScanReviewModel {
  const { t } = useI18n();
  const api = useApi();
  const [state, setState] = useState<ScanState>({ step: "reading", progress: null });
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

  return {
    state,
    abort: () => {
      controller.current?.abort();
      onCancel();
    },
    setText: (index, text) => {
      if (state.step !== "review") return;
      setState({ ...state, texts: state.texts.map((old, j) => (j === index ? text : old)) });
    },
    use: () => {
      if (state.step !== "review") return;
      const { scan, texts } = state;
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
    },
  };
}
