// Owns the low-level scanning helpers shared by the detectors: word boundaries, match loops, literal search, candidate
// shape.
import type { PiiType } from "./pii-types";

/** Regex source: nothing alphanumeric (or "_") just before. Every detector starts with it so a match never begins mid-word. */
export const LEFT_EDGE = "(?<![\\p{L}\\p{N}\\p{M}_])";
/** Regex source: nothing alphanumeric just after. */
export const RIGHT_EDGE = "(?![\\p{L}\\p{N}\\p{M}_])";
/** Regex source: one horizontal space, including the no-break spaces French typography puts in numbers. */
export const SPACE = "[ \\u00a0\\u202f]";

// "_" counts as part of a word: it glues identifiers ("karim_benali") and the parts of a placeholder ("[NOM_1]").
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

/**
 * Whether the code unit range is not glued to a letter or digit on either side. A range that starts (or ends) with a
 * separator ("+33 6…") is its own boundary on that side: so a value reads the same before and after its neighbours are
 * replaced, which keeps "no detected value survives" true.
 */
export function isBounded(text: string, start: number, end: number): boolean {
  const before = start > 0 && WORD_CHAR.test(text.charAt(start)) ? text.charAt(start - 1) : "";
  const after = end < text.length && WORD_CHAR.test(text.charAt(end - 1)) ? text.charAt(end) : "";
  return !(before && WORD_CHAR.test(before)) && !(after && WORD_CHAR.test(after));
}

/**
 * A detection before overlaps are settled. `priority` decides who wins an overlap (structured identifiers beat
 * names, names introduced by a civility beat names guessed from a first-name list).
 */
export interface Candidate {
  readonly type: PiiType;
  readonly start: number;
  readonly end: number;
  readonly value: string;
  readonly priority: number;
  readonly person?: string;
}

/**
 * Runs a global regex over a text; when `visit` rejects a match the scan resumes one character later, so a
 * rejected look-alike never hides a real identifier that overlaps it.
 */
export function forEachMatch(regex: RegExp, text: string, visit: (match: RegExpExecArray) => boolean): void {
  regex.lastIndex = 0;
  let match = regex.exec(text);
  while (match) {
    const accepted = visit(match);
    // Step a whole code point: in unicode mode a lastIndex inside a surrogate pair restarts at the pair, so a
    // one-unit step after an astral character would find the same match forever.
    if (!accepted || match[0].length === 0)
      regex.lastIndex = match.index + ((text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1);
    match = regex.exec(text);
  }
}

/** Builds a candidate from a slice of the text. */
export function candidate(
  text: string,
  type: PiiType,
  start: number,
  end: number,
  priority: number,
  person?: string,
): Candidate {
  const value = text.slice(start, end);
  return person === undefined ? { type, start, end, value, priority } : { type, start, end, value, priority, person };
}

/** One whole-word occurrence of a literal from a lookup table. */
export interface LiteralHit<T> {
  readonly start: number;
  readonly end: number;
  readonly entry: T;
}

const HORIZONTAL_SPACE_RE = /[\u00a0\u202f]/g;

/** Per code unit, 1 when it is a word character (WORD_CHAR): ASCII decided by its code, the rest by the regex. */
function wordCharFlags(text: string): Uint8Array {
  const flags = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const ascii = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    flags[i] = (c < 128 ? ascii : WORD_CHAR.test(text.charAt(i))) ? 1 : 0;
  }
  return flags;
}

/**
 * Finds whole-word occurrences of many literals in one pass over the text (longest literal first at each word
 * start). Linear in the text for a fixed table, unlike a regex alternation of hundreds of values, which is what
 * propagation of every found value would otherwise need on each generation. No-break spaces match plain spaces.
 */
export function findLiterals<T>(text: string, table: ReadonlyMap<string, T>, foldCase: boolean): LiteralHit<T>[] {
  if (table.size === 0) return [];
  let haystack = text.replace(HORIZONTAL_SPACE_RE, " ");
  if (foldCase) haystack = haystack.toLowerCase();
  // Lower-casing can change the length of a few letters ("İ"); offsets would then drift, so such texts are
  // matched as written instead.
  if (haystack.length !== text.length) haystack = text;
  // Buckets by the first two code units: with hundreds of names found in a long note, a bucket by first letter alone
  // made every word start try most of them.
  const byHead = new Map<string, { key: string; entry: T }[]>();
  for (const [literal, entry] of table) {
    const key = (foldCase ? literal.toLowerCase() : literal).replace(HORIZONTAL_SPACE_RE, " ");
    if (!key) continue;
    const head = key.slice(0, 2);
    const bucket = byHead.get(head) ?? [];
    bucket.push({ key, entry });
    byHead.set(head, bucket);
  }
  for (const bucket of byHead.values()) bucket.sort((a, b) => b.key.length - a.key.length);
  const hits: LiteralHit<T>[] = [];
  const isWord = wordCharFlags(haystack);
  for (let i = 0; i < haystack.length; i += 1) {
    if (i > 0 && isWord[i] === 1 && isWord[i - 1] === 1) continue;
    const first = haystack.charAt(i);
    const two = byHead.get(haystack.slice(i, i + 2));
    const one = byHead.get(first);
    const bucket = two && one ? [...two, ...one].sort((a, b) => b.key.length - a.key.length) : (two ?? one);
    if (!bucket) continue;
    for (const { key, entry } of bucket) {
      const end = i + key.length;
      if (haystack.startsWith(key, i) && isBounded(haystack, i, end)) {
        hits.push({ start: i, end, entry });
        i = end - 1;
        break;
      }
    }
  }
  return hits;
}

/**
 * Runs a global regex only around the places a cheap hint finds (an "@" for an e-mail), each window widened to
 * whole words: the same matches as over the whole text wherever a match needs its hint, at a fraction of the cost.
 */
export function forEachMatchNear(
  hint: RegExp,
  radius: number,
  regex: RegExp,
  text: string,
  visit: (match: RegExpExecArray) => boolean,
): void {
  const windows: [number, number][] = [];
  for (const m of text.matchAll(new RegExp(hint.source, hint.flags.includes("g") ? hint.flags : `${hint.flags}g`))) {
    let from = Math.max(0, m.index - radius);
    let to = Math.min(text.length, m.index + m[0].length + radius);
    while (from > 0 && WORD_CHAR.test(text.charAt(from - 1))) from -= 1;
    while (to < text.length && WORD_CHAR.test(text.charAt(to))) to += 1;
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  for (const [from, to] of windows) {
    // The window is searched in place (lastIndex), so look-behinds still see the text before it.
    regex.lastIndex = from;
    let match = regex.exec(text);
    while (match && match.index < to) {
      const accepted = visit(match);
      if (!accepted || match[0].length === 0)
        regex.lastIndex = match.index + ((text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1);
      match = regex.exec(text);
    }
  }
}
