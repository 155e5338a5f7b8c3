// Owns how the routes' zod schemas are used at run time: requests validated into the product's problem+json answers,
// responses written as the handlers shape them, and the helpers that describe answers and streams in the routes.
import type { FastifySchemaCompiler, FastifySerializerCompiler } from "fastify";
import * as z from "zod/mini";
import type { AppError } from "../src/errors";
import { validationError } from "../src/schemas/parse";
import { ProblemSchema } from "../src/schemas/problem";

type Schema = z.core.$ZodType;

/** How one route departs from the common validation: the schema chosen by the input, or its own error. */
export interface ValidationOptions {
  /** For a body that is one of several contracts (a rating or a proposal): the schema that reads `input`. */
  readonly pick?: (input: unknown) => Schema;
  /** The route's own answer for a refused part (a query too long is a bad query, not a body too large). */
  readonly mapError?: (error: AppError) => AppError;
}

/**
 * Validates a part of the request with its zod schema, as `parseOrThrow` did: the parsed value (trimmed, coerced)
 * replaces the part, and a refusal is the AppError (unknown_field, unknown_task, payload_too_large,
 * invalid_request) the app's error handler writes. A schema that is not zod (an upload's documented form) checks
 * nothing: the handler reads that body itself.
 */
export function zodValidator(options: ValidationOptions = {}): FastifySchemaCompiler<unknown> {
  return ({ schema }) => {
    if (!(schema instanceof z.core.$ZodType)) return (data) => ({ value: data });
    return (data) => {
      const result = z.safeParse(options.pick?.(data) ?? schema, data);
      if (result.success) return { value: result.data };
      const error = validationError(result.error.issues, data);
      return { error: options.mapError?.(error) ?? error };
    };
  };
}

/**
 * Writes an answer exactly as the handler shaped it, as Fastify does without a schema: the response schemas
 * document the contract (and the pane checks it), they never drop or reorder a field on the way out.
 */
export const jsonSerializer: FastifySerializerCompiler<unknown> = () => (data) => JSON.stringify(data);

/** A JSON answer of `schema`. */
export function json(description: string, schema: Schema) {
  return { description, content: { "application/json": { schema } } };
}

/** A problem+json answer: the refusals a route documents. */
export function problem(description: string) {
  return { description, content: { "application/problem+json": { schema: ProblemSchema } } };
}

/** A stream of Server-Sent Events, each `{event, data}` with the data schema of its name. */
export function eventStream(description: string, events: Readonly<Record<string, Schema>>) {
  const frames = Object.entries(events).map(([name, data]) => z.object({ event: z.literal(name), data }));
  return { description, content: { "text/event-stream": { schema: z.union(frames) } } };
}

/** A request body sent as a form (multipart/form-data), read by the handler: documented, never validated here. */
export function formBody(fields: Readonly<Record<string, unknown>>, required: readonly string[] = []) {
  const schema = { type: "object", properties: fields, ...(required.length > 0 ? { required } : {}) };
  return { "multipart/form-data": { schema } };
}

/** A file field of a form, or a raw body. */
export const BINARY = { type: "string", format: "binary" } as const;
