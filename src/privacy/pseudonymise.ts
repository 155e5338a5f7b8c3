// Owns the pseudonymisation of a generation request (notes, source, context) into placeholders, with its mapping and
// counts.
import { detectPiiInTexts, type KnownValue } from "./detect";
import type { NameLexicons } from "./lexicons";
import { hasHealthData } from "./health";
import { emptyCounts, type PiiMatch, type PiiType } from "./pii-types";
import { findPlaceholderTokens, formatPlaceholder, type PseudonymMapping } from "./placeholders";

/** What the server sends to be pseudonymised: the fields of a generation request that may hold personal data. */
export interface PseudonymisationInput {
  readonly notes: string;
  readonly source?: string;
  /** `memberName` is a known name; `memberId` is masked whole; `date`, `channel`, `tone`, `language` are kept. */
  readonly context?: Readonly<Record<string, string | undefined>>;
  /** Other names the texts may contain (relatives, transcript participants). */
  readonly knownNames?: readonly string[];
  /**
   * Other texts that leave the server with these (the AI-edit instruction, the draft under revision): masked in the
   * same pass, so a name gets the same placeholder wherever it is typed.
   */
  readonly extraTexts?: readonly string[];
}

/** The same fields with placeholders, the mapping to restore them, and what was masked. */
export interface PseudonymisationResult {
  readonly notes: string;
  readonly source?: string;
  readonly context?: Record<string, string | undefined>;
  /** `extraTexts` with placeholders, in the same order. */
  readonly extraTexts: readonly string[];
  readonly mapping: PseudonymMapping;
  /** Number of distinct values replaced (a given name and a surname are two). */
  readonly count: number;
  readonly countsByType: Record<PiiType, number>;
  /** Whether notes, source or context mention health; health terms are never replaced. */
  readonly hasHealthData: boolean;
}

// A short member id ("42") is masked in the context field but not hunted for in prose, where it would hit other
// numbers.
const MIN_PROPAGATED_ID_LENGTH = 4;

/**
 * Hands out placeholders: the same value always gets the same one; a person's given name and surname share a
 * number ("[PRENOM_1] [NOM_1]"); numbers already written in the input as placeholder-like text are skipped.
 */
class PlaceholderAllocator {
  readonly entries: Record<string, string> = {};
  readonly countsByType = emptyCounts();
  private readonly byValue = new Map<string, string>();
  private readonly taken: Set<string>;
  private readonly lastNumber = new Map<PiiType, number>();
  private readonly personNumber = new Map<string, number>();
  private lastNameNumber = 0;

  constructor(reserved: Iterable<string>) {
    this.taken = new Set(reserved);
  }

  placeholderFor(match: PiiMatch): string {
    const existing = this.byValue.get(match.value);
    if (existing) return existing;
    const n = match.type === "NOM" || match.type === "PRENOM" ? this.nameNumber(match) : this.nextNumber(match.type);
    const token = formatPlaceholder(match.type, n);
    this.entries[token] = match.value;
    this.byValue.set(match.value, token);
    this.taken.add(token);
    this.countsByType[match.type] += 1;
    return token;
  }

  private nameNumber(match: PiiMatch): number {
    const person = match.person ?? match.value;
    const shared = this.personNumber.get(person);
    if (shared !== undefined && !this.taken.has(formatPlaceholder(match.type, shared))) return shared;
    // Given names and surnames count together, so "[PRENOM_3]" never suggests a surname it does not have.
    do {
      this.lastNameNumber += 1;
    } while (
      this.taken.has(formatPlaceholder("NOM", this.lastNameNumber)) ||
      this.taken.has(formatPlaceholder("PRENOM", this.lastNameNumber))
    );
    if (shared === undefined) this.personNumber.set(person, this.lastNameNumber);
    return this.lastNameNumber;
  }

  private nextNumber(type: PiiType): number {
    let n = this.lastNumber.get(type) ?? 0;
    do {
      n += 1;
    } while (this.taken.has(formatPlaceholder(type, n)));
    this.lastNumber.set(type, n);
    return n;
  }
}

function replaceMatches(text: string, matches: readonly PiiMatch[], allocator: PlaceholderAllocator): string {
  let out = "";
  let position = 0;
  for (const match of matches) {
    out += text.slice(position, match.start) + allocator.placeholderFor(match);
    position = match.end;
  }
  return out + text.slice(position);
}

/** Options of {@link pseudonymise}. */
export interface PseudonymiseOptions {
  /** The name, word and commune tables; without them only the rules that need no list run. */
  readonly lexicons?: NameLexicons;
  /** The current year, so a recent date beside a name is not taken for a birth date (see DetectOptions). */
  readonly referenceYear?: number;
}

