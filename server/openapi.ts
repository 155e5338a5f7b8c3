// Owns the OpenAPI 3.1 document of the HTTP API, generated from the routes themselves: each route's zod schemas
// (body, query, answers, streams) become its operation, and GET /api/openapi.json serves the result.
import fastifySwagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import * as z from "zod/mini";
import { CommitmentSchema } from "../src/schemas/commitments";
import { CommitteeStatsSchema } from "../src/schemas/committee";
import {
  DeletedRecordSchema,
  DeliveryListSchema,
  DeliveryPayloadSchema,
  ExportPageSchema,
  ValidatedRecordSchema,
} from "../src/schemas/delivery";
import { FeedbackResponseSchema, RatingFeedbackSchema, UseCaseFeedbackSchema } from "../src/schemas/feedback";
import { GenerationEventSchemas, GenerationRequestSchema, GenerationResponseSchema } from "../src/schemas/generation";
import {
  MinutesListSchema,
  MinutesSchema,
  SaveMinutesRequestSchema,
  SaveMinutesResponseSchema,
} from "../src/schemas/minutes";
import { ProblemSchema } from "../src/schemas/problem";
import { ScanEventSchemas, ScanSourceResponseSchema } from "../src/schemas/scan";
import {
  DocumentSourceResponseSchema,
  MailThreadSourceRequestSchema,
  MailThreadSourceResponseSchema,
  TranscriptSourceRequestSchema,
  TranscriptSourceResponseSchema,
} from "../src/schemas/sources";
import {
  RecordingCreateSchema,
  RecordingStatusSchema,
  TranscriptionResponseSchema,
} from "../src/schemas/transcription";
import { DraftVersionSchema } from "../src/schemas/versions";

type Io = "input" | "output";

/** A JSON Schema 2020-12 (OpenAPI 3.1's dialect) of a zod schema; anything else is already JSON Schema. */
function jsonSchemaOf(schema: unknown, io: Io): unknown {
  if (!(schema instanceof z.core.$ZodType)) return schema;
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
  });
  return rest;
}

/** A body or answer: one schema, or one per content type (`{description?, content: {type: {schema}}}`). */
function convertPart(part: unknown, io: Io): unknown {
  if (typeof part !== "object" || part === null || !("content" in part) || part instanceof z.core.$ZodType) {
    return jsonSchemaOf(part, io);
  }
  const { content, ...rest } = part as { content: Record<string, { schema: unknown }> };
  const converted = Object.entries(content).map(([type, media]) => [
    type,
    { ...media, schema: jsonSchemaOf(media.schema, io) },
  ]);
  return { ...rest, content: Object.fromEntries(converted) };
}

