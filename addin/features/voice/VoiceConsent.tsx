// The step before recording: what the recording is for, the member's consent, then Démarrer.
import { Button, Checkbox } from "@fluentui/react-components";
import { MicRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { useI18n } from "../../hooks/use-i18n";
import type { Voice } from "./use-voice";
import { useVoiceStyles } from "./voice-styles";

/** The consent step of the recording panel. */
export function VoiceConsent({ voice, onCancel }: { voice: Voice; onCancel: () => void }): ReactNode {
  const { t } = useI18n();
  const styles = useVoiceStyles();
  return (
    <>
      <p className={styles.fact}>{t("ui.voice.notice_title")}</p>
      <p className={styles.notice} data-testid="voice-notice">
        {t("ui.voice.notice")}
      </p>
      <Checkbox
        checked={voice.hasConsent}
        onChange={(_, data) => voice.setConsent(data.checked === true)}
        label={t("ui.voice.consent")}
        data-testid="voice-consent"
      />
      {!voice.hasConsent ? <p className={styles.fact}>{t("ui.voice.consent_needed")}</p> : null}
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<MicRegular />}
          disabled={!voice.hasConsent || !voice.isSupported || !voice.isReady}
          onClick={() => void voice.start()}
          data-testid="voice-start"
        >
          {t("ui.voice.start")}
        </Button>
        <Button appearance="subtle" onClick={onCancel} data-testid="voice-cancel">
          {t("ui.voice.back")}
        </Button>
      </div>
    </>
  );
}
