// Owns the measure of the groundedness check on the figures corpora: invented figures caught, supported ones flagged.
import { readFileSync } from "node:fs";
import { findUngrounded } from "../../src/checks/groundedness";
import { lexFigures } from "../../src/figures";

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

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

/** Runs the check on every case: an invented figure is caught when a flag overlaps it; any other flag is false. */
export function scoreFigures(cases: readonly FiguresCase[]): FiguresScore {
  let invented = 0;
  let caught = 0;
  let supported = 0;
  const misses: string[] = [];
  const wrongFlags: string[] = [];
  for (const c of cases) {
    const expected = c.flags.map((f) => ({ text: f, start: c.draft.indexOf(f), end: c.draft.indexOf(f) + f.length }));
    const flags = findUngrounded(c.draft, [c.notes]);
    for (const e of expected) {
      invented += 1;
      if (flags.some((f) => overlaps(f, e))) caught += 1;
      else misses.push(`${c.id}: « ${e.text} »`);
    }
    for (const f of flags)
      if (!expected.some((e) => overlaps(f, e))) wrongFlags.push(`${c.id}: « ${f.text} » (${f.kind})`);
    supported += lexFigures(c.draft).filter((f) => !f.isWeak && !expected.some((e) => overlaps(f, e))).length;
  }
  return { cases: cases.length, invented, caught, supported, falseFlags: wrongFlags.length, misses, wrongFlags };
}

const pct = (n: number, d: number): string => (d === 0 ? "–" : `${((100 * n) / d).toFixed(1)} %`);

/** `npm run bench -- figures`: one line per corpus, then each miss and each false flag. */
export async function runFiguresBench(): Promise<string> {
  const lines = [
    "| corpus | cases | invented figures caught | false flags on supported figures |",
    "| --- | --- | --- | --- |",
  ];
  const details: string[] = [];
  for (const name of ["corpus.jsonl", "held-out.jsonl"]) {
    const s = scoreFigures(loadFiguresCorpus(name));
    lines.push(
      `| ${name} | ${s.cases} | ${s.caught}/${s.invented} (${pct(s.caught, s.invented)}) | ${s.falseFlags}/${s.supported} (${pct(s.falseFlags, s.supported)}) |`,
    );
    for (const m of s.misses) details.push(`- ${name} missed ${m}`);
    for (const w of s.wrongFlags) details.push(`- ${name} wrongly flagged ${w}`);
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
  return `Speed: a 5 KB draft against 50 KB of notes in ${runs[0]!.toFixed(1)} ms (fastest of 15), ${runs[7]!.toFixed(1)} ms median.`;
}
