// Owns one live recording in the pane: microphone, MediaRecorder chunks every 10 s into the device queue, uploads while
// recording, level, time.
import { useCallback, useEffect, useRef, useState } from "react";
import { CHUNK_SECONDS, type TranscriptionResponse } from "../../../src/schemas/transcription";
import { AddinError, hasProblem } from "../../lib/errors";
import type { ChunkQueue } from "./chunk-queue";
import type { VoiceApi } from "./voice-api";

export type RecorderPhase =
  "idle" | "starting" | "recording" | "paused" | "finishing" | "transcribing" | "done" | "failed";

/** Opus in WebM where the browser has it (Chromium, Edge, Firefox), else Ogg, else whatever it records. */
export function pickMimeType(): string {
  if (typeof MediaRecorder === "undefined") return "";
  for (const type of ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/webm", "audio/ogg", "audio/mp4"]) {
    if (MediaRecorder.isTypeSupported(type)) return type;
  }
  return "";
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface RecorderState {
  readonly phase: RecorderPhase;
  readonly elapsedS: number;
  /** 0..1, the microphone's loudness now. */
  readonly level: number;
  /** Chunks recorded on this device and not yet acknowledged by the server. */
  readonly pending: number;
  readonly isOffline: boolean;
  readonly transcript: TranscriptionResponse | null;
  readonly error: Error | null;
}

/**
 * The recording. `start` is only ever called after the consent box is ticked (the panel enforces it; the server
 * refuses a recording without consent too). Chunks go to IndexedDB first, then to the server; a chunk leaves the
 * device only once the server acknowledged it, so a network drop, a reload or a crash loses nothing.
 */
export function useRecorder(api: VoiceApi, queue: ChunkQueue | null) {
  const [state, setState] = useState<RecorderState>({
    phase: "idle",
    elapsedS: 0,
    level: 0,
    pending: 0,
    isOffline: false,
    transcript: null,
    error: null,
  });
  const patch = useCallback((p: Partial<RecorderState>) => setState((s) => ({ ...s, ...p })), []);
  const live = useRef<{
    recorder: MediaRecorder;
    stream: MediaStream;
    audio: AudioContext | null;
    id: string;
    n: number;
    startedAt: number;
    pausedMs: number;
    pausedAt: number | null;
    mimeType: string;
  } | null>(null);
  const uploading = useRef<Promise<void> | null>(null);
  const isUnmounted = useRef(false);

  const elapsed = () => {
    const l = live.current;
    if (!l) return 0;
    const now = l.pausedAt ?? Date.now();
    return Math.max(0, (now - l.startedAt - l.pausedMs) / 1000);
  };

  /** Sends every queued chunk of `id`, oldest first; waits and tries again while the network is down. */
  const flush = useCallback(
    (id: string): Promise<void> => {
      if (!queue) return Promise.resolve();
      const run = async () => {
        for (let attempt = 0; !isUnmounted.current; attempt += 1) {
          const chunks = await queue.pending(id);
          patch({ pending: chunks.length });
          if (chunks.length === 0) return;
          try {
            for (const chunk of chunks) {
              await api.putChunk(id, chunk.n, chunk.blob, chunk.endS);
              await queue.ack(id, chunk.n);
              patch({ pending: (await queue.pending(id)).length, isOffline: false });
            }
            attempt = -1;
          } catch (error) {
            // The server refused the chunk for good (limit, conflict): stop sending it and say why.
            if (
              hasProblem(error) &&
              error.problem.status >= 400 &&
              error.problem.status < 500 &&
              error.problem.status !== 429 &&
              error.problem.status !== 408
            ) {
              patch({ error });
              return;
            }
            patch({ isOffline: true });
            await sleep(Math.min(10_000, 500 * 2 ** Math.min(attempt, 5)));
          }
        }
      };
      // One upload loop at a time; a new chunk joins the running loop's next pass.
      const previous = uploading.current ?? Promise.resolve();
      const next = previous.then(run, run);
      uploading.current = next;
      return next;
    },
    [api, queue, patch],
  );

  const transcribe = useCallback(
    async (id: string, chunkCount: number) => {
      patch({ phase: "transcribing", error: null });
      try {
        await flush(id);
        let transcript: TranscriptionResponse | undefined;
        // A network drop at "stop" is waited out (the server answers the same transcript if it already made it).
        for (let attempt = 0; !transcript; attempt += 1) {
          try {
            transcript = await api.transcribe(id, chunkCount);
          } catch (error) {
            if (!(error instanceof AddinError && error.code === "network") || attempt >= 20 || isUnmounted.current)
              throw error;
            patch({ isOffline: true });
            await sleep(Math.min(10_000, 500 * 2 ** Math.min(attempt, 5)));
          }
        }
        patch({ isOffline: false });
        await queue?.forget(id);
        patch({ phase: "done", transcript });
      } catch (error) {
        // The recording stays on the server (and its chunks on the device) until a retry or the retention.
        patch({ phase: "failed", error: error instanceof Error ? error : new Error(String(error)) });
      }
    },
    [api, flush, queue, patch],
  );

  const start = useCallback(async () => {
    if (!queue) return;
    patch({ phase: "starting", error: null, transcript: null, elapsedS: 0 });
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
    } catch (error) {
      patch({ phase: "failed", error: error instanceof Error ? error : new Error(String(error)) });
      return;
    }
    const mimeType = pickMimeType();
    let id: string;
    try {
      id = (await api.openRecording(mimeType || "audio/webm")).id;
    } catch (error) {
      stream.getTracks().forEach((track) => track.stop());
      patch({ phase: "failed", error: error instanceof Error ? error : new Error(String(error)) });
      return;
    }
    // 24 kbit/s Opus: speech stays clear and 2 h stay near 22 MB.
    const recorder = new MediaRecorder(stream, { ...(mimeType ? { mimeType } : {}), audioBitsPerSecond: 24_000 });
    let audio: AudioContext | null = null;
    try {
      audio = new AudioContext();
      const analyser = audio.createAnalyser();
      analyser.fftSize = 1024;
      audio.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      const tick = () => {
        if (!live.current || live.current.recorder !== recorder || recorder.state === "inactive") return;
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (const v of samples) sum += v * v;
        patch({ level: Math.min(1, Math.sqrt(sum / samples.length) * 4) });
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    } catch {
      audio = null; // no level meter; the recording itself does not need it
    }
    live.current = { recorder, stream, audio, id, n: 0, startedAt: Date.now(), pausedMs: 0, pausedAt: null, mimeType };
    await queue.saveRecording({ id, mimeType, startedAt: Date.now(), chunkCount: 0, isStopped: false });
    recorder.ondataavailable = (event) => {
      const l = live.current;
      if (!l || event.data.size === 0) return;
      const n = l.n++;
      void (async () => {
        await queue.addChunk({ recordingId: id, n, blob: event.data, endS: elapsed() });
        await queue.saveRecording({
          id,
          mimeType,
          startedAt: l.startedAt,
          chunkCount: l.n,
          isStopped: recorder.state === "inactive",
        });
        void flush(id);
      })();
    };
    recorder.start(CHUNK_SECONDS * 1000);
    // The clock runs on a timer, not on animation frames, which a hidden pane or a headless browser may hold back.
    const clock = setInterval(() => {
      if (live.current?.recorder !== recorder) clearInterval(clock);
      else patch({ elapsedS: elapsed() });
    }, 250);
    patch({ phase: "recording" });
  }, [api, queue, flush, patch]);

  const pause = useCallback(() => {
    const l = live.current;
    if (!l || l.recorder.state !== "recording") return;
    l.recorder.pause();
    l.pausedAt = Date.now();
    patch({ phase: "paused", level: 0 });
  }, [patch]);

  const resume = useCallback(() => {
    const l = live.current;
    if (!l || l.recorder.state !== "paused") return;
    l.recorder.resume();
    if (l.pausedAt !== null) l.pausedMs += Date.now() - l.pausedAt;
    l.pausedAt = null;
    patch({ phase: "recording" });
  }, [patch]);

  const stop = useCallback(async () => {
    const l = live.current;
    if (!l || !queue) return;
    patch({ phase: "finishing", level: 0, elapsedS: elapsed() });
    await new Promise<void>((resolve) => {
      l.recorder.addEventListener("stop", () => resolve(), { once: true });
      l.recorder.stop();
    });
    l.stream.getTracks().forEach((track) => track.stop());
    void l.audio?.close();
    // The last dataavailable fires before stop; give its queue write a moment to land.
    await sleep(50);
    await queue.saveRecording({
      id: l.id,
      mimeType: l.mimeType,
      startedAt: l.startedAt,
      chunkCount: l.n,
      isStopped: true,
    });
    live.current = null;
    await transcribe(l.id, l.n);
  }, [queue, transcribe, patch]);

  /** After a reload or a crash: sends what a previous recording left on the device, then transcribes it. */
  const resumeLeftovers = useCallback(async (): Promise<boolean> => {
    if (!queue) return false;
    const left = await queue.recordings();
    const last = left.sort((a, b) => b.startedAt - a.startedAt)[0];
    if (!last) return false;
    const chunks = await queue.pending(last.id);
    const count = Math.max(last.chunkCount, ...chunks.map((c) => c.n + 1));
    if (count === 0) {
      await queue.forget(last.id);
      return false;
    }
    await queue.saveRecording({ ...last, chunkCount: count, isStopped: true });
    void transcribe(last.id, count);
    return true;
  }, [queue, transcribe]);

  const retry = useCallback(async () => {
    if (!queue) return;
    const left = (await queue.recordings()).sort((a, b) => b.startedAt - a.startedAt)[0];
    if (left) await transcribe(left.id, left.chunkCount);
  }, [queue, transcribe]);

  const discard = useCallback(async () => {
    if (!queue) return;
    for (const r of await queue.recordings()) {
      await api.discard(r.id).catch(() => undefined);
      await queue.forget(r.id);
    }
    patch({ phase: "idle", transcript: null, error: null, pending: 0, elapsedS: 0 });
  }, [api, queue, patch]);

  useEffect(() => {
    isUnmounted.current = false;
    const online = () => {
      const l = live.current;
      if (l) void flush(l.id);
    };
    window.addEventListener("online", online);
    return () => {
      isUnmounted.current = true;
      window.removeEventListener("online", online);
      const l = live.current;
      // Leaving the panel stops the microphone; what was recorded stays queued for the next visit.
      if (l && l.recorder.state !== "inactive") l.recorder.stop();
      l?.stream.getTracks().forEach((track) => track.stop());
    };
  }, [flush]);

  return { state, start, pause, resume, stop, retry, discard, resumeLeftovers };
}
