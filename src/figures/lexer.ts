// Owns the one French figures lexer: dates, times, amounts, percentages, phones, plates, references, years, counts with
// their noun, and numbers in words, with offsets.
import {
  APPROXIMATE_WORDS,
  CARDINAL_WORDS,
  NUMBER_JOINERS,
  NUMBER_WORDS as NUMBER_WORD_LIST,
  readNumberWords,
} from "./number-words";

/*
 * What the lexer reads (each token carries its kind, the text as written, its offsets, its readings and a normalised
 * form, so that the same figure written two ways compares equal):
 *
 * - amount: a number with a currency (€, EUR, euros, $, £, CHF), with k/M/Md or "million(s) d'" multipliers and
 *   "/mois"-style periods; in words too ("deux cents euros", "mille cinq cents euros", "1,5 million d'euros").
 * - percentage: a number with %, "pour cent", "percent"; in words too ("vingt pour cent", "huitante pour cent").
 * - date: 12/11, 12/11/2025, 12.11.2025, 2025-11-12, 12 novembre (2025), le 12 nov., 1er décembre, premier mars,
 *   jeudi 14, du 3 au 4 novembre, mars 2024, 03/2024, "le 17," (a day of an implied month), November 12 (English).
 * - time: 18h30, 18 h 30, 18 heures 30, 18:30, 9h, 09:00, 2 pm, "neuf heures trente", "dix heures et demie".
 *   "N h" after "sous", "dans", "pendant"… or beyond 24 ("48h") is a duration: a number with the unit hour.
 * - year: four digits from 1900 to 2100 standing alone ("depuis 2009", "acheté en 2019"), unless an amount word
 *   comes just before ("devis 2000"): a year is its own kind, never an amount or a count.
 * - phone: French numbers in every usual form (+33, 0033, (0), dots, dashes, spaces) and international ones.
 * - plate: AB-123-CD in any spacing or case, and the former 123 ABC 75.
 * - reference: letters mixed with digits (2025-BG-118734, 3456789B) or five digits and more (contract numbers,
 *   postcodes).
 * - number: a number with a unit (7 jours, 12 m², quinze mètres carrés, 48h, 18 ans, 35 ha), compared by unit class.
 * - count: a number followed by the noun it counts ("3 relances", "deux témoins", "6 appartements touchés"); the noun
 *   is kept in a normalised form (lower case, no accent, singular). A number after a capitalised word ("Peugeot 208",
 *   "Clio 4") is a model name, not a count.
 * - bare number: everything else ("au 14", "sur 24", "6, 9 et 13 ans": the 6 and the 9).
 * - weak tokens (`isWeak`): numbers in words that are most often not figures in running text: "un"/"une" (articles),
 *   "neuf" alone ("véhicule neuf", "remise à neuf"), "les deux" ("both"), approximate words ("une quinzaine"),
 *   "midi"/"minuit". They are read, so that notes can ground a figure, but a check may ignore them in a draft.
 * - not figures: digits inside pseudonymisation placeholders ([TEL_1], [NOM_2]), e-mail addresses and URLs.
 */

/** A calendar date as far as the text says it; any part may be missing ("jeudi 14", "mars 2024"). */
export interface DateParts {
  readonly day?: number;
  readonly month?: number;
  readonly year?: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  readonly weekday?: number;
}

interface FigureSpan {
  /** The figure as written, sliced from the original text. */
  readonly text: string;
  /** Offsets in the text (UTF-16 code units, end exclusive), ready for highlighting. */
  readonly start: number;
  readonly end: number;
  /** A number in words that is most often no figure in running text ("un", "neuf" alone, "les deux", "une quinzaine"). */
  readonly isWeak?: boolean;
}

/**
 * A figure found in a text, with the readings used to compare it across formats.
 * Numeric readings are lists because some spellings are ambiguous ("2,950" is 2.95 in French, 2950 in English).
 * A `number` without unit is a bare number; a `count` is a number with the noun it counts.
 */
export type Figure = FigureSpan &
  (
    | { readonly kind: "amount"; readonly values: readonly number[]; readonly currency: string }
    | { readonly kind: "percentage"; readonly values: readonly number[] }
    | { readonly kind: "number"; readonly values: readonly number[]; readonly unit: string | null }
    | { readonly kind: "count"; readonly values: readonly number[]; readonly noun: string }
    | { readonly kind: "year"; readonly year: number }
    | { readonly kind: "time"; readonly seconds: number; readonly isHourOnly: boolean }
    | { readonly kind: "date"; readonly dates: readonly DateParts[] }
    | { readonly kind: "phone" | "plate" | "reference"; readonly code: string }
  );

/** What a figure is. */
export type FigureKind = Figure["kind"];

/** Distributes Omit over the union so each kind keeps its own fields. */
export type FigureBody = Figure extends infer F ? (F extends Figure ? Omit<F, keyof FigureSpan> : never) : never;

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary. Month and weekday words are matched case-insensitively; keys are lower case without the final dot.

const MONTHS: Readonly<Record<string, number>> = {
  janvier: 1,
  janv: 1,
  jan: 1,
  january: 1,
  février: 2,
  fevrier: 2,
  févr: 2,
  fevr: 2,
  fév: 2,
  fev: 2,
  february: 2,
  feb: 2,
  mars: 3,
  march: 3,
  mar: 3,
  avril: 4,
  avr: 4,
  april: 4,
  apr: 4,
  mai: 5,
  may: 5,
  juin: 6,
  june: 6,
  jun: 6,
  juillet: 7,
  juil: 7,
  july: 7,
  jul: 7,
  août: 8,
  aout: 8,
  august: 8,
  aug: 8,
  septembre: 9,
  sept: 9,
  sep: 9,
  september: 9,
  octobre: 10,
  oct: 10,
  october: 10,
  novembre: 11,
  nov: 11,
  november: 11,
  décembre: 12,
  decembre: 12,
  déc: 12,
  dec: 12,
  december: 12,
};

const WEEKDAYS: Readonly<Record<string, number>> = {
  lundi: 1,
  mardi: 2,
  mercredi: 3,
  jeudi: 4,
  vendredi: 5,
  samedi: 6,
  dimanche: 7,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};

