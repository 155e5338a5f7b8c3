// Owns the accuracy and speed measure of pseudonymisation over the labelled French corpus (recall and precision per type).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { detectPii, pseudonymise, PII_TYPES, type KnownValue, type PiiMatch, type PiiType } from "../../src/privacy";

/** One labelled sentence of `tests/fixtures/pii/corpus.jsonl`. */
export interface CorpusEntry {
  readonly id: string;
  readonly text: string;
  readonly context?: Record<string, string>;
  readonly knownNames?: readonly string[];
  readonly entities: readonly { readonly type: PiiType; readonly value: string; readonly via?: string }[];
}

/** Recall and precision of one type (names: given names and surnames together, as "NOM"). */
export interface TypeScore {
  readonly type: string;
  readonly expected: number;
  readonly recalled: number;
  readonly detected: number;
  readonly correct: number;
}

/** The whole evaluation: per type, per way a name was introduced, and what was missed or wrongly masked. */
export interface CorpusEvaluation {
  readonly entries: number;
  readonly byType: readonly TypeScore[];
  readonly namesByVia: readonly TypeScore[];
  readonly misses: readonly string[];
  readonly falsePositives: readonly string[];
}

/** Ways a name is introduced that the accuracy gate holds to ≥ 95 % recall. */
export const GATED_NAME_VIA: readonly string[] = ["civility", "context", "speaker", "mention"];

const CORPUS_URL = new URL("../fixtures/pii/corpus.jsonl", import.meta.url);
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Reads the labelled corpus. */
export function loadCorpus(): CorpusEntry[] {
  return readFileSync(fileURLToPath(CORPUS_URL), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CorpusEntry);
}

const family = (type: PiiType): string => (type === "PRENOM" ? "NOM" : type);

function occurrences(text: string, value: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1)) {
    const before = text.charAt(at - 1);
    const after = text.charAt(at + value.length);
    if ((!before || !WORD_CHAR.test(before)) && (!after || !WORD_CHAR.test(after))) {
      found.push({ start: at, end: at + value.length });
    }
  }
  return found;
}

/** Detects as the server's pipeline does: the context's member name is a known name, its member id a known value. */
export function detectForEntry(entry: CorpusEntry): PiiMatch[] {
  const knownNames = [...(entry.context?.memberName ? [entry.context.memberName] : []), ...(entry.knownNames ?? [])];
  const memberId = entry.context?.memberId;
  const knownValues: KnownValue[] = memberId ? [{ type: "REF", value: memberId }] : [];
  return detectPii(entry.text, { knownNames, knownValues });
}

/** Scores detection on the corpus: an expected value counts as found when every letter and digit of each of its occurrences is covered by a match of its type. */
export function evaluateCorpus(corpus: readonly CorpusEntry[] = loadCorpus()): CorpusEvaluation {
  const families = [...new Set(PII_TYPES.map(family))];
  const score = new Map(families.map((t) => [t, { expected: 0, recalled: 0, detected: 0, correct: 0 }]));
  const viaScore = new Map<string, { expected: number; recalled: number; detected: number; correct: number }>();
  const misses: string[] = [];
  const falsePositives: string[] = [];

  for (const entry of corpus) {
    const matches = detectForEntry(entry);
    const expectedSpans: { start: number; end: number; family: string }[] = [];
    for (const entity of entry.entities) {
      const spans = occurrences(entry.text, entity.value);
      if (spans.length === 0) throw new Error(`corpus ${entry.id}: "${entity.value}" does not occur in the text`);
      const fam = family(entity.type);
      for (const span of spans) {
        expectedSpans.push({ ...span, family: fam });
        let covered = true;
        for (let i = span.start; i < span.end && covered; i += 1) {
          if (!WORD_CHAR.test(entry.text.charAt(i))) continue;
          covered = matches.some((m) => family(m.type) === fam && m.start <= i && i < m.end);
        }
        const s = score.get(fam);
        if (s) {
          s.expected += 1;
          if (covered) s.recalled += 1;
        }
        if (fam === "NOM") {
          const via = entity.via ?? "unspecified";
          const v = viaScore.get(via) ?? { expected: 0, recalled: 0, detected: 0, correct: 0 };
          v.expected += 1;
          if (covered) v.recalled += 1;
          viaScore.set(via, v);
        }
        if (!covered) misses.push(`${entry.id}: ${entity.type} "${entity.value}"`);
      }
    }
    for (const m of matches) {
      const fam = family(m.type);
      const s = score.get(fam);
      const correct = expectedSpans.some((e) => e.family === fam && e.start < m.end && m.start < e.end);
      if (s) {
        s.detected += 1;
        if (correct) s.correct += 1;
      }
      if (!correct) falsePositives.push(`${entry.id}: ${m.type} "${m.value}"`);
    }
  }
  return {
    entries: corpus.length,
    byType: families.map((type) => ({ type, ...(score.get(type) ?? { expected: 0, recalled: 0, detected: 0, correct: 0 }) })),
    namesByVia: [...viaScore.entries()].map(([type, s]) => ({ type, ...s })),
    misses,
    falsePositives,
  };
}

const percent = (part: number, whole: number): string => (whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(1)} %`);

/** Median time to pseudonymise about 20 KB of realistic notes, in milliseconds. */
export function timePseudonymisationMs(corpus: readonly CorpusEntry[] = loadCorpus(), runs = 15): { sizeBytes: number; medianMs: number } {
  let notes = "";
  for (let i = 0; notes.length < 20_000; i += 1) notes += `${corpus[i % corpus.length]?.text ?? ""}\n`;
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    pseudonymise({ notes, context: { memberName: "Karim Benali", memberId: "3456789B" } });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { sizeBytes: new TextEncoder().encode(notes).length, medianMs: times[Math.floor(times.length / 2)] ?? 0 };
}

/** The Markdown section `npm run bench` prints: recall and precision per type over the corpus, and the speed. */
export async function runPseudonymisationBench(): Promise<string> {
  const corpus = loadCorpus();
  const result = evaluateCorpus(corpus);
  const speed = timePseudonymisationMs(corpus);
  const row = (s: TypeScore): string =>
    `| ${s.type} | ${s.expected} | ${percent(s.recalled, s.expected)} | ${s.detected} | ${percent(s.correct, s.detected)} |`;
  const lines = [
    "## Pseudonymisation",
    "",
    `Labelled French corpus: ${result.entries} sentences (\`tests/fixtures/pii/corpus.jsonl\`). An expected value is recalled when every`,
    "letter and digit of each occurrence is covered by a match of its type; a match is correct when it overlaps an expected value of its type.",
    "`NOM` counts given names and surnames together.",
    "",
    "| type | expected | recall | detected | precision |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...result.byType.map(row),
    "",
    "Names, by how they are introduced (gated at ≥ 95 %: civility, context, speaker, later mention):",
    "",
    "| introduced by | expected | recall |",
    "| --- | ---: | ---: |",
    ...result.namesByVia.map((s) => `| ${s.type} | ${s.expected} | ${percent(s.recalled, s.expected)} |`),
    "",
    `Speed: ${speed.sizeBytes} bytes of notes pseudonymised in ${speed.medianMs.toFixed(2)} ms (median of 15 runs).`,
  ];
  if (result.misses.length > 0) lines.push("", "Missed:", "", ...result.misses.map((m) => `- ${m}`));
  if (result.falsePositives.length > 0) lines.push("", "Masked without being personal data:", "", ...result.falsePositives.map((m) => `- ${m}`));
  return `${lines.join("\n")}\n`;
}
