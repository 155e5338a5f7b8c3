// Owns the offline engine's reading of French notes: what each line is about, and which section it belongs in.
import { lexFigures } from "../../../src/figures";
import type { LineKind, TaskDefinition } from "../../../src/tasks/catalogue";

/**
 * A case-insensitive pattern whose `\b` means a Unicode word boundary: JavaScript's own `\b` is ASCII-only,
 * so "envoyé" would otherwise match inside "envoyée".
 */
function words(source: string): RegExp {
  return new RegExp(
    source.replaceAll("\\b", "(?:(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}])|(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}]))"),
    "iu",
  );
}

/** Patterns are tried per line; a line may carry several kinds, in the order they matter for sorting. */
const INTENT_PATTERNS: readonly [LineKind, RegExp][] = [
  [
    "next-step",
    words(
      String.raw`\b(?:à|a) faire\b|\bprochaines? étapes?\b|\brappel(?:er|era|erai|ons)?\b|\brelancer?\b|\benvoyer\b|\bmissionner\b|\bouvrir\b|\brdv\b|\brendez-vous\b|\bà (?:envoyer|transmettre|prévoir)\b|\btodo\b|\bsuite à donner\b|\bprévue?s? le\b`,
    ),
  ],
  [
    "commitment",
    words(
      String.raw`\bengag(?:ement|e|é|eons)\b|\bs'engage|\bpromis\b|\bnous allons\b|\bon va\b|\bgeste commercial\b|\bconfirm(?:er|ation|era)\b|\bnous (?:prenons|prendrons) en charge\b|\bvirement\b.*\baujourd'hui\b`,
    ),
  ],
  [
    "request",
    words(
      String.raw`\bdemand(?:e|ent|é|ait)\b|\bsouhait(?:e|ent|ait)\b|\bvoudrai(?:t|ent)?\b|\bveu(?:t|lent)\b|\baimerai(?:t|ent)?\b|\bquestions?\b|\bréclam|\bse plain|\bmécontente?s?\b|\bconteste|\bappelle pour\b|\binqui[eè]te?s?\b`,
    ),
  ],
  [
    "context",
    words(
      String.raw`^\s*(?:objet|sujet)\s*:|\b(?:entretien|appel|rdv agence|visite|visio|réunion|courriel|e-?mail reçu)\b.*\b\d{1,2}/\d{1,2}\b|\bsociétaire depuis\b|^\s*(?:de|à)\s*:`,
    ),
  ],
];

const CONTENT_PATTERNS: readonly [LineKind, RegExp][] = [
  [
    "damage",
    words(
      String.raw`\bdomm?ages?\b|\bcassée?s?\b|\bchoc\b|\bdégâts?\b|\bfuite\b|\btachée?s?\b|\bendommag|\bbris\b|\bvolée?\b|\bsinistre\b|\binfiltration\b|\bblessée?s?\b|\bgondolée?\b|\bcloquée?\b|\bincendie\b|\btempête\b`,
    ),
  ],
  [
    "party",
    words(
      String.raw`\btiers\b|\bvoisine?\b|\bvéh(?:icule|\.)|\bimmat|\bassurée? (?:chez|ailleurs)\b|\bgarage\b|\bexpert\b|\bplombier\b|\bartisan\b|\bréparateur\b|\bconducteur\b`,
    ),
  ],
];

/** Weekday names alone ("rappel jeudi") date a line without being a figure. */
const WEEKDAY = words(String.raw`\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b`);

/** What the figures of a line say about it (read by the one figures lexer): an amount, or a date or time. */
function figureKinds(line: string): LineKind[] {
  const figures = lexFigures(line).filter((f) => !f.isWeak);
  const kinds: LineKind[] = [];
  if (figures.some((f) => f.kind === "amount" || f.kind === "percentage")) kinds.push("amount");
  if (figures.some((f) => f.kind === "date" || f.kind === "time") || WEEKDAY.test(line)) kinds.push("date");
  return kinds;
}

/** The kinds of one note line, most specific first; "exchange" is every line's last resort. */
export function classifyLine(line: string, isFirstLine = false): LineKind[] {
  const kinds: LineKind[] = [];
  for (const [kind, pattern] of INTENT_PATTERNS) if (pattern.test(line)) kinds.push(kind);
  // The opening line of notes usually says who, when and how: it is context when it names a date.
  if (isFirstLine && lexFigures(line).some((f) => f.kind === "date" && !f.isWeak)) {
    const at = kinds.indexOf("context");
    if (at >= 0) kinds.splice(at, 1);
    kinds.unshift("context");
  }
  for (const [kind, pattern] of CONTENT_PATTERNS) if (pattern.test(line)) kinds.push(kind);
  kinds.push(...figureKinds(line), "exchange");
  return kinds;
}

/** A note line as the adviser wrote it, without its bullet marker. */
export function cleanLine(line: string): string {
  return line.replace(/^\s*(?:[-–—•*·>]+|\d+[.)])\s*/, "").trim();
}

/** The note lines filed under the task's sections. */
export interface SortedNotes {
  /** Section id → lines, in the order of the notes. */
  readonly sections: ReadonlyMap<string, string[]>;
  /** Every non-empty line, cleaned, in order: what the draft must not lose. */
  readonly lines: readonly string[];
}

/** Files every non-empty line of `notes` under exactly one section of `task`. */
export function sortNotes(notes: string, task: TaskDefinition): SortedNotes {
  const sections = new Map<string, string[]>(task.sections.map((s) => [s.id, []]));
  const fallback = task.sections.find((s) => s.collects.includes("exchange")) ?? task.sections[0];
  // A rule of dashes ("---") cleans to nothing, like a blank line: neither is a note line.
  const lines = notes
    .split(/\r?\n/)
    .map(cleanLine)
    .filter((line) => line !== "");
  for (const [index, line] of lines.entries()) {
    // A single line is the whole story, not its heading: only longer notes open with a context line.
    const kinds = classifyLine(line, index === 0 && lines.length > 1);
    const target =
      kinds.map((k) => task.sections.find((s) => s.collects.includes(k))).find((s) => s !== undefined) ?? fallback;
    if (target) sections.get(target.id)?.push(line);
  }
  return { sections, lines };
}

/** Dates and amounts cited in the notes, as written, deduplicated, in order of appearance. */
export function keyFigures(notes: string): { dates: string[]; amounts: string[] } {
  const figures = lexFigures(notes).filter((f) => !f.isWeak);
  const unique = (kind: string) => [...new Set(figures.filter((f) => f.kind === kind).map((f) => f.text.trim()))];
  return { dates: unique("date"), amounts: unique("amount") };
}
