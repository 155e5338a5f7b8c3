// Owns the "Enregistrer l'entretien" panel: consent first, then recording with level, time and upload queue, then the transcript as turns.
import { Button, Checkbox, Field, Input, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { MicRegular, PauseRegular, PlayRegular, RecordStopRegular } from "@fluentui/react-icons";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { formatTimestamp, renameSpeaker, turnsToSource, type Turn } from "../../../src/schemas/transcription";
import { hasProblem } from "../../lib/errors";
import { InlineNotice } from "../../components/InlineNotice";
import { useHost } from "../../hooks/use-host";
import { useI18n } from "../../hooks/use-i18n";
import type { WorkSource } from "../../lib/work-source";
import { memoryQueue, openChunkQueue, type ChunkQueue } from "./chunk-queue";
import { useRecorder } from "./use-recorder";
import { createVoiceApi } from "./voice-api";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  notice: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  fact: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  turns: {
    margin: 0,
    padding: 0,
    listStyle: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    maxHeight: "320px",
    overflowY: "auto",
  },
  turn: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: "anywhere" },
  time: {
    color: tokens.colorNeutralForeground3,
    fontVariantNumeric: "tabular-nums",
    marginRight: tokens.spacingHorizontalXS,
  },
  speaker: { fontWeight: tokens.fontWeightSemibold },
});

export interface VoicePanelProps {
  /** The transcript, made a source; the panel closes. */
  readonly onUse: (source: WorkSource) => void;
  readonly onCancel: () => void;
}

