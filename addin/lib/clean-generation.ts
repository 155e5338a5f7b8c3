// Owns the generation as the editor shows it: the model's Markdown made a clean text, its citations and flagged figures
// moved along.
import type { GenerationResponse } from "../../src/schemas/generation";
import { cleanDraft } from "./draft-blocks";

/**
 * The generation with its draft as clean text (no `##`, `**` or `- `) and the offsets the server gave (citations,
 * ungrounded figures) mapped onto it, so the caret still finds the cited lines and the highlights stay in place.
 * Word count is unchanged, so the server's AI-share measure of the saved text is the same.
 */
export function presentable(generation: GenerationResponse): GenerationResponse {
  const clean = cleanDraft(generation.draft);
  if (clean.text === generation.draft) return generation;
  return {
    ...generation,
    draft: clean.text,
    ungrounded: generation.ungrounded.map((f) =>
      f.start !== undefined && f.end !== undefined ? { ...f, start: clean.at(f.start), end: clean.at(f.end) } : f,
    ),
    ...(generation.citations
      ? { citations: generation.citations.map((c) => ({ ...c, start: clean.at(c.start), end: clean.at(c.end) })) }
      : {}),
  };
}

/** A partial draft (streaming, cancelled, failed) as the editor shows it. */
export function presentableText(text: string): string {
  return cleanDraft(text).text;
}
