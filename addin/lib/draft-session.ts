// Owns the state machine of one draft: streaming, failure or cancel (partial text kept), review, validation, save.
import type { GenerationResponse } from "../../src/schemas/generation";
import type { SaveMinutesResponse } from "../../src/schemas/minutes";
import type { Problem } from "../../src/schemas/problem";
import { formFields, initialValues, renderForm } from "./extraction-form";
import { applyCorrection, initialFlags, pendingCount, type FlagState } from "./flags";

/** Where the draft stands. Every phase after `idle` keeps the text produced so far. */
export type DraftPhase =
  | { readonly kind: "idle" }
  | {
      readonly kind: "streaming";
      readonly text: string;
      readonly replacedReason?: string;
      /** An AI edit's draft under review before it: restored if the edit fails or is cancelled, so nothing is lost. */
      readonly previous?: Extract<DraftPhase, { kind: "review" }>;
    }
  | { readonly kind: "failed"; readonly text: string; readonly problem: Problem }
  | { readonly kind: "cancelled"; readonly text: string }
  | {
      readonly kind: "review";
      readonly generation: GenerationResponse;
      readonly text: string;
      readonly flags: readonly FlagState[];
      readonly isValidated: boolean;
      /** Set when an edit cleared the validation, so the pane can say why the box is unticked. */
      readonly wasValidationReset: boolean;
      readonly isSaving: boolean;
      readonly saveProblem?: Problem;
      /** Extraction: the form's values by field path; the text is rendered from them. */
      readonly fields?: Readonly<Record<string, string>>;
      /** Why the last AI edit failed; the draft is the one from before it. */
      readonly reviseProblem?: Problem;
    }
  | {
      readonly kind: "saved";
      readonly generation: GenerationResponse;
      readonly text: string;
      readonly flags: readonly FlagState[];
      readonly saved: SaveMinutesResponse;
      readonly fields?: Readonly<Record<string, string>>;
      /** The adviser's rating once sent, so a reopened pane does not ask again. */
      readonly feedback?: "up" | "down";
    };

/** Every change the draft reducer accepts, from the stream, the adviser or the server. */
export type DraftAction =
  | { readonly type: "start"; readonly isRevision?: boolean }
  | { readonly type: "delta"; readonly text: string }
  | { readonly type: "replace"; readonly text: string; readonly reason: string }
  | { readonly type: "done"; readonly generation: GenerationResponse }
  | { readonly type: "fail"; readonly problem: Problem }
  | { readonly type: "cancel" }
  | { readonly type: "edit"; readonly text: string }
  | { readonly type: "confirm-flag"; readonly id: number }
  | { readonly type: "correct-flag"; readonly id: number; readonly value: string }
  | { readonly type: "reopen-flag"; readonly id: number }
  | { readonly type: "validate"; readonly isValidated: boolean }
  | { readonly type: "edit-field"; readonly path: string; readonly value: string }
  | { readonly type: "save-start" }
  | { readonly type: "save-done"; readonly saved: SaveMinutesResponse }
  | { readonly type: "save-fail"; readonly problem: Problem }
  | { readonly type: "feedback-sent"; readonly rating: "up" | "down" }
  | { readonly type: "reset" };

/** Before any generation: nothing to review. */
export const idlePhase: DraftPhase = { kind: "idle" };

type Review = Extract<DraftPhase, { kind: "review" }>;

/** Any change to the words clears the validation: the adviser validates the text that will be saved, not an older one. */
function withText(phase: Review, text: string, flags: readonly FlagState[] = phase.flags): Review {
  const changed = text !== phase.text;
  return {
    ...phase,
    text,
    flags,
    isValidated: changed ? false : phase.isValidated,
    wasValidationReset: changed ? phase.isValidated || phase.wasValidationReset : phase.wasValidationReset,
    saveProblem: undefined,
  };
}

