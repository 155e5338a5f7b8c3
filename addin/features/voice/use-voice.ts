// Owns the recording panel's state around the recorder: the chunk queue, the consent, the host's microphone
// permission, a recording left by a reload, the transcript's turns with the speakers' names, and what failed, in words.
import { useEffect, useMemo, useState } from "react";
import { renameSpeaker, turnsToSource, type Turn } from "../../../src/schemas/transcription";
import { useHost } from "../../hooks/use-host";
import { useI18n } from "../../hooks/use-i18n";
import { hasProblem } from "../../lib/errors";
import type { WorkSource } from "../../lib/work-source";
import { memoryQueue, openChunkQueue, type ChunkQueue } from "./chunk-queue";
import { useRecorder } from "./use-recorder";
import { createVoiceApi } from "./voice-api";

export type Recorder = ReturnType<typeof useRecorder>;

/** Everything the recording panel shows and does. */
export interface Voice {
  readonly recorder: Recorder;
  readonly state: Recorder["state"];
  /** The browser can record (getUserMedia and MediaRecorder). */
  readonly isSupported: boolean;
  /** The chunk queue is open: recording may start. */
  readonly isReady: boolean;
  readonly hasConsent: boolean;
  setConsent(hasConsent: boolean): void;
  /** A recording left by a reload or a crash is being sent. */
  readonly isResuming: boolean;
  /** Why Outlook refused the microphone, in words, or null. */
  readonly hostRefusal: string | null;
  /** Why recording or transcription failed, in words, or null. */
  readonly problem: string | null;
  /** Recording or paused. */
  readonly isLive: boolean;
  readonly speakers: readonly string[];
  /** The name given to each speaker, by the name the transcription gave. */
  readonly names: Readonly<Record<string, string>>;
  rename(speaker: string, name: string): void;
  /** The transcript's turns with the speakers renamed. */
  readonly named: readonly Turn[];
  readonly turnCount: number;
  start(): Promise<void>;
  discard(): Promise<void>;
  /** The renamed transcript becomes the source. */
  use(): void;
}

/** The panel's state; `onUse` receives the transcript made a source. */
export function useVoice(onUse: (source: WorkSource) => void): Voice {
  const { t, locale } = useI18n();
  const api = useMemo(() => createVoiceApi({ locale }), [locale]);
  const [queue, setQueue] = useState<ChunkQueue | null>(null);
  const [hasConsent, setConsent] = useState(false);
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
    onUse({
      kind: "transcript",
      name: t("ui.voice.title"),
      text,
      facts: { speakers: [...new Set(named.map((turn) => turn.speaker))], turns: named.length },
      // The generation links this transcription, so the member's consent is recorded with the draft.
      ...(state.transcript ? { transcriptionId: state.transcript.id } : {}),
    });
  };

  return {
    recorder,
    state,
    isSupported,
    isReady: queue !== null,
    hasConsent,
    setConsent,
    isResuming,
    hostRefusal,
    problem,
    isLive: state.phase === "recording" || state.phase === "paused",
    speakers,
    names,
    rename: (speaker, name) => setNames({ ...names, [speaker]: name }),
    named,
    turnCount: turns.length,
    start,
    discard: () => recorder.discard().then(() => setIsResuming(false)),
    use,
  };
}
