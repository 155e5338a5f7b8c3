// Owns the scoring of one evaluation draft against its reference case: sections, facts, figures, leaks, length, French,
// refusals, tone.
import { findUngrounded } from "../../src/checks/groundedness";
import { findPlaceholderTokens } from "../../src/privacy/placeholders";

/** A reference case, as written in server/governance/cases/. */
export interface ReferenceCase {
  readonly id: string;
  readonly task: string;
  /** Only for this template; absent: shared by the task and its templates. */
  readonly template?: string;
  readonly notes: string;
  readonly source?: string;
  readonly context?: Record<string, string>;
  /** Facts the draft must carry; an array lists acceptable wordings of one fact. */
  readonly facts: readonly (string | readonly string[])[];
  /** Figures of the notes the draft should keep (amounts, dates, references). */
  readonly figures: readonly string[];
  /** Section titles expected, in order; absent: the task's or template's sections. */
  readonly sections?: readonly string[];
  /** `formel` (member mail: vouvoiement, salutation), `neutre` (file note), `empathique` (complaint). */
  readonly tone: "formel" | "neutre" | "empathique";
}

/** Per-case scores, each in [0, 1] (1 is best) except the counts. */
export interface CaseScores {
  sections: number;
  facts: number;
  figures: number;
  inventedFigures: number;
  leaks: number;
  length: number;
  french: number;
  refusal: number;
  tone: number;
}

/** Lowercase, accents off, figures glued ("1 200" → "1200"), currency and punctuation folded, spaces collapsed. */
export function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/(\d)[\s\u00a0\u202f.](?=\d{3}\b)/g, "$1")
    .replace(/\beuros?\b/g, "€")
    .replace(/(\d),00\b/g, "$1")
    .replace(/[’']/g, " ")
    .replace(/[^\p{L}\p{N}€%]+/gu, " ")
    .trim();
}

function contains(haystack: string, needle: string): boolean {
  const n = normalise(needle);
  return n !== "" && ` ${haystack} `.includes(` ${n} `);
}

/** Share of expected titles found as headings, in the expected order (longest in-order run of matches). */
export function sectionScore(draft: string, titles: readonly string[]): number {
  if (titles.length === 0) return 1;
  const headings = draft
    .split("\n")
    .filter((l) => /^\s*(#{1,6}\s|\*\*|[A-ZÀ-Ü][^.!?]{0,60}:?\s*$)/.test(l))
    .map((l) => normalise(l));
  const positions = titles.map((title) =>
    headings.findIndex(
      (h) => h === normalise(title) || h.startsWith(`${normalise(title)} `) || h.endsWith(` ${normalise(title)}`),
    ),
  );
  // Longest increasing subsequence of the found positions: the titles present and in order.
  const found = positions.filter((p) => p >= 0);
  const tails: number[] = [];
  for (const p of found) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] ?? 0) < p) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = p;
  }
  return tails.length / titles.length;
}

const STOP_FR = new Set(
  "le la les de des du un une et est en que qui dans pour par sur au aux avec ce cette ces il elle nous vous ne pas plus son sa ses leur leurs a été sont ont ou mais si y se qu l d n s c j".split(
    " ",
  ),
);
const STOP_EN = new Set(
  "the of and to in is that for on with as are was be this it by at from have has not you your we our will an or which".split(
    " ",
  ),
);

/** Share of stop-words that are French among the French and English ones; 0 for a text without any. */
export function frenchScore(text: string): number {
  const words = normalise(text).split(" ");
  let fr = 0;
  let en = 0;
  for (const w of words) {
    if (STOP_FR.has(w)) fr += 1;
    else if (STOP_EN.has(w)) en += 1;
  }
  return fr + en === 0 ? 0 : fr / (fr + en);
}

const REFUSAL =
  /\b(je ne (?:peux|suis pas en mesure)|en tant qu[e' ]\s?(?:ia|intelligence|mod[eè]le)|je suis d[ée]sol[ée], mais|i can(?:no|')t|i am unable|as an ai)\b/i;

/** Whether the draft is a refusal rather than the text asked for. */
export function isRefusal(draft: string): boolean {
  return REFUSAL.test(draft.slice(0, 400));
}

/** Placeholders ([NOM_1]) or masked values (XXXX, ••••, ***) surviving in the draft the adviser would see. */
export function leakCount(draft: string): number {
  const placeholders = findPlaceholderTokens(draft).length;
  const masks = (draft.match(/(?:X{4,}|•{3,}|\*{3,}[^*\n]|\[(?:masqué|anonymisé)\])/g) ?? []).length;
  return placeholders + masks;
}

