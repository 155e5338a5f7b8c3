// Owns the accuracy and speed measure of pseudonymisation: each labelled French corpus scored apart, in process and
// through the HTTP API with the fake provider recording what it receives.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  detectPii,
  pseudonymise,
  PII_TYPES,
  type KnownValue,
  type NameLexicons,
  type PiiMatch,
  type PiiType,
} from "../../src/privacy";
import type { StoreKind } from "../support/stores";

/** One labelled sentence of `tests/fixtures/pii/*.jsonl`. */
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

/**
 * The labelled corpora: the first one, the second written apart (issue 14), and two held-out ones. The first held-out
 * corpus was scored once and then prompted fixes (see src/privacy/README.md); the second was written after that and is
 * scored only by the bench.
 */
export const CORPORA = {
  corpus: "corpus.jsonl",
  "corpus-2": "corpus-2.jsonl",
  "corpus-holdout": "corpus-holdout.jsonl",
  "corpus-holdout-2": "corpus-holdout-2.jsonl",
} as const;
export type CorpusName = keyof typeof CORPORA;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Reads a labelled corpus (the first one by default). */
export function loadCorpus(name: CorpusName = "corpus"): CorpusEntry[] {
  return readFileSync(fileURLToPath(new URL(`../fixtures/pii/${CORPORA[name]}`, import.meta.url)), "utf8")
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
export function detectForEntry(entry: CorpusEntry, lexicons?: NameLexicons): PiiMatch[] {
  const knownNames = [...(entry.context?.memberName ? [entry.context.memberName] : []), ...(entry.knownNames ?? [])];
  const memberId = entry.context?.memberId;
  const knownValues: KnownValue[] = memberId ? [{ type: "REF", value: memberId }] : [];
  return detectPii(entry.text, { knownNames, knownValues, ...(lexicons ? { lexicons } : {}) });
}

/** Scores detection on a corpus: an expected value counts as found when every letter and digit of each of its occurrences is covered by a match of its type. */
export function evaluateCorpus(
  corpus: readonly CorpusEntry[] = loadCorpus(),
  lexicons?: NameLexicons,
): CorpusEvaluation {
  const families = [...new Set(PII_TYPES.map(family))];
  const score = new Map(families.map((t) => [t, { expected: 0, recalled: 0, detected: 0, correct: 0 }]));
  const viaScore = new Map<string, { expected: number; recalled: number; detected: number; correct: number }>();
  const misses: string[] = [];
  const falsePositives: string[] = [];

  for (const entry of corpus) {
    const matches = detectForEntry(entry, lexicons);
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
    byType: families.map((type) => ({
      type,
      ...(score.get(type) ?? { expected: 0, recalled: 0, detected: 0, correct: 0 }),
    })),
    namesByVia: [...viaScore.entries()].map(([type, s]) => ({ type, ...s })),
    misses,
    falsePositives,
  };
}

// ── What reached the provider ────────────────────────────────────────────────────────────────────────

/** Words that only frame an address or an e-mail and carry nothing of the person ("rue", "point", "gmail"). Folded. */
const FRAME_WORDS: ReadonlySet<string> = new Set(
  (
    "rue avenue av boulevard bd chemin route place allee impasse quai cours square passage residence res batiment bat " +
    "appartement apt appt etage porte escalier hameau lieu dit bp cs tsa cedex le la les de du des l d au aux sur sous en " +
    "point dot at arobase gmail hotmail outlook yahoo orange free laposte com fr net org be ch ch- b bis ter"
  ).split(" "),
);
const foldWord = (word: string): string => word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** The words of a labelled value that must not reach the provider: for a name every word, otherwise what identifies. */
export function identifyingWords(type: PiiType, value: string): string[] {
  const words = value.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (type === "NOM" || type === "PRENOM")
    return words.filter(
      (w) =>
        w.length >= 2 &&
        !["de", "du", "des", "la", "le", "van", "der", "von", "da", "dos", "di"].includes(w.toLowerCase()),
    );
  // An e-mail's person is its local part; its provider's name ("gmail") says nothing of them.
  const local =
    type === "EMAIL"
      ? (value.split(/\s*(?:@|\[\s*(?:at|arobase)\s*\]|\(\s*(?:at|arobase)\s*\)|\s(?:at|arobase)\s)\s*/u)[0] ?? value)
      : value;
  const scope = local.match(/[\p{L}\p{N}]+/gu) ?? [];
  return scope.filter((w) => !FRAME_WORDS.has(foldWord(w)) && (/\d/.test(w) ? w.length >= 2 : w.length >= 3));
}

function countWord(text: string, word: string): number {
  let count = 0;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const before = text.charAt(at - 1);
    const after = text.charAt(at + word.length);
    if ((!before || !WORD_CHAR.test(before)) && (!after || !WORD_CHAR.test(after))) count += 1;
  }
  return count;
}