/** The recording panel, reached from the source part of the capture form. */
export function VoicePanel(props: VoicePanelProps): ReactNode {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const api = useMemo(() => createVoiceApi({ locale }), [locale]);
  const [queue, setQueue] = useState<ChunkQueue | null>(null);
  const [hasConsent, setHasConsent] = useState(false);
  const [turns, setTurns] = useState<Turn[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});
  const [isResuming, setIsResuming] = useState(false);
  const recorder = useRecorder(api, queue);
  const host = useHost();
  const [hostRefusal, setHostRefusal] = useState<string | null>(null);

  /** Outlook first asks its own permission (a first grant needs a reload); then the browser's getUserMedia. */
  const start = async () => {
    setHostRefusal(null);
    const permission = host.requestMicrophone
      ? await host.requestMicrophone().catch(() => "unsupported" as const)
      : "unsupported";
    if (permission === "denied") {
      setHostRefusal(t("ui.voice.mic_denied"));
      return;
    }
    if (permission === "granted-reload") {
      // The consent is asked again after the reload: it is never carried over silently.
      window.location.reload();
      return;
    }
    await recorder.start();
  };
  const { state } = recorder;
  const isSupported =
    typeof navigator !== "undefined" &&
    navigator.mediaDevices?.getUserMedia !== undefined &&
    typeof MediaRecorder !== "undefined";

  useEffect(() => {
    let isCurrent = true;
    openChunkQueue().then(
      (q) => isCurrent && setQueue(q),
      () => isCurrent && setQueue(memoryQueue()),
    );
    return () => {
      isCurrent = false;
    };
  }, []);

  // A recording left by a reload or a crash: its chunks go up and it is transcribed, with no new consent needed.
  useEffect(() => {
    if (!queue) return;
    void recorder.resumeLeftovers().then((found) => setIsResuming(found));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per opened queue
  }, [queue]);

  useEffect(() => {
    if (state.transcript) {
      setTurns(state.transcript.turns);
      setNames({});
    }
  }, [state.transcript]);

  const speakers = [...new Set(turns.map((turn) => turn.speaker))];
  const named = speakers.reduce(
    (acc, speaker) => (names[speaker] ? renameSpeaker(acc, speaker, names[speaker] ?? speaker) : acc),
    turns,
  );
  const isLive = state.phase === "recording" || state.phase === "paused";
  const problem = hasProblem(state.error)
    ? state.error.problem.code === "provider_unavailable"
      ? t("ui.voice.no_provider")
      : t("ui.voice.failed", { reason: state.error.problem.detail })
    : state.error
      ? /NotAllowed|Permission|denied/i.test(`${state.error.name} ${state.error.message}`)
        ? t("ui.voice.mic_denied")
        : t("ui.voice.failed", { reason: state.error.message })
      : null;

  const use = () => {
    const text = turnsToSource(named);
    props.onUse({
      kind: "transcript",
      name: t("ui.voice.title"),
      text,
      facts: { speakers: [...new Set(named.map((turn) => turn.speaker))], turns: named.length },
      // The generation links this transcription, so the member's consent is recorded with the draft.
      ...(state.transcript ? { transcriptionId: state.transcript.id } : {}),
    });
  };

  return (
    <section className={styles.root} aria-label={t("ui.voice.title")} data-testid="voice-panel">
      <h4 className={styles.heading}>{t("ui.voice.title")}</h4>
      {!isSupported ? (
        <InlineNotice intent="warning" data-testid="voice-unsupported">
          {t("ui.voice.mic_unsupported")}
        </InlineNotice>
      ) : null}

      {state.phase === "idle" || (state.phase === "failed" && !state.transcript && !isResuming) ? (
        <>
          <p className={styles.fact}>{t("ui.voice.notice_title")}</p>
          <p className={styles.notice} data-testid="voice-notice">
            {t("ui.voice.notice")}
          </p>
          <Checkbox
            checked={hasConsent}
            onChange={(_, data) => setHasConsent(data.checked === true)}
            label={t("ui.voice.consent")}
            data-testid="voice-consent"
          />
          {!hasConsent ? <p className={styles.fact}>{t("ui.voice.consent_needed")}</p> : null}
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              icon={<MicRegular />}
              disabled={!hasConsent || !isSupported || !queue}
              onClick={() => void start()}
              data-testid="voice-start"
            >
              {t("ui.voice.start")}
            </Button>
            <Button appearance="subtle" onClick={props.onCancel} data-testid="voice-cancel">
              {t("ui.voice.back")}
            </Button>
          </div>
        </>
      ) : null}

      {isLive || state.phase === "starting" || state.phase === "finishing" ? (
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
      ) : null}

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

      {hostRefusal ? (
        <InlineNotice intent="warning" isUrgent data-testid="voice-host-refused">
          {hostRefusal}
        </InlineNotice>
      ) : null}
      {problem ? (
        <InlineNotice intent="warning" isUrgent data-testid="voice-error">
          {problem}
        </InlineNotice>
      ) : null}
      {state.phase === "failed" && (isResuming || hasProblem(state.error)) ? (
        <div className={styles.buttons}>
          <Button onClick={() => void recorder.retry()} data-testid="voice-retry">
            {t("ui.voice.retry")}
          </Button>
          <Button
            appearance="subtle"
            onClick={() => void recorder.discard().then(() => setIsResuming(false))}
            data-testid="voice-discard"
          >
            {t("ui.voice.discard")}
          </Button>
        </div>
      ) : null}

      {state.phase === "done" && turns.length > 0 ? (
        <>
          <h4 className={styles.heading}>{t("ui.voice.transcript")}</h4>
          {speakers.map((speaker) => (
            <Field key={speaker} label={t("ui.voice.rename", { speaker })} size="small">
              <Input
                value={names[speaker] ?? speaker}
                onChange={(_, data) => setNames({ ...names, [speaker]: data.value })}
                data-testid="voice-rename"
              />
            </Field>
          ))}
          <ol className={styles.turns} data-testid="voice-turns">
            {named.map((turn, index) => (
              <li key={`${turn.startS}-${index}`} className={styles.turn} data-testid="voice-turn">
                <span className={styles.time}>{formatTimestamp(turn.startS)}</span>
                <span className={styles.speaker}>{turn.speaker}</span> : {turn.text}
              </li>
            ))}
          </ol>
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={use} data-testid="voice-use">
              {t("ui.voice.use")}
            </Button>
            <Button appearance="subtle" onClick={props.onCancel}>
              {t("ui.voice.back")}
            </Button>
          </div>
        </>
      ) : null}
    </section>
  );
}
