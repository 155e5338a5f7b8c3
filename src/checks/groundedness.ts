// Owns the groundedness check: finds the figures of a draft that appear nowhere in the notes, the source or the context.
import type { UngroundedFigure } from "../schemas/generation";

/*
 * What counts as a figure, and the choices made (the adviser acknowledges every flag, so a false flag costs attention
 * and a missed one costs trust; the one rule that never bends is that a figure copied from the notes is not flagged):
 *
 * - Only what is written with digits in the draft. Number words in the draft ("deux relances") are not checked; number
 *   words in the notes ("cinq jours ouvrés") do ground digits in the draft ("5 jours ouvrés").
 * - amount: a number with a currency (€, EUR, euros, $, £, CHF), with k/M/Md multipliers and "/mois"-style periods;
 *   compared by value and currency, the period ignored. A bare "1 500" in the notes grounds "1 500 €".
 * - percentage: a number with %, "pour cent", "percent"; compared by value; only a percentage grounds one.
 * - date: 12/11, 12/11/2025, 12.11.2025, 2025-11-12, 12 novembre (2025), le 12 nov., 1er décembre, jeudi 14,
 *   du 3 au 4 novembre, mars 2024, 03/2024, "le 17," (a day of an implied month), November 12 (English). A day-month
 *   matches any date with that day and month; years and weekdays only conflict when both texts write them.
 *   A lone year ("depuis 2009") is checked as a number.
 * - time: 18h30, 18 h 30, 18:30, 9h, 09:00, 2 pm; compared as a time of day. "N h" after "sous", "dans", "pendant"…
 *   or beyond 24 ("48h") is a duration, a number with the unit hour.
 * - phone: French numbers in every usual form (+33, 0033, (0), dots, dashes, spaces) and international ones;
 *   compared digit by digit in the national form.
 * - plate: AB-123-CD in any spacing or case, and the former 123 ABC 75; compared without separators.
 * - reference: letters mixed with digits (2025-BG-118734, 3456789B) or five digits and more (contract numbers,
 *   postcodes); compared without separators, case-insensitively.
 * - number: everything else written with digits. With a unit (7 jours, 12 m², 48h, 18 ans), the value and the unit
 *   class must match (jours = jours ouvrés = days). Without one (counts "3 relances", ordinals "3e", a lone "208"),
 *   a number is grounded by any number written anywhere in the sources, dates and times included: such a number
 *   carries little meaning alone and is most often a restated day, hour or count.
 * - not figures: digits inside pseudonymisation placeholders ([TEL_1], [NOM_2]), e-mail addresses and URLs.
 *
 * Whatever the readings say, a figure written in the sources exactly as in the draft (same characters, standing
 * alone) is grounded: context may make the same characters read differently, and the hard rule must hold anyway.
 */

/** What a figure is: the same vocabulary as the `ungrounded` entries of a generation. */
export type FigureKind = UngroundedFigure["kind"];

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
}

/**
 * A figure found in a text, with the readings used to compare it across formats.
 * Numeric readings are lists because some spellings are ambiguous ("2,950" is 2.95 in French, 2950 in English).
 */
export type Figure = FigureSpan &
  (
    | { readonly kind: "amount"; readonly values: readonly number[]; readonly currency: string }
    | { readonly kind: "percentage"; readonly values: readonly number[] }
    | { readonly kind: "number"; readonly values: readonly number[]; readonly unit: string | null }
    | { readonly kind: "time"; readonly seconds: number; readonly isHourOnly: boolean }
    | { readonly kind: "date"; readonly dates: readonly DateParts[] }
    | { readonly kind: "phone" | "plate" | "reference"; readonly code: string }
  );

/** Distributes Omit over the union so each kind keeps its own fields. */
type FigureBody = Figure extends infer F ? (F extends Figure ? Omit<F, keyof FigureSpan> : never) : never;

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary. Month and weekday words are matched case-insensitively; keys are lower case without the final dot.

const MONTHS: Readonly<Record<string, number>> = {
  janvier: 1, janv: 1, jan: 1, january: 1,
  février: 2, fevrier: 2, févr: 2, fevr: 2, fév: 2, fev: 2, february: 2, feb: 2,
  mars: 3, march: 3, mar: 3,
  avril: 4, avr: 4, april: 4, apr: 4,
  mai: 5, may: 5,
  juin: 6, june: 6, jun: 6,
  juillet: 7, juil: 7, july: 7, jul: 7,
  août: 8, aout: 8, august: 8, aug: 8,
  septembre: 9, sept: 9, sep: 9, september: 9,
  octobre: 10, oct: 10, october: 10,
  novembre: 11, nov: 11, november: 11,
  décembre: 12, decembre: 12, déc: 12, dec: 12, december: 12,
};

