// Owns the translation of schema failures into AppErrors whose detail tells a person what to change, in their language.
import type { z } from "zod";
import { AppError } from "../errors";
import type { MessageKey } from "../i18n/core";
import { joined, msg, type Message } from "../i18n/message";
import { TASK_IDS } from "../tasks/catalogue";
import { MAX_BODY_BYTES } from "./limits";

type Issue = z.core.$ZodIssue;

/** Any zod schema, classic or mini: both parse with `safeParse` and report the same core issues. */
interface Parsable<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
}

const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  task: "problem.field.task",
  notes: "problem.field.notes",
  source: "problem.field.source",
  context: "problem.field.context",
  generationId: "problem.field.generationId",
  text: "problem.field.text",
  validated: "problem.field.validated",
};

function fieldName(path: readonly PropertyKey[]): Message {
  const joinedPath = path.map(String).join(".");
  if (joinedPath === "") return msg("problem.field.body");
  const label = FIELD_LABELS[joinedPath];
  return msg("problem.field.quoted", { name: label === undefined ? joinedPath : msg(label) });
}

function describeIssue(issue: Issue): Message {
  const field = fieldName(issue.path);
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? msg("problem.issue.required", { field })
        : msg("problem.issue.type", { field, expected: issue.expected });
    case "too_big":
      return msg("problem.issue.too_big", { field, maximum: String(issue.maximum) });
    case "too_small":
      return msg("problem.issue.too_small", { field });
    case "invalid_format":
      return msg("problem.issue.format", { field, format: issue.format });
    case "invalid_value":
      return msg("problem.issue.value", { field, values: issue.values.map(String).join(", ") });
    default:
      return msg("problem.issue.invalid", { field });
  }
}

/**
 * The AppError a person should see for `issues`, raised by a schema on `input` (the whole request part, to name an
 * unknown task). Unknown fields first, then an unknown task, then a field too long, then every issue.
 */
export function validationError(issues: readonly Issue[], input: unknown): AppError {
  const unknownKeys = issues.flatMap((i) =>
    i.code === "unrecognized_keys" ? i.keys.map((k) => [...i.path, k].join(".")) : [],
  );
  if (unknownKeys.length > 0) {
    const fields = joined(
      unknownKeys.map((name) => msg("problem.field.quoted", { name })),
      "problem.list.comma",
    );
    return new AppError("unknown_field", { detail: msg("problem.unknown_field.detail", { fields }) });
  }
  const taskIssue = issues.find((i) => i.path.length === 1 && i.path[0] === "task" && i.code === "invalid_value");
  if (taskIssue && typeof input === "object" && input !== null) {
    const task = String((input as Record<string, unknown>).task);
    const detail = msg("problem.unknown_task.detail", { task, tasks: TASK_IDS.join(", ") });
    return new AppError("unknown_task", { detail });
  }
  const tooBig = issues.find((i) => i.code === "too_big");
  if (tooBig) {
    const detail = msg("problem.issue.shorten", { issue: describeIssue(tooBig) });
    return new AppError("payload_too_large", { detail });
  }
  const described = joined(issues.map(describeIssue), "problem.list.issues");
  return new AppError("invalid_request", { detail: msg("problem.invalid_request.detail", { issues: described }) });
}

/**
 * Parses `input` with `schema`, or throws the AppError a person should see.
 * @throws AppError unknown_field, unknown_task, payload_too_large or invalid_request.
 */
export function parseOrThrow<T>(schema: Parsable<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationError(result.error.issues, input);
}

/** The detail of a body refused for its size. */
export function bodyTooLargeDetail(): Message {
  const limit = msg("problem.size.kilobytes", { count: Math.round(MAX_BODY_BYTES / 1024) });
  return msg("problem.payload_too_large.detail", { limit });
}
