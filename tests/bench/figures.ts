// Owns the measure of the groundedness check on the figures corpora, through the HTTP API on each store: invented
// figures caught, supported ones flagged; and the check's speed in process.
import { readFileSync } from "node:fs";
import { findUngrounded } from "../../src/checks/groundedness";
import { lexFigures } from "../../src/figures";
import { GenerationResponseSchema } from "../../src/schemas/generation";
import { BENCH_STORES, STORE_LABEL, withAppOn } from "./app-on-store";

/** One case of `tests/fixtures/figures/*.jsonl`: a draft, the notes it was written from, and what must be flagged. */
export interface FiguresCase {
  readonly id: string;
  readonly notes: string;
  readonly draft: string;
  /** Texts of the draft that are invented (each its first occurrence); every other figure is supported. */
  readonly flags: readonly string[];
}

/** What one corpus gives: invented figures caught, supported figures wrongly flagged, and each miss by name. */
export interface FiguresScore {
  readonly cases: number;
  readonly invented: number;
  readonly caught: number;
  /** Figures of the drafts that the notes support (every figure the lexer reads, the invented ones aside). */
  readonly supported: number;
  readonly falseFlags: number;
  readonly misses: readonly string[];
  readonly wrongFlags: readonly string[];
}

/** Reads one corpus file of tests/fixtures/figures. */
export function loadFiguresCorpus(name: string): FiguresCase[] {
  const text = readFileSync(new URL(`../fixtures/figures/${name}`, import.meta.url), "utf8");
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as FiguresCase);
}

type Span = { readonly start?: number | undefined; readonly end?: number | undefined };

const overlaps = (a: Span, b: { start: number; end: number }): boolean =>
  (a.start ?? -1) < b.end && b.start < (a.end ?? -1);

/** What scoring through the API needs: the app (injected requests) and the fake provider that answers each draft. */
export interface FiguresApi {
  readonly app: {
    inject(options: { method: "POST"; url: string; payload: unknown }): Promise<{ statusCode: number; body: string }>;
  };
  readonly fake: { enqueue(behaviour: { kind: "ok"; text: string }): void };
}

/**
 * Sends each case through POST /api/generations, the fake provider answering its draft, and reads the server's
 * `ungrounded`: an invented figure is caught when a flag overlaps it; any other flag is false.
 */
export async function scoreFiguresThroughApi(api: FiguresApi, cases: readonly FiguresCase[]): Promise<FiguresScore> {
  let invented = 0;
  let caught = 0;
  let supported = 0;
  const misses: string[] = [];
  const wrongFlags: string[] = [];
  for (const c of cases) {
    api.fake.enqueue({ kind: "ok", text: c.draft });
    const response = await api.app.inject({
      method: "POST",
      url: "/api/generations",
      payload: { task: "interview-minutes", notes: c.notes },
    });
    if (response.statusCode !== 201) throw new Error(`${c.id}: ${response.statusCode} ${response.body}`);
    const result = GenerationResponseSchema.parse(JSON.parse(response.body));
    if (result.draft !== c.draft) throw new Error(`${c.id}: the server answered another draft than the provider's`);
    const expected = c.flags.map((f) => ({ text: f, start: c.draft.indexOf(f), end: c.draft.indexOf(f) + f.length }));
    for (const e of expected) {
      invented += 1;
      if (result.ungrounded.some((u) => overlaps(u, e))) caught += 1;
      else misses.push(`${c.id}: « ${e.text} »`);
    }
    for (const u of result.ungrounded)
      if (!expected.some((e) => overlaps(u, e))) wrongFlags.push(`${c.id}: « ${u.text} » (${u.kind})`);
    supported += lexFigures(c.draft).filter((f) => !f.isWeak && !expected.some((e) => overlaps(f, e))).length;
  }
  return { cases: cases.length, invented, caught, supported, falseFlags: wrongFlags.length, misses, wrongFlags };
}

const pct = (n: number, d: number): string => (d === 0 ? "–" : `${((100 * n) / d).toFixed(1)} %`);

const CORPORA = ["corpus.jsonl", "held-out.jsonl"] as const;

/** `npm run bench -- figures`: both corpora through the API, the stores side by side; then each miss and false flag. */
export async function runFiguresBench(): Promise<string> {
  const scores = new Map<string, FiguresScore>();
  for (const kind of BENCH_STORES)
    await withAppOn(kind, async (api) => {
      for (const name of CORPORA)
        scores.set(`${kind} ${name}`, await scoreFiguresThroughApi(api, loadFiguresCorpus(name)));
    });
  const perStore = (title: string) => BENCH_STORES.map((k) => `${title} (${STORE_LABEL[k]})`);
  const lines = [
    "Each case goes through `POST /api/generations` (real pipeline, the fake provider answering the case's draft) and",
    "the server's `ungrounded` is read from the answer. A supported figure is one the lexer reads in the draft and the",
    "case does not list as invented.",
    "",
    `| corpus | cases | ${[...perStore("invented caught"), ...perStore("false flags on supported")].join(" | ")} |`,
    `| --- | ---: | ${BENCH_STORES.map(() => "---: | ---:").join(" | ")} |`,
  ];
  const details: string[] = [];
  for (const name of CORPORA) {
    const row = BENCH_STORES.map((k) => scores.get(`${k} ${name}`)!);
    const caught = row.map((s) => `${s.caught}/${s.invented} (${pct(s.caught, s.invented)})`);
    const wrong = row.map((s) => `${s.falseFlags}/${s.supported} (${pct(s.falseFlags, s.supported)})`);
    lines.push(`| ${name} | ${row[0]!.cases} | ${[...caught, ...wrong].join(" | ")} |`);
    BENCH_STORES.forEach((k, i) => {
      for (const m of row[i]!.misses) details.push(`- ${STORE_LABEL[k]}, ${name} missed ${m}`);
      for (const w of row[i]!.wrongFlags) details.push(`- ${STORE_LABEL[k]}, ${name} wrongly flagged ${w}`);
    });
  }
  return [...lines, "", details.length > 0 ? details.join("\n") : "No miss and no false flag.", "", speedLine()].join(
    "\n",
  );
}

/** Times the check on a 5 KB draft against 50 KB of notes: the fastest of 15 runs, and the median. */
function speedLine(): string {
  const all = loadFiguresCorpus("corpus.jsonl")
    .map((c) => c.notes)
    .join("\n");
  const notes = all.repeat(Math.ceil(50_000 / all.length)).slice(0, 50_000);
  const draft = `${all.slice(0, 1000)} Devis de 1 800 € le 25/10, remise de 15 %.\n`.repeat(5);
  for (let i = 0; i < 5; i += 1) findUngrounded(draft, [notes]);
  const runs: number[] = [];
  for (let i = 0; i < 15; i += 1) {
    const started = performance.now();
    findUngrounded(draft, [notes]);
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  return (
    `Speed (the check in process): a 5 KB draft against 50 KB of notes in ${runs[0]!.toFixed(1)} ms ` +
    `(fastest of 15), ${runs[7]!.toFixed(1)} ms median.`
  );
}
