// Owns the translation of any error into problem+json: known codes keep their detail, everything else is a generic 500.
import { AppError, type ProblemCode } from "../src/errors";
import { t, type MessageKey } from "../src/i18n";
import { bodyTooLargeDetail } from "../src/schemas/parse";
import type { Problem } from "../src/schemas/problem";

/** The problem document for `code`, with its French title and the given or default detail. */
export function problemOf(code: ProblemCode, status: number, detail?: string): Problem {
  return {
    type: `urn:greffier:problem:${code}`,
    title: t(`problem.${code}.title` as MessageKey),
    status,
    detail: detail ?? t(`problem.${code}.detail` as MessageKey),
    code,
  };
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
  switch (e.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("payload_too_large", { detail: bodyTooLargeDetail(), cause: error });
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new AppError("unsupported_media_type", { cause: error });
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new AppError("malformed_json", { detail: t("problem.malformed_json.detail", { reason: "le corps est vide." }), cause: error });
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new AppError("malformed_json", { detail: t("problem.malformed_json.detail", { reason: "vérifiez les guillemets, virgules et accolades." }), cause: error });
    default:
      break;
  }
  if (error instanceof SyntaxError && e.statusCode === 400) {
    return new AppError("malformed_json", { detail: t("problem.malformed_json.detail", { reason: "vérifiez les guillemets, virgules et accolades." }), cause: error });
  }
  if (e.statusCode === 404) return new AppError("not_found", { cause: error });
  return new AppError("internal", { cause: error });
}
