// Owns POST /api/sources/scan: a scan or a photo read by OCR on this server (never sent anywhere), as JSON or as SSE
// progress page by page.
import fastifyMultipart from "@fastify/multipart";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../../src/errors";
import { msg, grouped } from "../../../src/i18n/message";
import { MAX_SOURCE_CHARS } from "../../../src/schemas/limits";
import { ScanEventSchemas, ScanSourceResponseSchema, type ScanSourceResponse } from "../../../src/schemas/scan";
import { MAX_DOCUMENT_BYTES } from "../../../src/sources/limits";
import { requestLocale } from "../../locale";
import { problemFor, toAppError } from "../../problem";
import { wantsEventStream } from "../../sse";
import type { DocumentPool } from "../pool";
import { readScan } from "./read-scan";
import { documentUploadError } from "../../routes/multipart-errors";
import { BINARY, eventStream, formBody, problem } from "../../route-schemas";

export const SCAN_URL = "/api/sources/scan";

/** What the scan route needs from the app. */
export interface ScanRouteDeps {
  /** The app's document worker pool: OCR runs there, never on the event loop. */
  readonly pool: DocumentPool;
  /** Scans one adviser may send per minute (each holds two pool workers for seconds a page); 20 when absent. */
  readonly scansPerMinute?: number;
}

/** The one file of the form, field "file"; other parts are drained so the connection is not stalled. */
async function readUpload(request: FastifyRequest): Promise<{ bytes: Uint8Array; filename: string; mimeType: string }> {
  if (!request.isMultipart())
    throw new AppError("unsupported_media_type", { detail: msg("sources.document.not_multipart") });
  let upload: { bytes: Uint8Array; filename: string; mimeType: string } | undefined;
  for await (const part of request.parts()) {
    if (part.type !== "file") continue;
    if (part.fieldname !== "file") {
      part.file.resume();
      continue;
    }
    upload = { bytes: await part.toBuffer(), filename: part.filename, mimeType: part.mimetype };
  }
  if (!upload) throw new AppError("invalid_request", { detail: msg("sources.document.no_file") });
  if (upload.bytes.length === 0) throw new AppError("invalid_request", { detail: msg("sources.document.empty_file") });
  return upload;
}

function assertFitsSource(scan: ScanSourceResponse): void {
  if (scan.text.length > MAX_SOURCE_CHARS) {
    throw new AppError("payload_too_large", {
      detail: msg("sources.too_long", { count: grouped(scan.text.length), max: grouped(MAX_SOURCE_CHARS) }),
    });
  }
}

/** SSE framing on the raw response, for this route's own events (progress, done, error). */
function openScanStream(reply: FastifyReply, requestId: string) {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
    "x-request-id": requestId,
  });
  raw.flushHeaders();
  return {
    send(event: "progress" | "done" | "error", data: unknown): void {
      if (!raw.writableEnded && !raw.destroyed) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end(): void {
      if (!raw.writableEnded) raw.end();
    },
  };
}

const scanSchema = {
  summary:
    "Text of a scan or photo read by OCR on the server (multipart field `file`: PDF without text, JPEG, PNG, HEIC, WebP, " +
    "TIFF). With Accept: text/event-stream: progress {page, pages} (page 0 first, then after each page), then done or error",
  body: { content: formBody({ file: BINARY }, ["file"]) },
  response: {
    200: {
      description: "The pages' text with a confidence each (JSON), or the SSE stream (events progress, done, error)",
      content: {
        "application/json": { schema: ScanSourceResponseSchema },
        ...eventStream("", ScanEventSchemas).content,
      },
    },
    413: problem("Over 10 MB, 40 pages or 50 megapixels"),
    415: problem("Neither an image nor a PDF"),
    422: problem("Damaged image or PDF, password-protected PDF, no text could be read, or a page over its time limit"),
    429: problem("Too many scans (Retry-After)"),
    503: problem("Document workers busy"),
  },
};

/** Registers the scan route; @fastify/multipart lives inside this plugin. */
export function scanRoutes(deps: ScanRouteDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10, parts: 12 } });
    app.setErrorHandler((error: FastifyError, request) => {
      const translated = request.routeOptions.url === SCAN_URL ? documentUploadError(error) : undefined;
      throw translated ?? error;
    });

    app.post(
      SCAN_URL,
      { schema: scanSchema, config: { rateLimit: { max: deps.scansPerMinute ?? 20, timeWindow: 60_000 } } },
      async (request, reply) => {
        const { bytes, filename, mimeType } = await readUpload(request);
        // The response's close, not the request's (it fires once the body is read), tells that the adviser left:
        // the pages not yet read are then abandoned and their workers freed.
        const controller = new AbortController();
        reply.raw.on("close", () => {
          if (!reply.raw.writableEnded) controller.abort(new Error("client closed the connection"));
        });

        if (!wantsEventStream(request.headers.accept)) {
          const scan = await readScan(deps.pool, bytes, { signal: controller.signal, filename, mimeType });
          assertFitsSource(scan);
          return reply.send(scan);
        }

        // The stream opens once the file is known to be readable: a damaged file or a password is a plain 422.
        let stream: ReturnType<typeof openScanStream> | undefined;
        try {
          const scan = await readScan(deps.pool, bytes, {
            signal: controller.signal,
            filename,
            mimeType,
            onInspected: () => {
              stream = openScanStream(reply, request.id);
            },
            onProgress: (progress) => stream?.send("progress", progress),
          });
          assertFitsSource(scan);
          stream?.send("done", scan);
        } catch (error) {
          if (!stream) throw error;
          if (controller.signal.aborted) return;
          const appError = toAppError(error);
          if (appError.status >= 500) request.log.error({ err: error }, "scan failed");
          stream.send("error", problemFor(appError, requestLocale(request)));
        } finally {
          stream?.end();
        }
      },
    );
  };
}
