// Owns POST /api/sources/{document,transcript,mail-thread}: turning what an adviser already has into a source text.
import fastifyMultipart from "@fastify/multipart";
import type { FastifyError, FastifyInstance } from "fastify";
import { AppError } from "../../src/errors";
import { msg, grouped } from "../../src/i18n/message";
import { MAX_SOURCE_CHARS } from "../../src/schemas/limits";
import { parseOrThrow } from "../../src/schemas/parse";
import { MAX_DOCUMENT_BYTES } from "../../src/sources/limits";
import { addressesOf, parseMailThread, threadToSource } from "../../src/sources/mail-thread";
import {
  DocumentSourceResponseSchema,
  MailThreadSourceRequestSchema,
  MailThreadSourceResponseSchema,
  TranscriptSourceRequestSchema,
  TranscriptSourceResponseSchema,
  type DocumentSourceResponse,
  type MailThreadSourceRequest,
  type MailThreadSourceResponse,
  type TranscriptSourceRequest,
  type TranscriptSourceResponse,
} from "../../src/schemas/sources";
import { parseVtt, speakersOf, transcriptToSource } from "../../src/sources/vtt";
import { documentPoolOf, type DocumentPool } from "../documents/pool";
import { readDocument } from "../documents/read-in-pool";
import { BINARY, formBody, json, problem } from "../route-schemas";
import { acceptRawTextUploads, readTextUpload } from "../sources/text-upload";
import { documentUploadError } from "./multipart-errors";

/** The insurer's own mail domains, unless the deployment says otherwise. */
export const DEFAULT_INSURER_DOMAINS: readonly string[] = ["maif.fr"];

/** What the source routes need from the app; every field has a default. */
export interface SourceDeps {
  /** Senders at these domains (and their subdomains) are the insurer; `maif.fr` when absent. */
  readonly insurerDomains?: readonly string[];
  /** The insurer's name in the thread labels ("[MAIF]"). */
  readonly orgName?: string;
  /** Document uploads one adviser may make per minute (extraction is CPU work); 30 when absent. */
  readonly documentsPerMinute?: number;
  /** The app's document worker pool (shared with OCR); a pool of this server's own, with the defaults, when absent. */
  readonly documentPool?: DocumentPool;
}

const DOCUMENT_URL = "/api/sources/document";
const TRANSCRIPT_URL = "/api/sources/transcript";
const MAIL_THREAD_URL = "/api/sources/mail-thread";
// Routes that take a file upload, whose multipart errors are translated.
const UPLOAD_URLS: ReadonlySet<string> = new Set([DOCUMENT_URL, TRANSCRIPT_URL, MAIL_THREAD_URL]);

/**
 * The source must fit in a generation; refusing here tells the adviser now rather than at "Générer".
 * @throws AppError payload_too_large.
 */
function assertFitsSource(text: string): void {
  if (text.length > MAX_SOURCE_CHARS) {
    throw new AppError("payload_too_large", {
      detail: msg("sources.too_long", { count: grouped(text.length), max: grouped(MAX_SOURCE_CHARS) }),
    });
  }
}

const documentSchema = {
  summary:
    "Text of a PDF or DOCX (multipart field `file`), read in a bounded worker thread: page text, AcroForm field values and comments",
  body: { content: formBody({ file: BINARY }, ["file"]) },
  response: {
    200: json("The text", DocumentSourceResponseSchema),
    413: problem(
      "Over 10 MB or 50 pages, inflating past the limits (XML parts, PDF streams), or more text than a source holds",
    ),
    415: problem("Not a PDF or DOCX"),
    422: problem(
      "document_needs_ocr (a PDF with no text at all: a scan), document_without_text, document_unreadable (damaged or " +
        "password-protected), document_too_complex (stopped on time or memory)",
    ),
    503: problem("documents_busy: every document worker busy and the queue full; Retry-After"),
  },
};

const transcriptSchema = {
  summary:
    "A transcript as a source: speaker turns. WebVTT read by the W3C parsing rules, or a transcript copied from Teams or " +
    "Word. JSON `{vtt}`, or the file itself (raw text/vtt, text/plain, application/octet-stream, or multipart field " +
    "`file`), decoded by its declared charset, else UTF-8, else Windows-1252",
  body: {
    content: {
      "application/json": { schema: TranscriptSourceRequestSchema },
      "text/vtt": { schema: BINARY },
      "text/plain": { schema: BINARY },
      "application/octet-stream": { schema: BINARY },
      ...formBody({ file: BINARY }, ["file"]),
    },
  },
  response: {
    200: json("The source text", TranscriptSourceResponseSchema),
    400: problem("Neither WebVTT nor a transcript copy"),
    413: problem("Too long for a source"),
    422: problem("No speech"),
  },
};