/** What the provider received of one sentence, and what it says of each labelled value. */
export interface SentScore {
  readonly id: string;
  readonly isControl: boolean;
  /** Whether the sentence reached the provider changed (a control must not be). */
  readonly isTouched: boolean;
  readonly spans: readonly {
    readonly type: PiiType;
    readonly value: string;
    readonly via?: string;
    readonly leaked: readonly string[];
  }[];
}

/**
 * Scores one sentence from the text the provider received (`sent`: the data blocks of the request, placeholders in
 * place): a labelled value is fully masked when none of its identifying words reached the provider more often than
 * the sentence holds them outside any labelled value.
 */
export function scoreSent(entry: CorpusEntry, sent: string, original: string): SentScore {
  const outside = entry.entities.reduce((text, e) => text.split(e.value).join(" "), original);
  const spans = entry.entities.map((e) => ({
    type: e.type,
    value: e.value,
    ...(e.via ? { via: e.via } : {}),
    leaked: identifyingWords(e.type, e.value).filter((w) => countWord(sent, w) > countWord(outside, w)),
  }));
  return { id: entry.id, isControl: entry.entities.length === 0, isTouched: sent !== original, spans };
}

/** Figures of a corpus as the provider saw it. */
export interface SentEvaluation {
  readonly sentences: number;
  readonly spans: number;
  readonly fullyMasked: number;
  readonly byType: readonly { readonly type: string; readonly expected: number; readonly masked: number }[];
  readonly namesByVia: readonly { readonly type: string; readonly expected: number; readonly masked: number }[];
  readonly controls: number;
  readonly controlsTouched: readonly string[];
  readonly namesInClear: readonly string[];
  readonly otherLeaks: readonly string[];
}

/** Adds up sentence scores. */
export function summarise(scores: readonly SentScore[], corpus: readonly CorpusEntry[]): SentEvaluation {
  const byType = new Map<string, { expected: number; masked: number }>();
  const byVia = new Map<string, { expected: number; masked: number }>();
  const namesInClear: string[] = [];
  const otherLeaks: string[] = [];
  let spans = 0;
  let fullyMasked = 0;
  for (const score of scores) {
    for (const span of score.spans) {
      spans += 1;
      const isMasked = span.leaked.length === 0;
      if (isMasked) fullyMasked += 1;
      const t = byType.get(family(span.type)) ?? { expected: 0, masked: 0 };
      byType.set(family(span.type), { expected: t.expected + 1, masked: t.masked + (isMasked ? 1 : 0) });
      if (family(span.type) === "NOM") {
        const v = byVia.get(span.via ?? "unspecified") ?? { expected: 0, masked: 0 };
        byVia.set(span.via ?? "unspecified", { expected: v.expected + 1, masked: v.masked + (isMasked ? 1 : 0) });
        for (const word of span.leaked)
          namesInClear.push(`${score.id}: "${word}" (of ${span.type} "${span.value}", ${span.via ?? "—"})`);
      } else if (!isMasked) {
        otherLeaks.push(`${score.id}: ${span.type} "${span.value}" (in clear: ${span.leaked.join(", ")})`);
      }
    }
  }
  const controls = scores.filter((s) => s.isControl);
  const text = new Map(corpus.map((e) => [e.id, e.text]));
  return {
    sentences: scores.length,
    spans,
    fullyMasked,
    byType: [...byType.entries()].map(([type, s]) => ({ type, ...s })),
    namesByVia: [...byVia.entries()].map(([type, s]) => ({ type, ...s })),
    controls: controls.length,
    controlsTouched: controls.filter((s) => s.isTouched).map((s) => `${s.id}: ${text.get(s.id) ?? ""}`),
    namesInClear,
    otherLeaks,
  };
}

/** The data blocks of the user message the provider received, as the scorer reads them (context lines, notes). */
export function sentBlocks(content: string): string {
  const notes = /<notes>\n([\s\S]*?)\n<\/notes>/.exec(content)?.[1] ?? "";
  const context = /<contexte>\n([\s\S]*?)\n<\/contexte>/.exec(content)?.[1] ?? "";
  return context ? `${context}\n${notes}` : notes;
}

/** The same blocks built from the request, unmasked: what the provider would have received without pseudonymisation. */
export function originalBlocks(entry: CorpusEntry): string {
  const context = Object.entries(entry.context ?? {})
    .filter(([, v]) => v.trim() !== "")
    .map(([k, v]) => `${k}: ${v.replace(/\s+/g, " ")}`)
    .join("\n");
  return context ? `${context}\n${entry.text}` : entry.text;
}

