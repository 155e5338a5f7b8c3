// Owns the translation of schema failures into AppErrors with a French detail a person can act on.
import type { z } from "zod";
import { AppError } from "../errors";
import { t } from "../i18n";
import { TASK_IDS } from "../tasks/catalogue";
import { MAX_BODY_BYTES } from "./limits";

const FIELD_LABELS: Record<string, string> = {
  task: "tâche",
  notes: "notes",
  source: "source",
  context: "contexte",
  generationId: "identifiant de génération",
  text: "texte",
  validated: "validation",
};

function fieldName(path: readonly PropertyKey[]): string {
  const joined = path.map(String).join(".");
  return joined === "" ? "corps de la requête" : `« ${FIELD_LABELS[joined] ?? joined} »`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = fieldName(issue.path);
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? `${field} est obligatoire` : `${field} doit être de type ${issue.expected}`;
    case "too_big":
      return `${field} dépasse la taille maximale (${String(issue.maximum)} caractères)`;
    case "too_small":
      return `${field} est trop court`;
    case "invalid_format":
      return `${field} n'a pas le format attendu (${issue.format})`;
    case "invalid_value":
      return `${field} doit valoir l'une des valeurs : ${issue.values.map(String).join(", ")}`;
    default:
      return `${field} est invalide`;
  }
}

/**
 * Parses `input` with `schema`, or throws the AppError a person should see.
 * @throws AppError unknown_field, unknown_task, payload_too_large or invalid_request.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues;

  const unknownKeys = issues.flatMap((i) => (i.code === "unrecognized_keys" ? i.keys.map((k) => [...i.path, k].join(".")) : []));
  if (unknownKeys.length > 0) {
    throw new AppError("unknown_field", { detail: t("problem.unknown_field.detail", { fields: unknownKeys.map((k) => `« ${k} »`).join(", ") }) });
  }
  const taskIssue = issues.find((i) => i.path.length === 1 && i.path[0] === "task" && i.code === "invalid_value");
  if (taskIssue && typeof input === "object" && input !== null) {
    const task = String((input as Record<string, unknown>).task);
    throw new AppError("unknown_task", { detail: t("problem.unknown_task.detail", { task, tasks: TASK_IDS.join(", ") }) });
  }
  const tooBig = issues.find((i) => i.code === "too_big");
  if (tooBig) {
    throw new AppError("payload_too_large", { detail: `${describeIssue(tooBig)}. Raccourcissez le texte ou découpez-le.` });
  }
  throw new AppError("invalid_request", {
    detail: t("problem.invalid_request.detail", { issues: issues.map(describeIssue).join(" ; ") }),
  });
}

/** The detail of a body refused for its size. */
export function bodyTooLargeDetail(): string {
  return t("problem.payload_too_large.detail", { limit: `${Math.round(MAX_BODY_BYTES / 1024)} Ko` });
}
