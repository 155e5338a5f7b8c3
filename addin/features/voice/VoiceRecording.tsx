// The step while recording: state and time, the microphone's level, pause or resume, and stop.
import { Button, Field, ProgressBar } from "@fluentui/react-components";
import { PauseRegular, PlayRegular, RecordStopRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { formatTimestamp } from "../../../src/schemas/transcription";
import { useI18n } from "../../hooks/use-i18n";
import type { Voice } from "./use-voice";
import { useVoiceStyles } from "./voice-styles";

/** The recording step of the recording panel. */
export function VoiceRecording({ voice }: { voice: Voice }): ReactNode {
  const { t } = useI18n();
  const styles = useVoiceStyles();
  const { state, recorder, isLive } = voice;
  return (
    <>
      <p className={styles.fact} role="status" data-testid="voice-state">
        {state.phase === "paused" ? t("ui.voice.paused") : t("ui.voice.recording")} ·{" "}
        <span data-testid="voice-elapsed">{t("ui.voice.elapsed", { time: formatTimestamp(state.elapsedS) })}</span>
      </p>
      <Field label={t("ui.voice.level")} size="small">
        <ProgressBar value={state.level} max={1} thickness="large" data-testid="voice-level" />
      </Field>
      <div className={styles.buttons}>
        {state.phase === "paused" ? (
          <Button icon={<PlayRegular />} onClick={recorder.resume} data-testid="voice-resume">
            {t("ui.voice.resume")}
          </Button>
        ) : (
          <Button icon={<PauseRegular />} disabled={!isLive} onClick={recorder.pause} data-testid="voice-pause">
            {t("ui.voice.pause")}
          </Button>
        )}
        <Button
          appearance="primary"
          icon={<RecordStopRegular />}
          disabled={!isLive}
          onClick={() => void recorder.stop()}
          data-testid="voice-stop"
        >
          {t("ui.voice.stop")}
        </Button>
      </div>
    </>
  );
}
