// Owns POST /api/generations (JSON or SSE) and GET /api/generations/:id.
import type { FastifyInstance } from "fastify";
import { AppError } from "../../src/errors";
import { GenerationRequestSchema } from "../../src/schemas/generation";
import { parseOrThrow } from "../../src/schemas/parse";
import { assertGeneratable, runGeneration, type GenerationDeps } from "../pipeline/generate";
import { problemOf, toAppError } from "../problem";
import { openEventStream, wantsEventStream } from "../sse";
import { findGenerationForUser } from "../store/generations";

/** Registers the generation routes. */
export function generationRoutes(deps: GenerationDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post("/api/generations", async (request, reply) => {
      const body = parseOrThrow(GenerationRequestSchema, request.body);
      assertGeneratable(body);
      if (!wantsEventStream(request.headers.accept)) {
        const controller = new AbortController();
        // The response's close (not the request's, which fires once the body is read) tells a client gone.
        reply.raw.on("close", () => {
          if (!reply.raw.writableEnded) controller.abort(new Error("client closed the connection"));
        });
        const result = await runGeneration(deps, body, request.user, { signal: controller.signal });
        return reply.code(201).send(result);
      }

      // From here on the answer is a stream: every failure becomes one `error` event.
      reply.hijack();
      const controller = new AbortController();
      const stream = openEventStream(reply.raw, { "x-request-id": request.id });
      reply.raw.on("close", () => {
        if (!stream.isClosed || !reply.raw.writableEnded) controller.abort(new Error("client closed the stream"));
      });
      try {
        const result = await runGeneration(deps, body, request.user, {
          signal: controller.signal,
          onDelta: (text) => stream.send("delta", { text }),
          onReplace: (text, reason) => stream.send("replace", { text, reason }),
        });
        stream.send("done", result);
      } catch (error) {
        if (!controller.signal.aborted) {
          const appError = toAppError(error);
          if (appError.status >= 500) request.log.error({ err: error, code: appError.code }, "generation failed");
          stream.send("error", problemOf(appError.code, appError.status, appError.detail));
        }
      } finally {
        stream.end();
      }
    });

    app.get<{ Params: { id: string } }>("/api/generations/:id", async (request) => {
      const generation = isUuid(request.params.id) ? await findGenerationForUser(deps.db, request.params.id, request.user.id) : null;
      if (!generation) throw new AppError("generation_not_found");
      return generation;
    });
  };
}

/** Ids are UUIDs; anything else cannot exist, and must not reach SQL as a uuid cast error. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
