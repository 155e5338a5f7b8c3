// Owns the add-in's one error type and the words an adviser is shown for it, whatever failed (API, sign-in,
// host, Graph).
import type { MessageKey, Translate } from "../../src/i18n/core";
import type { Problem } from "../../src/schemas/problem";
import { authMessageKey, isAuthErrorCode } from "../auth/auth-error";

/** Codes the client adds to the server's: the request never got an answer, or the stream stopped short. */
export type ClientProblemCode = "network" | "stream_incomplete" | "bad_response";

const HOST_ERROR_CODES = [
  "host_read_failed",
  "host_write_failed",
  "host_unsupported",
  // The text went into the item but the validation record did not, so the send check would still hold the mail.
  "host_record_failed",
  // The tenant or the meeting refuses the transcript to this user (Graph 403).
  "host_transcript_forbidden",
  // No transcript: transcription was not started, the meeting is not found, or it expired.
  "host_transcript_not_found",
] as const;

/** Why a host could not read or write; each code has a message under `ui.host.*`. */
export type HostErrorCode = (typeof HOST_ERROR_CODES)[number];

/** Whether `code` is one of the host's. */
function isHostErrorCode(code: string): code is HostErrorCode {
  return (HOST_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * Every failure the add-in reports. `code` is the contract: a server ProblemCode, a ClientProblemCode, an
 * AuthErrorCode, a HostErrorCode, `graph_todo_*` or `office_dialog`. `cause` keeps the underlying error (never shown).
 */
export class AddinError extends Error {
  readonly code: string;
  /** The problem+json of an API call (the server's, or one the client made up), whose `detail` is for people. */
  readonly problem?: Problem;
  /** The HTTP status (Graph) or the Office error number behind a failure that has no problem. */
  readonly status?: number;

  constructor(code: string, options: { problem?: Problem; status?: number; cause?: unknown; message?: string } = {}) {
    super(options.message ?? options.problem?.detail ?? code, { cause: options.cause });
    this.name = "AddinError";
    this.code = code;
    if (options.problem) this.problem = options.problem;
    if (options.status !== undefined) this.status = options.status;
  }
}

/** An AddinError that carries a problem+json. */
export type ProblemError = AddinError & { readonly problem: Problem };

/** The error of an API problem; its code is the problem's (`internal` when it has none). */
export function problemError(problem: Problem, cause?: unknown): ProblemError {
  return new AddinError(problem.code ?? "internal", { problem, cause }) as ProblemError;
}

/** Whether `error` is an AddinError carrying a problem+json (a failed API call). */
export function hasProblem(error: unknown): error is ProblemError {
  return error instanceof AddinError && error.problem !== undefined;
}

/**
 * The text to show for a failure: an API problem's detail (written for people, in the pane's language), the
 * message of a sign-in or host code, else `fallback` (something we cannot word, such as a bug: never its message).
 */
export function messageOf(error: unknown, t: Translate, fallback: MessageKey = "ui.deliver.failed_generic"): string {
  if (!(error instanceof AddinError)) return t(fallback);
  if (error.problem) return error.problem.detail || error.problem.title;
  if (isAuthErrorCode(error.code)) return t(authMessageKey(error.code));
  if (isHostErrorCode(error.code)) return t(`ui.host.${error.code}`);
  return t(fallback);
}
