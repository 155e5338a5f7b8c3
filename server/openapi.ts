// Owns the OpenAPI 3.1 description of the HTTP API, generated from the same zod schemas that validate it.
import { z } from "zod";
import { CommitteeStatsSchema } from "../src/schemas/committee";
import { FeedbackResponseSchema, RatingFeedbackSchema, UseCaseFeedbackSchema } from "../src/schemas/feedback";
import { GenerationEventSchemas, GenerationRequestSchema, GenerationResponseSchema } from "../src/schemas/generation";
import { MinutesListSchema, MinutesSchema, SaveMinutesRequestSchema, SaveMinutesResponseSchema } from "../src/schemas/minutes";
import { ProblemSchema } from "../src/schemas/problem";
import { CommitmentSchema } from "../src/schemas/commitments";
import { DeletedRecordSchema, DeliveryListSchema, DeliveryPayloadSchema, ExportPageSchema, ValidatedRecordSchema } from "../src/schemas/delivery";
import { ScanEventSchemas, ScanSourceResponseSchema } from "../src/schemas/scan";
import { RecordingCreateSchema, RecordingStatusSchema, TranscriptionResponseSchema } from "../src/schemas/transcription";
import { DocumentSourceResponseSchema, MailThreadSourceRequestSchema, MailThreadSourceResponseSchema, TranscriptSourceRequestSchema, TranscriptSourceResponseSchema } from "../src/schemas/sources";

const json = (schema: z.core.$ZodType) => z.toJSONSchema(schema, { target: "openapi-3.0", io: "input", unrepresentable: "any" });
const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } });
const ok = (description: string, ref: string) => ({ description, content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } });
const bearer = [{ entra: [] }];

