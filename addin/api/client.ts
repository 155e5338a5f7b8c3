// Owns the add-in's HTTP client: typed calls over the src/schemas contract, answers read by those schemas (zod/mini,
// loaded after the first paint: addin/api/contract.ts), problem+json errors, streamed generations and scans.
import type * as z from "zod/mini";
import { t, type Locale } from "../../src/i18n/core";
import type { CommitmentsResponse } from "../../src/schemas/commitments";
import type { FeedbackRequest } from "../../src/schemas/feedback";
import type { GenerationRequest, GenerationResponse } from "../../src/schemas/generation";
import type { Minutes, MinutesList, SaveMinutesRequest, SaveMinutesResponse } from "../../src/schemas/minutes";
import type { ScanProgress, ScanSourceResponse } from "../../src/schemas/scan";
import type {
  DocumentSourceResponse,
  MailThreadSourceResponse,
  TranscriptSourceResponse,
} from "../../src/schemas/sources";
import type { DraftVersion } from "../../src/schemas/versions";
import { AddinError, hasProblem, problemError } from "../lib/errors";
import { clientProblem, loadContract, problemIn, problemOf, readAs, type Contract } from "./http";

/** Callbacks of a streamed generation. */
export interface StreamHandlers {
  /** A piece of draft to append. */
  onDelta(text: string): void;
  /** The whole draft so far is replaced (a fallback provider restarted it). */
  onReplace(text: string, reason: string): void;
}

/** Every call the taskpane makes to the Greffier API; each answer is read by its src/schemas contract. */
export interface ApiClient {
  /**
   * Streams a generation; resolves with the final answer (the `done` event).
   * @throws AddinError for problem+json answers, `error` events, network failures and cut streams.
   * @throws DOMException AbortError when `signal` aborts.
   */
  streamGeneration(
    request: GenerationRequest,
    handlers: StreamHandlers,
    signal?: AbortSignal,
  ): Promise<GenerationResponse>;
  /**
   * Saves validated text; resolves with the transparency the server decided. Every attempt carries the same
   * Idempotency-Key (`options.idempotencyKey`, one per validation act), and a network failure or a 5xx/429 is
   * retried on its own with a bounded backoff, so a flaky connection neither loses nor doubles the save.
   * @throws AddinError as above, once the retries are spent or on a 4xx.
   */
  saveMinutes(request: SaveMinutesRequest, signal?: AbortSignal, options?: SaveOptions): Promise<SaveMinutesResponse>;
  /**
   * Sends a rating on a generation, or a proposed use case; resolves with the stored feedback's id (201).
   * @throws AddinError as above (404 generation_not_found for a generation that is not the adviser's).
   */
  sendFeedback(request: FeedbackRequest, signal?: AbortSignal): Promise<{ id: string }>;
  /**
   * Turns a WebVTT transcript (Teams) into a source: one line per speaker turn. A picked file is sent as it is, so
   * the server decodes it by its bytes (UTF-8, else Windows-1252) rather than the browser guessing.
   * @throws AddinError as above (400 not WebVTT, 422 no turn, 413 too long).
   */
  transcriptSource(vtt: string | Blob, signal?: AbortSignal): Promise<TranscriptSourceResponse>;
  /**
   * Turns a mail thread into a source, each message attributed to the member or the insurer.
   * @throws AddinError as above (422 empty thread).
   */
  mailThreadSource(
    request: { text: string; memberAddress?: string },
    signal?: AbortSignal,
  ): Promise<MailThreadSourceResponse>;
  /**
   * Reads the text of a PDF or DOCX file (multipart, field `file`).
   * @throws AddinError as above (413 too big or too many pages, 415 another format, 422 a scan without text).
   */
  documentSource(file: Blob, fileName: string, signal?: AbortSignal): Promise<DocumentSourceResponse>;
  /**
   * Reads a scan or a photo by OCR on the server (multipart, SSE): `onProgress` gets {page, pages} as pages are read.
   * @throws AddinError as above (413 too big, 415 not an image or PDF, 422 damaged, protected or without any text).
   */
  scanSource(
    file: Blob,
    fileName: string,
    onProgress: (progress: ScanProgress) => void,
    signal?: AbortSignal,
  ): Promise<ScanSourceResponse>;
  /**
   * Records the adviser's manual edit of a draft in its version history.
   * @throws AddinError as above (404 generation_not_found).
   */
  recordManualVersion(generationId: string, text: string, signal?: AbortSignal): Promise<{ id: string }>;
  /**
   * The draft's history, oldest first: first generation, manual edits, AI edits.
   * @throws AddinError as above.
   */
  listVersions(generationId: string, signal?: AbortSignal): Promise<DraftVersion[]>;
  /**
   * "Mes comptes rendus": one page of the adviser's own saved texts, newest first.
   * @throws AddinError as above (400 for a stale cursor).
   */
  listMinutes(
    query: { cursor?: string; q?: string; memberId?: string; limit?: number },
    signal?: AbortSignal,
  ): Promise<MinutesList>;
  /**
   * One saved text of the adviser, with its provenance.
   * @throws AddinError as above (404 for anyone else's).
   */
  getMinutes(id: string, signal?: AbortSignal): Promise<Minutes>;
  /**
   * The commitments proposed from saved minutes (commitments@N, or the offline reading), for the adviser's review.
   * Optional so test doubles of the client need not offer it.
   * @throws AddinError as above (404 for anyone else's).
   */
  commitmentsOf?(minutesId: string, signal?: AbortSignal): Promise<CommitmentsResponse>;
}

