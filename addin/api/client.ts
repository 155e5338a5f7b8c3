// Owns the add-in's HTTP client: typed calls over the src/schemas contract, problem+json parsing, SSE generations.
import type { Commitment } from "../../src/schemas/commitments";
import { t, type Locale } from "../../src/i18n/core";
import type { FeedbackRequest } from "../../src/schemas/feedback";
import type { GenerationRequest, GenerationResponse } from "../../src/schemas/generation";
import type { Minutes, MinutesList, SaveMinutesRequest, SaveMinutesResponse } from "../../src/schemas/minutes";
import type { Problem } from "../../src/schemas/problem";
import type { DocumentSourceResponse, MailThreadSourceResponse, TranscriptSourceResponse } from "../../src/schemas/sources";
import type { ScanProgress, ScanSourceResponse } from "../../src/schemas/scan";
import { AddinError, hasProblem, problemError, type ClientProblemCode, type ProblemError } from "../lib/errors";
import { readSse } from "./sse";

// Types only from src/schemas: zod's runtime would triple the pane's first download, so the answers are
// checked by the small guards below, on the fields the pane relies on.

export type { ClientProblemCode };

/**
 * A failed API call: an AddinError carrying the problem+json to show. Kept for the components that still test
 * `instanceof ApiError`; new code uses AddinError with `hasProblem` or `messageOf` (addin/lib/errors).
 */
export type ApiError = ProblemError;
export const ApiError = { [Symbol.hasInstance]: hasProblem } as const;

/** Callbacks of a streamed generation. */
export interface StreamHandlers {
  /** A piece of draft to append. */
  onDelta(text: string): void;
  /** The whole draft so far is replaced (a fallback provider restarted it). */
  onReplace(text: string, reason: string): void;
}

/** Every call the taskpane makes to the Greffier API; answers checked by hand-written guards (no zod in the pane). */
export interface ApiClient {
  /**
   * Streams a generation; resolves with the final answer (the `done` event).
   * @throws AddinError for problem+json answers, `error` events, network failures and cut streams.
   * @throws DOMException AbortError when `signal` aborts.
   */
  streamGeneration(request: GenerationRequest, handlers: StreamHandlers, signal?: AbortSignal): Promise<GenerationResponse>;
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
  mailThreadSource(request: { text: string; memberAddress?: string }, signal?: AbortSignal): Promise<MailThreadSourceResponse>;
  /**
   * Reads the text of a PDF or DOCX file (multipart, field `file`).
   * @throws AddinError as above (413 too big or too many pages, 415 another format, 422 a scan without text).
   */
  documentSource(file: Blob, fileName: string, signal?: AbortSignal): Promise<DocumentSourceResponse>;
  /**
   * Reads a scan or a photo by OCR on the server (multipart, SSE): `onProgress` gets {page, pages} as pages are read.
   * @throws AddinError as above (413 too big, 415 not an image or PDF, 422 damaged, protected or without any text).
   */
  scanSource(file: Blob, fileName: string, onProgress: (progress: ScanProgress) => void, signal?: AbortSignal): Promise<ScanSourceResponse>;
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
  listMinutes(query: { cursor?: string; q?: string; memberId?: string; limit?: number }, signal?: AbortSignal): Promise<MinutesList>;
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
  commitmentsOf?(minutesId: string, signal?: AbortSignal): Promise<CommitmentsAnswer>;
}

/** `POST /api/minutes/:id/commitments`. */
export interface CommitmentsAnswer {
  readonly minutesId: string;
  readonly commitments: Commitment[];
  readonly prePrompt: { readonly id: string; readonly version: number };
  readonly degraded: boolean;
}

const COMMITMENT_OWNERS: readonly unknown[] = ["conseiller", "sociétaire", "tiers"];

