// Owns the source of the work in the capture form: add a Teams transcript, a document, a scan, a recording or the
// meeting's transcript, then show, edit or remove it.
import { useId, type ReactNode } from "react";
import { InlineNotice } from "../../components/InlineNotice";
import { useI18n } from "../../hooks/use-i18n";
import type { WorkSource } from "../../lib/work-source";
import { VoicePanel } from "../voice/VoicePanel";
import { AddSourceMenu } from "./AddSourceMenu";
import { ScanReview } from "./ScanReview";
import { SourceCard } from "./SourceCard";
import { SourceFileInputs } from "./SourceFileInputs";
import { useSourceStyles } from "./source-styles";
import { useSourceImport } from "./use-source-import";

/** The added source (owned by the workspace, which saves it) and the state of the Outlook thread reading. */
export interface SourcePanelProps {
  /** The source, or null/undefined when there is none. */
  readonly source: WorkSource | null | undefined;
  readonly onChange: (source: WorkSource | null) => void;
  /** Set while the host's mail thread is being turned into the source. */
  readonly isReadingThread: boolean;
  /** Why the host's mail thread could not be analysed, in words, or null. */
  readonly threadProblem: string | null;
  /** Outlook read mode, once the adviser removed the thread: offers it again. */
  readonly onUseThread?: (() => void) | undefined;
  readonly isDisabled: boolean;
}

/** The source part of the capture form. Loaded as its own chunk. */
export function SourcePanel(props: SourcePanelProps): ReactNode {
  const { t } = useI18n();
  const styles = useSourceStyles();
  const headingId = useId();
  const sources = useSourceImport(props.onChange);
  const { source } = props;

  let body: ReactNode;
  if (source)
    body = <SourceCard source={source} onChange={props.onChange} sources={sources} isDisabled={props.isDisabled} />;
  else if (sources.scanFile)
    body = <ScanReview file={sources.scanFile} onUse={sources.onScanUsed} onCancel={sources.onScanCancelled} />;
  else if (sources.isRecordingVoice)
    body = <VoicePanel onUse={sources.onVoiceUsed} onCancel={sources.onVoiceCancelled} />;
  else if (props.isReadingThread) {
    body = (
      <p className={styles.hint} role="status" data-testid="source-thread-reading">
        {t("ui.source.reading_thread")}
      </p>
    );
  } else body = <AddSourceMenu sources={sources} onUseThread={props.onUseThread} isDisabled={props.isDisabled} />;

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="source">
      <h3 id={headingId} className={styles.heading}>
        {t("ui.source.title")}
      </h3>
      {body}
      <SourceFileInputs sources={sources} />
      {sources.problem ? (
        <InlineNotice intent="warning" isUrgent data-testid="source-error">
          {sources.problem}
        </InlineNotice>
      ) : null}
      {props.threadProblem && !source ? (
        <InlineNotice intent="warning" data-testid="source-thread-error">
          {props.threadProblem}
        </InlineNotice>
      ) : null}
      <p className={styles.status} role="status" data-testid="source-status">
        {sources.isBusy ? t("ui.source.reading") : sources.status}
      </p>
    </section>
  );
}