/** Word count against the template's target range: 1 inside, falling linearly to 0 at twice or half the bounds. */
export function lengthScore(draft: string, target: { min: number; max: number }): number {
  const words = draft.split(/\s+/).filter(Boolean).length;
  if (words >= target.min && words <= target.max) return 1;
  if (words < target.min) return Math.max(0, 1 - (target.min - words) / target.min);
  return Math.max(0, 1 - (words - target.max) / target.max);
}

/** Tone: no tutoiement anywhere; a member mail opens and closes like a letter; a complaint acknowledges the member. */
export function toneScore(draft: string, tone: ReferenceCase["tone"]): number {
  const n = ` ${normalise(draft)} `;
  let checks = 1;
  let passed = / (tu|toi|ton|tes) /.test(n) ? 0 : 1;
  if (tone === "formel") {
    checks += 2;
    if (/ (madame|monsieur|bonjour|cher|chere) /.test(n)) passed += 1;
    if (/ (cordialement|salutations|sentiments|bien a vous|disposition) /.test(n)) passed += 1;
  }
  if (tone === "empathique") {
    checks += 1;
    if (/ (comprenons|comprend|regrett|desol|excuse|mecontentement|insatisfaction)/.test(n)) passed += 1;
  }
  return passed / checks;
}

/** Scores one draft against its case. `titles` are the sections expected; `sources` what the draft may quote. */
export function scoreCase(
  draft: string,
  c: ReferenceCase,
  titles: readonly string[],
  target: { min: number; max: number },
): CaseScores {
  const text = normalise(draft);
  const facts =
    c.facts.length === 0
      ? 1
      : c.facts.filter((f) => (typeof f === "string" ? [f] : f).some((w) => contains(text, w))).length / c.facts.length;
  const figures = c.figures.length === 0 ? 1 : c.figures.filter((f) => contains(text, f)).length / c.figures.length;
  const sources = [c.notes, c.source ?? "", ...Object.values(c.context ?? {})];
  return {
    sections: sectionScore(draft, titles),
    facts,
    figures,
    inventedFigures: findUngrounded(draft, sources).length,
    leaks: leakCount(draft),
    length: lengthScore(draft, target),
    french: frenchScore(draft),
    refusal: isRefusal(draft) ? 1 : 0,
    tone: toneScore(draft, c.tone),
  };
}

/** Means over the cases, plus the rates of cases with an invented figure or a leak, and the overall score. */
export function aggregate(cases: readonly CaseScores[]): Record<string, number> {
  const n = Math.max(1, cases.length);
  const mean = (f: (c: CaseScores) => number) => Math.round((cases.reduce((s, c) => s + f(c), 0) / n) * 1000) / 1000;
  const scores = {
    cases: cases.length,
    sections: mean((c) => c.sections),
    facts: mean((c) => c.facts),
    figures: mean((c) => c.figures),
    inventedFigures: mean((c) => c.inventedFigures),
    inventedFigureRate: mean((c) => (c.inventedFigures > 0 ? 1 : 0)),
    leakRate: mean((c) => (c.leaks > 0 ? 1 : 0)),
    length: mean((c) => c.length),
    french: mean((c) => c.french),
    refusalRate: mean((c) => c.refusal),
    tone: mean((c) => c.tone),
  };
  return { ...scores, overall: overallScore(scores) };
}

/**
 * One figure to compare versions: the qualities weighted by how much they matter to the committee, minus penalties
 * for invented figures, leaks and refusals (each a share of cases). Between 0 and 1.
 */
export function overallScore(s: Record<string, number>): number {
  if (typeof s.overall === "number" && s.sections === undefined) return s.overall;
  const quality =
    0.2 * (s.sections ?? 0) +
    0.3 * (s.facts ?? 0) +
    0.15 * (s.figures ?? 0) +
    0.1 * (s.length ?? 0) +
    0.15 * (s.french ?? 0) +
    0.1 * (s.tone ?? 0);
  const penalty = 0.3 * (s.inventedFigureRate ?? 0) + 0.5 * (s.leakRate ?? 0) + 0.5 * (s.refusalRate ?? 0);
  return Math.round(Math.max(0, Math.min(1, quality - penalty)) * 1000) / 1000;
}