/** Units after a number, longest spelling first; the value is the class compared across spellings. */
const UNITS: ReadonlyArray<readonly [string, string]> = [
  ["jours? ouvrés", "day"],
  ["jours? ouvrables", "day"],
  ["jours? calendaires", "day"],
  ["jours? francs", "day"],
  ["business days?", "day"],
  ["working days?", "day"],
  ["jours?", "day"],
  ["days?", "day"],
  ["j", "day"],
  ["semaines?", "week"],
  ["weeks?", "week"],
  ["sem", "week"],
  ["mois", "month"],
  ["months?", "month"],
  ["années?", "year"],
  ["ans?", "year"],
  ["years?", "year"],
  ["heures?", "hour"],
  ["hours?", "hour"],
  ["hrs?", "hour"],
  ["h", "hour"],
  ["minutes?", "minute"],
  ["mins?", "minute"],
  ["mn", "minute"],
  ["secondes?", "second"],
  ["seconds?", "second"],
  ["sec", "second"],
  ["mètres? carrés", "m2"],
  ["metres? carres", "m2"],
  ["mètres? cubes", "m3"],
  ["kilomètres?", "km"],
  ["kilometres?", "km"],
  ["mètres?", "m"],
  ["metres?", "m"],
  ["hectares?", "ha"],
  ["ha", "ha"],
  ["kilos?", "kg"],
  ["kilogrammes?", "kg"],
  ["litres?", "l"],
  ["cm3", "cm3"],
  ["cm³", "cm3"],
  ["chevaux", "cv"],
  ["m²", "m2"],
  ["m2", "m2"],
  ["m³", "m3"],
  ["m3", "m3"],
  ["km/h", "km/h"],
  ["kms?", "km"],
  ["cm", "cm"],
  ["mm", "mm"],
  ["m", "m"],
  ["kg", "kg"],
  ["cv", "cv"],
  ["ch", "cv"],
  ["kwh", "kwh"],
  ["kw", "kw"],
  ["wh", "wh"],
  ["points?", "point"],
  ["pts?", "point"],
];

const MULTIPLIERS: Readonly<Record<string, number>> = {
  k: 1e3,
  mille: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  millions: 1e6,
  md: 1e9,
  mds: 1e9,
  milliard: 1e9,
  milliards: 1e9,
  billion: 1e9,
};

const CURRENCIES: Readonly<Record<string, string>> = {
  "€": "EUR",
  eur: "EUR",
  euro: "EUR",
  euros: "EUR",
  $: "USD",
  usd: "USD",
  "£": "GBP",
  gbp: "GBP",
  chf: "CHF",
};

// ---------------------------------------------------------------------------------------------------------------
// Patterns. They run on a copy of the text of the same length where exotic spaces, dashes and apostrophes are folded,
// so every offset found is an offset in the original text.

/**
 * An alternation with common prefixes factored out ("jan(?:v(?:ier)?|uary)?"): the engine then tries one branch per
 * letter instead of every word at every position, which keeps the check within its time budget on long notes.
 */
function trie(words: Iterable<string>): string {
  interface Node {
    readonly next: Map<string, Node>;
    isEnd: boolean;
  }
  const root: Node = { next: new Map(), isEnd: false };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map(), isEnd: false };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.isEnd = true;
  }
  const render = (node: Node): string => {
    const branches = [...node.next].map(([ch, child]) => ch.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&") + render(child));
    if (branches.length === 0) return "";
    const group = branches.length === 1 ? (branches[0] ?? "") : `(?:${branches.join("|")})`;
    if (!node.isEnd) return group;
    return branches.length === 1 && (branches[0] ?? "").length === 1 ? `${group}?` : `(?:${branches.join("|")})?`;
  };
  return `(?:${render(root)})`;
}

const MONTH = `(${trie(Object.keys(MONTHS))})`;
/** The dot after a month belongs to it only when the month is abbreviated ("12 nov."), not when it ends a sentence. */
const MONTH_DOT = String.raw`(?:(?<=(?<!\p{L})${trie(["janv", "jan", "févr", "fevr", "fév", "fev", "feb", "mar", "avr", "apr", "jun", "juil", "jul", "aug", "sept", "sep", "oct", "nov", "déc", "dec"])})\.)?`;
const UNIT = UNITS.map(([spelling]) => spelling).join("|");
const NUMBER_WORD = trie(NUMBER_WORD_LIST);
/** Words read in the same pass as numbers in words: the first of a month, and the hours with a name. */
const OTHER_WORDS: readonly string[] = ["premier", "première", "premiere", "midi", "minuit"];
const MULTIPLIER = trie(Object.keys(MULTIPLIERS));
/** A number as people write it: "1 250,00", "1.250", "18,40", "1250". Grouping needs exact groups of three. */
const NUM = String.raw`\d{1,3}(?: \d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)*`;
const END = String.raw`(?![\p{L}\p{N}])`;

const re = (source: string, flags = "giu"): RegExp => new RegExp(source, flags);
const CURRENCY = trie(Object.keys(CURRENCIES));
/** "/mois", "par an": the period of an amount, read and ignored. */
const PERIOD = String.raw`(?: ?(?:/|par |per |a )(?:mois|an|année|semaine|jour|trimestre|semestre|month|year|week|day|heure|hour|h)(?!\p{L}))?`;
/** "2 pm", "9:30 a.m.": the letter is captured (a or p). */
const MERIDIEM = String.raw` ?([ap])\.?m\.?(?!\p{L})`;

/**
 * Each pattern is one pass over the text, so they are few: every "number + what follows" reading is one pattern,
 * and what comes before a number (weekday, month, letters of an identifier) is read backwards by the builders.
 * Most patterns do not start with a look-behind, which stops the engine from skipping ahead to a digit: the character
 * before a match is checked by its scanner's `isAfter` instead.
 */