const WEEKDAYS: Readonly<Record<string, number>> = {
  lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6, dimanche: 7,
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};

/** Number words, so that "cinq jours ouvrés" in the notes grounds "5 jours ouvrés" in the draft. */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zéro: 0, zero: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9,
  dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16,
  vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, cent: 100, cents: 100, mille: 1000,
  huitaine: 8, dizaine: 10, douzaine: 12, quinzaine: 15, vingtaine: 20, trentaine: 30, centaine: 100,
  one: 1, two: 2, three: 3, four: 4, five: 5, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, thousand: 1000,
};

/** Units after a number, longest spelling first; the value is the class compared across spellings. */
const UNITS: ReadonlyArray<readonly [string, string]> = [
  ["jours? ouvrés", "day"], ["jours? ouvrables", "day"], ["jours? calendaires", "day"], ["jours? francs", "day"],
  ["business days?", "day"], ["working days?", "day"], ["jours?", "day"], ["days?", "day"], ["j", "day"],
  ["semaines?", "week"], ["weeks?", "week"], ["sem", "week"],
  ["mois", "month"], ["months?", "month"], ["années?", "year"], ["ans?", "year"], ["years?", "year"],
  ["heures?", "hour"], ["hours?", "hour"], ["hrs?", "hour"], ["h", "hour"],
  ["minutes?", "minute"], ["mins?", "minute"], ["mn", "minute"], ["secondes?", "second"], ["seconds?", "second"], ["sec", "second"],
  ["m²", "m2"], ["m2", "m2"], ["m³", "m3"], ["m3", "m3"], ["km/h", "km/h"], ["kms?", "km"], ["cm", "cm"], ["mm", "mm"],
  ["m", "m"], ["kg", "kg"], ["cv", "cv"], ["ch", "cv"], ["kwh", "kwh"], ["kw", "kw"], ["wh", "wh"],
  ["points?", "point"], ["pts?", "point"],
];

const MULTIPLIERS: Readonly<Record<string, number>> = {
  k: 1e3, mille: 1e3, thousand: 1e3, m: 1e6, million: 1e6, millions: 1e6, md: 1e9, mds: 1e9, milliard: 1e9, milliards: 1e9, billion: 1e9,
};

const CURRENCIES: Readonly<Record<string, string>> = {
  "€": "EUR", eur: "EUR", euro: "EUR", euros: "EUR", $: "USD", usd: "USD", "£": "GBP", gbp: "GBP", chf: "CHF",
};

// ---------------------------------------------------------------------------------------------------------------
// Patterns. They run on a copy of the text of the same length where exotic spaces, dashes and apostrophes are folded,
// so every offset found is an offset in the original text.

/**
 * An alternation with common prefixes factored out ("jan(?:v(?:ier)?|uary)?"): the engine then tries one branch per
 * letter instead of every word at every position, which keeps the check within its time budget on long notes.
 */
function trie(words: Iterable<string>): string {
  interface Node { readonly next: Map<string, Node>; isEnd: boolean }
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
    const group = branches.length === 1 ? branches[0] ?? "" : `(?:${branches.join("|")})`;
    if (!node.isEnd) return group;
    return branches.length === 1 && (branches[0] ?? "").length === 1 ? `${group}?` : `(?:${branches.join("|")})?`;
  };
  return `(?:${render(root)})`;
}

const MONTH = `(${trie(Object.keys(MONTHS))})`;
/** The dot after a month belongs to it only when the month is abbreviated ("12 nov."), not when it ends a sentence. */
const MONTH_DOT = String.raw`(?:(?<=(?<!\p{L})${trie(["janv", "jan", "févr", "fevr", "fév", "fev", "feb", "mar", "avr", "apr", "jun", "juil", "jul", "aug", "sept", "sep", "oct", "nov", "déc", "dec"])})\.)?`;
const UNIT = UNITS.map(([spelling]) => spelling).join("|");
const NUMBER_WORD = trie(Object.keys(NUMBER_WORDS));
const MULTIPLIER = trie(Object.keys(MULTIPLIERS));
/** A number as people write it: "1 250,00", "1.250", "18,40", "1250". Grouping needs exact groups of three. */
const NUM = String.raw`\d{1,3}(?: \d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)*`;
const END = String.raw`(?![\p{L}\p{N}])`;

