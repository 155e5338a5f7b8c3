// Owns reading a text source sent as a file (raw body or form upload) rather than JSON: bytes, declared charset, form
// fields.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../../src/errors";
import { msg } from "../../src/i18n/message";
import { decodeUploadedText } from "../../src/sources/charset";
import { MAX_DOCUMENT_BYTES } from "../../src/sources/limits";
import { emlToThreadText, looksLikeEml } from "./eml";

/** Content types a text source may be sent as, raw: WebVTT, mail files, plain text, or unlabelled bytes. */
export const TEXT_UPLOAD_TYPES = ["text/vtt", "message/rfc822", "text/plain", "application/octet-stream"];

// The raw body sits under a symbol: the app's body cleaning walks an object's own string keys, and would otherwise
// walk every byte of the upload.
const RAW = Symbol("raw upload");
interface RawBody {
  readonly [RAW]: Buffer;
}

/**
 * Lets the routes of `app` (one plugin) receive a text file as a raw body: kept as bytes, so its charset is decided
 * here rather than by Fastify, which would read it as UTF-8.
 */
export function acceptRawTextUploads(app: FastifyInstance): void {
  app.addContentTypeParser(
    TEXT_UPLOAD_TYPES,
    { parseAs: "buffer", bodyLimit: MAX_DOCUMENT_BYTES },
    (_request, body, done) => {
      done(null, { [RAW]: body as Buffer } satisfies RawBody);
    },
  );
}

/** What a text upload holds once decoded. */
export interface TextUpload {
  readonly text: string;
  /** The other form fields, as strings (a multipart upload may carry `memberAddress`). */
  readonly fields: Readonly<Record<string, string>>;
}

function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)"?/iu.exec(contentType ?? "")?.[1];
}

// Outlook's own .msg files are OLE compound documents, not text: refused by name, with what to do instead.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

async function decode(
  bytes: Buffer,
  contentType: string | undefined,
  filename: string | undefined,
  isMail: boolean,
): Promise<string> {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b) || /\.msg$/iu.test(filename ?? "")) {
    throw new AppError("unsupported_media_type", { detail: msg("sources.upload.msg") });
  }
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  const isEml = isMail && (type === "message/rfc822" || /\.eml$/iu.test(filename ?? "") || looksLikeEml(bytes));
  if (!isEml) return decodeUploadedText(bytes, charsetOf(contentType));
  try {
    return await emlToThreadText(bytes);
  } catch (error) {
    throw new AppError("invalid_request", { detail: msg("sources.upload.eml_unreadable"), cause: error });
  }
}

/**
 * The text of a source sent as a file: a raw body (`text/vtt`, `message/rfc822`, `text/plain`,
 * `application/octet-stream`; its `charset` parameter honoured) or a form whose `file` field holds it. Text files are
 * decoded by their declared charset, else UTF-8, else Windows-1252; a mail file (`.eml`, `message/rfc822`, or bytes
 * shaped like one, for the mail route) by its MIME parts' charsets.
 * @returns the decoded text and the form's other fields, or null when the request is plain JSON.
 * @throws AppError invalid_request when a form holds no file; unsupported_media_type for an Outlook .msg.
 */
export async function readTextUpload(request: FastifyRequest, kind: "transcript" | "mail"): Promise<TextUpload | null> {
  const isMail = kind === "mail";
  if (request.isMultipart()) {
    const fields: Record<string, string> = {};
    let text: string | undefined;
    for await (const part of request.parts()) {
      if (part.type === "field") {
        if (typeof part.value === "string") fields[part.fieldname] = part.value;
        continue;
      }
      if (part.fieldname !== "file" || text !== undefined) {
        part.file.resume();
        continue;
      }
      const bytes = await part.toBuffer();
      // Browsers send a file part's type without a charset: the bytes tell.
      text = await decode(bytes, part.mimetype, part.filename, isMail);
    }
    if (text === undefined) throw new AppError("invalid_request", { detail: msg("sources.document.no_file") });
    return { text, fields };
  }
  const body = request.body as Partial<RawBody> | undefined;
  const bytes = body?.[RAW];
  if (!bytes) return null;
  return { text: await decode(bytes, request.headers["content-type"], undefined, isMail), fields: {} };
}