const PATTERNS = {
  phoneFr: re(String.raw`(?:(?:\+|00)33 ?(?:\(0\) ?)?[1-9]|0[1-9])(?:[ .-]?\d{2}){4}(?!\p{N})`),
  phoneIntl: re(String.raw`\+(?!33)\d{1,3}(?:[ .-]?\d{1,4}){2,5}(?!\p{N})`),
  plate: re(String.raw`(?:[A-Z]{2}[- ]?\d{3}[- ]?[A-Z]{2}|[a-z]{2}-\d{3}-[a-z]{2})${END}`, "gu"),
  dateNumeric: re(String.raw`(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?!\p{N}|/\d)`),
  // Measured: these two scan faster with their look-behind than without.
  dateDotted: re(String.raw`(?<![\p{L}\p{N}.-])(\d{1,2})([.-])(\d{1,2})\2(\d{4}|\d{2})(?!\p{N})`),
  // Month first is English only, and capitalised, so that French "novembre 12 dossiers" is not a date.
  dateMonthFirst: re(
    String.raw`(?<![\p{L}\p{N}])(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?${END}`,
    "gu",
  ),
  dateNumericMonthYear: re(String.raw`(\d{1,2})/(\d{4})(?![\p{N}/])`),
  timeHm: re(String.raw`(\d{1,2}) ?(?:[hH]|heures?) ?(\d{2})(?!\p{N})`),
  timeColon: re(String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,3})?)?(?:${MERIDIEM})?(?![\p{N}:])`),
  // A number and what follows it: 2 a percent sign, 3 a currency (4 multiplier, 5 currency), 6 hours, 7 a unit,
  // 8 an ordinal suffix, 9 am/pm (English drafts), or nothing. Dates and plates that start with a number
  // ("12 novembre", "2025-11-12", "123 ABC 75") are read on from there by the builder.
  numeric: re(
    String.raw`(${NUM})(?:` +
      String.raw`( ?(?:%|pour ?cents?|pourcents?|percent|per cent)(?!\p{L}))` +
      String.raw`|( ?(?:(${MULTIPLIER}) ?(?:d' ?|de )?)?(${CURRENCY})(?!\p{L})${PERIOD})` +
      String.raw`|( ?(?:h|hrs?|heures?|hours?))${END}` +
      String.raw`|(?: ?(${UNIT}))${END}` +
      String.raw`|(er|re|ère|ere|e|è|ème|eme|nd|nde|st|rd|th)${END}` +
      String.raw`|${MERIDIEM}` +
      String.raw`|${END})`,
  ),
  amountBefore: re(String.raw`([€$£]|eur|usd|gbp|chf) ?(${NUM})(?: ?(${MULTIPLIER})(?!\p{L}))?(?!\p{N})`),
  // From the first digit; the builder takes in the letters before it ("BG-118734", "AB12").
  reference: re(String.raw`\d[\p{L}\p{N}]*(?:[-/.][\p{L}\p{N}]+)*`, "gu"),
  // Numbers in words. ASCII word boundaries are much faster here; the builder re-checks the edges against accented
  // letters ("réunion" holds no "un").
  // One pass also reads "premier" (of a month) and "midi"/"minuit", which are no cardinals.
  numberWords: re(String.raw`\b(?:${NUMBER_WORD}(?:${NUMBER_JOINERS}${NUMBER_WORD})*|${trie(OTHER_WORDS)})\b`, "gi"),
} as const;

/**
 * What follows a number in words: 1 percent, 2 currency, 3 hours (4 "et demie"/"et quart", 5 "moins le quart",
 * 6 minutes in words), 7 a unit, 8 a month (9 its year).
 */
const AFTER_WORDS = re(
  String.raw` ?(?:` +
    String.raw`(%|pour ?cents?|pourcents?)(?!\p{L})` +
    String.raw`|(?:(?:d' ?|de ))?(${CURRENCY})(?!\p{L})${PERIOD}` +
    String.raw`|(heures?)(?!\p{L})(?: et (demie|quart)(?!\p{L})|( moins le quart)(?!\p{L})| (${NUMBER_WORD}(?:${NUMBER_JOINERS}${NUMBER_WORD})*)(?!\p{L})(?: minutes?(?!\p{L}))?)?` +
    String.raw`|(${UNIT})${END}` +
    String.raw`|${MONTH}${MONTH_DOT}(?:,? (\d{4}))?${END}` +
    String.raw`)`,
  "iuy",
);
/** Words before "N h" that make it a duration ("sous 48 h", "dans 2 h") rather than a time of day. */
const DURATION_LEAD = /(?:sous|dans|pendant|durant|en|de|d'|délai de|les|des|toutes les|within|for|in|every)\s*$/i;
/** How far back a duration word is looked for: "toutes les " is the longest lead. */
const LOOKBACK = 16;
/** After a day, what makes it part of another figure rather than "jeudi 14". */
const NOT_A_DAY_AFTER = / ?[/.:]\d/y;
/** Read on from a number: " novembre", " au 4 novembre 2025", " nov." ("12 novembre", "du 3 au 4 novembre"). */
const MONTH_AFTER = re(
  String.raw`(?: ?(?:au|et|à|ou|-) ?(\d{1,2})(?:er)?)? ${MONTH}${MONTH_DOT}(?:,? (\d{4}))?${END}`,
  "iuy",
);
const ISO_AFTER = /-(\d{1,2})-(\d{1,2})(?!\d)/y;
/** Former plates (FNI), "123 ABC 75": letters in capitals only, so that French words are never read as plates. */
const OLD_PLATE_AFTER = re(String.raw` ?[A-Z]{2,3} ?(?:\d{2}|2A|2B)${END}`, "uy");
/** After "le 17": only where nothing else can follow does the number stay a day of an implied month. */
const DAY_ONLY_AFTER = re(
  String.raw`(?=[,;)!?\n]|\.(?!\d)|$| (?:à|vers|au|matin|soir|midi|dernier|prochain)(?!\p{L}))`,
  "iuy",
);
const DAY_ONLY_LEADS: ReadonlySet<string> = new Set(["le", "du", "au", "the"]);

/** Characters folded before reading, one for one so offsets do not move: exotic spaces, dashes and apostrophes. */
const FOLDS: Readonly<Record<string, string>> = {
  "\u00A0": " ",
  "\u2007": " ",
  "\u2009": " ",
  "\u200A": " ",
  "\u202F": " ",
  "\t": " ",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2015": "-",
  "\u2212": "-",
  "\u2018": "'",
  "\u2019": "'",
  "\u02BC": "'",
};
const FOLDED_CHARS = new RegExp(`[${Object.keys(FOLDS).join("")}]`, "g");

/** Square-bracket placeholders of the pseudonymiser ([TEL_1], [NOM_2]): their digits are not figures. */
const PLACEHOLDER = /\[[\p{L}][\p{L}\p{N}_-]*?_\d+\]/gu;
const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+/giu;
const IS_LETTER = /\p{L}/u;
const IS_ALNUM = /[\p{L}\p{N}]/u;
const IS_EMAIL_LOCAL = /[\p{L}\p{N}._%+-]/u;
const IS_EMAIL_DOMAIN = /[\p{L}\p{N}.-]/u;

// ---------------------------------------------------------------------------------------------------------------
// Extraction

/** Priority when two readings cover the same characters: the most specific kind wins. */
const PRIORITY = {
  phone: 0,
  plate: 1,
  date: 2,
  time: 3,
  percentage: 4,
  amount: 5,
  unit: 6,
  year: 7,
  count: 8,
  ordinal: 9,
  reference: 10,
  bare: 11,
  word: 12,
} as const;
type Rule = keyof typeof PRIORITY;

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly rule: Rule;
  readonly body: FigureBody;
  readonly isWeak: boolean;
}

/** A reading whose rule differs from its scanner's, or that starts before its match (text read backwards). */
interface Reading {
  readonly body: FigureBody;
  readonly rule?: Rule;
  readonly start?: number;
  readonly end?: number;
  readonly isWeak?: boolean;
}

type Builder = (m: RegExpMatchArray, text: string) => FigureBody | Reading | null;

/** One pass: its pattern, its default rule, its builder, and what may not come just before a match. */
interface Scanner {
  readonly pattern: RegExp;
  readonly rule: Rule;
  readonly build: Builder;
  readonly isAfter?: (text: string, index: number) => boolean;
}

function isAlnumAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (Number.isNaN(code)) return false;
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return IS_ALNUM.test(text.charAt(index));
}

/** Inside a word or a number, or just after one and one of `marks` ("1," before "5" in "1,5"). */
const glued =
  (marks: string) =>
  (text: string, index: number): boolean =>
    isAlnumAt(text, index - 1) || (marks !== "" && marks.includes(text.charAt(index - 1) || "\u0000"));
const afterWord = glued("");
/** A figure never starts inside a word or a number, nor after "1," or "1." (the decimals of another number). */
function afterWordOrDecimal(text: string, index: number): boolean {
  if (isAlnumAt(text, index - 1)) return true;
  const mark = text.charAt(index - 1);
  return (mark === "," || mark === ".") && isDigitAt(text, index - 2);
}

function isDigitAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
}

