// `npm run bench`: runs every benchmark and writes tests/bench/results.md with the machine and the date.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
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
];

const only = process.argv.slice(2);
const parts: string[] = [
  "# Benchmark results",
  "",
  `- date: ${new Date().toISOString()}`,
  `- machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  "- command: `npm run bench` (or `npm run bench -- gateway` for one section)",
  "",
];
for (const section of SECTIONS) {
  if (only.length > 0 && !only.some((o) => section.module.includes(o))) continue;
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
const out = new URL("./results.md", import.meta.url);
await writeFile(out, parts.join("\n"));
process.stdout.write(`Written to ${out.pathname}\n`);