/** Whether `v` is the commitments answer, each commitment with its fields. */
export function isCommitmentsAnswer(v: unknown): v is CommitmentsAnswer {
  if (!isRecord(v) || typeof v.minutesId !== "string" || !Array.isArray(v.commitments) || typeof v.degraded !== "boolean" || !isRecord(v.prePrompt)) return false;
  return v.commitments.every((c) => isRecord(c) && typeof c.what === "string" && COMMITMENT_OWNERS.includes(c.owner) && (c.dueDate === null || typeof c.dueDate === "string") && (c.memberId === null || typeof c.memberId === "string"));
}

/** One version of a draft's history (`GET /api/generations/:id/versions`). */
export interface DraftVersion {
  readonly kind: "generation" | "manual-edit" | "ai-edit";
  readonly generationId?: string;
  readonly instruction?: string;
  /** Null once retention purged it. */
  readonly text: string | null;
  /** ISO 8601. */
  readonly at: string;
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

/** Whether `v` is a plain JSON object (not null, not an array). */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Whether `v` has the fields of a problem+json the pane shows. */
export function isProblem(v: unknown): v is Problem {
  return isRecord(v) && typeof v.title === "string" && typeof v.detail === "string" && typeof v.status === "number";
}

/** Checks the fields of a generation answer the pane reads; extra fields are allowed. */
export function isGenerationResponse(v: unknown): v is GenerationResponse {
  return (
    isRecord(v) &&
    typeof v.id === "string" &&
    typeof v.draft === "string" &&
    typeof v.degraded === "boolean" &&
    typeof v.pseudonymised === "number" &&
    Array.isArray(v.ungrounded) &&
    v.ungrounded.every((f) => isRecord(f) && typeof f.text === "string" && typeof f.kind === "string") &&
    isRecord(v.provider) &&
    typeof v.provider.name === "string" &&
    isRecord(v.footprint) &&
    typeof v.footprint.energyWh === "number" &&
    typeof v.footprint.gco2eq === "number"
  );
}

function isSaveMinutesResponse(v: unknown): v is SaveMinutesResponse {
  return isRecord(v) && typeof v.id === "string" && isRecord(v.transparency) && typeof v.transparency.case === "string";
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

function isTranscriptSource(v: unknown): v is TranscriptSourceResponse {
  return isRecord(v) && typeof v.source === "string" && isStrings(v.speakers) && isCount(v.turns);
}

function isMailThreadSource(v: unknown): v is MailThreadSourceResponse {
  return isRecord(v) && typeof v.source === "string" && isCount(v.messages) && isStrings(v.addresses);
}

function isDocumentSource(v: unknown): v is DocumentSourceResponse {
  return (
    isRecord(v) &&
    typeof v.text === "string" &&
    isCount(v.pages) &&
    (v.format === "pdf" || v.format === "docx") &&
    Array.isArray(v.pagesWithoutText) &&
    v.pagesWithoutText.every(isCount)
  );
}

function isScanSource(v: unknown): v is ScanSourceResponse {
  return (
    isRecord(v) &&
    typeof v.text === "string" &&
    typeof v.format === "string" &&
    typeof v.confidence === "number" &&
    Array.isArray(v.pages) &&
    v.pages.every((p) => isRecord(p) && isCount(p.page) && typeof p.text === "string" && typeof p.confidence === "number" && typeof p.lowConfidence === "boolean")
  );
}

function isVersions(v: unknown): v is DraftVersion[] {
  return (
    Array.isArray(v) &&
    v.every(
      (x) =>
        isRecord(x) &&
        (x.kind === "generation" || x.kind === "manual-edit" || x.kind === "ai-edit") &&
        (typeof x.text === "string" || x.text === null) &&
        typeof x.at === "string",
    )
  );
}

function isMinutesList(v: unknown): v is MinutesList {
  return (
    isRecord(v) &&
    (typeof v.nextCursor === "string" || v.nextCursor === null) &&
    Array.isArray(v.items) &&
    v.items.every((i) => isRecord(i) && typeof i.id === "string" && typeof i.task === "string" && typeof i.createdAt === "string" && typeof i.firstLine === "string" && isRecord(i.transparency))
  );
}

function isMinutes(v: unknown): v is Minutes {
  return isRecord(v) && typeof v.id === "string" && typeof v.text === "string" && typeof v.task === "string" && isRecord(v.transparency) && isRecord(v.prePrompt) && typeof v.validatedAt === "string";
}

function isCreated(v: unknown): v is { id: string } {
  return isRecord(v) && typeof v.id === "string";
}

/** A problem the client makes up itself (no answer, or an answer it cannot read); `detail` is for people. */
export function clientProblem(code: ClientProblemCode, detail: string, status = 0): Problem {
  return { type: "about:blank", title: detail, status, detail, code };
}

/**
 * The error of a failed response: its problem+json, or a generic one when the body is not a problem
 * (`fallbackDetail`, the pane's "your notes are kept" message by default).
 */
export async function problemOf(response: Response, locale: Locale, fallbackDetail = t("problem.internal.detail", {}, locale)): Promise<ProblemError> {
  const raw: unknown = await response.json().catch(() => null);
  if (isProblem(raw)) return problemError(raw);
  return problemError(clientProblem("bad_response", fallbackDetail, response.status));
}

/** Creates the client. One per pane; the token source is asked before every call. */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const base = (options.baseUrl ?? "").replace(/\/$/, "");
  const locale = options.locale ?? "fr";
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function post(path: string, body: unknown, accept: string, signal: AbortSignal | undefined, extraHeaders: Record<string, string> = {}): Promise<Response> {
    return send(path, "POST", accept, signal, body instanceof FormData ? body : JSON.stringify(body), extraHeaders);
  }

  /** One call with the token; a FormData body sets its own multipart content type, JSON ones are labelled. */
  async function send(path: string, method: "GET" | "POST", accept: string, signal: AbortSignal | undefined, body?: string | FormData, extraHeaders: Record<string, string> = {}): Promise<Response> {
    const headers: Record<string, string> = { accept, "accept-language": locale, ...extraHeaders };
    if (typeof body === "string") headers["content-type"] = "application/json";
    const token = await options.getAccessToken?.();
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body } : {}), signal: signal ?? null });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw problemError(clientProblem("network", t("ui.error.network", {}, locale)), cause);
    }
    if (!response.ok) throw await problemOf(response, locale);
    return response;
  }

  async function json<T>(response: Response, guard: (v: unknown) => v is T): Promise<T> {
    const raw: unknown = await response.json().catch(() => null);
    if (!guard(raw)) throw problemError(clientProblem("bad_response", t("ui.error.bad_response", {}, locale), response.status));
    return raw;
  }

  return {
    async streamGeneration(request, handlers, signal) {
      const response = await post("/api/generations", request, "text/event-stream", signal);
      const type = response.headers.get("content-type") ?? "";
      // A server that answers JSON anyway (a proxy stripping SSE) still gives a usable draft.
      if (!type.includes("text/event-stream")) {
        const answer = await json(response, isGenerationResponse);
        handlers.onReplace(answer.draft, "json");
        return answer;
      }
      if (!response.body) throw problemError(clientProblem("bad_response", t("ui.error.bad_response", {}, locale)));
      try {
        for await (const { event, data } of readSse(response.body)) {
          const payload: unknown = JSON.parse(data);
          if (event === "delta" && isRecord(payload) && typeof payload.text === "string") handlers.onDelta(payload.text);
          else if (event === "replace" && isRecord(payload) && typeof payload.text === "string") {
            handlers.onReplace(payload.text, typeof payload.reason === "string" ? payload.reason : "");
          } else if (event === "done") {
            if (!isGenerationResponse(payload)) throw problemError(clientProblem("bad_response", t("ui.error.bad_response", {}, locale)));
            return payload;
          } else if (event === "error") {
            throw problemError(isProblem(payload) ? payload : clientProblem("bad_response", t("problem.provider_failed.detail", {}, locale)));
          }
        }
      } catch (cause) {
        if (cause instanceof AddinError || signal?.aborted) throw cause;
        throw problemError(clientProblem("stream_incomplete", t("ui.error.stream_cut", {}, locale)), cause);
      }
      throw problemError(clientProblem("stream_incomplete", t("ui.error.stream_cut", {}, locale)));
    },

    async saveMinutes(request, signal, saveOptions = {}) {
      const key = saveOptions.idempotencyKey ?? newIdempotencyKey();
      const attempts = saveOptions.attempts ?? 5;
      const baseMs = saveOptions.retryBaseMs ?? 500;
      for (let attempt = 1; ; attempt += 1) {
        try {
          const response = await post("/api/minutes", request, "application/json", signal, { "idempotency-key": key });
          return await json(response, isSaveMinutesResponse);
        } catch (error) {
          if (signal?.aborted || attempt >= attempts || !isRetryableSave(error)) throw error;
          // The same key again: the server answers the first save's result if it did arrive.
          await pause(Math.min(8_000, baseMs * 2 ** (attempt - 1)) * (0.75 + Math.random() / 2), signal);
        }
      }
    },

    async sendFeedback(request, signal) {
      const response = await post("/api/feedback", request, "application/json", signal);
      return json(response, isCreated);
    },

    async transcriptSource(vtt, signal) {
      if (typeof vtt === "string") return json(await post("/api/sources/transcript", { vtt }, "application/json", signal), isTranscriptSource);
      const form = new FormData();
      form.append("file", vtt, vtt instanceof File ? vtt.name : "transcript.vtt");
      return json(await post("/api/sources/transcript", form, "application/json", signal), isTranscriptSource);
    },

    async mailThreadSource(request, signal) {
      return json(await post("/api/sources/mail-thread", request, "application/json", signal), isMailThreadSource);
    },

    async documentSource(file, fileName, signal) {
      const form = new FormData();
      form.append("file", file, fileName);
      return json(await post("/api/sources/document", form, "application/json", signal), isDocumentSource);
    },

    async scanSource(file, fileName, onProgress, signal) {
      const form = new FormData();
      form.append("file", file, fileName);
      const response = await post("/api/sources/scan", form, "text/event-stream", signal);
      if (!(response.headers.get("content-type") ?? "").includes("text/event-stream")) return json(response, isScanSource);
      if (!response.body) throw problemError(clientProblem("bad_response", t("ui.error.bad_response", {}, locale)));
      try {
        for await (const { event, data } of readSse(response.body)) {
          const payload: unknown = JSON.parse(data);
          if (event === "progress" && isRecord(payload) && isCount(payload.page) && isCount(payload.pages)) onProgress({ page: payload.page, pages: payload.pages });
          else if (event === "done") {
            if (!isScanSource(payload)) throw problemError(clientProblem("bad_response", t("ui.error.bad_response", {}, locale)));
            return payload;
          } else if (event === "error") {
            throw problemError(isProblem(payload) ? payload : clientProblem("bad_response", t("ui.error.bad_response", {}, locale)));
          }
        }
      } catch (cause) {
        if (cause instanceof AddinError || signal?.aborted) throw cause;
        throw problemError(clientProblem("stream_incomplete", t("ui.error.stream_cut", {}, locale)), cause);
      }
      throw problemError(clientProblem("stream_incomplete", t("ui.error.stream_cut", {}, locale)));
    },

    async recordManualVersion(generationId, text, signal) {
      const path = `/api/generations/${encodeURIComponent(generationId)}/versions`;
      return json(await post(path, { text }, "application/json", signal), isCreated);
    },

    async listVersions(generationId, signal) {
      return json(await send(`/api/generations/${encodeURIComponent(generationId)}/versions`, "GET", "application/json", signal), isVersions);
    },

    async listMinutes(query, signal) {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(name, String(value));
      const search = params.toString();
      return json(await send(`/api/minutes${search ? `?${search}` : ""}`, "GET", "application/json", signal), isMinutesList);
    },

    async getMinutes(id, signal) {
      return json(await send(`/api/minutes/${encodeURIComponent(id)}`, "GET", "application/json", signal), isMinutes);
    },
    async commitmentsOf(minutesId, signal) {
      return json(await post(`/api/minutes/${encodeURIComponent(minutesId)}/commitments`, {}, "application/json", signal), isCommitmentsAnswer);
    },
  };
}
