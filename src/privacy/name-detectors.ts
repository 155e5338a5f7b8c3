// Owns person-name detection: names after a civility, known names (member, relatives, transcript speakers), kinship and
// mail headers, and "Prénom Nom" from a first-name list.
import { CAPITAL_PARTICLES, COMMON_WORD_NAMES, FIRST_NAMES, NAME_PARTICLES, NOT_NAME_WORDS } from "./french-names";
import type { PiiType } from "./pii-types";
import { LEFT_EDGE, SPACE, findLiterals, forEachMatch, type Candidate } from "./text-scan";

/** Overlap priorities of names: a name the adviser introduced with a civility is the surest. */
export const NAME_PRIORITY = {
  civility: 50,
  known: 48,
  speaker: 47,
  header: 46,
  kinship: 44,
  maiden: 44,
  firstNameList: 40,
} as const;

/** A name part to look for again everywhere: "Benali" after "M. Karim Benali". */
export interface NameEntry {
  readonly type: Extract<PiiType, "NOM" | "PRENOM">;
  readonly value: string;
  readonly person: string;
  /** Whether "BENALI" or "benali" also count as this name (never for words like "Petit" or "Claire"). */
  readonly anyCase: boolean;
}

/** One word (or initial) of a name as read in the text. */
export interface Unit {
  readonly start: number;
  readonly end: number;
  readonly core: string;
  readonly kind: "word" | "initial";
  readonly isCapitalParticle: boolean;
}