/**
 * The word that ends just before `end` (one space, an optional separator, then letters), read backwards by hand:
 * this runs for many numbers of a long note, where a regex anchored at the end would rescan the slice each time.
 */
function wordBefore(text: string, end: number, separators: string): { word: string; start: number } | null {
  let at = end;
  if (text.charAt(at - 1) !== " ") return null;
  at -= 1;
  if (at > 0 && separators.includes(text.charAt(at - 1))) at -= 1;
  const wordEnd = at;
  while (at > 0 && isLetterAt(text, at - 1)) at -= 1;
  return at === wordEnd ? null : { word: text.slice(at, wordEnd).toLowerCase(), start: at };
}

function isLetterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return IS_LETTER.test(text.charAt(index));
}

/** Last letters of the weekday words (lundi, dimanche, monday): a cheap test before reading the word. */
const WEEKDAY_ENDINGS = "ieyIEY";

/** Takes a weekday written just before a date into the figure ("jeudi 17/10", "mardi, le 4"). */
function withWeekday(body: FigureBody | null, m: RegExpMatchArray, text: string): FigureBody | Reading | null {
  if (body?.kind !== "date") return body;
  const start = m.index ?? 0;
  const last = text.charAt(start - 2) === "," ? text.charAt(start - 3) : text.charAt(start - 2);
  if (text.charAt(start - 1) !== " " || !WEEKDAY_ENDINGS.includes(last || "_")) return body;
  let lead = wordBefore(text, start, ",");
  if (lead?.word === "le") lead = wordBefore(text, lead.start, ",");
  const weekday = lead ? WEEKDAYS[lead.word] : undefined;
  if (!lead || weekday === undefined) return body;
  const [first, ...rest] = body.dates;
  return { body: { kind: "date", dates: [{ ...first, weekday }, ...rest] }, start: lead.start };
}

/** Letters glued before the first digit of an identifier, with at most one dash or slash ("BG-118734", "AB12"). */
function lettersBefore(text: string, start: number): number {
  let at = start;
  while (at > 0 && IS_ALNUM.test(text.charAt(at - 1))) at -= 1;
  const separator = text.charAt(at - 1);
  if ((separator === "-" || separator === "/") && at > 1 && isLetterAt(text, at - 2)) {
    at -= 1;
    while (at > 0 && isLetterAt(text, at - 1)) at -= 1;
  }
  return at;
}

/**
 * A number with no unit after it. What surrounds it may make it a date or a plate: a month after it
 * ("12 novembre", "3 au 4 novembre"), an ISO tail ("2025-11-12"), capitals and a department ("123 ABC 75"), a month
 * before a year ("mars 2024"), a weekday before a day ("jeudi 14"), or "le" before a day with nothing after ("le 17,").
 * Otherwise it is a lone number.
 */
function loneNumber(m: RegExpMatchArray, text: string, raw: string, values: number[]): FigureBody | Reading | null {
  const start = m.index ?? 0;
  const end = start + m[0].length;
  const next = text.charAt(end);
  const isDay = raw.length <= 2 && isDigits(raw);
  if (isDay && (next === " " || next === "-")) {
    MONTH_AFTER.lastIndex = end;
    const tail = MONTH_AFTER.exec(text);
    // "may" in lower case is the English verb far more often than the month.
    if (tail && tail[2] !== "may") {
      const month = String(MONTHS[(tail[2] ?? "").toLowerCase()] ?? "");
      const first = date(raw, month, tail[3]);
      const dates = tail[1] === undefined ? [first] : [first, date(tail[1], month, tail[3])];
      const found = withWeekday(dateFigure(dates), m, text);
      if (found) return extendTo(found, end + tail[0].length, "date", start);
    }
  }
  if (raw.length === 4 && next === "-" && isDigits(raw)) {
    ISO_AFTER.lastIndex = end;
    const tail = ISO_AFTER.exec(text);
    const found = tail && dateFigure([date(tail[2], tail[1], raw)]);
    if (tail && found) return extendTo(found, end + tail[0].length, "date", start);
  }
  if (raw.length <= 4 && (next === " " || (next >= "A" && next <= "Z")) && isDigits(raw)) {
    OLD_PLATE_AFTER.lastIndex = end;
    const tail = OLD_PLATE_AFTER.exec(text);
    if (tail) return extendTo({ kind: "plate", code: codeOf(raw + tail[0]) }, end + tail[0].length, "plate", start);
  }
  // Everything below needs a word before the number.
  if (text.charAt(start - 1) !== " ") return plainReading(text, start, end, raw, values);
  if (raw.length === 4 && isDigits(raw)) {
    const lead = wordBefore(text, start, ".");
    const month = lead ? MONTHS[lead.word] : undefined;
    const year = yearOf(raw);
    if (lead && month !== undefined && year !== undefined && !text.startsWith("may", lead.start)) {
      return { body: { kind: "date", dates: [{ month, year }] }, rule: "date", start: lead.start };
    }
  }
  if (isDay) {
    NOT_A_DAY_AFTER.lastIndex = end;
    if (!NOT_A_DAY_AFTER.test(text)) {
      const day = withWeekday(dateFigure([date(raw, undefined, undefined)]), m, text);
      if (day && "start" in day) return { ...day, rule: "date" };
      DAY_ONLY_AFTER.lastIndex = end;
      const lead = wordBefore(text, start, "");
      if (lead && DAY_ONLY_LEADS.has(lead.word) && DAY_ONLY_AFTER.test(text)) {
        const body = dateFigure([date(raw, undefined, undefined)]);
        if (body) return { body, rule: "date" };
      }
    }
  }
  return plainReading(text, start, end, raw, values);
}

/** Words before four digits that make them a sum, not a year ("devis 2000", "franchise de 1950"). */
const AMOUNT_LEADS: ReadonlySet<string> = new Set([
  "devis",
  "facture",
  "montant",
  "franchise",
  "coût",
  "cout",
  "prix",
  "acompte",
  "indemnité",
  "indemnite",
  "total",
  "plafond",
  "somme",
  "valeur",
  "remboursement",
  "cotisation",
  "réglé",
  "regle",
  "payé",
  "paye",
  "soit",
  "budget",
]);