/** What scoring through the API needs: the app (injected requests) and the fake provider it calls. */
export interface ApiUnderTest {
  readonly app: {
    inject(options: { method: "POST"; url: string; payload: unknown }): Promise<{ statusCode: number; body: string }>;
  };
  readonly fake: { readonly requests: { body: { messages: { role: string; content: string }[] } }[] };
}

/** Sends each sentence through POST /api/generations and scores what the fake provider recorded. */
export async function scoreThroughApi(api: ApiUnderTest, entries: readonly CorpusEntry[]): Promise<SentScore[]> {
  const scores: SentScore[] = [];
  for (const entry of entries) {
    api.fake.requests.length = 0;
    const response = await api.app.inject({
      method: "POST",
      url: "/api/generations",
      payload: { task: "interview-minutes", notes: entry.text, ...(entry.context ? { context: entry.context } : {}) },
    });
    if (response.statusCode !== 201) throw new Error(`${entry.id}: ${response.statusCode} ${response.body}`);
    const content = api.fake.requests.at(-1)?.body.messages.find((m) => m.role === "user")?.content ?? "";
    scores.push(scoreSent(entry, sentBlocks(content), originalBlocks(entry)));
  }
  return scores;
}

/**
 * Sends every sentence through POST /api/generations (the real pipeline on a store of `kind`, the fake provider
 * recording) and scores what the provider received.
 */
export async function evaluateThroughApi(
  corpora: readonly CorpusName[],
  kind: StoreKind = "pglite",
): Promise<Map<CorpusName, SentEvaluation>> {
  const { withAppOn } = await import("./app-on-store");
  return withAppOn(kind, async (api) => {
    const results = new Map<CorpusName, SentEvaluation>();
    for (const name of corpora) {
      const corpus = loadCorpus(name);
      results.set(name, summarise(await scoreThroughApi(api, corpus), corpus));
    }
    return results;
  });
}

const percent = (part: number, whole: number): string =>
  whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(1)} %`;

/**
 * Median time to pseudonymise about 20 KB of realistic notes, in milliseconds: wall time, and the process's CPU time,
 * which other work on a shared machine inflates far less.
 */
export function timePseudonymisationMs(
  corpus: readonly CorpusEntry[] = loadCorpus(),
  runs = 15,
  run: (notes: string) => unknown = (notes) =>
    pseudonymise({ notes, context: { memberName: "Karim Benali", memberId: "3456789B" } }),
): { sizeBytes: number; medianMs: number; medianCpuMs: number } {
  let notes = "";
  for (let i = 0; notes.length < 20_000; i += 1) notes += `${corpus[i % corpus.length]?.text ?? ""}\n`;
  // The server is long-lived: measure it warm, as a generation finds it.
  for (let i = 0; i < 10; i += 1) run(notes);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    run(notes);
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return { sizeBytes: new TextEncoder().encode(notes).length, medianMs: median(times), medianCpuMs: median(cpuTimes) };
}

/** One corpus's figures as each store gave them. */
type ByStore = readonly { readonly store: string; readonly result: SentEvaluation }[];

/** A figure on each store, side by side: "**100.0 %** (155/155) on PGlite, **100.0 %** (155/155) on PostgreSQL". */
const sideBySide = (byStore: ByStore, figure: (r: SentEvaluation) => string): string =>
  byStore.map(({ store, result }) => `${figure(result)} on ${store}`).join(", ");

/** A list of values once when every store gave the same, else one list per store. */
function listed(title: string, byStore: ByStore, items: (r: SentEvaluation) => readonly string[]): string[] {
  const first = items(byStore[0]!.result);
  const isSame = byStore.every(({ result }) => JSON.stringify(items(result)) === JSON.stringify(first));
  if (isSame)
    return first.length === 0
      ? []
      : [
          "",
          `${title} (${byStore.length > 1 ? "every store" : byStore[0]!.store}):`,
          "",
          ...first.map((n) => `- ${n}`),
        ];
  return byStore.flatMap(({ store, result }) =>
    items(result).length === 0 ? [] : ["", `${title} (${store}):`, "", ...items(result).map((n) => `- ${n}`)],
  );
}

/** A table of spans per row (type or way a name was introduced), a column of fully masked spans per store. */
function maskedTable(head: string, byStore: ByStore, rows: (r: SentEvaluation) => SentEvaluation["byType"]): string[] {
  const columns = byStore.map(({ store }) => `fully masked (${store})`);
  return [
    `| ${head} | spans | ${columns.join(" | ")} |`,
    `| --- | ---: | ${columns.map(() => "---:").join(" | ")} |`,
    ...rows(byStore[0]!.result).map((row) => {
      const masked = byStore.map(({ result }) => {
        const s = rows(result).find((r) => r.type === row.type);
        return s ? percent(s.masked, s.expected) : "n/a";
      });
      return `| ${row.type} | ${row.expected} | ${masked.join(" | ")} |`;
    }),
  ];
}

const fraction = (part: number, whole: number): string => `**${percent(part, whole)}** (${part}/${whole})`;

function sentSection(name: CorpusName, byStore: ByStore): string[] {
  const { sentences, controls } = byStore[0]!.result;
  return [
    `### \`${CORPORA[name]}\` — ${sentences} sentences, ${controls} controls`,
    "",
    `- spans fully masked: ${sideBySide(byStore, (r) => fraction(r.fullyMasked, r.spans))}`,
    `- names sent in clear: ${sideBySide(byStore, (r) => `**${r.namesInClear.length}**`)}`,
    `- control sentences touched: ${sideBySide(byStore, (r) => fraction(r.controlsTouched.length, r.controls))}`,
    "",
    ...maskedTable("type", byStore, (r) => r.byType),
    "",
    ...maskedTable("name introduced by", byStore, (r) => r.namesByVia),
    ...listed("Names sent in clear", byStore, (r) => r.namesInClear),
    ...listed("Other values not fully masked", byStore, (r) => r.otherLeaks),
    ...listed("Control sentences touched", byStore, (r) => r.controlsTouched),
  ];
}

