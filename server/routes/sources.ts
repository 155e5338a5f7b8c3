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
  MailThreadSourceRequestSchema,
  TranscriptSourceRequestSchema,
  type DocumentSourceResponse,
  type MailThreadSourceResponse,
  type TranscriptSourceResponse,
} from "../../src/sources/schemas";
import { parseVtt, speakersOf, transcriptToSource } from "../../src/sources/vtt";
import { documentPoolOf, type DocumentPool } from "../documents/pool";
import { readDocument } from "../documents/read-in-pool";
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

    app.post(DOCUMENT_URL, { config: { rateLimit: { max: deps.documentsPerMinute ?? 30, timeWindow: 60_000 } } }, async (request, reply) => {
      if (!request.isMultipart()) throw new AppError("unsupported_media_type", { detail: msg("sources.document.not_multipart") });
      // Read the whole form: a second file must be refused (the files limit raises it), not silently ignored.
      let upload: { bytes: Buffer; filename: string; mimetype: string } | undefined;
      for await (const part of request.parts()) {
        if (part.type !== "file") continue;
        if (part.fieldname !== "file") {
          // Drain it: an unread part stalls the form, and the connection with it (a graceful stop would wait forever).
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
        extracted = await readDocument(documentPool, { bytes: upload.bytes, filename: upload.filename, mimeType: upload.mimetype }, { signal: gone.signal });
      } catch (error) {
        if (error instanceof AppError && error.code === "documents_busy") void reply.header("retry-after", "30");
        throw error;
      } finally {
        reply.raw.off("close", onClose);
      }
      assertFitsSource(extracted.text);
      const response: DocumentSourceResponse = { ...extracted, characters: extracted.text.length };
      return response;
    });

    // A transcript or a thread may also come as the file itself (raw body or form upload), decoded by its charset.
    acceptRawTextUploads(app);

    app.post(TRANSCRIPT_URL, async (request) => {
      const upload = await readTextUpload(request, "transcript");
      const body = parseOrThrow(TranscriptSourceRequestSchema, upload ? { vtt: upload.text } : request.body);
      const { turns } = parseVtt(body.vtt);
      if (turns.length === 0) throw new AppError("text_empty", { detail: msg("sources.transcript.empty") });
      const source = transcriptToSource(turns);
      assertFitsSource(source);
      const response: TranscriptSourceResponse = { source, speakers: speakersOf(turns), turns: turns.length };
      return response;
    });

    app.post(MAIL_THREAD_URL, async (request) => {
      const upload = await readTextUpload(request, "mail");
      const memberAddress = upload?.fields.memberAddress?.trim();
      const body = parseOrThrow(MailThreadSourceRequestSchema, upload ? { text: upload.text, ...(memberAddress ? { memberAddress } : {}) } : request.body);
      const { messages } = parseMailThread(body.text, { insurerDomains, ...(body.memberAddress ? { memberAddress: body.memberAddress } : {}) });
      if (messages.length === 0) throw new AppError("text_empty", { detail: msg("sources.mail.empty") });
      const source = threadToSource(messages, deps.orgName ? { orgName: deps.orgName } : {});
      assertFitsSource(source);
      const response: MailThreadSourceResponse = { source, messages: messages.length, addresses: addressesOf(messages) };
      return response;
    });
  };
}
