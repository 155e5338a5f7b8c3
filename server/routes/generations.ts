// Owns POST /api/generations (JSON or SSE) and GET /api/generations/:id.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../src/errors";
import {
  GenerationEventSchemas,
  GenerationRequestSchema,
  GenerationResponseSchema,
  type GenerationRequest,
  type GenerationResponse,
} from "../../src/schemas/generation";
import {
  DraftVersionsSchema,
  ManualVersionResponseSchema,
  ManualVersionSchema,
  type ManualVersion,
} from "../../src/schemas/versions";
import type { ConcurrencyLimiter } from "../limits/concurrency";
import type { Metrics } from "../metrics";
import {
  assertGeneratable,
  assertRevisable,
  resolveLineage,
  runGeneration,
  type GenerationDeps,
  type Lineage,
} from "../pipeline/generate";
import { requestLocale } from "../locale";
import { loggableError, problemFor, toAppError } from "../problem";
import { eventStream, json, problem } from "../route-schemas";
import { openEventStream, wantsEventStream } from "../sse";
import { findGenerationForUser, type StoredGeneration } from "../store/generations";
import { resolveTranscriptionConsent, type TranscriptionConsent } from "../transcription/consent";
import { insertManualVersion, listVersions } from "../store/versions";
import { msg } from "../../src/i18n/message";

/** What the generation routes need from the app, besides what a generation needs. */
export interface GenerationRouteDeps extends GenerationDeps {
  readonly concurrency: ConcurrencyLimiter;
  readonly metrics: Metrics;
  /** Generations one adviser may start per minute. */
  readonly perMinute: number;
}

