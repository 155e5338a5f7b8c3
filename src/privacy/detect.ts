// Owns the assembly of all detectors into non-overlapping matches, and the propagation of every found value to its
// other mentions.
import { detectAddressChains } from "./address-chain";
import { detectLexiconNames } from "./lexicon-names";
import { detectOddIdentifiers } from "./odd-identifiers";
import type { NameLexicons } from "./lexicons";
import { detectNameEntries, detectNames, NAME_PRIORITY, parseKnownNames, type NameEntry } from "./name-detectors";
import { placeWords, wordsOf, type ContextWord } from "./place-context";
import type { PiiMatch, PiiType } from "./pii-types";
import { detectStructured, PRIORITY } from "./structured-detectors";
import { findLiterals, isBounded, type Candidate } from "./text-scan";

/** A value already known to be personal data (the member id from the context, a value found in another field). */
export interface KnownValue {
  readonly type: PiiType;
  readonly value: string;
  /** For names: the person's surname (or lone given name), so the placeholders of one person share a number. */
  readonly person?: string;
}

/** Options of {@link detectPii}. */
export interface DetectOptions {
  /** Names the text may contain: the member's (from the context), relatives', transcript speakers'. */
  readonly knownNames?: readonly string[];
  /** Values to mask wherever they appear, whatever introduces them. */
  readonly knownValues?: readonly KnownValue[];
  /**
   * Name, word and commune tables (built once by the server): with them, names are found without a civility, in
   * lower case, and by the last guard; without them, only the rules that need no list run.
   */
  readonly lexicons?: NameLexicons;
  /**
   * The current year, from the caller's clock (src reads none): a full date beside a name is a birth date only when
   * older than last year. Without it, every such date is taken for one.
   */
  readonly referenceYear?: number;
}

// Later mentions found by propagation lose to any first-hand detection of the same characters.
const PROPAGATED_NAME_PRIORITY = 35;
const PROPAGATED_VALUE_PRIORITY = 60;
const MIN_PROPAGATED_LENGTH = 2;