/**
 * A pseudonymiser bound to lexicons built once (the server loads the lists and injects them, so `src/` and the
 * taskpane never carry them).
 */
export function createPseudonymiser(
  lexicons: NameLexicons,
): (input: PseudonymisationInput, referenceYear?: number) => PseudonymisationResult {
  return (input, referenceYear) =>
    pseudonymise(input, { lexicons, ...(referenceYear === undefined ? {} : { referenceYear }) });
}

/**
 * Replaces the personal data of notes, source, context and extra texts by typed, numbered placeholders (`[NOM_1]`,
 * `[TEL_1]`…), stable within the call. `restore(result.notes, result.mapping) === input.notes`, and likewise for
 * source, every context value and every extra text, for any input.
 */
export function pseudonymise(input: PseudonymisationInput, options: PseudonymiseOptions = {}): PseudonymisationResult {
  const context = input.context;
  const contextKeys = context ? Object.keys(context) : [];
  const memberName = context?.memberName;
  const memberId = context?.memberId?.trim();
  const knownNames = [...(memberName?.trim() ? [memberName] : []), ...(input.knownNames ?? [])];
  const knownValues: KnownValue[] =
    memberId && memberId.replace(/[^\p{L}\p{N}]/gu, "").length >= MIN_PROPAGATED_ID_LENGTH
      ? [{ type: "REF", value: memberId }]
      : [];

  // The member's name is read first so the member is person 1 ("[NOM_1]") whatever the notes say first. Every other
  // field is free text too (a tone or a channel can hold a name), so each goes through detection.
  const personalKeys = contextKeys.filter((key) => key !== "memberId" && typeof context?.[key] === "string");
  personalKeys.sort((a, b) => Number(b === "memberName") - Number(a === "memberName"));
  const extraTexts = input.extraTexts ?? [];
  const texts = [
    ...personalKeys.map((key) => context?.[key] ?? ""),
    input.notes,
    ...(input.source === undefined ? [] : [input.source]),
    ...extraTexts,
  ];
  const everyString = [
    input.notes,
    input.source ?? "",
    ...contextKeys.map((key) => context?.[key] ?? ""),
    ...extraTexts,
  ];
  const allocator = new PlaceholderAllocator(everyString.flatMap(findPlaceholderTokens));

  let maskedMemberId: string | undefined;
  if (context?.memberId !== undefined && memberId) {
    // The member id is personal whatever it looks like: masked whole, surrounding spaces kept.
    const start = context.memberId.indexOf(memberId);
    const token = allocator.placeholderFor({ type: "REF", start, end: start + memberId.length, value: memberId });
    maskedMemberId = context.memberId.slice(0, start) + token + context.memberId.slice(start + memberId.length);
  }

  const matches = detectPiiInTexts(texts, {
    knownNames,
    knownValues,
    ...(options.lexicons ? { lexicons: options.lexicons } : {}),
    ...(options.referenceYear === undefined ? {} : { referenceYear: options.referenceYear }),
  });
  const replaced = texts.map((text, index) => replaceMatches(text, matches[index] ?? [], allocator));

  const byKey = new Map(personalKeys.map((key, index) => [key, replaced[index]]));
  // Object.fromEntries defines own properties, so even a "__proto__" key cannot reach the prototype.
  const outContext = context
    ? Object.fromEntries(
        contextKeys.map((key) => [
          key,
          key === "memberId" && maskedMemberId !== undefined
            ? maskedMemberId
            : byKey.has(key)
              ? byKey.get(key)
              : context[key],
        ]),
      )
    : undefined;
  const notes = replaced[personalKeys.length] ?? input.notes;
  const source = input.source === undefined ? undefined : replaced[personalKeys.length + 1];
  const extraStart = personalKeys.length + 1 + (input.source === undefined ? 0 : 1);
  const maskedExtra = extraTexts.map((text, index) => replaced[extraStart + index] ?? text);
  const health = [
    input.notes,
    input.source ?? "",
    ...personalKeys.map((key) => context?.[key] ?? ""),
    ...extraTexts,
  ].some(hasHealthData);
  const count = Object.keys(allocator.entries).length;

  return {
    notes,
    ...(source === undefined ? {} : { source }),
    ...(outContext === undefined ? {} : { context: outContext }),
    extraTexts: maskedExtra,
    mapping: { version: 1, entries: allocator.entries },
    count,
    countsByType: allocator.countsByType,
    hasHealthData: health,
  };
}