const re = (source: string, flags = "giu"): RegExp => new RegExp(source, flags);
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
  timeHm: re(String.raw`(\d{1,2}) ?[hH] ?(\d{2})(?!\p{N})`),
  timeColon: re(String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,3})?)?(?:${MERIDIEM})?(?![\p{N}:])`),
  // A number and what follows it: 2 a percent sign, 3 a currency (4 multiplier, 5 currency), 6 hours, 7 a unit,
  // 8 an ordinal suffix, 9 am/pm (English drafts), or nothing. Dates and plates that start with a number
  // ("12 novembre", "2025-11-12", "123 ABC 75") are read on from there by the builder.
  numeric: re(
    String.raw`(${NUM})(?:` +
      String.raw`( ?(?:%|pour ?cents?|pourcents?|percent|per cent)(?!\p{L}))` +
      String.raw`|( ?(?:(${MULTIPLIER}) ?)?(${trie(Object.keys(CURRENCIES))})(?!\p{L})(?: ?(?:/|par |per |a )(?:mois|an|année|semaine|jour|trimestre|semestre|month|year|week|day|heure|hour|h)(?!\p{L}))?)` +
      String.raw`|( ?(?:h|hrs?|heures?|hours?))${END}` +
      String.raw`|(?: ?(${UNIT}))${END}` +
      String.raw`|(er|re|ère|ere|e|è|ème|eme|nd|nde|st|rd|th)${END}` +
      String.raw`|${MERIDIEM}` +
      String.raw`|${END})`,
  ),
  amountBefore: re(String.raw`([€$£]|eur|usd|gbp|chf) ?(${NUM})(?: ?(${MULTIPLIER})(?!\p{L}))?(?!\p{N})`),
  // From the first digit; the builder takes in the letters before it ("BG-118734", "AB12").
  reference: re(String.raw`\d[\p{L}\p{N}]*(?:[-/.][\p{L}\p{N}]+)*`, "gu"),
  // Sources only: words for numbers and for times. ASCII word boundaries are much faster here; the builder re-checks
  // the edges against accented letters.
  numberWords: re(String.raw`\b${NUMBER_WORD}(?:(?:-et-|-| et | )${NUMBER_WORD})*\b`, "gi"),
  timeWords: re(String.raw`\b(midi|minuit|noon|midnight)\b`, "gi"),
} as const;

const UNIT_AFTER_WORDS = re(String.raw` ?(${UNIT})${END}`, "iuy");
/** Words before "N h" that make it a duration ("sous 48 h", "dans 2 h") rather than a time of day. */
const DURATION_LEAD = /(?:sous|dans|pendant|durant|en|de|d'|délai de|les|des|toutes les|within|for|in|every)\s*$/i;
/** How far back a duration word is looked for: "toutes les " is the longest lead. */
const LOOKBACK = 16;
/** After a day, what makes it part of another figure rather than "jeudi 14". */
const NOT_A_DAY_AFTER = / ?[/.:]\d/y;
/** Read on from a number: " novembre", " au 4 novembre 2025", " nov." ("12 novembre", "du 3 au 4 novembre"). */
const MONTH_AFTER = re(String.raw`(?: ?(?:au|et|à|ou|-) ?(\d{1,2})(?:er)?)? ${MONTH}${MONTH_DOT}(?:,? (\d{4}))?${END}`, "iuy");
const ISO_AFTER = /-(\d{1,2})-(\d{1,2})(?!\d)/y;
/** Former plates (FNI), "123 ABC 75": letters in capitals only, so that French words are never read as plates. */
const OLD_PLATE_AFTER = re(String.raw` ?[A-Z]{2,3} ?(?:\d{2}|2A|2B)${END}`, "uy");
/** After "le 17": only where nothing else can follow does the number stay a day of an implied month. */
const DAY_ONLY_AFTER = re(String.raw`(?=[,;)!?\n]|\.(?!\d)|$| (?:à|vers|au|matin|soir|midi|dernier|prochain)(?!\p{L}))`, "iuy");
const DAY_ONLY_LEADS: ReadonlySet<string> = new Set(["le", "du", "au", "the"]);

/** Characters folded before reading, one for one so offsets do not move: exotic spaces, dashes and apostrophes. */
const FOLDS: Readonly<Record<string, string>> = {
  "\u00A0": " ", "\u2007": " ", "\u2009": " ", "\u200A": " ", "\u202F": " ", "\t": " ",
  "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
  "\u2018": "'", "\u2019": "'", "\u02BC": "'",
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
const PRIORITY = { phone: 0, plate: 1, date: 2, time: 3, percentage: 4, amount: 5, unit: 6, ordinal: 7, reference: 8, bare: 9, word: 10 } as const;
type Rule = keyof typeof PRIORITY;

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly rule: Rule;
  readonly body: FigureBody;
}

/** A reading whose rule differs from its scanner's, or that starts before its match (text read backwards). */
interface Reading {
  readonly body: FigureBody;
  readonly rule?: Rule;
  readonly start?: number;
  readonly end?: number;
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
  if (text.charAt(start - 1) !== " ") return { body: { kind: "number", values, unit: null }, rule: "bare" };
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
    const isDuration = values.length > 1 || count > 24 || !Number.isInteger(count) || DURATION_LEAD.test(text.slice(Math.max(0, start - LOOKBACK), start));
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
  { pattern: PATTERNS.phoneFr, rule: "phone", isAfter: glued("+"), build: (m) => ({ kind: "phone", code: phoneCode(m[0]) }) },
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
  { pattern: PATTERNS.timeHm, rule: "time", isAfter: afterWordOrDecimal, build: (m) => timeFigure(m[1], m[2], undefined, false) },
  { pattern: PATTERNS.timeColon, rule: "time", isAfter: glued(":"), build: (m) => timeFigure(hourOfDay(m[1], m[4]), m[2], m[3], false) },
  { pattern: PATTERNS.numeric, rule: "bare", isAfter: afterWordOrDecimal, build: numericReading },
  { pattern: PATTERNS.amountBefore, rule: "amount", isAfter: afterWord, build: (m) => amountFigure(m[2], m[3], m[1]) },
  {
    pattern: PATTERNS.reference,
    rule: "reference",
    build: (m, text) => {
      const at = m.index ?? 0;
      // Short digit runs with nothing glued before them are numbers, not identifiers: the common case, decided early.
      if (m[0].length < 5 && isDigits(m[0]) && !isAlnumAt(text, at - 1) && !"-/".includes(text.charAt(at - 1) || " ")) return null;
      const start = lettersBefore(text, at);
      const body = referenceFigure(text.slice(start, at + m[0].length));
      return body && { body, start };
    },
  },
];

/** Extra readings taken from sources only: a draft's figures are written with digits, notes sometimes are not. */
const SOURCE_SCANNERS: readonly Scanner[] = [
  {
    pattern: PATTERNS.numberWords,
    rule: "word",
    build: (m, text) => {
      const start = m.index ?? 0;
      if (IS_LETTER.test(text.charAt(start - 1)) || IS_LETTER.test(text.charAt(start + m[0].length))) return null;
      const value = readNumberWords(m[0]);
      if (value === undefined) return null;
      UNIT_AFTER_WORDS.lastIndex = start + m[0].length;
      const unit = UNIT_AFTER_WORDS.exec(text);
      return { kind: "number", values: [value], unit: unit ? unitClass(unit[1] ?? "") : null };
    },
  },
  {
    pattern: PATTERNS.timeWords,
    rule: "word",
    isAfter: afterWord,
    build: (m) => {
      const word = (m[1] ?? "").toLowerCase();
      return { kind: "time", seconds: word === "midi" || word === "noon" ? 12 * 3600 : 0, isHourOnly: true };
    },
  },
];

/**
 * Finds the figures written with digits in `text`: amounts, percentages, dates, times, phone numbers, vehicle plates,
 * reference numbers and other numbers, with their offsets. Overlapping readings are resolved in favour of the longest,
 * then the most specific ("12/11/2025" is one date, not three numbers). Digits inside pseudonymisation placeholders
 * (`[TEL_1]`), e-mail addresses and URLs are not figures.
 */
export function extractFigures(text: string): Figure[] {
  return scan(prepare(text), SCANNERS)
    .map((c) => ({ ...c.body, text: text.slice(c.start, c.end), start: c.start, end: c.end }) as Figure)
    .sort((a, b) => a.start - b.start);
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
        candidates.push({ start: built.start ?? matchStart, end: built.end ?? end, rule: built.rule ?? defaultRule, body: built.body });
      }
      else candidates.push({ start: matchStart, end, rule: defaultRule, body: built });
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[a.rule] - PRIORITY[b.rule] || a.start - b.start);
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
function prepare(text: string): string {
  const folded = text.replace(FOLDED_CHARS, (ch) => FOLDS[ch] ?? ch);
  const blank = (s: string): string => "_".repeat(s.length);
  const withoutTokens = folded.replace(PLACEHOLDER, blank);
  const withoutUrls = withoutTokens.includes("http") || withoutTokens.includes("www.") ? withoutTokens.replace(LINK, blank) : withoutTokens;
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

function readNumberWords(phrase: string): number | undefined {
  const words = phrase.toLowerCase().split(/-et-|-| et | /).filter(Boolean);
  let total = 0;
  let current = 0;
  let previous: number | undefined;
  for (const word of words) {
    const value = NUMBER_WORDS[word];
    if (value === undefined) return undefined;
    if (value === 100) current = (current || 1) * 100;
    else if (value === 1000) {
      total += (current || 1) * 1000;
      current = 0;
    } else if (value === 20 && previous === 4) current += 80 - 4; // quatre-vingt(s)
    else current += value;
    previous = value;
  }
  return total + current;
}

const UNIT_CLASSES: ReadonlyArray<readonly [RegExp, string]> = UNITS.map(([spelling, unit]) => [new RegExp(`^(?:${spelling})$`, "iu"), unit]);

function unitClass(spelling: string): string {
  for (const [pattern, unit] of UNIT_CLASSES) if (pattern.test(spelling)) return unit;
  return spelling.toLowerCase();
}

function amountFigure(rawNumber: string | undefined, multiplier: string | undefined, currency: string | undefined): FigureBody | null {
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

function timeFigure(h: string | undefined, m: string | undefined, s: string | undefined, isHourOnly: boolean): FigureBody | null {
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

interface SourceIndex {
  readonly amounts: Set<string>;
  readonly percentages: Set<string>;
  /** Numbers with a unit, as `unit|value`. */
  readonly withUnit: Set<string>;
  /** Numbers without a unit (counts, ordinals, words, lone numbers). */
  readonly plain: Set<string>;
  /** Every numeric part of every figure: the pool that grounds a lone number of the draft. */
  readonly anyValue: Set<string>;
  readonly times: Set<number>;
  readonly codes: Set<string>;
  readonly dates: DateParts[];
  /** The sources as searched verbatim; built only when a figure has no matching reading. */
  readonly searchable: () => string;
}

function buildIndex(sources: readonly string[]): SourceIndex {
  const prepared = sources.map(prepare);
  const index: SourceIndex = {
    amounts: new Set(), percentages: new Set(), withUnit: new Set(), plain: new Set(), anyValue: new Set(),
    times: new Set(), codes: new Set(), dates: [], searchable: once(() => prepared.map(toSearchable).join("\n")),
  };
  for (const folded of prepared) {
    for (const { body } of scan(folded, SCANNERS)) addToIndex(index, body);
    for (const { body } of scan(folded, SOURCE_SCANNERS)) addToIndex(index, body);
  }
  return index;
}

function addToIndex(index: SourceIndex, figure: FigureBody): void {
  switch (figure.kind) {
    case "amount":
      for (const v of figure.values) {
        index.amounts.add(`${figure.currency}|${canon(v)}`);
        index.anyValue.add(canon(v));
      }
      return;
    case "percentage":
      for (const v of figure.values) {
        index.percentages.add(canon(v));
        index.anyValue.add(canon(v));
      }
      return;
    case "number":
      for (const v of figure.values) {
        (figure.unit === null ? index.plain : index.withUnit).add(figure.unit === null ? canon(v) : `${figure.unit}|${canon(v)}`);
        index.anyValue.add(canon(v));
      }
      return;
    case "time": {
      index.times.add(figure.seconds);
      const hours = Math.floor(figure.seconds / 3600);
      if (figure.isHourOnly) index.withUnit.add(`hour|${hours}`);
      index.anyValue.add(String(hours));
      index.anyValue.add(String(Math.floor(figure.seconds / 60) % 60));
      return;
    }
    case "date":
      for (const d of figure.dates) {
        index.dates.push(d);
        for (const part of [d.day, d.month, d.year]) if (part !== undefined) index.anyValue.add(String(part));
      }
      return;
    default:
      index.codes.add(figure.code);
      if (/^\d+$/.test(figure.code)) index.anyValue.add(canon(Number(figure.code)));
  }
}

function isGrounded(figure: Figure, index: SourceIndex): boolean {
  return hasSameReading(figure, index) || isWrittenIn(figure.text, index.searchable());
}

function once<T>(compute: () => T): () => T {
  let value: { readonly result: T } | undefined;
  return () => (value ??= { result: compute() }).result;
}

function hasSameReading(figure: Figure, index: SourceIndex): boolean {
  switch (figure.kind) {
    case "amount":
      // "1 500 €" is grounded by "1 500 €", "1500 euros", "1,5 k€" — or by a bare "1 500" in the notes.
      return figure.values.some((v) => index.amounts.has(`${figure.currency}|${canon(v)}`) || index.plain.has(canon(v)));
    case "percentage":
      return figure.values.some((v) => index.percentages.has(canon(v)));
    case "number":
      if (figure.unit === null) return figure.values.some((v) => index.anyValue.has(canon(v)));
      return figure.values.some(
        (v) =>
          index.withUnit.has(`${figure.unit}|${canon(v)}`) ||
          index.plain.has(canon(v)) ||
          (figure.unit === "hour" && index.times.has(v * 3600)),
      );
    case "time": {
      if (index.times.has(figure.seconds)) return true;
      return figure.isHourOnly && index.withUnit.has(`hour|${figure.seconds / 3600}`);
    }
    case "date":
      return figure.dates.every((d) => isDateGrounded(d, index));
    default:
      return index.codes.has(figure.code);
  }
}

/**
 * A day-month matches a full date with the same day and month (and the reverse); years only conflict when both
 * are written. A source that gives a day without a month ("jeudi 14", "le 17,") grounds that day in any month.
 * A weekday only conflicts with a different weekday written for the same date.
 */
function isDateGrounded(d: DateParts, index: SourceIndex): boolean {
  const compatible = (a: number | undefined, b: number | undefined): boolean => a === undefined || b === undefined || a === b;
  if (d.day !== undefined) {
    const found = index.dates.some(
      (s) => s.day === d.day && compatible(s.month, d.month) && compatible(s.year, d.year) && compatible(s.weekday, d.weekday),
    );
    // A day alone says as little as a lone number: any matching number of the notes grounds it.
    return found || (d.month === undefined && index.anyValue.has(String(d.day)));
  }
  return index.dates.some(
    (s) =>
      s.month === d.month &&
      (s.year === d.year || (s.year === undefined && d.year !== undefined && index.anyValue.has(String(d.year)))),
  );
}

/** Lower case, one space for any run of blanks: the form in which a figure is looked for verbatim. */
function toSearchable(prepared: string): string {
  return prepared.toLowerCase().replace(/\s+/g, " ");
}

/**
 * Safety net for the hard rule: a figure copied as written from the notes is grounded, whatever its reading
 * (context can make the same characters read differently). It must stand alone: "2 300 €" is not found in "12 300 €".
 */
function isWrittenIn(figureText: string, haystack: string): boolean {
  const needle = toSearchable(prepare(figureText));
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack.slice(Math.max(0, at - 2), at);
    const after = haystack.slice(at + needle.length, at + needle.length + 5);
    if (/[\p{L}\p{N}]$|\d[ .,]$/u.test(before)) continue;
    if (/^[\p{L}\p{N}]|^[.,]\d|^ \d{3}(?!\d)/u.test(after)) continue;
    return true;
  }
  return false;
}

/**
 * Returns the figures of `draft` that cannot be found in any of `sources` (notes, source document, context values),
 * after normalising spacing and formats: 1250 € = 1 250,00 € = 1 250 euros = 1,5 k€ for 1500; 12/11 = 12 novembre =
 * 12/11/2025; 18h30 = 18 h 30 = 18:30; phone numbers compared digit by digit with +33 read as 0; "cinq jours" in the
 * notes grounds "5 jours". Offsets are in the draft, so the add-in can highlight each figure.
 */
export function findUngrounded(draft: string, sources: readonly string[]): UngroundedFigure[] {
  const figures = extractFigures(draft);
  if (figures.length === 0) return [];
  const index = buildIndex(sources);
  return figures
    .filter((figure) => !isGrounded(figure, index))
    .map(({ text, kind, start, end }) => ({ text, kind, start, end }));
}
