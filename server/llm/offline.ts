// Owns the offline engine: no generative AI, a deterministic draft that files the adviser's notes under the task's sections.
import { t } from "../../src/i18n";
import { TASKS, variantOf } from "../../src/tasks/catalogue";
import type { DocumentType } from "../../src/extraction/schemas";
import { extractFieldsOffline } from "./offline/extract-fields";
import { keyFigures, sortNotes } from "./offline/sort-notes";
import type { GenerateOptions, LlmCall, LlmOutput, LlmProvider } from "./provider";

/** Characters per streamed piece, so the add-in shows the same progress as with a model. */
const STREAM_PIECE_CHARS = 64;

/** Builds the offline draft for a call: every note line kept, verbatim, under one section. */
export function buildOfflineDraft(call: LlmCall): string {
  // Rewriting needs a model: the adviser keeps their draft as it is, and is told why.
  if (call.input.revision) return `> ${t("offline.revision_unavailable")}\n\n${call.input.revision.draft}`;
  const variant = variantOf(call.task, call.input.template);
  const task = variant ? { ...TASKS[call.task], sections: variant.sections } : TASKS[call.task];
  const { sections } = sortNotes(call.input.notes, task);
  const out: string[] = [`> ${t("offline.notice")}`, ""];
  for (const section of task.sections) {
    out.push(`## ${section.title}`);
    const lines = sections.get(section.id) ?? [];
    if (lines.length === 0) out.push(t("offline.empty_section"));
    for (const line of lines) out.push(`- ${line}`);
    out.push("");
  }
  const { dates, amounts } = keyFigures(call.input.notes);
  if (dates.length > 0 || amounts.length > 0) {
    out.push("## Repères relevés dans les notes");
    if (dates.length > 0) out.push(`- Dates : ${dates.join(" ; ")}`);
    if (amounts.length > 0) out.push(`- Montants : ${amounts.join(" ; ")}`);
    out.push("");
  }
  if (call.input.source && call.input.source.trim() !== "") {
    out.push(`_Source jointe (${call.input.source.split(/\r?\n/).filter((l) => l.trim()).length} lignes) : à reprendre manuellement, le moteur hors ligne ne la résume pas._`);
  }
  return out.join("\n").trimEnd() + "\n";
}

/** The engine answering when no provider is configured or every provider failed. */
export function createOfflineEngine(region = "FRA"): LlmProvider {
  return {
    info: { name: "offline", model: "greffier-offline-sorter", region, isOffline: true },
    async generate(call: LlmCall, options: GenerateOptions = {}): Promise<LlmOutput> {
      const started = process.cpuUsage();
      // Asked for structured fields: what patterns find in the document, as JSON, with nothing guessed.
      const text = call.responseFormat
        ? JSON.stringify(extractFieldsOffline(call.input.source ?? call.input.notes, call.responseFormat.name as DocumentType))
        : buildOfflineDraft(call);
      const used = process.cpuUsage(started);
      if (options.onDelta) {
        for (let i = 0; i < text.length; i += STREAM_PIECE_CHARS) {
          if (options.signal?.aborted) break;
          options.onDelta(text.slice(i, i + STREAM_PIECE_CHARS));
        }
      }
      return { text, usage: { inputTokens: 0, outputTokens: 0 }, cpuMs: (used.user + used.system) / 1000 };
    },
  };
}