/** Keeps the best candidate wherever candidates overlap: priority, then length, then position. */
function settle(text: string, candidates: readonly Candidate[]): Candidate[] {
  const ordered = [...candidates]
    .filter((c) => c.end > c.start && isBounded(text, c.start, c.end))
    .sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(text.length);
  const kept: Candidate[] = [];
  const keep = (c: Candidate): void => {
    taken.fill(1, c.start, c.end);
    kept.push(c);
  };
  for (const c of ordered) {
    let firstTaken = -1;
    let lastTaken = -1;
    for (let i = c.start; i < c.end; i += 1) {
      if (!taken[i]) continue;
      if (firstTaken === -1) firstTaken = i;
      lastTaken = i;
    }
    if (firstTaken === -1) {
      keep(c);
      continue;
    }
    // A better match took part of this one ("CEDEX-x@y.fr" read as an e-mail): the parts left on either side are
    // still what this detector found, and must not go out in clear.
    for (const [from, to] of [
      [c.start, firstTaken],
      [lastTaken + 1, c.end],
    ] as const) {
      const part = trimmedPart(text, from, to);
      if (part && isBounded(text, part.start, part.end))
        keep({ ...c, start: part.start, end: part.end, value: text.slice(part.start, part.end) });
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The range without the separators at its ends, when at least two letters or digits are left in it. */
function trimmedPart(text: string, from: number, to: number): { start: number; end: number } | undefined {
  let start = from;
  let end = to;
  while (start < end && !/[\p{L}\p{N}]/u.test(text.charAt(start))) start += 1;
  while (end > start && !/[\p{L}\p{N}]/u.test(text.charAt(end - 1))) end -= 1;
  return text.slice(start, end).replace(/[^\p{L}\p{N}]/gu, "").length >= 2 ? { start, end } : undefined;
}

/** Finds every other whole-word occurrence of values already identified (exact spelling). */
function propagateValues(text: string, values: ReadonlyMap<string, KnownValue>): Candidate[] {
  const table = new Map([...values].filter(([v]) => v.length >= MIN_PROPAGATED_LENGTH && /[\p{L}\p{N}]/u.test(v)));
  return findLiterals(text, table, false).map(({ start, end, entry }) => {
    const isName = entry.type === "NOM" || entry.type === "PRENOM";
    return {
      type: entry.type,
      start,
      end,
      value: text.slice(start, end),
      priority: isName ? PROPAGATED_NAME_PRIORITY : PROPAGATED_VALUE_PRIORITY,
      ...(entry.person === undefined ? {} : { person: entry.person }),
    };
  });
}

/**
 * Drops names guessed inside a place or brand ("lycée Victor Hugo", "Leroy Merlin"): a civility, the context, a
 * speaker label or a mail header still win, since those say a person.
 */
function withoutPlaces(
  candidates: readonly Candidate[],
  words: readonly ContextWord[],
  isPlace: readonly boolean[],
): Candidate[] {
  const placeSpans = words.filter((_, i) => isPlace[i]);
  if (placeSpans.length === 0) return [...candidates];
  return candidates.filter(
    (c) =>
      !(c.type === "NOM" || c.type === "PRENOM") ||
      c.priority >= NAME_PRIORITY.header ||
      !placeSpans.some((w) => w.start < c.end && c.start < w.end),
  );
}

// A full date with its year: "12/03/1961", "12.03.1961", "12-03-1961", "1er avril 1955".
const MONTH_NAMES = "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre";
const YEAR_DATE = `\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:19|20)\\d{2}|\\d{1,2}(?:er)?[ \\u00a0]+(?:${MONTH_NAMES})[ \\u00a0]+(?:19|20)\\d{2}`;
// Right after a person's name: "Mme Claire Morel (12/03/1961)", "Karim Benali, 15/06/1978,".
const DATE_AFTER_NAME_RE = new RegExp(
  `[ \\u00a0]*(?:,|\\()[ \\u00a0]*(?:n[ée]e?[ \\u00a0]+le[ \\u00a0]+)?(${YEAR_DATE}|\\d{1,2}/\\d{1,2}/\\d{2})(?![\\p{N}/])`,
  "iuyd",
);
// With an age beside it: "03/11/2004, 20 ans", "12/03/1961 (64 ans)".
const DATE_WITH_AGE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${YEAR_DATE})[ \\u00a0]*(?:,|\\(|-)?[ \\u00a0]*\\d{1,3}[ \\u00a0]*ans(?![\\p{L}])`,
  "giud",
);

/**
 * Birth dates written without "né le": a full date right after a person's name, or beside an age. A date elsewhere
 * (an appointment, an accident) stays for the minutes.
 */
function birthDatesBesideNames(
  text: string,
  candidates: readonly Candidate[],
  referenceYear: number | undefined,
): Candidate[] {
  const found: Candidate[] = [];
  const push = (span: [number, number] | undefined): void => {
    if (span)
      found.push({
        type: "DATE_NAISSANCE",
        start: span[0],
        end: span[1],
        value: text.slice(span[0], span[1]),
        priority: PRIORITY.DATE_NAISSANCE,
      });
  };
  for (const c of candidates) {
    if (c.type !== "NOM" && c.type !== "PRENOM") continue;
    DATE_AFTER_NAME_RE.lastIndex = c.end;
    const m = DATE_AFTER_NAME_RE.exec(text);
    const span = m?.indices?.[1];
    // "Karim Benali, 12/03/2025, par téléphone" dates the call: beside a name, a date of this year or the last one is
    // an event, an older one a birth (members, drivers, children are at least a year old).
    if (span && referenceYear !== undefined && isRecent(text.slice(span[0], span[1]), referenceYear)) continue;
    push(span);
  }
  DATE_WITH_AGE_RE.lastIndex = 0;
  for (let m = DATE_WITH_AGE_RE.exec(text); m; m = DATE_WITH_AGE_RE.exec(text)) push(m.indices?.[1]);
  return found;
}

/** Whether a date's year (four digits, or two read in the current century first) is this year, the last or later. */
function isRecent(date: string, referenceYear: number): boolean {
  const digits = /(\d{2,4})\s*$/u.exec(date)?.[1] ?? "";
  let year = Number(digits);
  if (digits.length === 2)
    year +=
      year <= referenceYear % 100 ? Math.floor(referenceYear / 100) * 100 : (Math.floor(referenceYear / 100) - 1) * 100;
  return year >= referenceYear - 1;
}

function toMatch(c: Candidate): PiiMatch {
  return c.person === undefined
    ? { type: c.type, start: c.start, end: c.end, value: c.value }
    : { type: c.type, start: c.start, end: c.end, value: c.value, person: c.person };
}

/**
 * Detects personal data in several texts that belong together (notes, source, context): a name introduced in one
 * is masked in all, and every value found once is masked at each of its other mentions.
 * @returns one sorted, non-overlapping list of matches per text, in the order of `texts`.
 */
export function detectPiiInTexts(texts: readonly string[], options: DetectOptions = {}): PiiMatch[][] {
  const knownEntries = parseKnownNames(options.knownNames ?? []);
  const lexicons = options.lexicons;
  const firstPass = texts.map((text) => {
    const words = wordsOf(text);
    const isPlace = placeWords(text, words, lexicons);
    const candidates = withoutPlaces(
      [
        ...detectStructured(text),
        ...detectOddIdentifiers(text),
        ...detectAddressChains(text, lexicons),
        ...detectNames(text),
        ...(lexicons ? detectLexiconNames(text, lexicons, words, isPlace) : []),
        ...detectNameEntries(text, knownEntries, NAME_PRIORITY.known),
      ],
      words,
      isPlace,
    );
    return [...candidates, ...birthDatesBesideNames(text, candidates, options.referenceYear)];
  });

  // Everything found with certainty in any text becomes a value to find again everywhere.
  const values = new Map<string, KnownValue>();
  const remember = (known: KnownValue): void => {
    if (!values.has(known.value)) values.set(known.value, known);
  };
  for (const known of options.knownValues ?? []) remember(known);
  const nameEntries: NameEntry[] = [...knownEntries];
  firstPass.forEach((candidates, index) => {
    for (const c of settle(texts[index] ?? "", candidates)) {
      if (c.type === "NOM" || c.type === "PRENOM") {
        // Names introduced by a civility, the context or a speaker label are certain enough to be matched in any
        // case later ("M. Garnier" … "rappeler mme garnier"); guessed ones only as written.
        const sure = c.priority >= NAME_PRIORITY.speaker;
        nameEntries.push({ type: c.type, value: c.value, person: c.person ?? c.value, anyCase: sure });
        const withoutParticle = c.value.replace(/^(?:(?:de|du|des|van|von|di|da|d['’])\s*)+/u, "");
        if (c.type === "NOM" && withoutParticle !== c.value && withoutParticle.length > 1) {
          nameEntries.push({ type: "NOM", value: withoutParticle, person: c.person ?? c.value, anyCase: sure });
        }
      } else {
        remember({ type: c.type, value: c.value });
      }
    }
  });

  return texts.map((text, index) => {
    const candidates = [
      ...(firstPass[index] ?? []),
      ...detectNameEntries(text, nameEntries, PROPAGATED_NAME_PRIORITY),
      ...propagateValues(text, values),
    ];
    return settle(text, candidates).map(toMatch);
  });
}

/**
 * Detects French personal data in one text: names (context, civility, kinship, speakers, later mentions), e-mail,
 * phone, IBAN, NIR, postal address, plate, date of birth, member/contract/claim number, SIRET/SIREN.
 * @returns matches sorted by position, never overlapping, each with `text.slice(start, end) === value`.
 */
export function detectPii(text: string, options: DetectOptions = {}): PiiMatch[] {
  return detectPiiInTexts([text], options)[0] ?? [];
}