/** How a save is sent: its Idempotency-Key and how patiently it is retried. */
export interface SaveOptions {
  /** One key per validation act; a fresh one when absent. */
  readonly idempotencyKey?: string;
  /** Attempts in all (first one included); 5 when absent. */
  readonly attempts?: number;
  /** First delay between attempts, doubled each time up to 8 s; 500 ms when absent. */
  readonly retryBaseMs?: number;
}

/** Answers worth sending the same save again for: the server or the way to it failed, or asked to wait. */
function isRetryableSave(error: unknown): boolean {
  if (!hasProblem(error)) return false;
  const status = error.problem.status;
  return error.code === "network" || status === 429 || status === 408 || (status >= 500 && status <= 599);
}

/** Waits `ms` unless `signal` aborts first. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** A multipart body with `file` in its `file` field, as the upload routes read it. */
function fileForm(file: Blob, fileName: string): FormData {
  const form = new FormData();
  form.append("file", file, fileName);
  return form;
}

/** A new Idempotency-Key (a UUID; crypto.randomUUID needs a secure context, which the pane always is). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** How `createApiClient` reaches the API and in which language it words client-side problems. */
export interface ApiClientOptions {
  /** Origin and prefix of the API; same origin as the page when absent. */
  readonly baseUrl?: string;
  /** Bearer token source (addin/auth plugs in here); no header when it returns null. */
  readonly getAccessToken?: () => Promise<string | null>;
  readonly fetch?: typeof fetch;
  readonly locale?: Locale;
}