/** Registers the generation routes. */
export function generationRoutes(deps: GenerationRouteDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    // The concurrency slot is taken in the route's own preHandler, which runs before the rate limit's: a request the
    // cap refuses is never charged against the adviser's per-minute quota.
    const slots = new WeakMap<FastifyRequest, () => Promise<void>>();
    const releaseSlot = async (request: FastifyRequest) => {
      const release = slots.get(request);
      slots.delete(request);
      await release?.();
    };
    app.post(
      "/api/generations",
      {
        schema: {
          summary:
            "Generate a draft (JSON, or SSE with Accept: text/event-stream: delta*, replace?, then done or error)",
          body: GenerationRequestSchema,
          response: {
            200: eventStream("SSE stream (events delta, replace, done, error)", GenerationEventSchemas),
            201: json("The draft", GenerationResponseSchema),
            400: problem("Malformed JSON, unknown field or task"),
            401: problem("Not authenticated"),
            404: problem("`transcriptionId` absent or not the caller's"),
            413: problem("Body, notes or source too large"),
            422: problem("Empty notes, or a `transcriptionId` without the member's consent"),
            429: problem("Too many generations (Retry-After)"),
            503: problem("An AI edit asked while no generative model is configured"),
          },
        },
        config: { rateLimit: { max: deps.perMinute, timeWindow: 60_000 } },
        preHandler: async (request, reply) => {
          const release = await deps.concurrency.tryAcquire(request.user.id);
          if (!release) {
            reply.header("retry-after", "5");
            throw new AppError("rate_limited", { detail: msg("server.generation.too_many_running") });
          }
          slots.set(request, release);
        },
        // Refused by the rate limit, or the client gone before the handler: the slot is still given back.
        onResponse: async (request) => releaseSlot(request),
        onRequestAbort: async (request) => releaseSlot(request),
      },
      async (request, reply) => {
        try {
          const body = request.body as GenerationRequest;
          assertGeneratable(body);
          const lineage = await resolveLineage(deps.db, body, request.user);
          // Before any stream opens, so that another adviser's transcription is a plain 404 problem+json.
          const consent = await resolveTranscriptionConsent(
            deps.db,
            deps.audit.actorOf(request.user.id),
            body.transcriptionId,
          );
          // Before any stream opens, so that an AI edit without a model is a plain 503 problem+json.
          assertRevisable(deps.chain, body);
          return await generate(request, reply, body, lineage, consent);
        } finally {
          await releaseSlot(request);
        }
      },
    );

    async function generate(
      request: FastifyRequest,
      reply: FastifyReply,
      body: GenerationRequest,
      lineage: Lineage | undefined,
      consent: TranscriptionConsent | undefined,
    ) {
      const started = performance.now();
      const onProviderCall = () => deps.metrics.recordPreProvider((performance.now() - started) / 1000);
      const record = (result: GenerationResponse, streamed: boolean) =>
        deps.metrics.recordGeneration(
          { task: result.task, provider: result.provider.name, degraded: result.degraded, streamed },
          (performance.now() - started) / 1000,
        );
      if (!wantsEventStream(request.headers.accept)) {
        const controller = new AbortController();
        // The response's close (not the request's, which fires once the body is read) tells a client gone.
        reply.raw.on("close", () => {
          if (!reply.raw.writableEnded) controller.abort(new Error("client closed the connection"));
        });
        const result = await runGeneration(
          deps,
          body,
          request.user,
          { signal: controller.signal, onProviderCall },
          lineage,
          consent,
        );
        record(result, false);
        return reply.code(201).send(result);
      }

      // From here on the answer is a stream: every failure becomes one `error` event.
      reply.hijack();
      const controller = new AbortController();
      const stream = openEventStream(reply.raw, { "x-request-id": request.id });
      reply.raw.on("close", () => {
        if (!stream.isClosed || !reply.raw.writableEnded) controller.abort(new Error("client closed the stream"));
      });
      let isFirst = true;
      try {
        const result = await runGeneration(
          deps,
          body,
          request.user,
          {
            signal: controller.signal,
            onDelta: (text) => {
              if (isFirst) {
                isFirst = false;
                deps.metrics.recordTimeToFirstToken((performance.now() - started) / 1000);
              }
              stream.send("delta", { text });
            },
            onReplace: (text, reason) => stream.send("replace", { text, reason }),
            onProviderCall,
          },
          lineage,
          consent,
        );
        stream.send("done", result);
        record(result, true);
      } catch (error) {
        if (!controller.signal.aborted) {
          const appError = toAppError(error);
          if (appError.status >= 500)
            request.log.error({ err: loggableError(error), code: appError.code }, "generation failed");
          stream.send("error", problemFor(appError, requestLocale(request)));
        }
      } finally {
        stream.end();
      }
      return reply;
    }

    /**
     * The generation named in the path, if it is the requesting adviser's.
     * @throws AppError generation_not_found when it is absent, someone else's, or the id is not a UUID.
     */
    async function ownGeneration(request: FastifyRequest<{ Params: { id: string } }>): Promise<StoredGeneration> {
      const generation = isUuid(request.params.id)
        ? await findGenerationForUser(deps.db, request.params.id, request.user.id)
        : null;
      if (!generation) throw new AppError("generation_not_found");
      return generation;
    }

    const notFound = problem("Absent or not the caller's");

    app.post<{ Params: { id: string }; Body: ManualVersion }>(
      "/api/generations/:id/versions",
      {
        schema: {
          summary: "Record a manual edit of the caller's draft in its version history",
          body: ManualVersionSchema,
          response: {
            201: json("Recorded", ManualVersionResponseSchema),
            404: notFound,
            413: problem("Text too long"),
          },
        },
      },
      async (request, reply) => {
        const generation = await ownGeneration(request);
        const id = randomUUID();
        await insertManualVersion(deps.db, {
          id,
          rootId: generation.rootId,
          userId: request.user.id,
          text: request.body.text,
        });
        return reply.code(201).send({ id });
      },
    );

    app.get<{ Params: { id: string } }>(
      "/api/generations/:id/versions",
      {
        schema: {
          summary: "The draft's history, oldest first: first generation, AI edits and manual edits",
          response: { 200: json("The versions", DraftVersionsSchema), 404: notFound },
        },
      },
      async (request) => {
        const generation = await ownGeneration(request);
        return listVersions(deps.db, generation.rootId, request.user.id);
      },
    );

    app.get<{ Params: { id: string } }>(
      "/api/generations/:id",
      {
        schema: {
          summary: "A generation of the caller",
          response: { 200: json("The generation", GenerationResponseSchema), 404: notFound },
        },
      },
      async (request) => ownGeneration(request),
    );
  };
}

/** Ids are UUIDs; anything else cannot exist, and must not reach SQL as a uuid cast error. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
