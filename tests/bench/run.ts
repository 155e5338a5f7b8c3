// `npm run bench`: runs every benchmark and writes tests/bench/results.md with the machine and the date.
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";

interface Section {
  readonly title: string;
  readonly module: string;
  readonly run: string;
}

const SECTIONS: readonly Section[] = [
  { title: "Gateway overhead", module: "./gateway", run: "runGatewayBench" },
  { title: "Pseudonymisation accuracy", module: "./pseudonymisation", run: "runPseudonymisationBench" },
  { title: "Taskpane bundle and time to interactive", module: "./bundle", run: "runBundleBench" },
  { title: "Figures groundedness", module: "./figures", run: "runFiguresBench" },
  { title: "Document bombs: event loop and memory", module: "./documents", run: "runDocumentsBench" },
  { title: "OCR: pages per minute and memory", module: "./ocr", run: "runOcrBench" },
  { title: "Delivery: save to webhook, faults and kill -9", module: "./delivery", run: "runDeliveryBench" },
  { title: "Audit chain verification", module: "./audit", run: "runAuditBench" },
  { title: "Pre-prompt evaluation harness", module: "./eval", run: "runEvalBench" },
  { title: "Voice: 30-minute recording, stop to transcript", module: "./voice", run: "runVoiceBench" },
];

const only = process.argv.slice(2);
const out = new URL("./results.md", import.meta.url);
// A partial run (`npm run bench -- ocr`) replaces only its own sections and keeps the others' last figures.
const previous = existsSync(out) ? parseSections(await readFile(out, "utf8")) : new Map<string, string>();
const parts: string[] = [
  "# Benchmark results",
  "",
  `- date: ${new Date().toISOString()}${only.length > 0 ? ` (sections run: ${only.join(", ")}; the others keep the figures of their last run)` : ""}`,
  `- machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  "- command: `npm run bench` (or `npm run bench -- gateway` for one section)",
  "",
];
for (const section of SECTIONS) {
  if (only.length > 0 && !only.some((o) => section.module.includes(o))) {
    const kept = previous.get(section.title);
    if (kept !== undefined) parts.push(`## ${section.title}`, "", kept, "");
    continue;
  }
  const file = new URL(`${section.module}.ts`, import.meta.url);
  parts.push(`## ${section.title}`, "");
  if (!existsSync(file)) {
    parts.push("_not available yet_", "");
    continue;
  }
  process.stdout.write(`→ ${section.title}…\n`);
  const mod = (await import(file.href)) as Record<string, () => Promise<string>>;
  const started = Date.now();
  const body = await mod[section.run]?.();
  parts.push(body ?? "_no result_", "", `_(${((Date.now() - started) / 1000).toFixed(0)} s)_`, "");
  process.stdout.write(`${body}\n\n`);
}
await writeFile(out, parts.join("\n"));
process.stdout.write(`Written to ${out.pathname}\n`);

/** Splits results.md into its sections, by title; only SECTIONS' titles start one, since a body may hold `## ` headings of its own. */
function parseSections(markdown: string): Map<string, string> {
  const starts = SECTIONS.map((s) => ({ title: s.title, at: markdown.indexOf(`\n## ${s.title}\n`) }))
    .filter((s) => s.at >= 0)
    .sort((a, b) => a.at - b.at);
  const sections = new Map<string, string>();
  starts.forEach((s, i) => {
    const body = markdown.slice(s.at + `\n## ${s.title}\n`.length, starts[i + 1]?.at ?? markdown.length);
    sections.set(s.title, body.trim());
  });
  return sections;
}