const mailThreadSchema = {
  summary:
    "A mail thread as a source: messages attributed to the member or the insurer, without signatures, footers or " +
    "disclaimers. JSON `{text, memberAddress?}`, or a file: an .eml (raw message/rfc822, or multipart field `file` with " +
    "an optional `memberAddress` field) read by its MIME charsets, or a text file decoded by its declared charset, else " +
    "UTF-8, else Windows-1252",
  body: {
    content: {
      "application/json": { schema: MailThreadSourceRequestSchema },
      "message/rfc822": { schema: BINARY },
      "text/plain": { schema: BINARY },
      "application/octet-stream": { schema: BINARY },
      ...formBody({ file: BINARY, memberAddress: { type: "string", format: "email" } }, ["file"]),
    },
  },
  response: {
    200: json("The source text", MailThreadSourceResponseSchema),
    400: problem("Invalid request or unreadable .eml"),
    415: problem("An Outlook .msg file"),
    422: problem("Empty thread"),
  },
};

/** Registers the source routes; @fastify/multipart lives inside this plugin, so only the upload route parses forms. */
export function sourceRoutes(deps: SourceDeps = {}) {
  const insurerDomains = deps.insurerDomains ?? DEFAULT_INSURER_DOMAINS;
  return async (app: FastifyInstance): Promise<void> => {
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10, parts: 12 } });
    // Documents are parsed in worker threads, never here: a bomb costs a worker, not the event loop.
    const documentPool = deps.documentPool ?? documentPoolOf(app);

    // Multipart errors have no meaning for the app's handler (they would be a 500); translate them, then let the
    // app's handler write the problem+json, as it does for every other route.
    app.setErrorHandler((error: FastifyError, request) => {
      const translated = UPLOAD_URLS.has(request.routeOptions.url ?? "") ? documentUploadError(error) : undefined;
      throw translated ?? error;
    });

    app.post(
      DOCUMENT_URL,
      { schema: documentSchema, config: { rateLimit: { max: deps.documentsPerMinute ?? 30, timeWindow: 60_000 } } },
      async (request, reply) => {
        if (!request.isMultipart())
          throw new AppError("unsupported_media_type", { detail: msg("sources.document.not_multipart") });
        // Read the whole form: a second file must be refused (the files limit raises it), not silently ignored.
        let upload: { bytes: Buffer; filename: string; mimetype: string } | undefined;
        for await (const part of request.parts()) {
          if (part.type !== "file") continue;
          if (part.fieldname !== "file") {
            // Drain it: an unread part stalls the form, and the connection with it (a graceful stop would wait
            // forever).
            part.file.resume();
            continue;
          }
          upload = { bytes: await part.toBuffer(), filename: part.filename, mimetype: part.mimetype };
        }
        if (!upload) throw new AppError("invalid_request", { detail: msg("sources.document.no_file") });
        // A client that goes away stops its job (and frees the worker) rather than leaving it to the wall-clock limit.
        const gone = new AbortController();
        const onClose = () => {
          if (!reply.raw.writableFinished) gone.abort(new Error("client closed the connection"));
        };
        reply.raw.once("close", onClose);
        let extracted;
        try {
          extracted = await readDocument(
            documentPool,
            { bytes: upload.bytes, filename: upload.filename, mimeType: upload.mimetype },
            { signal: gone.signal },
          );
        } catch (error) {
          if (error instanceof AppError && error.code === "documents_busy") void reply.header("retry-after", "30");
          throw error;
        } finally {
          reply.raw.off("close", onClose);
        }
        assertFitsSource(extracted.text);
        const response: DocumentSourceResponse = { ...extracted, characters: extracted.text.length };
        return response;
      },
    );

    // A transcript or a thread may also come as the file itself (raw body or form upload), decoded by its charset.
    acceptRawTextUploads(app);

    app.post<{ Body: TranscriptSourceRequest }>(TRANSCRIPT_URL, { schema: transcriptSchema }, async (request) => {
      const upload = await readTextUpload(request, "transcript");
      // A JSON body was validated by the route's schema; a file is held to the same contract once decoded.
      const body = upload ? parseOrThrow(TranscriptSourceRequestSchema, { vtt: upload.text }) : request.body;
      const { turns } = parseVtt(body.vtt);
      if (turns.length === 0) throw new AppError("text_empty", { detail: msg("sources.transcript.empty") });
      const source = transcriptToSource(turns);
      assertFitsSource(source);
      const response: TranscriptSourceResponse = { source, speakers: speakersOf(turns), turns: turns.length };
      return response;
    });

    app.post<{ Body: MailThreadSourceRequest }>(MAIL_THREAD_URL, { schema: mailThreadSchema }, async (request) => {
      const upload = await readTextUpload(request, "mail");
      const memberAddress = upload?.fields.memberAddress?.trim();
      const fromFile = () => ({ text: upload?.text ?? "", ...(memberAddress ? { memberAddress } : {}) });
      const body = upload ? parseOrThrow(MailThreadSourceRequestSchema, fromFile()) : request.body;
      const { messages } = parseMailThread(body.text, {
        insurerDomains,
        ...(body.memberAddress ? { memberAddress: body.memberAddress } : {}),
      });
      if (messages.length === 0) throw new AppError("text_empty", { detail: msg("sources.mail.empty") });
      const source = threadToSource(messages, deps.orgName ? { orgName: deps.orgName } : {});
      assertFitsSource(source);
      const response: MailThreadSourceResponse = {
        source,
        messages: messages.length,
        addresses: addressesOf(messages),
      };
      return response;
    });
  };
}