interface RouteSchema {
  readonly body?: unknown;
  readonly querystring?: unknown;
  readonly params?: unknown;
  readonly headers?: unknown;
  readonly response?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

/** The route's schema in OpenAPI's terms: requests as the client sends them, answers as the server writes them. */
function toOpenApiSchema(schema: RouteSchema, needsUser: boolean): Record<string, unknown> {
  const { body, querystring, params, headers, response, ...rest } = schema;
  return {
    ...rest,
    ...(needsUser ? { security: [{ entra: [] }] } : {}),
    ...(body === undefined ? {} : { body: convertPart(body, "input") }),
    ...(querystring === undefined ? {} : { querystring: jsonSchemaOf(querystring, "input") }),
    ...(params === undefined ? {} : { params: jsonSchemaOf(params, "input") }),
    ...(headers === undefined ? {} : { headers: jsonSchemaOf(headers, "input") }),
    ...(response === undefined
      ? {}
      : {
          response: Object.fromEntries(
            Object.entries(response).map(([status, part]) => [status, convertPart(part, "output")]),
          ),
        }),
  };
}

/** The contracts named in `components.schemas`, for clients that generate types; the operations carry them inline. */
function components(): Record<string, unknown> {
  const requests = {
    GenerationRequest: GenerationRequestSchema,
    SaveMinutesRequest: SaveMinutesRequestSchema,
    RatingFeedback: RatingFeedbackSchema,
    UseCaseFeedback: UseCaseFeedbackSchema,
    TranscriptSourceRequest: TranscriptSourceRequestSchema,
    MailThreadSourceRequest: MailThreadSourceRequestSchema,
    RecordingCreate: RecordingCreateSchema,
  };
  const answers = {
    Problem: ProblemSchema,
    GenerationResponse: GenerationResponseSchema,
    DeltaEvent: GenerationEventSchemas.delta,
    ReplaceEvent: GenerationEventSchemas.replace,
    DraftVersion: DraftVersionSchema,
    SaveMinutesResponse: SaveMinutesResponseSchema,
    Minutes: MinutesSchema,
    MinutesList: MinutesListSchema,
    FeedbackResponse: FeedbackResponseSchema,
    CommitteeStats: CommitteeStatsSchema,
    TranscriptSourceResponse: TranscriptSourceResponseSchema,
    MailThreadSourceResponse: MailThreadSourceResponseSchema,
    DocumentSourceResponse: DocumentSourceResponseSchema,
    ScanSourceResponse: ScanSourceResponseSchema,
    ScanProgressEvent: ScanEventSchemas.progress,
    DeliveryPayload: DeliveryPayloadSchema,
    ValidatedRecord: ValidatedRecordSchema,
    DeletedRecord: DeletedRecordSchema,
    Commitment: CommitmentSchema,
    ExportPage: ExportPageSchema,
    DeliveryList: DeliveryListSchema,
    TranscriptionResponse: TranscriptionResponseSchema,
    RecordingStatus: RecordingStatusSchema,
  };
  const convert = (schemas: Record<string, z.core.$ZodType>, io: Io) =>
    Object.entries(schemas).map(([name, schema]) => [name, jsonSchemaOf(schema, io)]);
  return Object.fromEntries([...convert(requests, "input"), ...convert(answers, "output")]);
}

const WEBHOOK_HEADERS = [
  {
    name: "webhook-id",
    in: "header",
    required: true,
    schema: { type: "string" },
    description: "Stable per record and event (msg_<minutes id>_validated | _deleted): deduplicate on it",
  },
  {
    name: "webhook-timestamp",
    in: "header",
    required: true,
    schema: { type: "string" },
    description: "Unix seconds of this attempt",
  },
  {
    name: "webhook-signature",
    in: "header",
    required: true,
    schema: { type: "string" },
    description: "v1,<base64 HMAC-SHA256 of id.timestamp.body> with the WEBHOOK_SECRET key (Standard Webhooks)",
  },
];

/**
 * What Greffier POSTs to every WEBHOOK_URLS receiver (Standard Webhooks); a 2xx acknowledges, anything else is
 * retried.
 */
function webhooks(): Record<string, unknown> {
  const requestBody = {
    required: true,
    content: { "application/json": { schema: jsonSchemaOf(DeliveryPayloadSchema, "output") } },
  };
  const hook = (summary: string, received: string) => ({
    post: { summary, parameters: WEBHOOK_HEADERS, requestBody, responses: { "2XX": { description: received } } },
  });
  return {
    "minutes.validated": hook(
      "A record an adviser validated and saved",
      "Received; never sent again unless an operator replays it",
    ),
    "minutes.deleted": hook("A record deleted (retention or deletion): drop it", "Received"),
  };
}

/**
 * Registers the document's generator, then GET /api/openapi.json. Call it before any route: every route registered
 * after it is in the document (HEAD and the static front end excepted). `needsUser` tells which need a token.
 */
export async function registerOpenApi(app: FastifyInstance, needsUser: (url: string) => boolean): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Greffier API",
        version: "1",
        description: "Drafts under a mandatory pre-prompt; nothing saved before an adviser validates it.",
      },
      components: {
        securitySchemes: {
          entra: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "JWT",
            description: "Entra ID access token with scope access_as_user",
          },
        },
        schemas: components() as never,
      },
      webhooks: webhooks() as never,
    },
    transform: ({ schema, url }) => ({
      schema: toOpenApiSchema((schema ?? {}) as RouteSchema, needsUser(url)) as never,
      url,
    }),
  });
  let document: unknown;
  app.get("/api/openapi.json", { schema: { summary: "This document", hide: false } }, async () => {
    document ??= app.swagger();
    return document;
  });
}
