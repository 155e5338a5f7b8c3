// Owns the translation of any error into problem+json: known codes keep their detail, everything else is a generic 500.
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError, type ProblemCode } from "../src/errors";
import { t, type Locale, type MessageKey } from "../src/i18n";
import { msg, render, type Message } from "../src/i18n/message";
import { bodyTooLargeDetail } from "../src/schemas/parse";
import type { Problem } from "../src/schemas/problem";
import { requestLocale } from "./locale";

/** The problem document for `code` in `locale`, with the given or default detail. */
export function problemOf(code: ProblemCode, status: number, detail?: Message, locale: Locale = "fr"): Problem {
  return {
    type: `urn:greffier:problem:${code}`,
    title: t(`problem.${code}.title` as MessageKey, {}, locale),
    status,
    detail: render(detail ?? msg(`problem.${code}.detail` as MessageKey), locale),
    code,
  };
}

/** The problem document of `error`, in the caller's `locale`. */
export function problemFor(error: AppError, locale: Locale): Problem {
  return problemOf(error.code, error.status, error.detailMessage, locale);
}

/** Answers `request` with `error` as problem+json in the caller's language, which Content-Language names. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
  extra: Readonly<Record<string, unknown>> = {},
): FastifyReply {
  const locale = requestLocale(request);
  return reply
    .code(error.status)
    .type("application/problem+json; charset=utf-8")
    .header("content-language", locale)
    .send({ ...problemFor(error, locale), ...extra });
}

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message?: string;
  validation?: unknown;
}

/** Maps an error thrown anywhere (ours, Fastify's, or unknown) to the AppError a client should see. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = (error ?? {}) as FastifyLikeError;
  const malformed = (reason: MessageKey) =>
    new AppError("malformed_json", {
      detail: msg("problem.malformed_json.detail", { reason: msg(reason) }),
      cause: error,
    });
  switch (e.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("payload_too_large", { detail: bodyTooLargeDetail(), cause: error });
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new AppError("unsupported_media_type", { cause: error });
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return malformed("server.json.empty");
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return malformed("server.json.syntax");
    default:
      break;
  }
  if (error instanceof SyntaxError && e.statusCode === 400) return malformed("server.json.syntax");
  if (e.statusCode === 404) return new AppError("not_found", { cause: error });
  if (e.statusCode === 403) return new AppError("forbidden", { cause: error });
  // Any other client error raised by Fastify or a plugin stays a client error, never a logged 500.
  if (typeof e.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError("invalid_request", { detail: msg("server.request.unprocessable"), cause: error });
  }
  return new AppError("internal", { cause: error });
}

/**
 * What of an unexpected error may reach the log: name, code, message and stack, and the same of each cause (pino
 * appends causes' messages and stacks), but none of the other fields the logger would copy. A PostgreSQL error's
 * `detail` reads "Failing row contains (…)", i.e. the row with the notes or the minutes text in clear.
 */
export function loggableError(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(`non-Error value thrown (${typeof error})`);
  const safe = new Error(error.message, error.cause === undefined ? undefined : { cause: loggableError(error.cause) });
  safe.name = error.name;
  if (error.stack !== undefined) safe.stack = error.stack;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? Object.assign(safe, { code }) : safe;
}
