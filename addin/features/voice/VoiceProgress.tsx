// What the recording panel says once started: chunks left to send, offline, transcribing, refusals and failures,
// with retry or discard when a failed recording can still be sent.
import { Button } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { InlineNotice } from "../../components/InlineNotice";
import { useI18n } from "../../hooks/use-i18n";
import { hasProblem } from "../../lib/errors";
import type { Voice } from "./use-voice";
import { useVoiceStyles } from "./voice-styles";

/** The upload, transcription and failure notices of the recording panel. */
export function VoiceProgress({ voice }: { voice: Voice }): ReactNode {
  const { t } = useI18n();
  const styles = useVoiceStyles();
  const { state, isResuming } = voice;
  return (
    <>
      {state.phase !== "idle" ? (
        <p className={styles.fact} role="status" data-testid="voice-pending">
          {state.pending > 0 ? t("ui.voice.pending", { count: state.pending }) : t("ui.voice.all_sent")}
        </p>
      ) : null}
      {state.isOffline ? <InlineNotice intent="warning">{t("ui.voice.offline")}</InlineNotice> : null}
      {isResuming && state.phase === "transcribing" ? (
        <p className={styles.fact}>{t("ui.voice.resume_upload")}</p>
      ) : null}
      {state.phase === "transcribing" ? (
        <p className={styles.fact} role="status" data-testid="voice-transcribing">
          {t("ui.voice.transcribing")}
        </p>
      ) : null}

      {voice.hostRefusal ? (
        <InlineNotice intent="warning" isUrgent data-testid="voice-host-refused">
          {voice.hostRefusal}
        </InlineNotice>
      ) : null}
      {voice.problem ? (
        <InlineNotice intent="warning" isUrgent data-testid="voice-error">
          {voice.problem}
        </InlineNotice>
      ) : null}
      {state.phase === "failed" && (isResuming || hasProblem(state.error)) ? (
        <div className={styles.buttons}>
          <Button onClick={() => void voice.recorder.retry()} data-testid="voice-retry">
            {t("ui.voice.retry")}
          </Button>
          <Button appearance="subtle" onClick={() => void voice.discard()} data-testid="voice-discard">
            {t("ui.voice.discard")}
          </Button>
        </div>
      ) : null}
    </>
  );
}