const WORD_RE = /\p{Lu}(?:[\p{Ll}\p{Lu}\p{M}]|['’-](?=\p{L}))+/uy;
const INITIAL_RE = /\p{Lu}\.(?=[ \u00a0\u202f])/uy;
const LOWER_PARTICLE_RE = new RegExp(`(?:${[...NAME_PARTICLES].join("|")})${SPACE}+(?=\\p{Lu})|d['’](?=\\p{Lu})`, "uy");
const GAP_RE = /[ \u00a0\u202f]+/y;
const GLUED_AFTER_WORD_RE = /[\p{N}_]/u;

/**
 * Reads the capitalised words of a name starting at `from`, on one line, stopping at the first word that cannot be
 * part of a name (civility, day, acronym, label) or after `maxWords` words.
 */
export function readNameUnits(text: string, from: number, maxWords: number): Unit[] {
  const units: Unit[] = [];
  let position = from;
  let words = 0;
  for (;;) {
    const unitStart = position;
    let cursor = position;
    LOWER_PARTICLE_RE.lastIndex = cursor;
    const particle = LOWER_PARTICLE_RE.exec(text);
    if (particle) cursor = LOWER_PARTICLE_RE.lastIndex;
    WORD_RE.lastIndex = cursor;
    const word = WORD_RE.exec(text);
    let unit: Unit | undefined;
    if (word && !GLUED_AFTER_WORD_RE.test(text.charAt(WORD_RE.lastIndex))) {
      const core = word[0];
      const isCapitalParticle = CAPITAL_PARTICLES.has(core);
      if (isCapitalParticle) {
        // "Le" counts only when a name follows it ("Le Goff"), not in "M. Le 12…".
        GAP_RE.lastIndex = WORD_RE.lastIndex;
        const gap = GAP_RE.exec(text);
        WORD_RE.lastIndex = gap ? GAP_RE.lastIndex : -1;
        const next = gap ? WORD_RE.exec(text) : null;
        // "Van der Berg", "De la Cruz": a lower-case particle may sit between the capital one and the name.
        LOWER_PARTICLE_RE.lastIndex = gap ? GAP_RE.lastIndex : 0;
        const lowerNext = gap ? LOWER_PARTICLE_RE.exec(text) : null;
        if (!lowerNext && (!next || (NOT_NAME_WORDS.has(next[0]) && !CAPITAL_PARTICLES.has(next[0])))) break;
        unit = { start: unitStart, end: cursor + core.length, core, kind: "word", isCapitalParticle };
      } else if (!NOT_NAME_WORDS.has(core)) {
        unit = { start: unitStart, end: cursor + core.length, core, kind: "word", isCapitalParticle };
      }
    } else if (!particle) {
      INITIAL_RE.lastIndex = cursor;
      const initial = INITIAL_RE.exec(text);
      if (initial)
        unit = { start: cursor, end: cursor + 1, core: initial[0], kind: "initial", isCapitalParticle: false };
    }
    if (!unit) break;
    units.push(unit);
    position = unit.kind === "initial" ? unit.end + 1 : unit.end;
    if (unit.kind === "word") words += 1;
    // Initials do not count as words but must not let a run of "M. M. M." read to the end of the text.
    if (words >= maxWords || units.length >= maxWords + 2) break;
    GAP_RE.lastIndex = position;
    if (!GAP_RE.exec(text)) break;
    position = GAP_RE.lastIndex;
  }
  while (units.length > 0 && units[units.length - 1]?.kind === "initial") units.pop();
  return units;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** A name split into given name and surname spans. */
export interface Person {
  readonly prenom?: Span;
  readonly nom?: Span;
}

function isUpperWord(core: string): boolean {
  const letters = core.replace(/[^\p{L}]/gu, "");
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function spanOf(units: readonly Unit[]): Span | undefined {
  const first = units[0];
  const last = units[units.length - 1];
  return first && last ? { start: first.start, end: last.end } : undefined;
}

/**
 * Splits a name into given names and surname. An upper-case run is the surname ("BENALI Karim", "LE GOFF
 * Anne-Marie"); otherwise the surname is the last word with its particles ("Jean-Pierre de La Fontaine").
 * A lone word takes `lone` (a surname after a civility, a given name after "son fils").
 */
export function splitPerson(units: readonly Unit[], lone: "NOM" | "PRENOM"): Person | undefined {
  const words = units.filter((u) => u.kind === "word");
  if (words.length === 0) return undefined;
  if (words.length === 1) {
    const span = spanOf(words);
    return lone === "NOM" || isUpperWord(words[0]?.core ?? "") ? { nom: span } : { prenom: span };
  }
  const upper = words.map((w) => isUpperWord(w.core));
  const upperCount = upper.filter(Boolean).length;
  if (upperCount > 0 && upperCount < words.length) {
    const runStart = upper.indexOf(true);
    let runEnd = runStart;
    while (runEnd + 1 < words.length && upper[runEnd + 1]) runEnd += 1;
    const surname = words.slice(runStart, runEnd + 1);
    // Given names sit before the capitals ("Karim BENALI") or after them ("BENALI Karim").
    const after = words.slice(runEnd + 1);
    const stop = after.findIndex((w) => isUpperWord(w.core));
    const given = runStart > 0 ? words.slice(0, runStart) : stop === -1 ? after : after.slice(0, stop);
    return { nom: spanOf(surname), prenom: spanOf(given) };
  }
  // French forms often write the surname first ("Dubois Jean", "MME GARNIER SOPHIE"): a known given name at the end,
  // after a word that is not one, says so.
  const lastWord = words[words.length - 1]?.core ?? "";
  if (isKnownFirstName(titleCase(lastWord)) && !isKnownFirstName(titleCase(words[0]?.core ?? ""))) {
    return { nom: spanOf(words.slice(0, -1)), prenom: spanOf(words.slice(-1)) };
  }
  let surnameStart = words.length - 1;
  while (surnameStart > 0 && words[surnameStart - 1]?.isCapitalParticle) surnameStart -= 1;
  if (surnameStart === 0) return { nom: spanOf(words) };
  return { prenom: spanOf(words.slice(0, surnameStart)), nom: spanOf(words.slice(surnameStart)) };
}

export function personCandidates(text: string, person: Person | undefined, priority: number): Candidate[] {
  if (!person) return [];
  const nom = person.nom ? text.slice(person.nom.start, person.nom.end) : undefined;
  const prenom = person.prenom ? text.slice(person.prenom.start, person.prenom.end) : undefined;
  const key = nom ?? prenom ?? "";
  const found: Candidate[] = [];
  if (person.prenom && prenom) found.push({ type: "PRENOM", ...person.prenom, value: prenom, priority, person: key });
  if (person.nom && nom) found.push({ type: "NOM", ...person.nom, value: nom, priority, person: key });
  return found;
}

// ── Civility ─────────────────────────────────────────────────────────────────────────────────────────
const CIVILITY =
  "MM\\.|Mmes|Mme\\.?|Mlles|Mlle|Mr\\.?|M\\.|Messieurs|Monsieur|Mesdames|Madame|Mademoiselle|Me|Ma[iî]tre|Dr\\.?|Docteur|Pr\\.?|Professeur|" +
  "monsieur|madame|mademoiselle|docteur|ma[iî]tre|MME|MMES|MLLE|MR|MONSIEUR|MADAME|MADEMOISELLE|DR|DOCTEUR";
// "M. et Mme Lambert", "M./Mme Lambert": the name after the second civility belongs to both.
// "M.Dupont" (no space after an abbreviation) and "Mme veuve Durand" are common in quick notes.
const CIVILITY_RE = new RegExp(
  `${LEFT_EDGE}(?:${CIVILITY})(?:${SPACE}*(?:et|&|/|ou)${SPACE}*(?:${CIVILITY}))?(?:${SPACE}+(?:veuve|vve|VEUVE))?(?:${SPACE}+|(?<=\\.))(?=\\p{Lu}|(?:de|du|des|van|von|di|da)${SPACE}+\\p{Lu}|d['’]\\p{Lu})`,
  "gu",
);

function detectAfterCivility(text: string): Candidate[] {
  const found: Candidate[] = [];
  forEachMatch(CIVILITY_RE, text, (m) => {
    const units = readNameUnits(text, m.index + m[0].length, 4);
    const person = splitPerson(units, "NOM");
    if (!person) return false;
    found.push(...personCandidates(text, person, NAME_PRIORITY.civility));
    return true;
  });
  return found;
}

// ── Kinship, neighbours, landlords; maiden names ─────────────────────────────────────────────────────
const KINSHIP =
  "fils|filles?|enfants?|[ée]pou(?:se|x)|mari|femme|conjointe?|concubine?|compagnon|compagne|partenaire|fr[èe]res?|" +
  "s(?:œ|oe)urs?|p[èe]re|m[èe]re|grand-p[èe]re|grand-m[èe]re|petit-fils|petite-fille|beau-p[èe]re|belle-m[èe]re|beau-fils|" +
  "belle-fille|gendre|belle-s(?:œ|oe)ur|beau-fr[èe]re|oncle|tante|neveu|ni[èe]ce|cousine?|voisine?|colocataire|locataire|" +
  "propri[ée]taire|bailleur|bailleresse|amie?";
// Case-insensitive regexes cannot check for a capital (under /iu, \p{Lu} matches any letter): the name reader does.
const KINSHIP_RE = new RegExp(`${LEFT_EDGE}(?:${KINSHIP})(?:${SPACE}*,)?${SPACE}+`, "giu");
const AND_NAME_RE = new RegExp(`${SPACE}+et${SPACE}+(?=\\p{Lu})`, "uy");
const MAIDEN_RE = new RegExp(`${LEFT_EDGE}n[ée]e${SPACE}+`, "giu");

/** A list of names joined by a separator: each name has at most `maxWords` words, a lone word counts as `lone`. */
interface NameList {
  readonly maxWords: number;
  readonly lone: "NOM" | "PRENOM";
  readonly priority: number;
  /** Sticky: matched right after a name, it announces the next one. */
  readonly separator: RegExp;
}

/** Reads names from `position` for as long as the list's separator joins another one; whether it read any. */
function readNameList(text: string, position: number, list: NameList, found: Candidate[]): boolean {
  let accepted = false;
  for (let at = position; ; at = list.separator.lastIndex) {
    const units = readNameUnits(text, at, list.maxWords);
    const person = splitPerson(units, list.lone);
    const last = units[units.length - 1];
    if (!person || !last) return accepted;
    found.push(...personCandidates(text, person, list.priority));
    accepted = true;
    list.separator.lastIndex = last.end;
    if (!list.separator.exec(text)) return accepted;
  }
}

function detectKinship(text: string): Candidate[] {
  const found: Candidate[] = [];
  // "ses enfants Léo et Jade": each coordinated name is a person of its own.
  const kinship: NameList = { maxWords: 3, lone: "PRENOM", priority: NAME_PRIORITY.kinship, separator: AND_NAME_RE };
  forEachMatch(KINSHIP_RE, text, (m) => readNameList(text, m.index + m[0].length, kinship, found));
  forEachMatch(MAIDEN_RE, text, (m) => {
    const units = readNameUnits(text, m.index + m[0].length, 3);
    const person = splitPerson(units, "NOM");
    if (!person) return false;
    found.push(...personCandidates(text, person, NAME_PRIORITY.maiden));
    return true;
  });
  return found;
}

// ── Mail headers and transcript speakers ─────────────────────────────────────────────────────────────
const HEADER_RE = /^[ \t]*(?:De|From|À|A|To|Cc|Cci|Exp[ée]diteur|Destinataire|Envoy[ée] par)[ \t]*:[ \t]*/gmu;
const RECIPIENT_SEP_RE = /[ \t]*(?:<[^>\n]*>)?[ \t]*[;,][ \t]*/uy;
const VTT_VOICE_RE = /<v(?:\.[^ \t>]*)?[ \t]+(?=[^>\n]{1,80}>)/gu;
const LINE_START_RE = /^[ \t]*(?=\p{Lu})/gmu;
const SPEAKER_END_RE = /[ \t]*(?:\([^)\n]{0,40}\))?[ \t]*:/uy;

function detectHeadersAndSpeakers(text: string): Candidate[] {
  const found: Candidate[] = [];
  const recipients: NameList = {
    maxWords: 4,
    lone: "NOM",
    priority: NAME_PRIORITY.header,
    separator: RECIPIENT_SEP_RE,
  };
  forEachMatch(HEADER_RE, text, (m) => readNameList(text, m.index + m[0].length, recipients, found));
  forEachMatch(VTT_VOICE_RE, text, (m) => {
    const person = splitPerson(readNameUnits(text, m.index + m[0].length, 4), "NOM");
    if (!person) return false;
    found.push(...personCandidates(text, person, NAME_PRIORITY.speaker));
    return true;
  });
  // Plain transcripts: "Nathalie Vasseur : Oui, c'est moi." Two words at least, so "Conseiller :" or "Objet :" never
  // count.
  forEachMatch(LINE_START_RE, text, (m) => {
    const units = readNameUnits(text, m.index + m[0].length, 4);
    const last = units[units.length - 1];
    const words = units.filter((u) => u.kind === "word");
    if (!last || words.length < 2) return false;
    // "RAPPEL URGENT :" is a label: an all-capitals speaker needs a known given name.
    if (words.every((w) => isUpperWord(w.core)) && !words.some((w) => isKnownFirstName(titleCase(w.core))))
      return false;
    SPEAKER_END_RE.lastIndex = last.end;
    if (!SPEAKER_END_RE.exec(text)) return false;
    found.push(...personCandidates(text, splitPerson(units, "NOM"), NAME_PRIORITY.speaker));
    return true;
  });
  return found;
}

// ── "Prénom Nom" without a civility ──────────────────────────────────────────────────────────────────
const CAPITALISED_BEFORE_CAPITAL_RE =
  /(?<![\p{L}\p{N}\p{M}_])\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)*(?=[ \u00a0\u202f]+\p{Lu})/gu;

/** "JEAN-MARC" → "Jean-Marc", to look an upper-case word up in the first-name list. */
function titleCase(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|[-'’])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

function isKnownFirstName(word: string): boolean {
  return FIRST_NAMES.has(word) || FIRST_NAMES.has(word.split("-")[0] ?? "");
}

// Administrative order, "DUPONT Marie-Claire": a word in capitals followed by a known given name.
const UPPER_BEFORE_CAPITALISED_RE =
  /(?<![\p{L}\p{N}\p{M}_])\p{Lu}{2,}(?:[-'’]\p{Lu}{2,})*(?=[ \u00a0\u202f]+\p{Lu}\p{Ll})/gu;
// Signatures: the line after "Cordialement," is the writer's name ("K. Benali", "Jean-Marc Dubois").
const SIGNATURE_RE =
  /(?<![\p{L}])(?:cordialement|salutations|bien [àa] vous|sinc[èe]rement|merci d'avance|bonne journ[ée]e)[ \t]*[,.!]?[ \t]*\r?\n[ \t]*/giu;

function detectFromFirstNames(text: string): Candidate[] {
  const found: Candidate[] = [];
  forEachMatch(CAPITALISED_BEFORE_CAPITAL_RE, text, (m) => {
    if (!isKnownFirstName(m[0])) return false;
    const units = readNameUnits(text, m.index, 4);
    const words = units.filter((u) => u.kind === "word");
    if (words.length < 2 || units[0]?.core !== m[0]) return false;
    found.push(...personCandidates(text, splitPerson(units, "NOM"), NAME_PRIORITY.firstNameList));
    return true;
  });
  forEachMatch(UPPER_BEFORE_CAPITALISED_RE, text, (m) => {
    const units = readNameUnits(text, m.index, 3);
    const words = units.filter((u) => u.kind === "word");
    if (words.length < 2 || units[0]?.core !== m[0] || !isKnownFirstName(words[1]?.core ?? "")) return false;
    found.push(...personCandidates(text, splitPerson(units, "NOM"), NAME_PRIORITY.firstNameList));
    return true;
  });
  forEachMatch(SIGNATURE_RE, text, (m) => {
    const units = readNameUnits(text, m.index + m[0].length, 4);
    const words = units.filter((u) => u.kind === "word");
    const lone = words.length === 1 && isKnownFirstName(words[0]?.core ?? "") ? "PRENOM" : "NOM";
    const person = splitPerson(units, lone);
    if (!person) return false;
    found.push(...personCandidates(text, person, NAME_PRIORITY.header));
    return true;
  });
  return found;
}

// ── Known names ──────────────────────────────────────────────────────────────────────────────────────
const CIVILITY_WORD_RE = new RegExp(`^(?:${CIVILITY}|et|&)$`, "iu");

/**
 * Turns names given by the context ("Karim Benali", "M. BENALI Karim", "Élodie Martin (MAIF)") into name parts to
 * look for. Every part of a known name is a name, so even a lone or lower-case mention is caught.
 */
export function parseKnownNames(names: readonly string[]): NameEntry[] {
  const entries: NameEntry[] = [];
  for (const raw of names) {
    const cleaned = raw
      .replace(/\([^)]*\)|<[^>]*>/g, " ")
      .replace(/[,;:"]/g, " ")
      .split(/\s+/)
      .filter((token) => token && !CIVILITY_WORD_RE.test(token) && /\p{L}/u.test(token))
      .map((token) => token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ""))
      .filter(Boolean);
    if (cleaned.length === 0) continue;
    // Re-read the cleaned name with the same rules as in text, after capitalising words typed in lower case.
    const line = cleaned.map((token) => (NAME_PARTICLES.has(token) ? token : capitalise(token))).join(" ");
    const units = readNameUnitsLenient(line);
    const lone = cleaned.length === 1 && isKnownFirstName(line) ? "PRENOM" : "NOM";
    const person = splitPerson(units, lone);
    if (!person) continue;
    const nom = person.nom ? restoreCase(cleaned, line, person.nom) : undefined;
    const prenom = person.prenom ? restoreCase(cleaned, line, person.prenom) : undefined;
    const key = nom ?? prenom ?? "";
    if (prenom) entries.push({ type: "PRENOM", value: prenom, person: key, anyCase: true });
    if (nom) entries.push({ type: "NOM", value: nom, person: key, anyCase: true });
  }
  return entries;
}

/** Like readNameUnits but without the stop-word list: a known name is a name even if it is "Martin Garage". */
function readNameUnitsLenient(line: string): Unit[] {
  const units: Unit[] = [];
  const tokenRe = /\S+/gu;
  let pending: number | undefined;
  for (let m = tokenRe.exec(line); m; m = tokenRe.exec(line)) {
    const core = m[0];
    if (NAME_PARTICLES.has(core)) {
      pending ??= m.index;
      continue;
    }
    units.push({
      start: pending ?? m.index,
      end: m.index + core.length,
      core,
      kind: "word",
      isCapitalParticle: CAPITAL_PARTICLES.has(core),
    });
    pending = undefined;
  }
  return units;
}

/** The span of the capitalised line, in the original letters the context gave. */
function restoreCase(tokens: readonly string[], line: string, span: Span): string {
  return tokens.join(" ").slice(span.start, span.end) || line.slice(span.start, span.end);
}

/** Matches the parts of known names; each mention gets the person's key so "Karim" and "Benali" share a number. */
export function detectNameEntries(text: string, entries: readonly NameEntry[], priority: number): Candidate[] {
  if (entries.length === 0) return [];
  const exact = new Map<string, NameEntry>();
  const folded = new Map<string, NameEntry>();
  for (const entry of entries) {
    if (entry.value.length < 2) continue;
    if (!exact.has(entry.value)) exact.set(entry.value, entry);
    // The value as given, in capitals ("BENALI") and capitalised ("Karim" for a context that typed "karim").
    for (const variant of [entry.value.toUpperCase(), entry.value.split(" ").map(capitalise).join(" ")]) {
      if (!exact.has(variant)) exact.set(variant, entry);
    }
    const lower = entry.value.toLowerCase();
    // Surnames may be typed in any case; given names only as written or in capitals ("claire" is an adjective).
    if (
      entry.anyCase &&
      entry.type === "NOM" &&
      lower.replace(/[^\p{L}]/gu, "").length >= 3 &&
      !COMMON_WORD_NAMES.has(lower) &&
      !folded.has(lower)
    ) {
      folded.set(lower, entry);
    }
  }
  const found: Candidate[] = [];
  for (const [table, foldCase] of [
    [exact, false],
    [folded, true],
  ] as const) {
    for (const { start, end, entry } of findLiterals(text, table, foldCase)) {
      found.push({ type: entry.type, start, end, value: text.slice(start, end), priority, person: entry.person });
    }
  }
  return found;
}

/** Upper-cases the first letter, unless that would change the length ("ß" → "SS") and shift every offset. */
function capitalise(token: string): string {
  const first = token.charAt(0);
  const upper = first.toUpperCase();
  return (upper.length === first.length ? upper : first) + token.slice(1);
}

/** Names found from the civility, kinship, header, speaker and first-name rules (not the known names). */
export function detectNames(text: string): Candidate[] {
  return [
    ...detectAfterCivility(text),
    ...detectKinship(text),
    ...detectHeadersAndSpeakers(text),
    ...detectFromFirstNames(text),
  ];
}
