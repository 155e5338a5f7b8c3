// Owns the "Enregistrer l'entretien" panel: consent first, then recording with level, time and upload queue, then the
// transcript as turns.
import type { ReactNode } from "react";
import { InlineNotice } from "../../components/InlineNotice";
import { useI18n } from "../../hooks/use-i18n";
import type { WorkSource } from "../../lib/work-source";
import { useVoice } from "./use-voice";
import { useVoiceStyles } from "./voice-styles";
import { VoiceConsent } from "./VoiceConsent";
import { VoiceProgress } from "./VoiceProgress";
import { VoiceRecording } from "./VoiceRecording";
import { VoiceTranscript } from "./VoiceTranscript";

export interface VoicePanelProps {
  /** The transcript, made a source; the panel closes. */
  readonly onUse: (source: WorkSource) => void;
  readonly onCancel: () => void;
}

/** The recording panel, reached from the source part of the capture form. */
export function VoicePanel(props: VoicePanelProps): ReactNode {
  const { t } = useI18n();
  const styles = useVoiceStyles();
  const voice = useVoice(props.onUse);
  const { phase } = voice.state;
  const isConsenting = phase === "idle" || (phase === "failed" && !voice.state.transcript && !voice.isResuming);
  return (
    <section className={styles.root} aria-label={t("ui.voice.title")} data-testid="voice-panel">
      <h4 className={styles.heading}>{t("ui.voice.title")}</h4>
      {!voice.isSupported ? (
        <InlineNotice intent="warning" data-testid="voice-unsupported">
          {t("ui.voice.mic_unsupported")}
        </InlineNotice>
      ) : null}
      {isConsenting ? <VoiceConsent voice={voice} onCancel={props.onCancel} /> : null}
      {voice.isLive || phase === "starting" || phase === "finishing" ? <VoiceRecording voice={voice} /> : null}
      <VoiceProgress voice={voice} />
      {phase === "done" && voice.turnCount > 0 ? <VoiceTranscript voice={voice} onCancel={props.onCancel} /> : null}
    </section>
  );
}