/** Creates the client. One per pane; the token source is asked before every call. */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const base = (options.baseUrl ?? "").replace(/\/$/, "");
  const locale = options.locale ?? "fr";
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function post(
    path: string,
    body: unknown,
    accept: string,
    signal: AbortSignal | undefined,
    extraHeaders: Record<string, string> = {},
  ): Promise<Response> {
    return send(path, "POST", accept, signal, body instanceof FormData ? body : JSON.stringify(body), extraHeaders);
  }

  /** One call with the token; a FormData body sets its own multipart content type, JSON ones are labelled. */
  async function send(
    path: string,
    method: "GET" | "POST",
    accept: string,
    signal: AbortSignal | undefined,
    body?: string | FormData,
    extraHeaders: Record<string, string> = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { accept, "accept-language": locale, ...extraHeaders };
    if (typeof body === "string") headers["content-type"] = "application/json";
    const token = await options.getAccessToken?.();
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
        signal: signal ?? null,
      });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw problemError(clientProblem("network", t("ui.error.network", {}, locale)), cause);
    }
    if (!response.ok) throw await problemOf(response, locale);
    return response;
  }

  const badResponse = () => t("ui.error.bad_response", {}, locale);

  /** The JSON answer as its schema in the contract reads it. @throws AddinError bad_response when it does not fit. */
  async function json<S extends z.ZodMiniType>(
    response: Response,
    schemaOf: (contract: Contract) => S,
  ): Promise<z.output<S>> {
    const raw: unknown = await response.json().catch(() => null);
    return readAs(schemaOf(await loadContract(locale)), raw, badResponse(), response.status);
  }

  /**
   * Reads an event stream until its `done` event, read by `doneOf`; `onEvent` gets every other event but `error`,
   * whose problem is thrown (worded by `errorDetail` when it is not one).
   * @throws AddinError stream_incomplete when the stream stops before `done`.
   */
  async function untilDone<S extends z.ZodMiniType>(
    response: Response,
    doneOf: (contract: Contract) => S,
    onEvent: (contract: Contract, event: string, data: unknown) => void,
    errorDetail: string,
    signal: AbortSignal | undefined,
  ): Promise<z.output<S>> {
    if (!response.body) throw problemError(clientProblem("bad_response", badResponse()));
    const contract = await loadContract(locale);
    try {
      for await (const { event, data } of contract.readSse(response.body)) {
        const payload: unknown = JSON.parse(data);
        if (event === "done") return readAs(doneOf(contract), payload, badResponse());
        if (event === "error") throw problemError(problemIn(contract, payload, errorDetail));
        onEvent(contract, event, payload);
      }
    } catch (cause) {
      if (cause instanceof AddinError || signal?.aborted) throw cause;
      throw problemError(clientProblem("stream_incomplete", t("ui.error.stream_cut", {}, locale)), cause);
    }
    throw problemError(clientProblem("stream_incomplete", t("ui.error.stream_cut", {}, locale)));
  }

  const isEventStream = (response: Response) =>
    (response.headers.get("content-type") ?? "").includes("text/event-stream");

  return {
    async streamGeneration(request, handlers, signal) {
      const response = await post("/api/generations", request, "text/event-stream", signal);
      // A server that answers JSON anyway (a proxy stripping SSE) still gives a usable draft.
      if (!isEventStream(response)) {
        const answer = await json(response, (c) => c.GenerationResponseSchema);
        handlers.onReplace(answer.draft, "json");
        return answer;
      }
      const onEvent = ({ GenerationEventSchemas: events }: Contract, event: string, data: unknown) => {
        if (event === "delta") handlers.onDelta(readAs(events.delta, data, badResponse()).text);
        else if (event === "replace") {
          const replace = readAs(events.replace, data, badResponse());
          handlers.onReplace(replace.text, replace.reason);
        }
      };
      return untilDone(
        response,
        (c) => c.GenerationResponseSchema,
        onEvent,
        t("problem.provider_failed.detail", {}, locale),
        signal,
      );
    },

    async saveMinutes(request, signal, saveOptions = {}) {
      const key = saveOptions.idempotencyKey ?? newIdempotencyKey();
      const attempts = saveOptions.attempts ?? 5;
      const baseMs = saveOptions.retryBaseMs ?? 500;
      for (let attempt = 1; ; attempt += 1) {
        try {
          const response = await post("/api/minutes", request, "application/json", signal, { "idempotency-key": key });
          return await json(response, (c) => c.SaveMinutesResponseSchema);
        } catch (error) {
          if (signal?.aborted || attempt >= attempts || !isRetryableSave(error)) throw error;
          // The same key again: the server answers the first save's result if it did arrive.
          await pause(Math.min(8_000, baseMs * 2 ** (attempt - 1)) * (0.75 + Math.random() / 2), signal);
        }
      }
    },

    async sendFeedback(request, signal) {
      return json(await post("/api/feedback", request, "application/json", signal), (c) => c.FeedbackResponseSchema);
    },

    async transcriptSource(vtt, signal) {
      const body = typeof vtt === "string" ? { vtt } : fileForm(vtt, vtt instanceof File ? vtt.name : "transcript.vtt");
      return json(
        await post("/api/sources/transcript", body, "application/json", signal),
        (c) => c.TranscriptSourceResponseSchema,
      );
    },

    async mailThreadSource(request, signal) {
      return json(
        await post("/api/sources/mail-thread", request, "application/json", signal),
        (c) => c.MailThreadSourceResponseSchema,
      );
    },

    async documentSource(file, fileName, signal) {
      return json(
        await post("/api/sources/document", fileForm(file, fileName), "application/json", signal),
        (c) => c.DocumentSourceResponseSchema,
      );
    },

    async scanSource(file, fileName, onProgress, signal) {
      const response = await post("/api/sources/scan", fileForm(file, fileName), "text/event-stream", signal);
      if (!isEventStream(response)) return json(response, (c) => c.ScanSourceResponseSchema);
      const onEvent = (contract: Contract, event: string, data: unknown) => {
        if (event === "progress") onProgress(readAs(contract.ScanEventSchemas.progress, data, badResponse()));
      };
      return untilDone(response, (c) => c.ScanSourceResponseSchema, onEvent, badResponse(), signal);
    },

    async recordManualVersion(generationId, text, signal) {
      const path = `/api/generations/${encodeURIComponent(generationId)}/versions`;
      return json(await post(path, { text }, "application/json", signal), (c) => c.ManualVersionResponseSchema);
    },

    async listVersions(generationId, signal) {
      const path = `/api/generations/${encodeURIComponent(generationId)}/versions`;
      return json(await send(path, "GET", "application/json", signal), (c) => c.DraftVersionsSchema);
    },

    async listMinutes(query, signal) {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(query))
        if (value !== undefined && value !== "") params.set(name, String(value));
      const search = params.toString();
      return json(
        await send(`/api/minutes${search ? `?${search}` : ""}`, "GET", "application/json", signal),
        (c) => c.MinutesListSchema,
      );
    },

    async getMinutes(id, signal) {
      return json(
        await send(`/api/minutes/${encodeURIComponent(id)}`, "GET", "application/json", signal),
        (c) => c.MinutesSchema,
      );
    },

    async commitmentsOf(minutesId, signal) {
      const path = `/api/minutes/${encodeURIComponent(minutesId)}/commitments`;
      return json(await post(path, {}, "application/json", signal), (c) => c.CommitmentsResponseSchema);
    },
  };
}
