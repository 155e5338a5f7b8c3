// Owns the groundedness check: finds the figures of a draft that appear nowhere in the notes, the source or the
// context.
import { normaliseNoun, type DateParts, type Figure } from "../figures";
import { prepare, readFigures } from "../figures/lexer";

/*
 * When a figure of the draft is grounded (the adviser acknowledges every flag, so a false flag costs attention and a
 * missed one costs trust; the one rule that never bends is that a figure copied from the notes is not flagged).
 * Figures are read by the one French figures lexer (src/figures), with digits or in words, in the draft and in the
 * sources alike; weak words of the draft ("un", "neuf" alone, "les deux", "une quinzaine") are not checked.
 *
 * Kinds are kept apart: a figure is grounded only by a figure of the same kind with the same value.
 * - amount: same value and currency (1250 € = 1 250,00 € = mille deux cent cinquante euros = 1,25 k€), or a bare
 *   number of the notes with that value ("devis 1 500" grounds "1 500 €"). A year or a count never grounds an amount.
 * - percentage: only a percentage (20 % = vingt pour cent).
 * - number with a unit: same unit class and value (7 jours = sept jours ouvrés, 12 m² = douze mètres carrés), or a
 *   bare number with that value.
 * - count ("3 témoins"): grounded by a count of the same noun (plural, accents and case aside; one noun may be a
 *   shortening of the other, "immat" and "immatriculée"), or by a bare number with that value that has the noun
 *   within 80 characters ("témoins : 2", "Combien d'impacts ? Une quarantaine"). A count of another noun never does:
 *   "3 pièces" does not ground "3 témoins". Nouns of frequency ("fois", "reprises", "occasions") count anything, so
 *   "à trois reprises" is grounded by any 3 of the notes.
 * - year ("depuis 2009"): a year, or a date with that year. A year never grounds an amount ("2 019 €").
 * - date: a day-month matches any date with that day and month; years and weekdays only conflict when both texts
 *   write them. A day alone ("le 17") is grounded by any 17 of the notes.
 * - time: the same time of day (18h30 = 18 h 30 = dix-huit heures trente); an hour alone also by a duration in hours.
 * - phone, plate, reference: the same digits and letters, separators aside (+33 read as 0); a reference of digits
 *   only is also grounded by the same digits written as a grouped number ("123 456 789").
 * - bare number (no unit, no noun): any figure of the notes with that value: it carries little meaning alone.
 *
 * Whatever the readings say, a figure written in the sources exactly as in the draft (same characters, standing
 * alone) is grounded: context may make the same characters read differently, and the hard rule must hold anyway.
 */

/** The kinds reported to the adviser: a year is reported as a date, a count as a number. */
export type UngroundedKind = "amount" | "percentage" | "date" | "time" | "phone" | "plate" | "reference" | "number";

/** A figure of the draft found nowhere in the sources, with its offsets in the draft. */
export interface UngroundedFlag {
  readonly text: string;
  readonly kind: UngroundedKind;
  readonly start: number;
  readonly end: number;
}

/** Nouns of frequency: "à trois reprises" restates a count whatever was counted. */
const FREQUENCY_NOUNS: ReadonlySet<string> = new Set(["fois", "reprise", "occasion"]);
/** How far around a bare number of the notes its noun is looked for. */
const NOUN_WINDOW_CHARS = 80;

interface SourceIndex {
  readonly amounts: Set<string>;
  readonly percentages: Set<string>;
  /** Numbers with a unit, as `unit|value`. */
  readonly withUnit: Set<string>;
  /** Bare numbers (no unit, no noun). */
  readonly plain: Set<string>;
  /** Counts, as value → nouns. */
  readonly counts: Map<string, Set<string>>;
  /** Bare numbers, as value → the text around each (read for a noun only when a count needs it). */
  readonly plainContext: Map<string, string[]>;
  readonly years: Set<number>;
  /** Every numeric part of every figure: the pool that grounds a bare number of the draft. */
  readonly anyValue: Set<string>;
  readonly times: Set<number>;
  readonly codes: Set<string>;
  readonly dates: DateParts[];
  /** The sources as searched verbatim; built only when a figure has no matching reading. */
  readonly searchable: () => string;
}