/** The Markdown section `npm run bench -- pseudonymisation` prints: each corpus apart, through the API, and the speed. */
export async function runPseudonymisationBench(): Promise<string> {
  const { loadLexicons } = await import("../../server/privacy/lexicons");
  const { pseudonymiseForProvider } = await import("../../server/privacy/pseudonymiser");
  const lexicons = loadLexicons();
  const names: CorpusName[] = ["corpus", "corpus-2", "corpus-holdout", "corpus-holdout-2"];
  const { BENCH_STORES, STORE_LABEL } = await import("./app-on-store");
  const sent: { store: string; results: Map<CorpusName, SentEvaluation> }[] = [];
  for (const kind of BENCH_STORES)
    sent.push({ store: STORE_LABEL[kind], results: await evaluateThroughApi(names, kind) });
  const speed = timePseudonymisationMs(loadCorpus("corpus-2"), 15, (notes) =>
    pseudonymiseForProvider({ notes, context: { memberName: "Karim Benali", memberId: "3456789B" } }),
  );
  // No "## " heading here: run.ts gives the section its title, and splits results.md on "## " to keep other sections.
  const lines = [
    "Each corpus is sent sentence by sentence through `POST /api/generations` (real pipeline, the fake provider",
    "recording each request), on PGlite and on PostgreSQL side by side. A labelled value is fully masked when none of",
    "its identifying words (every word of a name; the digits and proper words of an address, phone, IBAN…; the local",
    "part of an e-mail) reached the provider. A control sentence (no personal data) is touched when the provider",
    "received it changed. `NOM` counts given names and surnames.",
    "`corpus-holdout.jsonl` was scored once after tuning (96.7 % of spans fully masked, 3 name words in clear, 1/27",
    "controls touched), then its misses were fixed by general rules, so it is no longer held out; `corpus-holdout-2.jsonl`,",
    "written after that, is the estimate for text nobody tuned to.",
    "",
  ];
  for (const name of names) {
    const byStore = sent.flatMap(({ store, results }) => {
      const result = results.get(name);
      return result ? [{ store, result }] : [];
    });
    if (byStore.length > 0) lines.push(...sentSection(name, byStore), "");
  }
  const first = evaluateCorpus(loadCorpus("corpus"), lexicons);
  lines.push(
    "### In process, `corpus.jsonl`: recall and precision per type (server lexicons)",
    "",
    "| type | expected | recall | detected | precision |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...first.byType.map(
      (s) =>
        `| ${s.type} | ${s.expected} | ${percent(s.recalled, s.expected)} | ${s.detected} | ${percent(s.correct, s.detected)} |`,
    ),
    "",
    `Speed: ${speed.sizeBytes} bytes of notes (corpus-2 sentences, a name in nearly every one) pseudonymised in ${speed.medianMs.toFixed(2)} ms wall, ${speed.medianCpuMs.toFixed(2)} ms CPU (median of 15 runs, lexicons loaded once before; wall time counts the other processes of a shared machine).`,
  );
  return `${lines.join("\n")}\n`;
}
