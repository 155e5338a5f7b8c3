// Owns the measure of how much of a saved text comes from the AI draft, by a word-level diff.
import { diffWords } from "diff";

/**
 * Share (0..1) of the final text's words that were kept from the AI draft.
 * Whitespace and punctuation are ignored; an empty final text has no AI share.
 */
export function aiShare(draft: string, finalText: string): number {
  const parts = diffWords(draft, finalText);
  let kept = 0;
  let total = 0;
  for (const part of parts) {
    if (part.removed) continue;
    const words = countWords(part.value);
    total += words;
    if (!part.added) kept += words;
  }
  return total === 0 ? 0 : kept / total;
}

/** Words are runs of letters or digits: punctuation kept from the draft is no sign of authorship. */
function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}]+/gu);
  return matches ? matches.length : 0;
}
