// `npm run eval -- --task <task> [--template <t>] [--version <n>] [--json]`: scores one pre-prompt version on its
// reference cases.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadConfig } from "../server/config";
import { createProviderChain } from "../server/llm/chain";
import { buildProviders } from "../server/llm/providers";
import { evaluateVersion, referenceSet } from "../server/governance/evaluation";
import { keyOf, sha256Of } from "../server/store/pre-prompts";
import { openStore } from "../server/store/open";
import type { PrePrompt } from "../server/prompts/registry";

const { values } = parseArgs({
  options: {
    task: { type: "string" },
    template: { type: "string" },
    version: { type: "string" },
    json: { type: "boolean", default: false },
    concurrency: { type: "string", default: "4" },
  },
});
if (!values.task) {
  process.stderr.write(
    "Usage : npm run eval -- --task interview-minutes [--template complaint] [--version 2] [--json]\n",
  );
  process.exit(2);
}
const key = keyOf(values.task, values.template ?? null);

/** The version's text: the seed file when it exists, otherwise the database (a version written in the committee page). */
async function loadVersion(): Promise<PrePrompt> {
  const config = loadConfig(process.env);
  if (values.version) {
    const file = new URL(`../server/prompts/${key}@${values.version}.md`, import.meta.url);
    const text = await readFile(file, "utf8")
      .then((t) => t.trim())
      .catch(() => undefined);
    if (text)
      return { id: `${key}@${values.version}`, key, version: Number(values.version), sha256: sha256Of(text), text };
  }
  const db = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const [task, template] = key.split(".");
    const rows = await db.query<{ id: string; version: number; text: string; sha256: string }>(
      values.version
        ? "SELECT id, version, text, sha256 FROM pre_prompt_versions WHERE task = $1 AND coalesce(template, '') = $2 AND version = $3"
        : "SELECT id, version, text, sha256 FROM pre_prompt_versions WHERE task = $1 AND coalesce(template, '') = $2 AND state = 'active'",
      values.version ? [task, template ?? "", Number(values.version)] : [task, template ?? ""],
    );
    const row = rows[0];
    if (!row) throw new Error(`Version introuvable : ${key}@${values.version ?? "active"}`);
    return { id: row.id, key, version: row.version, sha256: row.sha256, text: row.text };
  } finally {
    await db.close();
  }
}

const config = loadConfig(process.env);
const prePrompt = await loadVersion();
const chain = createProviderChain(buildProviders(config), config.resilience);
const set = await referenceSet(values.task, values.template ?? null);
const started = Date.now();
const result = await evaluateVersion(chain, prePrompt, set, {
  concurrency: Number(values.concurrency) || 4,
  onProgress: (done, total) => {
    if (!values.json) process.stderr.write(`\r${done}/${total} cas`);
  },
});
if (values.json) {
  process.stdout.write(`${JSON.stringify({ version: prePrompt.id, sha256: prePrompt.sha256, ...result }, null, 2)}\n`);
} else {
  process.stderr.write("\n");
  process.stdout.write(
    `${prePrompt.id} (${prePrompt.sha256.slice(0, 12)}) — ${set.cases.length} cas en ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  for (const [name, value] of Object.entries(result.scores)) process.stdout.write(`  ${name.padEnd(20)} ${value}\n`);
  for (const c of result.cases)
    process.stdout.write(
      `  - ${c.id.padEnd(28)} rubriques ${c.sections.toFixed(2)}  faits ${c.facts.toFixed(2)}  chiffres inventés ${c.inventedFigures}  fuites ${c.leaks}  refus ${c.refusal}\n`,
    );
}