/** The reducer of a draft's life. Actions that make no sense in the current phase leave it unchanged. */
export function draftReducer(phase: DraftPhase, action: DraftAction): DraftPhase {
  switch (action.type) {
    case "start":
      if (action.isRevision && phase.kind === "review")
        return { kind: "streaming", text: "", previous: { ...phase, reviseProblem: undefined } };
      return { kind: "streaming", text: "" };
    case "delta":
      return phase.kind === "streaming" ? { ...phase, text: phase.text + action.text } : phase;
    case "replace":
      return phase.kind === "streaming" ? { ...phase, text: action.text, replacedReason: action.reason } : phase;
    case "done": {
      if (phase.kind !== "streaming") return phase;
      // An extraction is reviewed as a form: the text to save is the form's, not the model's Markdown.
      const form = formFields(action.generation.extraction);
      const fields = form.length > 0 ? initialValues(form) : undefined;
      // Anything else is reviewed as a finished text (the session cleans the Markdown before this action).
      const generation = action.generation;
      return {
        kind: "review",
        generation,
        text: fields ? renderForm(form, fields) : generation.draft,
        flags: initialFlags(generation.ungrounded),
        isValidated: false,
        wasValidationReset: false,
        isSaving: false,
        ...(fields ? { fields } : {}),
      };
    }
    case "fail":
      if (phase.kind !== "streaming") return phase;
      return phase.previous
        ? { ...phase.previous, reviseProblem: action.problem }
        : { kind: "failed", text: phase.text, problem: action.problem };
    case "cancel":
      if (phase.kind !== "streaming") return phase;
      return phase.previous ?? { kind: "cancelled", text: phase.text };
    case "reset":
      return idlePhase;
    case "feedback-sent":
      return phase.kind === "saved" ? { ...phase, feedback: action.rating } : phase;
  }
  if (phase.kind !== "review") return phase;
  switch (action.type) {
    case "edit":
      return phase.isSaving ? phase : withText(phase, action.text);
    case "confirm-flag":
      return { ...phase, flags: phase.flags.map((f) => (f.id === action.id ? { ...f, status: "confirmed" } : f)) };
    case "reopen-flag":
      return {
        ...phase,
        flags: phase.flags.map((f) =>
          f.id === action.id && f.status === "confirmed" ? { ...f, status: "pending" } : f,
        ),
      };
    case "edit-field": {
      if (phase.isSaving || !phase.fields) return phase;
      const fields = { ...phase.fields, [action.path]: action.value };
      // Changing a flagged value is the adviser's correction of it.
      const flags = phase.flags.map((f) =>
        f.figure.field === action.path && f.status === "pending"
          ? { ...f, status: "corrected" as const, correction: action.value }
          : f,
      );
      return { ...withText(phase, renderForm(formFields(phase.generation.extraction), fields), flags), fields };
    }
    case "correct-flag": {
      const flag = phase.flags.find((f) => f.id === action.id);
      const value = action.value.trim();
      if (!flag || value === "") return phase;
      if (flag.figure.field !== undefined && phase.fields)
        return draftReducer(phase, { type: "edit-field", path: flag.figure.field, value });
      const text = applyCorrection(phase.text, flag.figure, value);
      const flags = phase.flags.map((f) =>
        f.id === action.id ? { ...f, status: "corrected" as const, correction: value } : f,
      );
      return withText(phase, text, flags);
    }
    case "validate":
      return {
        ...phase,
        isValidated: action.isValidated,
        wasValidationReset: action.isValidated ? false : phase.wasValidationReset,
      };
    case "save-start":
      return canSave(phase) ? { ...phase, isSaving: true, saveProblem: undefined } : phase;
    case "save-done":
      return {
        kind: "saved",
        generation: phase.generation,
        text: phase.text,
        flags: phase.flags,
        saved: action.saved,
        ...(phase.fields ? { fields: phase.fields } : {}),
      };
    case "save-fail":
      return { ...phase, isSaving: false, saveProblem: action.problem };
    default:
      return phase;
  }
}

/** Why saving is not possible yet, or null when it is. */
export type SaveBlocker = "not-review" | "empty" | "flags" | "validation" | "saving";

/** The first reason the Enregistrer button is disabled, in the order the adviser should act on them. */
export function saveBlocker(phase: DraftPhase): SaveBlocker | null {
  if (phase.kind !== "review") return "not-review";
  if (phase.isSaving) return "saving";
  if (phase.text.trim() === "") return "empty";
  if (pendingCount(phase.flags, phase.text) > 0) return "flags";
  if (!phase.isValidated) return "validation";
  return null;
}

/** Whether the draft can be saved now: reviewed, every flag handled, validated, not already saving. */
export function canSave(phase: DraftPhase): boolean {
  return saveBlocker(phase) === null;
}

/** The text shown in the editor for any phase. */
export function draftText(phase: DraftPhase): string {
  return phase.kind === "idle" ? "" : phase.text;
}