/**
 * Words that follow a number without being what it counts: function words, verbs and adverbs most often met after
 * a number in notes ("8 et 11 ans", "2 hier", "3 sans réponse").
 */
const NOT_NOUNS: ReadonlySet<string> = new Set(
  (
    "a à ai as au aux avec avant après apres car ce ces cet cette chacun chacune chez contre dans de des depuis dont du " +
    "elle elles en entre environ est et été eu il ils je jusqu jusque la le les leur leurs lui ma mais me mes moi moins mon " +
    "ne ni nos notre nous on ont ou où par parmi pas pendant peu plus pour près pres puis qu que qui sa sans se selon ses " +
    "si soit son sont sous sur ta te tes ton tous tout toute toutes tu un une vers via vos votre vous y ont sera seront " +
    "hier demain aujourd ce-jour maximum max minimum min inclus incluse inclus comprise compris offert offerts prévu prévue " +
    "seulement seuls seules seul seule environ soit déjà deja encore aussi bien mieux fois-ci"
  ).split(" "),
);

/** Adjectives that may stand between a number and its noun ("3 nouvelles relances", "2 autres témoins"). */
const COUNT_ADJECTIVES = String.raw`(?:nouveaux|nouvelles|nouvel|nouvelle|autres|premiers|premières|premieres|derniers|dernières|dernieres|petits|petites|grands|grandes|gros|grosses|jeunes|vieux|vieilles|anciens|anciennes|bons|bonnes|vrais|vraies) `;
const NOUN_AFTER = re(String.raw` (?:${COUNT_ADJECTIVES})?(\p{Ll}[\p{L}]*(?:-[\p{L}]+)*)(?![\p{L}\p{N}'])`, "uy");

/**
 * The noun a number counts, in a normalised form: lower case, without accents, singular ("témoins" → "temoin",
 * "chevaux" → "cheval"). Undefined when what follows is no noun (a function word, a month, a unit, a number word).
 */
function countNounAt(text: string, end: number): { noun: string; end: number } | undefined {
  NOUN_AFTER.lastIndex = end;
  const m = NOUN_AFTER.exec(text);
  const word = m?.[1];
  if (!m || !word || word.length < 2) return undefined;
  const lower = word.toLowerCase();
  if (NOT_NOUNS.has(lower) || MONTHS[lower] !== undefined || WEEKDAYS[lower] !== undefined) return undefined;
  if (CARDINAL_WORDS[lower] !== undefined || CURRENCIES[lower] !== undefined) return undefined;
  return { noun: normaliseNoun(lower), end: end + m[0].length };
}

/** "Témoins" → "temoin", "chevaux" → "cheval", "pièces" → "piece": the form in which counted nouns are compared. */
export function normaliseNoun(word: string): string {
  const lower = word.toLowerCase();
  // Most nouns are plain ASCII: decomposing only the others keeps the check fast on long notes.
  const plain = /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize("NFD").replace(/\p{M}/gu, "");
  if (plain.length > 4 && plain.endsWith("aux")) return `${plain.slice(0, -3)}al`;
  return plain.length > 3 && /[sx]$/.test(plain) ? plain.slice(0, -1) : plain;
}