function canon(value: number): string {
  return String(Math.round(value * 1e4) / 1e4);
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function buildIndex(sources: readonly string[]): SourceIndex {
  const prepared = sources.map(prepare);
  const index: SourceIndex = {
    amounts: new Set(),
    percentages: new Set(),
    withUnit: new Set(),
    plain: new Set(),
    counts: new Map(),
    plainContext: new Map(),
    years: new Set(),
    anyValue: new Set(),
    times: new Set(),
    codes: new Set(),
    dates: [],
    searchable: once(() => prepared.map(toSearchable).join("\n")),
  };
  for (const [i, source] of sources.entries()) {
    for (const figure of readFigures(source, prepared[i])) {
      addToIndex(index, figure);
      if (figure.kind === "number" && figure.unit === null) {
        const around = source.slice(Math.max(0, figure.start - NOUN_WINDOW_CHARS), figure.end + NOUN_WINDOW_CHARS);
        for (const v of figure.values) {
          const key = canon(v);
          const list = index.plainContext.get(key);
          if (list) list.push(around);
          else index.plainContext.set(key, [around]);
        }
      }
    }
  }
  return index;
}

function addToIndex(index: SourceIndex, figure: Figure): void {
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
        if (figure.unit === null) index.plain.add(canon(v));
        else index.withUnit.add(`${figure.unit}|${canon(v)}`);
        index.anyValue.add(canon(v));
      }
      return;
    case "count":
      for (const v of figure.values) {
        addTo(index.counts, canon(v), figure.noun);
        index.anyValue.add(canon(v));
      }
      return;
    case "year":
      index.years.add(figure.year);
      index.anyValue.add(String(figure.year));
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
        if (d.year !== undefined) index.years.add(d.year);
        for (const part of [d.day, d.month, d.year]) if (part !== undefined) index.anyValue.add(String(part));
      }
      return;
    default:
      index.codes.add(figure.code);
      if (/^\d+$/.test(figure.code)) index.anyValue.add(canon(Number(figure.code)));
  }
}

function once<T>(compute: () => T): () => T {
  let value: { readonly result: T } | undefined;
  return () => (value ??= { result: compute() }).result;
}

/** Same noun, or one a shortening of the other ("immat" / "immatriculee", "photo" / "photographie"). */
function isSameNoun(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short);
}

function isCountGrounded(values: readonly number[], noun: string, index: SourceIndex): boolean {
  return values.some((v) => {
    const key = canon(v);
    if (FREQUENCY_NOUNS.has(noun)) return index.anyValue.has(key);
    const nouns = index.counts.get(key);
    if (nouns && [...nouns].some((n) => isSameNoun(n, noun))) return true;
    const around = index.plainContext.get(key) ?? [];
    return around.some((text) => (text.match(/\p{L}+/gu) ?? []).some((w) => isSameNoun(normaliseNoun(w), noun)));
  });
}

function hasSameReading(figure: Figure, index: SourceIndex): boolean {
  switch (figure.kind) {
    case "amount":
      return figure.values.some(
        (v) => index.amounts.has(`${figure.currency}|${canon(v)}`) || index.plain.has(canon(v)),
      );
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
    case "count":
      return isCountGrounded(figure.values, figure.noun, index);
    case "year":
      return index.years.has(figure.year);
    case "time":
      if (index.times.has(figure.seconds)) return true;
      return figure.isHourOnly && index.withUnit.has(`hour|${figure.seconds / 3600}`);
    case "date":
      return figure.dates.every((d) => isDateGrounded(d, index));
    default:
      // "123456789" is grounded by "123 456 789" in the notes: the same digits read as a grouped number.
      return index.codes.has(figure.code) || (/^\d+$/.test(figure.code) && index.plain.has(canon(Number(figure.code))));
  }
}

/**
 * A day-month matches a full date with the same day and month (and the reverse); years only conflict when both
 * are written. A source that gives a day without a month ("jeudi 14", "le 17,") grounds that day in any month.
 * A weekday only conflicts with a different weekday written for the same date.
 */
function isDateGrounded(d: DateParts, index: SourceIndex): boolean {
  const compatible = (a: number | undefined, b: number | undefined): boolean =>
    a === undefined || b === undefined || a === b;
  if (d.day !== undefined) {
    const found = index.dates.some(
      (s) =>
        s.day === d.day &&
        compatible(s.month, d.month) &&
        compatible(s.year, d.year) &&
        compatible(s.weekday, d.weekday),
    );
    // A day alone says as little as a lone number: any matching number of the notes grounds it.
    return found || (d.month === undefined && index.anyValue.has(String(d.day)));
  }
  return index.dates.some(
    (s) =>
      s.month === d.month &&
      (s.year === d.year || (s.year === undefined && d.year !== undefined && index.years.has(d.year))),
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

function reportedKind(figure: Figure): UngroundedKind {
  if (figure.kind === "year") return "date";
  if (figure.kind === "count") return "number";
  return figure.kind;
}

/**
 * Returns the figures of `draft` that cannot be found in any of `sources` (notes, source document, context values),
 * whatever the format on either side: 1250 € = 1 250,00 € = mille deux cent cinquante euros; 12/11 = 12 novembre =
 * 12/11/2025; 18h30 = 18 h 30; 20 % = vingt pour cent; "3 relances" = "trois relances"; phone numbers compared digit
 * by digit with +33 read as 0. Kinds are kept apart (see above). Offsets are in the draft, for highlighting.
 */
export function findUngrounded(draft: string, sources: readonly string[]): UngroundedFlag[] {
  const figures = readFigures(draft).filter((f) => !f.isWeak);
  if (figures.length === 0) return [];
  const index = buildIndex(sources);
  return figures
    .filter((figure) => !hasSameReading(figure, index) && !isWrittenIn(figure.text, index.searchable()))
    .map((figure) => ({ text: figure.text, kind: reportedKind(figure), start: figure.start, end: figure.end }));
}