/** The OpenAPI document served at /api/openapi.json. */
export function buildOpenApi(): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: { title: "Greffier API", version: "1", description: "Drafts under a mandatory pre-prompt; nothing saved before an adviser validates it." },
    components: {
      securitySchemes: { entra: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "Entra ID access token with scope access_as_user" } },
      schemas: {
        Problem: json(ProblemSchema),
        GenerationRequest: json(GenerationRequestSchema),
        GenerationResponse: json(GenerationResponseSchema),
        DeltaEvent: json(GenerationEventSchemas.delta),
        ReplaceEvent: json(GenerationEventSchemas.replace),
        SaveMinutesRequest: json(SaveMinutesRequestSchema),
        SaveMinutesResponse: json(SaveMinutesResponseSchema),
        Minutes: json(MinutesSchema),
        MinutesList: json(MinutesListSchema),
        RatingFeedback: json(RatingFeedbackSchema),
        UseCaseFeedback: json(UseCaseFeedbackSchema),
        FeedbackResponse: json(FeedbackResponseSchema),
        CommitteeStats: json(CommitteeStatsSchema),
        TranscriptSourceRequest: json(TranscriptSourceRequestSchema),
        TranscriptSourceResponse: json(TranscriptSourceResponseSchema),
        MailThreadSourceRequest: json(MailThreadSourceRequestSchema),
        MailThreadSourceResponse: json(MailThreadSourceResponseSchema),
        DocumentSourceResponse: json(DocumentSourceResponseSchema),
        ScanSourceResponse: json(ScanSourceResponseSchema),
        ScanProgressEvent: json(ScanEventSchemas.progress),
        DeliveryPayload: json(DeliveryPayloadSchema),
        ValidatedRecord: json(ValidatedRecordSchema),
        DeletedRecord: json(DeletedRecordSchema),
        Commitment: json(CommitmentSchema),
        ExportPage: json(ExportPageSchema),
        DeliveryList: json(DeliveryListSchema),
        TranscriptionResponse: json(TranscriptionResponseSchema),
        RecordingCreate: json(RecordingCreateSchema),
        RecordingStatus: json(RecordingStatusSchema),
      },
    },
    paths: {
      "/api/health": { get: { summary: "Liveness", responses: { 200: { description: "Up", content: { "application/json": { schema: { type: "object", properties: { status: { const: "ok" } } } } } } } } },
      "/api/health/ready": {
        get: {
          summary: "Readiness: the database and Redis (when configured) answer",
          responses: {
            200: { description: "Ready", content: { "application/json": { schema: { type: "object", properties: { status: { const: "ok" }, checks: { type: "object", additionalProperties: { enum: ["ok", "down", "absent"] } } } } } } },
            503: problem("A dependency does not answer (not_ready, with checks)"),
          },
        },
      },
      "/api/generations": {
        post: {
          summary: "Generate a draft (JSON, or SSE with Accept: text/event-stream: delta*, replace?, then done or error)",
          security: bearer,
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/GenerationRequest" } } } },
          responses: {
            200: { description: "SSE stream (events delta, replace, done, error)", content: { "text/event-stream": { schema: { type: "string" } } } },
            201: ok("The draft", "GenerationResponse"),
            400: problem("Malformed JSON, unknown field or task"),
            401: problem("Not authenticated"),
            404: problem("`transcriptionId` absent or not the caller's"),
            413: problem("Body, notes or source too large"),
            422: problem("Empty notes, or a `transcriptionId` without the member's consent"),
            429: problem("Too many generations (Retry-After)"),
          },
        },
      },
      "/api/generations/{id}": { get: { summary: "A generation of the caller", security: bearer, parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }], responses: { 200: ok("The generation", "GenerationResponse"), 404: problem("Absent or not the caller's") } } },
      "/api/minutes": {
        post: {
          summary: "Save a validated text (Idempotency-Key honoured)",
          security: bearer,
          parameters: [{ name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 200 } }],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/SaveMinutesRequest" } } } },
          responses: { 201: ok("Saved, with the transparency decision", "SaveMinutesResponse"), 400: problem("Malformed JSON or body not UTF-8 (the field is named)"), 404: problem("Generation absent or not the caller's"), 422: problem("validated missing or false, or empty text: nothing saved") },
        },
        get: {
          summary: "The caller's own saved texts, newest first, paged (\"Mes comptes rendus\")",
          security: bearer,
          parameters: [
            { name: "cursor", in: "query", required: false, schema: { type: "string" }, description: "nextCursor of the previous page (opaque)" },
            { name: "q", in: "query", required: false, schema: { type: "string", maxLength: 200 }, description: "Words of the text (case-insensitive, French stemming)" },
            { name: "memberId", in: "query", required: false, schema: { type: "string", maxLength: 100 } },
            { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 50, default: 20 } },
          ],
          responses: { 200: ok("One page", "MinutesList"), 400: problem("Invalid cursor or parameter") },
        },
      },
      "/api/minutes/{id}": { get: { summary: "Saved minutes, for their author", security: bearer, parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }], responses: { 200: ok("The minutes", "Minutes"), 404: problem("Absent or not the caller's") } } },
      "/api/feedback": {
        post: {
          summary: "Rate a generation or propose a use case",
          security: bearer,
          requestBody: { required: true, content: { "application/json": { schema: { oneOf: [{ $ref: "#/components/schemas/RatingFeedback" }, { $ref: "#/components/schemas/UseCaseFeedback" }] } } } },
          responses: { 201: ok("Stored", "FeedbackResponse"), 400: problem("Invalid feedback"), 404: problem("Generation absent or not the caller's") },
        },
      },
      "/api/sources/transcript": {
        post: {
          summary: "A transcript as a source: speaker turns. WebVTT read by the W3C parsing rules, or a transcript copied from Teams or Word. JSON `{vtt}`, or the file itself (raw text/vtt, text/plain, application/octet-stream, or multipart field `file`), decoded by its declared charset, else UTF-8, else Windows-1252",
          security: bearer,
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/TranscriptSourceRequest" } }, "text/vtt": { schema: { type: "string", format: "binary" } }, "multipart/form-data": { schema: { type: "object", properties: { file: { type: "string", format: "binary" } } } } } },
          responses: { 200: ok("The source text", "TranscriptSourceResponse"), 400: problem("Neither WebVTT nor a transcript copy"), 413: problem("Too long for a source"), 422: problem("No speech") },
        },
      },
      "/api/sources/mail-thread": {
        post: {
          summary: "A mail thread as a source: messages attributed to the member or the insurer, without signatures, footers or disclaimers. JSON `{text, memberAddress?}`, or a file: an .eml (raw message/rfc822, or multipart field `file` with an optional `memberAddress` field) read by its MIME charsets, or a text file decoded by its declared charset, else UTF-8, else Windows-1252",
          security: bearer,
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/MailThreadSourceRequest" } }, "message/rfc822": { schema: { type: "string", format: "binary" } }, "multipart/form-data": { schema: { type: "object", properties: { file: { type: "string", format: "binary" }, memberAddress: { type: "string", format: "email" } } } } } },
          responses: { 200: ok("The source text", "MailThreadSourceResponse"), 400: problem("Invalid request or unreadable .eml"), 415: problem("An Outlook .msg file"), 422: problem("Empty thread") },
        },
      },
      "/api/sources/document": {
        post: {
          summary: "Text of a PDF or DOCX (multipart field `file`), read in a bounded worker thread: page text, AcroForm field values and comments",
          security: bearer,
          requestBody: { required: true, content: { "multipart/form-data": { schema: { type: "object", properties: { file: { type: "string", format: "binary" } } } } } },
          responses: {
            200: ok("The text", "DocumentSourceResponse"),
            413: problem("Over 10 MB or 50 pages, inflating past the limits (XML parts, PDF streams), or more text than a source holds"),
            415: problem("Not a PDF or DOCX"),
            422: problem("document_needs_ocr (a PDF with no text at all: a scan), document_without_text, document_unreadable (damaged or password-protected), document_too_complex (stopped on time or memory)"),
            503: problem("documents_busy: every document worker busy and the queue full; Retry-After"),
          },
        },
      },
      "/api/sources/scan": {
        post: {
          summary: "Text of a scan or photo read by OCR on the server (multipart field `file`: PDF without text, JPEG, PNG, HEIC, WebP, TIFF). With Accept: text/event-stream: progress {page, pages} (page 0 first, then after each page), then done or error",
          security: bearer,
          requestBody: { required: true, content: { "multipart/form-data": { schema: { type: "object", properties: { file: { type: "string", format: "binary" } } } } } },
          responses: {
            200: { description: "The pages' text with a confidence each (JSON), or the SSE stream (events progress, done, error)", content: { "application/json": { schema: { $ref: "#/components/schemas/ScanSourceResponse" } }, "text/event-stream": { schema: { type: "string" } } } },
            413: problem("Over 10 MB, 40 pages or 50 megapixels"),
            415: problem("Neither an image nor a PDF"),
            422: problem("Damaged image or PDF, password-protected PDF, no text could be read, or a page over its time limit"),
            429: problem("Too many scans (Retry-After)"),
            503: problem("Document workers busy"),
          },
        },
      },
      "/api/transcriptions": {
        post: {
          summary: "Transcribe one recording of an interview, with the member's consent (multipart: `audio` = WAV, WebM/Opus, Ogg, MP3 or M4A; `consent` = true). The audio is never stored; the answer's `source` goes to POST /api/generations, which pseudonymises it",
          security: bearer,
          requestBody: { required: true, content: { "multipart/form-data": { schema: { type: "object", required: ["audio", "consent"], properties: { audio: { type: "string", format: "binary" }, consent: { type: "string", enum: ["true"] } } } } } },
          responses: {
            201: ok("Turns with speakers and times, the transcript as a source, the duration, the provider and the footprint", "TranscriptionResponse"),
            400: problem("No audio field, empty file or malformed form"),
            413: problem("Longer than AUDIO_MAX_SECONDS (2 h) or larger than AUDIO_MAX_MB"),
            415: problem("Not one of the accepted audio formats"),
            422: problem("consent_required: consent=true missing; nothing reached the provider"),
            503: problem("No transcription provider configured or reachable (no embedded engine): French explanation, Retry-After"),
          },
        },
      },
      "/api/recordings": {
        post: {
          summary: "Open a live recording once the member consented (before the first byte); chunks then upload while recording",
          security: bearer,
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/RecordingCreate" } } } },
          responses: { 201: ok("The recording and its limits", "RecordingStatus"), 422: problem("consent_required") },
        },
      },
      "/api/recordings/{id}": {
        get: { summary: "Which chunks the server holds (the pane resumes from it after a reload or a network drop)", security: bearer, parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }], responses: { 200: ok("Status", "RecordingStatus"), 404: problem("Absent or not the caller's") } },
        delete: { summary: "Delete the recording and its audio now (consent withdrawn, recording abandoned)", security: bearer, parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }], responses: { 204: { description: "Deleted" }, 404: problem("Absent or not the caller's") } },
      },
      "/api/recordings/{id}/chunks/{n}": {
        put: {
          summary: "Store chunk n (0-based) of a live recording. Idempotent: the same bytes again answer 200; other bytes under the same number answer 409. Chunks may arrive in any order",
          security: bearer,
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
            { name: "n", in: "path", required: true, schema: { type: "integer", minimum: 0, maximum: 9999 } },
            { name: "x-chunk-end-seconds", in: "header", required: false, schema: { type: "number" }, description: "Where the chunk ends in the recording; past AUDIO_MAX_SECONDS the chunk is refused (413)" },
          ],
          requestBody: { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } }, "audio/webm": { schema: { type: "string", format: "binary" } }, "audio/ogg": { schema: { type: "string", format: "binary" } } } },
          responses: { 200: ok("Already held, same bytes", "RecordingStatus"), 201: ok("Stored", "RecordingStatus"), 404: problem("Absent or not the caller's"), 409: problem("Other bytes under this number, or recording already transcribed"), 413: problem("Chunk over 16 MB, recording over AUDIO_MAX_MB or past AUDIO_MAX_SECONDS") },
        },
      },
      "/api/recordings/{id}/transcribe": {
        post: {
          summary: "Transcribe the chunks 0..chunks-1 put together; the audio is deleted once transcribed (AUDIO_RETENTION_HOURS=0). Asked again, answers the same transcript (200)",
          security: bearer,
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          requestBody: { required: false, content: { "application/json": { schema: { type: "object", properties: { chunks: { type: "integer", minimum: 1, description: "How many chunks the recording has" } } } } } },
          responses: { 200: ok("Already transcribed", "TranscriptionResponse"), 201: ok("Transcribed", "TranscriptionResponse"), 409: problem("Chunks still missing (listed)"), 413: problem("Too long"), 503: problem("No transcription provider: the recording is kept within retention") },
        },
      },
      "/api/committee/stats": { get: { summary: "Aggregates per task and month (Committee role)", security: bearer, responses: { 200: ok("Statistics", "CommitteeStats"), 403: problem("Committee role required") } } },
      "/api/committee/audit/verify": { get: { summary: "Re-walk the audit hash chain (Committee role)", security: bearer, responses: { 200: { description: "{ok, entries, firstBrokenAt?}" }, 403: problem("Committee role required") } } },
      "/api/committee/audit/export": { get: { summary: "Audit log as JSON or CSV (Committee role)", security: bearer, parameters: [{ name: "format", in: "query", schema: { enum: ["json", "csv"] } }], responses: { 200: { description: "The log, pseudonymous" }, 403: problem("Committee role required") } } },
      "/api/committee/preprompts": {
        get: { summary: "Every pre-prompt version of every task and template: {id, key, task, template?, version, state (draft|evaluated|approved|active|retired), author?, approvedBy?, text, sha256, firstSeenAt, firstUsedAt, evaluation…}; one active per task and template (Committee role)", security: bearer, responses: { 200: { description: "Versions" }, 403: problem("Committee role required") } },
        post: {
          summary: "Save a new draft version {task, template?, text, basedOn?} (Committee role)",
          security: bearer,
          requestBody: { required: true, content: { "application/json": { schema: { type: "object", required: ["task", "text"], additionalProperties: false, properties: { task: { type: "string" }, template: { type: "string" }, text: { type: "string", maxLength: 20000 }, basedOn: { type: "string" } } } } } },
          responses: { 201: { description: "{id, version, state: \"draft\"}" }, 400: problem("Unknown task or template, empty text, basedOn of another task"), 403: problem("Committee role required") },
        },
      },
      "/api/committee/preprompts/{id}/evaluations": {
        post: {
          summary: "Run the version over its reference cases; 200 with the scores (and the active version's) when done within ?wait= seconds (default 20), else 202 with progress and a Location to poll",
          security: bearer,
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }, { name: "wait", in: "query", required: false, schema: { type: "integer", minimum: 0, maximum: 60 } }],
          responses: { 200: { description: "Scores" }, 202: { description: "Running: {id, status, done, total}" }, 403: problem("Committee role required"), 404: problem("No such version") },
        },
        get: { summary: "The version's latest evaluation, with the active version's scores", security: bearer, parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], responses: { 200: { description: "Evaluation" }, 403: problem("Committee role required"), 404: problem("No evaluation") } },
      },
      "/api/committee/preprompts/{id}/evaluations/{evaluationId}": {
        get: { summary: "One evaluation run: progress, scores and each case's draft", security: bearer, parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }, { name: "evaluationId", in: "path", required: true, schema: { type: "string", format: "uuid" } }], responses: { 200: { description: "Evaluation" }, 403: problem("Committee role required"), 404: problem("No such evaluation") } },
      },
      "/api/committee/preprompts/{id}/approve": {
        post: {
          summary: "Approve an evaluated version {reason, justification?}: a Committee member other than its author; a justification when it scores below the active version",
          security: bearer,
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          requestBody: { required: true, content: { "application/json": { schema: { type: "object", required: ["reason"], additionalProperties: false, properties: { reason: { type: "string" }, justification: { type: "string" } } } } } },
          responses: { 200: { description: "The approved version" }, 400: problem("No reason"), 403: problem("Committee role required, or the author"), 404: problem("No such version"), 409: problem("Not evaluated, or worse without justification") },
        },
      },
      "/api/committee/preprompts/{id}/activate": {
        post: {
          summary: "Put an approved version in service (the active one is retired); activating an earlier version is the rollback",
          security: bearer,
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { 200: { description: "The active version and the one it replaced" }, 403: problem("Committee role required"), 404: problem("No such version"), 409: problem("Never approved, or already active") },
        },
      },
      "/api/exports": {
        get: {
          summary: "Validated records and deletions in commit order after `since` (Integration role); resume with the last nextCursor",
          security: bearer,
          parameters: [{ name: "since", in: "query", schema: { type: "string", pattern: "^\\d{1,18}$" } }, { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 500 } }],
          responses: { 200: ok("One page of events, each the webhook body with its id and cursor", "ExportPage"), 400: problem("Not a cursor"), 403: problem("Integration role required") },
        },
      },
      "/api/deliveries": {
        get: {
          summary: "Webhook deliveries in one state, dead letters by default (Integration role)",
          security: bearer,
          parameters: [{ name: "state", in: "query", schema: { enum: ["pending", "delivered", "dead", "cancelled"] } }, { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 500 } }],
          responses: { 200: ok("Deliveries", "DeliveryList"), 403: problem("Integration role required") },
        },
      },
      "/api/deliveries/{id}/replay": {
        post: {
          summary: "Queue a dead (or delivered) delivery again: same webhook-id and body, fresh schedule (Integration role)",
          security: bearer,
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: { 202: { description: "Queued" }, 403: problem("Integration role required"), 404: problem("No such delivery, or the record was deleted since") },
        },
      },
    },
    // What Greffier POSTs to every WEBHOOK_URLS receiver (Standard Webhooks); a 2xx acknowledges, anything else is retried.
    webhooks: {
      "minutes.validated": {
        post: {
          summary: "A record an adviser validated and saved",
          parameters: [
          { name: "webhook-id", in: "header", required: true, schema: { type: "string" }, description: "Stable per record and event (msg_<minutes id>_validated | _deleted): deduplicate on it" },
          { name: "webhook-timestamp", in: "header", required: true, schema: { type: "string" }, description: "Unix seconds of this attempt" },
          { name: "webhook-signature", in: "header", required: true, schema: { type: "string" }, description: "v1,<base64 HMAC-SHA256 of id.timestamp.body> with the WEBHOOK_SECRET key (Standard Webhooks)" },
        ],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/DeliveryPayload" } } } },
          responses: { "2XX": { description: "Received; never sent again unless an operator replays it" } },
        },
      },
      "minutes.deleted": {
        post: {
          summary: "A record deleted (retention or deletion): drop it",
          parameters: [
          { name: "webhook-id", in: "header", required: true, schema: { type: "string" }, description: "Stable per record and event (msg_<minutes id>_validated | _deleted): deduplicate on it" },
          { name: "webhook-timestamp", in: "header", required: true, schema: { type: "string" }, description: "Unix seconds of this attempt" },
          { name: "webhook-signature", in: "header", required: true, schema: { type: "string" }, description: "v1,<base64 HMAC-SHA256 of id.timestamp.body> with the WEBHOOK_SECRET key (Standard Webhooks)" },
        ],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/DeliveryPayload" } } } },
          responses: { "2XX": { description: "Received" } },
        },
      },
    },
  };
}
