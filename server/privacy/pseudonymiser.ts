// Owns the server's one pseudonymiser: the src rules bound to the lexicons loaded once, used for every text that leaves
// the server.
import { createPseudonymiser, type PseudonymisationInput, type PseudonymisationResult } from "../../src/privacy";
import { loadLexicons } from "./lexicons";

let bound: ((input: PseudonymisationInput, referenceYear?: number) => PseudonymisationResult) | undefined;

/**
 * Pseudonymises a request's texts with the French name, word and commune lexicons (loaded on first use, about half a
 * second, then kept). Notes, source, every context field and the extra texts (AI-edit instruction, draft under
 * revision) share one mapping.
 * @throws Error when the lexicon packages are missing: nothing leaves without the full detector.
 */
export function pseudonymiseForProvider(input: PseudonymisationInput): PseudonymisationResult {
  bound ??= createPseudonymiser(loadLexicons());
  // The year tells a birth date beside a name from the date of a call (src has no clock).
  return bound(input, new Date().getFullYear());
}

/** Loads the lexicons now (at start-up), so the first generation does not wait for them. */
export function warmPseudonymiser(): void {
  bound ??= createPseudonymiser(loadLexicons());
}
