// Owns the translation of @fastify/multipart's upload errors into the product's problem codes, shared by every upload
// route.
import type { FastifyError } from "fastify";
import { AppError } from "../../src/errors";
import { msg, type Message } from "../../src/i18n/message";
import { MAX_DOCUMENT_BYTES } from "../../src/sources/limits";

/** What each upload route says, in its own words, for each kind of refused upload. */
export interface UploadMessages {
  readonly tooLarge: Message;
  readonly tooManyParts: Message;
  readonly notMultipart: Message;
  readonly badUpload: Message;
}

/** The upload error in the product's vocabulary, or undefined when it is not an upload error. */
export function multipartError(error: FastifyError, messages: UploadMessages): AppError | undefined {
  switch (error.code) {
    case "FST_REQ_FILE_TOO_LARGE":
      return new AppError("payload_too_large", { detail: messages.tooLarge, cause: error });
    case "FST_FILES_LIMIT":
    case "FST_PARTS_LIMIT":
    case "FST_FIELDS_LIMIT":
      return new AppError("invalid_request", { detail: messages.tooManyParts, cause: error });
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new AppError("unsupported_media_type", { detail: messages.notMultipart, cause: error });
    case "FST_PROTO_VIOLATION":
    case "FST_MP_PREMATURE_CLOSE":
    case "FST_INVALID_JSON_FIELD_ERROR":
      return new AppError("invalid_request", { detail: messages.badUpload, cause: error });
    default:
      // Busboy's own errors ("Unexpected end of form", "Malformed part header") carry no code.
      return error instanceof Error && !error.code && /multipart|form|part|boundary/iu.test(error.message)
        ? new AppError("invalid_request", { detail: messages.badUpload, cause: error })
        : undefined;
  }
}

/** Upload errors of the document and scan routes, in the same words. */
export function documentUploadError(error: FastifyError): AppError | undefined {
  return multipartError(error, {
    tooLarge: msg("sources.document.too_large", { limit: Math.round(MAX_DOCUMENT_BYTES / 1024 / 1024) }),
    tooManyParts: msg("sources.document.one_file"),
    notMultipart: msg("sources.document.not_multipart"),
    badUpload: msg("sources.document.bad_upload"),
  });
}
