// Owns the pane's calls to the recording routes: open a recording with consent, put numbered chunks, transcribe.
import type { Locale } from "../../../src/i18n";
import { t } from "../../../src/i18n/core";
import type { RecordingStatus, TranscriptionResponse } from "../../../src/schemas/transcription";
import { clientProblem, problemOf } from "../../api/http";
import { problemError } from "../../lib/errors";

export interface VoiceApi {
  openRecording(mimeType: string): Promise<RecordingStatus>;
  status(id: string): Promise<RecordingStatus>;
  putChunk(id: string, n: number, blob: Blob, endS: number): Promise<RecordingStatus>;
  transcribe(id: string, chunks: number): Promise<TranscriptionResponse>;
  discard(id: string): Promise<void>;
}

export function createVoiceApi(options: {
  locale: Locale;
  baseUrl?: string;
  getAccessToken?: () => Promise<string | null>;
}): VoiceApi {
  const base = (options.baseUrl ?? "").replace(/\/$/, "");
  async function call<T>(
    path: string,
    init: { method: string; body?: BodyInit; contentType?: string; headers?: Record<string, string> },
  ): Promise<T> {
    const headers: Record<string, string> = {
      accept: "application/json",
      "accept-language": options.locale,
      ...init.headers,
    };
    if (init.contentType) headers["content-type"] = init.contentType;
    const token = await options.getAccessToken?.();
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method: init.method,
        headers,
        ...(init.body !== undefined ? { body: init.body } : {}),
      });
    } catch (cause) {
      throw problemError(clientProblem("network", t("ui.error.network", {}, options.locale)), cause);
    }
    if (!response.ok) throw await problemOf(response, options.locale);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  return {
    openRecording: (mimeType) =>
      call("/api/recordings", {
        method: "POST",
        body: JSON.stringify({ consent: true, mimeType }),
        contentType: "application/json",
      }),
    status: (id) => call(`/api/recordings/${encodeURIComponent(id)}`, { method: "GET" }),
    putChunk: (id, n, blob, endS) =>
      call(`/api/recordings/${encodeURIComponent(id)}/chunks/${n}`, {
        method: "PUT",
        body: blob,
        contentType: "application/octet-stream",
        headers: { "x-chunk-end-seconds": endS.toFixed(1) },
      }),
    transcribe: (id, chunks) =>
      call(`/api/recordings/${encodeURIComponent(id)}/transcribe`, {
        method: "POST",
        body: JSON.stringify({ chunks }),
        contentType: "application/json",
      }),
    discard: (id) => call(`/api/recordings/${encodeURIComponent(id)}`, { method: "DELETE" }),
  };
}
