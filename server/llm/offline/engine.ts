// Owns the offline engine: no generative AI, a deterministic draft that files the adviser's notes under the task's
// sections.
import { t } from "../../../src/i18n";
import { TASKS, variantOf, type TaskDefinition } from "../../../src/tasks/catalogue";
import type { DocumentType } from "../../../src/schemas/extraction";
import { patternFields } from "./pattern-fields";
import { memberEmailSections, type EmailSection } from "./member-email";
import { keyFigures, sortNotes } from "./sort-notes";
import type { GenerateOptions, LlmCall, LlmOutput, LlmProvider } from "../provider";
import { ProviderError } from "../provider-error";
import type { ProviderChain } from "../chain";

/** Characters per streamed piece, so the add-in shows the same progress as with a model. */
const STREAM_PIECE_CHARS = 64;

/** The offline engine's provider name: the one provider that is no generative model. */
export const OFFLINE_PROVIDER_NAME = "offline";

/** The task's sections, or its template's. */
function taskOf(call: LlmCall): TaskDefinition {
  const variant = variantOf(call.task, call.input.template);
  return variant ? { ...TASKS[call.task], sections: variant.sections } : TASKS[call.task];
}

/** The sections of the offline draft, in order, each with the note lines filed under it. */
export function offlineSections(call: LlmCall): EmailSection[] {
  const task = taskOf(call);
  if (call.task === "member-email") return memberEmailSections(call.input.notes, task);
  const { sections } = sortNotes(call.input.notes, task);
  return task.sections.map((section) => ({ title: section.title, lines: sections.get(section.id) ?? [] }));
}

/**
 * Builds the offline draft for a call: every line of the notes kept, verbatim, under one section. The engine writes
 * no figure of its own: the figures it recalls are copied as written in the notes.
 * @throws ProviderError when asked for an AI edit: rewriting needs a model, and the draft must stay as it is.
 */
export function buildOfflineDraft(call: LlmCall): string {
  if (call.input.revision)
    throw new ProviderError("status", false, { status: 503, message: "an AI edit needs a generative model" });
  const out: string[] = [`> ${t("offline.notice")}`, ""];
  for (const section of offlineSections(call)) {
    out.push(`## ${section.title}`);
    if (section.lines.length === 0) out.push(section.whenEmpty ?? t("offline.empty_section"));
    for (const line of section.lines) out.push(`- ${line}`);
    out.push("");
  }
  const { dates, amounts } = keyFigures(call.input.notes);
  if (dates.length > 0 || amounts.length > 0) {
    out.push(`## ${t("offline.figures_heading")}`);
    if (dates.length > 0) out.push(`- ${t("offline.figures_dates")} : ${dates.join(" ; ")}`);
    if (amounts.length > 0) out.push(`- ${t("offline.figures_amounts")} : ${amounts.join(" ; ")}`);
    out.push("");
  }
  if (call.input.source && call.input.source.trim() !== "") out.push(t("offline.source_attached"));
  return out.join("\n").trimEnd() + "\n";
}

/** Whether `chain` holds a generative model besides the offline engine (an AI edit needs one). */
export function hasGenerativeModel(chain: ProviderChain): boolean {
  return Object.keys(chain.breakerStates()).some((name) => name !== OFFLINE_PROVIDER_NAME);
}

/** The engine answering when no provider is configured or every provider failed. */
export function createOfflineEngine(region = "FRA"): LlmProvider {
  return {
    info: { name: OFFLINE_PROVIDER_NAME, model: "greffier-offline-sorter", region, isOffline: true },
    async generate(call: LlmCall, options: GenerateOptions = {}): Promise<LlmOutput> {
      // Asked for structured fields: what patterns find in the document, as JSON, with nothing guessed.
      const text = call.responseFormat
        ? JSON.stringify(patternFields(call.input.source ?? call.input.notes, call.responseFormat.name as DocumentType))
        : buildOfflineDraft(call);
      if (options.onDelta) {
        for (let i = 0; i < text.length; i += STREAM_PIECE_CHARS) {
          if (options.signal?.aborted) break;
          options.onDelta(text.slice(i, i + STREAM_PIECE_CHARS));
        }
      }
      // No model ran: no token, and no footprint to report (see docs/footprint.md).
      return { text, usage: { inputTokens: 0, outputTokens: 0 } };
    },
  };
}
