// Owns the error vocabulary shared by server and add-in: codes are the contract, texts are for people.
import { render, type Message } from "./i18n/message";

/** Every problem the product can report, with the HTTP status it maps to. */
export const PROBLEM_STATUS = {
  malformed_json: 400,
  unknown_field: 400,
  invalid_request: 400,
  unknown_task: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  generation_not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  notes_empty: 422,
  validation_required: 422,
  document_without_text: 422,
  document_unreadable: 422,
  document_needs_ocr: 422,
  document_too_complex: 422,
  text_empty: 422,
  idempotency_key_reused: 422,
  consent_required: 422,
  rate_limited: 429,
  internal: 500,
  provider_failed: 502,
  provider_unavailable: 503,
  not_ready: 503,
  documents_busy: 503,
} as const;

export type ProblemCode = keyof typeof PROBLEM_STATUS;

/**
 * An expected failure: the code decides the status and the title; the detail says what to do, kept as a message so
 * that each response renders it in its caller's language.
 */
export class AppError extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly detailMessage: Message | undefined;

  constructor(code: ProblemCode, options: { detail?: Message; cause?: unknown } = {}) {
    super(options.detail === undefined ? code : render(options.detail), { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = PROBLEM_STATUS[code];
    this.detailMessage = options.detail;
  }

  /** The detail in French, the reference language (logs, tests); responses render `detailMessage` instead. */
  get detail(): string | undefined {
    return this.detailMessage === undefined ? undefined : render(this.detailMessage);
  }
}

/** Type guard for codes received over the wire. */
export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === "string" && Object.hasOwn(PROBLEM_STATUS, value);
}