/** A capitalised word that is no function word just before: "Peugeot 208", "Clio 4", "Article 12". */
function isAfterName(text: string, start: number): boolean {
  const lead = wordBefore(text, start, "");
  if (!lead) return false;
  // A capital that opens a sentence or a line says nothing: "Appartement 4 pièces" is a count.
  let at = lead.start;
  while (at > 0 && text.charAt(at - 1) === " ") at -= 1;
  if (at === 0 || /[\n.!?:;•*(-]/.test(text.charAt(at - 1))) return false;
  const first = lead.word.charAt(0);
  const original = text.charAt(lead.start);
  return original !== first && original === original.toUpperCase() && !NOT_NOUNS.has(lead.word);
}

/**
 * A number that no unit, currency or date claimed: a year (four digits 1900–2100 with no amount word before), a count
 * with its noun ("3 relances"), or a bare number.
 */
function plainReading(text: string, start: number, end: number, raw: string, values: number[]): FigureBody | Reading {
  if (raw.length === 4 && isDigits(raw)) {
    const year = Number(raw);
    const lead = wordBefore(text, start, "");
    if (year >= 1900 && year <= 2100 && !(lead && AMOUNT_LEADS.has(lead.word)))
      return { body: { kind: "year", year }, rule: "year" };
  }
  const noun = text.charAt(end) === " " ? countNounAt(text, end) : undefined;
  if (noun && !isAfterName(text, start))
    return { body: { kind: "count", values, noun: noun.noun }, rule: "count", start, end: noun.end };
  return { body: { kind: "number", values, unit: null }, rule: "bare" };
}

/** A reading that ends after its match (text read forwards from the number). */
interface LongReading extends Reading {
  readonly end: number;
}

function extendTo(found: FigureBody | Reading, end: number, rule: Rule, start: number): LongReading {
  return "body" in found ? { ...found, end, rule } : { body: found, end, rule, start };
}

function numericReading(m: RegExpMatchArray, text: string): FigureBody | Reading | null {
  const [, raw = "", percent, amount, multiplier, currency, hours, unit, ordinal, meridiem] = m;
  const values = readNumber(raw);
  if (values.length === 0) return null;
  if (percent !== undefined) return { body: { kind: "percentage", values }, rule: "percentage" };
  if (amount !== undefined) {
    const body = amountFigure(raw, multiplier, currency);
    return body && { body, rule: "amount" };
  }
  if (hours !== undefined) {
    const count = values[0] ?? 0;
    const start = m.index ?? 0;
    const isDuration =
      values.length > 1 ||
      count > 24 ||
      !Number.isInteger(count) ||
      DURATION_LEAD.test(text.slice(Math.max(0, start - LOOKBACK), start));
    if (isDuration) return { body: { kind: "number", values, unit: "hour" }, rule: "unit" };
    const body = timeFigure(String(count), "0", undefined, true);
    return body && { body, rule: "time" };
  }
  if (unit !== undefined) return { body: { kind: "number", values, unit: unitClass(unit) }, rule: "unit" };
  if (meridiem !== undefined) {
    const body = isDigits(raw) ? timeFigure(hourOfDay(raw, meridiem), "0", undefined, true) : null;
    return body && { body, rule: "time" };
  }
  if (ordinal !== undefined) {
    // "1er novembre" and "le 1er," are dates: read them as the day they name.
    const asDay = /^(?:er|re|ère|e)$/i.test(ordinal) && raw.length <= 2 ? loneNumber(m, text, raw, values) : null;
    if (asDay && "body" in asDay && asDay.body.kind === "date") return asDay;
    return { body: { kind: "number", values, unit: null }, rule: "ordinal" };
  }
  return loneNumber(m, text, raw, values);
}

const SCANNERS: readonly Scanner[] = [
  {
    pattern: PATTERNS.phoneFr,
    rule: "phone",
    isAfter: glued("+"),
    build: (m) => ({ kind: "phone", code: phoneCode(m[0]) }),
  },
  {
    pattern: PATTERNS.phoneIntl,
    rule: "phone",
    isAfter: glued("+"),
    build: (m) => {
      const digits = m[0].replace(/\D/g, "");
      return digits.length >= 8 && digits.length <= 15 ? { kind: "phone", code: phoneCode(m[0]) } : null;
    },
  },
  { pattern: PATTERNS.plate, rule: "plate", isAfter: afterWord, build: (m) => ({ kind: "plate", code: codeOf(m[0]) }) },
  {
    pattern: PATTERNS.dateNumeric,
    rule: "date",
    isAfter: glued("/."),
    build: (m, text) => withWeekday(dateFigure([date(m[1], m[2], m[3])]), m, text),
  },
  {
    pattern: PATTERNS.dateDotted,
    rule: "date",
    isAfter: glued(".-"),
    build: (m, text) => withWeekday(dateFigure([date(m[1], m[3], m[4])]), m, text),
  },
  {
    pattern: PATTERNS.dateMonthFirst,
    rule: "date",
    isAfter: afterWord,
    build: (m) => dateFigure([date(m[2], String(MONTHS[(m[1] ?? "").toLowerCase()] ?? ""), m[3])]),
  },
  {
    pattern: PATTERNS.dateNumericMonthYear,
    rule: "date",
    isAfter: glued("/"),
    build: (m) => {
      const month = Number(m[1]);
      const year = yearOf(m[2]);
      return month >= 1 && month <= 12 && year !== undefined ? { kind: "date", dates: [{ month, year }] } : null;
    },
  },
  {
    pattern: PATTERNS.timeHm,
    rule: "time",
    isAfter: afterWordOrDecimal,
    build: (m) => timeFigure(m[1], m[2], undefined, false),
  },
  {
    pattern: PATTERNS.timeColon,
    rule: "time",
    isAfter: glued(":"),
    build: (m) => timeFigure(hourOfDay(m[1], m[4]), m[2], m[3], false),
  },
  { pattern: PATTERNS.numeric, rule: "bare", isAfter: afterWordOrDecimal, build: numericReading },
  { pattern: PATTERNS.amountBefore, rule: "amount", isAfter: afterWord, build: (m) => amountFigure(m[2], m[3], m[1]) },
  {
    pattern: PATTERNS.reference,
    rule: "reference",
    build: (m, text) => {
      const at = m.index ?? 0;
      // Short digit runs with nothing glued before them are numbers, not identifiers: the common case, decided early.
      if (m[0].length < 5 && isDigits(m[0]) && !isAlnumAt(text, at - 1) && !"-/".includes(text.charAt(at - 1) || " "))
        return null;
      const start = lettersBefore(text, at);
      const body = referenceFigure(text.slice(start, at + m[0].length));
      return body && { body, start };
    },
  },
];

/** Articles and determiners before "deux" that make it "both" ("les deux véhicules", "des deux côtés"). */
const BOTH_LEADS: ReadonlySet<string> = new Set(["les", "des", "aux", "ces", "tous", "toutes"]);

/**
 * A number in words and what follows it: a percentage, an amount, a time of day or a duration in hours, a number
 * with a unit, a date ("trois novembre"), a count with its noun, or a bare number. Words that are most often no figure
 * ("un", "neuf" alone, "les deux", "une quinzaine") are read but marked weak.
 */
function wordsReading(m: RegExpMatchArray, text: string): Reading | null {
  const start = m.index ?? 0;
  const phrase = m[0];
  const end = start + phrase.length;
  if (IS_LETTER.test(text.charAt(start - 1)) || IS_LETTER.test(text.charAt(end))) return null;
  // "deux-roues", "mille-feuille", "porte-deux": part of a compound word, not a number.
  if (
    (text.charAt(end) === "-" && IS_LETTER.test(text.charAt(end + 1))) ||
    (text.charAt(start - 1) === "-" && IS_LETTER.test(text.charAt(start - 2)))
  )
    return null;
  const lower = phrase.toLowerCase();
  // "avant midi" is a moment of the day more often than a figure: read, to ground "12 h", never checked.
  if (lower === "midi" || lower === "minuit")
    return {
      body: { kind: "time", seconds: lower === "midi" ? 12 * 3600 : 0, isHourOnly: true },
      rule: "word",
      isWeak: true,
    };
  if (lower.startsWith("premi")) return firstOfMonth(text, end);
  const lead = wordBefore(text, start, "");
  // "pour cent" closes a percentage read from its number.
  if (lead?.word === "pour" && /^cents?$/.test(lower)) return null;
  const value = readNumberWords(lower);
  if (value === undefined) return null;
  const values = [value];
  const lastWord = lower.split(/[- ]/).at(-1) ?? "";
  const isApproximate = APPROXIMATE_WORDS[lastWord] !== undefined;
  AFTER_WORDS.lastIndex = end;
  const after = AFTER_WORDS.exec(text);
  const afterEnd = end + (after?.[0].length ?? 0);
  let reading: Reading;
  if (after?.[1]) reading = { body: { kind: "percentage", values }, rule: "percentage", end: afterEnd };
  else if (after?.[2])
    reading = {
      body: { kind: "amount", values, currency: CURRENCIES[after[2].toLowerCase()] ?? "EUR" },
      rule: "amount",
      end: afterEnd,
    };
  else if (after?.[3]) reading = hoursInWords(text, start, afterEnd, value, after);
  else if (after?.[7])
    reading = { body: { kind: "number", values, unit: unitClass(after[7]) }, rule: "unit", end: afterEnd };
  else if (after?.[8] && after[8].toLowerCase() !== "may" && Number.isInteger(value) && value >= 1 && value <= 31) {
    const body = dateFigure([date(String(value), String(MONTHS[after[8].toLowerCase()] ?? ""), after[9])]);
    reading = body
      ? { body, rule: "date", end: afterEnd }
      : { body: { kind: "number", values, unit: null }, rule: "word" };
  } else if (lower === "un" || lower === "une") {
    // An article far more often than a count: "un"/"une" only count as a figure with a unit, a currency or a
    // percentage, read above. Stopping here also keeps long notes fast, where articles are the commonest match.
    return null;
  } else {
    const noun = countNounAt(text, end);
    reading = noun
      ? { body: { kind: "count", values, noun: noun.noun }, rule: "count", end: noun.end }
      : { body: { kind: "number", values, unit: null }, rule: "word" };
  }
  const kind = reading.body.kind;
  const isLoose = kind === "count" || (kind === "number" && reading.body.unit === null);
  const nounWord = text.slice(end, reading.end ?? end).trim();
  const isWeak =
    isApproximate ||
    ((lower === "un" || lower === "une") && kind !== "amount" && kind !== "percentage") ||
    // "neuf" after a noun ("véhicule neuf") or in "à neuf" is the adjective; the number counts a plural noun.
    (lower === "neuf" &&
      isLoose &&
      (lead?.word === "à" || (lead !== null && !NOT_NOUNS.has(lead.word)) || !/[sx]$/i.test(nounWord))) ||
    (lower === "deux" && isLoose && lead !== null && BOTH_LEADS.has(lead.word));
  return { ...reading, isWeak };
}

/** "premier mars", "première semaine": only the first is a figure (a date). */
function firstOfMonth(text: string, end: number): Reading | null {
  AFTER_WORDS.lastIndex = end;
  const after = AFTER_WORDS.exec(text);
  const month = after?.[8]?.toLowerCase();
  if (!after || month === undefined || month === "may") return null;
  const body = dateFigure([date("1", String(MONTHS[month] ?? ""), after[9])]);
  return body && { body, rule: "date", end: end + after[0].length };
}

/** "neuf heures trente", "dix heures et demie", "onze heures moins le quart", or a duration ("pendant deux heures"). */
function hoursInWords(text: string, start: number, end: number, value: number, after: RegExpExecArray): Reading {
  const isDuration =
    value > 24 || !Number.isInteger(value) || DURATION_LEAD.test(text.slice(Math.max(0, start - LOOKBACK), start));
  if (isDuration) return { body: { kind: "number", values: [value], unit: "hour" }, rule: "unit", end };
  const words = after[6] ? readNumberWords(after[6].toLowerCase()) : undefined;
  const minutes = after[4]?.toLowerCase() === "demie" ? 30 : after[4] ? 15 : after[5] ? -15 : (words ?? 0);
  const body = timeFigure(String(value), "0", undefined, minutes === 0) as (FigureBody & { kind: "time" }) | null;
  if (!body || minutes >= 60) return { body: { kind: "number", values: [value], unit: "hour" }, rule: "unit", end };
  return { body: { ...body, seconds: body.seconds + minutes * 60 }, rule: "time", end };
}

const WORD_SCANNERS: readonly Scanner[] = [{ pattern: PATTERNS.numberWords, rule: "word", build: wordsReading }];

const ALL_SCANNERS: readonly Scanner[] = [...SCANNERS, ...WORD_SCANNERS];

/** A figure with the form in which it compares equal to the same figure written another way. */
export type FigureToken = Figure & {
  /**
   * The figure normalised: "1500 EUR", "20 %", "7 day", "3 temoin", "2019", "18:30", "2025-11-12" ("--11-12"
   * without a year, "2024-03" without a day), "0612457890", "FG482KL".
   */
  readonly normalised: string;
};

/**
 * Finds every figure of `text`, in order, with its offsets: amounts, percentages, dates, times, years, phone
 * numbers, vehicle plates, references, numbers with a unit, counts with their noun and bare numbers, written with
 * digits or in French words. Overlapping readings are resolved in favour of the longest, then the most specific
 * ("12/11/2025" is one date, not three numbers). Digits inside pseudonymisation placeholders (`[TEL_1]`), e-mail
 * addresses and URLs are not figures. Weak tokens (see `isWeak`) are included.
 */
export function lexFigures(text: string): FigureToken[] {
  return readFigures(text).map((figure) => ({ ...figure, normalised: normalise(figure) }) as FigureToken);
}

/**
 * The figures of `text` without their normalised form: what a check comparing readings needs, and faster.
 * `prepared` is `prepare(text)` when the caller already has it.
 */
export function readFigures(text: string, prepared: string = prepare(text)): Figure[] {
  return scan(prepared, ALL_SCANNERS)
    .map((c) => {
      // Each body is a fresh object of its candidate: completing it in place spares a copy per figure on long notes.
      const figure = Object.assign(c.body, {
        text: text.slice(c.start, c.end),
        start: c.start,
        end: c.end,
      }) as Figure & { isWeak?: boolean };
      if (c.isWeak) figure.isWeak = true;
      return figure as Figure;
    })
    .sort((a, b) => a.start - b.start);
}

const two = (n: number): string => String(n).padStart(2, "0");

/** Of two readings of an amount ("1.250 €": 1.25 or 1250), the grouped one when a dot is followed by three digits. */
function preferred(figure: Figure & { readonly values: readonly number[] }): number {
  const grouped = /\d\.\d{3}(?!\d)/.test(figure.text) && !figure.text.includes(",");
  return (grouped ? figure.values.find(Number.isInteger) : undefined) ?? figure.values[0] ?? 0;
}

/** The normalised form of a figure: what `FigureToken.normalised` documents. */
function normalise(figure: Figure): string {
  switch (figure.kind) {
    case "amount":
      return `${canon(preferred(figure))} ${figure.currency}`;
    case "percentage":
      return `${canon(figure.values[0] ?? 0)} %`;
    case "number":
      return figure.unit === null ? canon(figure.values[0] ?? 0) : `${canon(figure.values[0] ?? 0)} ${figure.unit}`;
    case "count":
      return `${canon(figure.values[0] ?? 0)} ${figure.noun}`;
    case "year":
      return String(figure.year);
    case "time":
      return `${two(Math.floor(figure.seconds / 3600))}:${two(Math.floor(figure.seconds / 60) % 60)}`;
    case "date":
      return figure.dates
        .map((d) =>
          d.day === undefined
            ? `${d.year ?? "-"}-${two(d.month ?? 0)}`
            : `${d.year ?? "-"}-${d.month === undefined ? "-" : two(d.month)}-${two(d.day)}`,
        )
        .join("/");
    default:
      return figure.code;
  }
}

/** Runs the scanners over a prepared text and keeps the readings that do not overlap a longer or stronger one. */
function scan(folded: string, scanners: readonly Scanner[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const { pattern, rule: defaultRule, build, isAfter } of scanners) {
    for (const m of folded.matchAll(pattern)) {
      if (m[0].length === 0 || isAfter?.(folded, m.index ?? 0)) continue;
      const built = build(m, folded);
      if (!built) continue;
      const matchStart = m.index ?? 0;
      const end = matchStart + m[0].length;
      if ("body" in built) {
        candidates.push({
          start: built.start ?? matchStart,
          end: built.end ?? end,
          rule: built.rule ?? defaultRule,
          body: built.body,
          isWeak: built.isWeak === true,
        });
      } else candidates.push({ start: matchStart, end, rule: defaultRule, body: built, isWeak: false });
    }
  }
  candidates.sort(
    (a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[a.rule] - PRIORITY[b.rule] || a.start - b.start,
  );
  const taken = new Uint8Array(folded.length);
  const kept: Candidate[] = [];
  for (const c of candidates) {
    let isFree = true;
    for (let i = c.start; i < c.end && isFree; i += 1) isFree = taken[i] === 0;
    if (!isFree) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept;
}

/** Same length as the input: folds spaces, dashes and apostrophes, and blanks what must not be read as figures. */
export function prepare(text: string): string {
  const folded = text.replace(FOLDED_CHARS, (ch) => FOLDS[ch] ?? ch);
  const blank = (s: string): string => "_".repeat(s.length);
  const withoutTokens = folded.replace(PLACEHOLDER, blank);
  const withoutUrls =
    withoutTokens.includes("http") || withoutTokens.includes("www.")
      ? withoutTokens.replace(LINK, blank)
      : withoutTokens;
  return blankEmails(withoutUrls);
}

/** E-mail addresses, found from their "@" (a regex would retry every word of the notes as a possible local part). */
function blankEmails(text: string): string {
  let out = "";
  let copied = 0;
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > copied && IS_EMAIL_LOCAL.test(text.charAt(start - 1))) start -= 1;
    let end = at + 1;
    while (end < text.length && IS_EMAIL_DOMAIN.test(text.charAt(end))) end += 1;
    while (text.charAt(end - 1) === "." || text.charAt(end - 1) === "-") end -= 1;
    if (start === at || !/\.\p{L}{2,}$/u.test(text.slice(at + 1, end))) continue;
    out += text.slice(copied, start) + "_".repeat(end - start);
    copied = end;
    at = end - 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

// ---------------------------------------------------------------------------------------------------------------
// Readings

function canon(value: number): string {
  return String(Math.round(value * 1e4) / 1e4);
}

function isDigits(raw: string): boolean {
  for (let i = 0; i < raw.length; i += 1) {
    const code = raw.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return raw.length > 0;
}

/** Every reading of a written number; French first (comma is the decimal mark), English grouping as an alternative. */
function readNumber(raw: string): number[] {
  if (isDigits(raw)) return [Number(raw)];
  const s = raw.replace(/ /g, "");
  const dot = s.includes(".");
  const comma = s.includes(",");
  if (dot && comma) {
    const decimal = s.lastIndexOf(".") > s.lastIndexOf(",") ? "." : ",";
    const grouping = decimal === "." ? "," : ".";
    return finite([Number(s.split(grouping).join("").replace(decimal, "."))]);
  }
  if (!dot && !comma) return finite([Number(s)]);
  const parts = s.split(dot ? "." : ",");
  const [head = "", ...rest] = parts;
  const readings: number[] = [];
  if (parts.length === 2) readings.push(Number(`${head}.${rest[0] ?? ""}`));
  if (head.length <= 3 && rest.every((p) => p.length === 3)) readings.push(Number(parts.join("")));
  return finite(readings);
}

function finite(values: number[]): number[] {
  return [...new Set(values.filter(Number.isFinite))];
}

const UNIT_CLASSES: ReadonlyArray<readonly [RegExp, string]> = UNITS.map(([spelling, unit]) => [
  new RegExp(`^(?:${spelling})$`, "iu"),
  unit,
]);

function unitClass(spelling: string): string {
  for (const [pattern, unit] of UNIT_CLASSES) if (pattern.test(spelling)) return unit;
  return spelling.toLowerCase();
}

function amountFigure(
  rawNumber: string | undefined,
  multiplier: string | undefined,
  currency: string | undefined,
): FigureBody | null {
  const factor = multiplier ? (MULTIPLIERS[multiplier.toLowerCase()] ?? 1) : 1;
  const values = readNumber(rawNumber ?? "").map((v) => v * factor);
  const code = CURRENCIES[(currency ?? "").toLowerCase()];
  return values.length > 0 && code ? { kind: "amount", values, currency: code } : null;
}

function yearOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.length === 2) return 2000 + n;
  return n >= 1900 && n <= 2100 ? n : undefined;
}

/** A date from its written parts, or null when a part is out of range (then it was not a date). */
function date(day: string | undefined, month: string | undefined, year: string | undefined): DateParts | null {
  const parts: { day?: number; month?: number; year?: number } = {};
  if (day !== undefined) {
    parts.day = Number(day);
    if (!(parts.day >= 1 && parts.day <= 31)) return null;
  }
  if (month !== undefined) {
    parts.month = Number(month);
    if (!(parts.month >= 1 && parts.month <= 12)) return null;
  }
  if (year !== undefined) {
    parts.year = yearOf(year);
    if (parts.year === undefined) return null;
  }
  return parts;
}

function dateFigure(dates: ReadonlyArray<DateParts | null>): FigureBody | null {
  return dates.every((d): d is DateParts => d !== null) ? { kind: "date", dates } : null;
}

/** The 24-hour clock hour of "2 pm" (14) or "12 am" (0); unchanged without am/pm. */
function hourOfDay(hour: string | undefined, meridiem: string | undefined): string | undefined {
  if (meridiem === undefined || hour === undefined) return hour;
  const h = Number(hour);
  if (h < 1 || h > 12) return undefined; // "14 pm" is no time: timeFigure rejects an undefined hour
  return String((h % 12) + (meridiem.toLowerCase() === "p" ? 12 : 0));
}

function timeFigure(
  h: string | undefined,
  m: string | undefined,
  s: string | undefined,
  isHourOnly: boolean,
): FigureBody | null {
  const hours = Number(h);
  const minutes = Number(m ?? 0);
  const seconds = Number(s ?? 0);
  if (!(hours <= 24 && minutes < 60 && seconds < 60)) return null;
  return { kind: "time", seconds: hours * 3600 + minutes * 60 + seconds, isHourOnly };
}

/** Upper case, without separators: "fg-482-kl" and "FG 482 KL" are the same plate. */
function codeOf(raw: string): string {
  return raw.toUpperCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/** National form: "+33 6 12 45 78 90", "0033 6…" and "06.12.45.78.90" all become "0612457890". */
function phoneCode(raw: string): string {
  const digits = raw.replace(/\(0\)/g, "").replace(/\D/g, "");
  if (raw.trim().startsWith("+33")) return `0${digits.slice(2)}`;
  if (digits.startsWith("0033")) return `0${digits.slice(4)}`;
  return digits;
}

/**
 * Letters mixed with digits make an identifier (2025-BG-118734, 3456789B); so does a run of five digits or more
 * (postcodes, contract numbers). Shorter digit runs, grouped thousands and year ranges are left to the other readings.
 */
function referenceFigure(raw: string): FigureBody | null {
  if (/\p{L}/u.test(raw)) return { kind: "reference", code: codeOf(raw) };
  const digits = raw.replace(/\D/g, "");
  if (digits.length < 5 || raw.includes(".") || raw.includes(",")) return null;
  if (/^(?:19|20)\d\d(?:[-/](?:19|20)\d\d)+$/.test(raw)) return null;
  return { kind: "reference", code: digits };
}

// ---------------------------------------------------------------------------------------------------------------
// Grounding
