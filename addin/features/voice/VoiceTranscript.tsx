// The transcript as turns, each speaker renamable, then Utiliser to make it the source.
import { Button, Field, Input } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { formatTimestamp } from "../../../src/schemas/transcription";
import { useI18n } from "../../hooks/use-i18n";
import type { Voice } from "./use-voice";
import { useVoiceStyles } from "./voice-styles";

/** The transcript step of the recording panel. */
export function VoiceTranscript({ voice, onCancel }: { voice: Voice; onCancel: () => void }): ReactNode {
  const { t } = useI18n();
  const styles = useVoiceStyles();
  return (
    <>
      <h4 className={styles.heading}>{t("ui.voice.transcript")}</h4>
      {voice.speakers.map((speaker) => (
        <Field key={speaker} label={t("ui.voice.rename", { speaker })} size="small">
          <Input
            value={voice.names[speaker] ?? speaker}
            onChange={(_, data) => voice.rename(speaker, data.value)}
            data-testid="voice-rename"
          />
        </Field>
      ))}
      <ol className={styles.turns} data-testid="voice-turns">
        {voice.named.map((turn, index) => (
          <li key={`${turn.startS}-${index}`} className={styles.turn} data-testid="voice-turn">
            <span className={styles.time}>{formatTimestamp(turn.startS)}</span>
            <span className={styles.speaker}>{turn.speaker}</span> : {turn.text}
          </li>
        ))}
      </ol>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={voice.use} data-testid="voice-use">
          {t("ui.voice.use")}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          {t("ui.voice.back")}
        </Button>
      </div>
    </>
  );
}
