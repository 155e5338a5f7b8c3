// Owns what a generation is asked from the capture: the request built from the form, and when it would overwrite work.
import type { GenerationContext, GenerationRequest } from "../../../src/schemas/generation";
import { variantOf, type TaskId } from "../../../src/tasks/catalogue";
import type { DraftPhase } from "../../lib/draft-session";
import { formFields, initialValues, renderForm } from "../../lib/extraction-form";
import { sourceForRequest, transcriptionForRequest } from "../../lib/work-source";
import type { ThreadSource } from "../sources/use-thread-source";
import { fieldsFor } from "./ContextFields";
import type { Capture } from "./use-capture";

/** Whether starting again would throw away something the adviser did to the draft. */
export function hasReviewWork(phase: DraftPhase): boolean {
  if (phase.kind !== "review") return false;
  // An extraction's text is its form's: compare with the form as the model filled it, not with its Markdown draft.
  const form = phase.fields ? formFields(phase.generation.extraction) : [];
  const initial = phase.fields ? renderForm(form, initialValues(form)) : phase.generation.draft;
  return phase.text !== initial || phase.isValidated || phase.flags.some((f) => f.status !== "pending");
}

/** Only the fields of the task, trimmed, empty ones left out (the server rejects nothing optional, but sends less). */
export function requestContext(task: TaskId, context: GenerationContext): GenerationContext | undefined {
  const entries = fieldsFor(task)
    .map((name) => [name, context[name]?.trim() ?? ""] as const)
    .filter(([, value]) => value !== "");
  return entries.length > 0 ? (Object.fromEntries(entries) as GenerationContext) : undefined;
}

/** The generation request of the capture as it stands. */
export function buildRequest(capture: Capture, thread: Pick<ThreadSource, "offered">): GenerationRequest {
  const { task, template, documentType, notes, context, source: added } = capture;
  const ctx = requestContext(task, context);
  // The choice is kept when the adviser switches task and back, but only sent with the task it belongs to.
  const chosen = variantOf(task, template)?.template?.id;
  // A source the adviser added or accepted wins; else the host's text when it is offered with the checkbox.
  const source = added ? sourceForRequest(added) : thread.offered && capture.includeSource ? thread.offered : undefined;
  const kind = task === "document-extraction" ? documentType : undefined;
  // A recorded interview: the transcription goes with it, so the member's consent is recorded with the draft.
  const transcriptionId = transcriptionForRequest(added);
  return {
    task,
    ...(chosen ? { template: chosen } : {}),
    ...(kind ? { documentType: kind } : {}),
    notes,
    ...(source ? { source } : {}),
    ...(ctx ? { context: ctx } : {}),
    ...(transcriptionId ? { transcriptionId } : {}),
  };
}
