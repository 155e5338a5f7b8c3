// Owns the evaluation harness: runs a pre-prompt version over its reference cases through the provider chain and scores
// it.
import { fileURLToPath } from "node:url";
import { readdir, readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { restore } from "../../src/privacy";
import { renderExtraction } from "../../src/extraction/fields";
import { variantOf, type TaskId, type TemplateId } from "../../src/tasks/catalogue";
import type { ProviderChain } from "../llm/chain";
import { extractFields } from "../pipeline/extract-fields";
import { buildMessages } from "../pipeline/messages";
import { pseudonymiseForProvider } from "../privacy/pseudonymiser";
import type { PrePrompt } from "../prompts/registry";
import { aggregate, scoreCase, type CaseScores, type ReferenceCase } from "./scores";

/** The reference cases ship with the server, beside this module, so a deployment image has them. */
export const DEFAULT_CASES_DIR = fileURLToPath(new URL("./cases", import.meta.url));

interface CaseFile {
  readonly task: string;
  readonly target: { min: number; max: number };
  readonly templateTargets?: Record<string, { min: number; max: number }>;
  readonly cases: readonly ReferenceCase[];
}

/** The reference set of one task or template: its cases (shared ones and its own) and its length target. */
export interface ReferenceSet {
  readonly key: string;
  readonly cases: readonly ReferenceCase[];
  readonly target: { min: number; max: number };
}

const loaded = new Map<string, Promise<CaseFile[]>>();

async function loadFiles(dir: string): Promise<CaseFile[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(resolve(dir, f), "utf8")) as CaseFile));
}

/** The cases for `task` (and `template`): those of the task without a template, plus the template's own. */
export async function referenceSet(
  task: string,
  template: string | null,
  dir = DEFAULT_CASES_DIR,
): Promise<ReferenceSet> {
  if (!loaded.has(dir)) loaded.set(dir, loadFiles(dir));
  const files = (await loaded.get(dir)) ?? [];
  const file = files.find((f) => f.task === task);
  const cases = (file?.cases ?? []).filter((c) => c.template === undefined || c.template === template);
  const target = (template ? file?.templateTargets?.[template] : undefined) ?? file?.target ?? { min: 60, max: 400 };
  return { key: template ? `${task}.${template}` : task, cases, target };
}

/** One case's draft and scores, kept with the evaluation so the committee can read what was written. */
export interface CaseResult extends CaseScores {
  readonly id: string;
  readonly draft: string;
  readonly provider: string;
  readonly degraded: boolean;
}

/** Runs one case the way a generation runs: pseudonymise, the version's text in the system role, restore, score. */
export async function runCase(
  chain: ProviderChain,
  prePrompt: PrePrompt,
  c: ReferenceCase,
  titles: readonly string[],
  target: { min: number; max: number },
): Promise<CaseResult> {
  const task = c.task as TaskId;
  const template = (prePrompt.key.split(".")[1] as TemplateId | undefined) ?? undefined;
  const masked = pseudonymiseForProvider({ notes: c.notes, source: c.source, context: c.context });
  const input = { task, template, notes: masked.notes, source: masked.source, context: masked.context };
  const call = { task, messages: buildMessages(prePrompt, input), input };
  let draft: string;
  let providerName: string;
  let degraded: boolean;
  if (task === "document-extraction") {
    const result = await extractFields(chain, call, undefined, c.source ?? c.notes, {}, (text) =>
      restore(text, masked.mapping),
    );
    draft = renderExtraction(result.extraction);
    providerName = result.provider.info.name;
    degraded = result.provider.info.isOffline;
  } else {
    const { output, provider } = await chain.generate(call);
    draft = restore(output.text, masked.mapping);
    providerName = provider.info.name;
    degraded = provider.info.isOffline;
  }
  return { id: c.id, draft, provider: providerName, degraded, ...scoreCase(draft, c, titles, target) };
}

/** The expected section titles of a case: its own, or its task's or template's. */
export function titlesOf(c: ReferenceCase, template: string | null): readonly string[] {
  if (c.sections) return c.sections;
  return (
    variantOf(c.task as TaskId, (template ?? undefined) as TemplateId | undefined)?.sections.map((s) => s.title) ?? []
  );
}

/**
 * Runs every case of a version's reference set, `concurrency` at a time, reporting progress after each case.
 * @returns the aggregate scores and each case's result.
 */
export async function evaluateVersion(
  chain: ProviderChain,
  prePrompt: PrePrompt,
  set: ReferenceSet,
  options: { concurrency?: number; onProgress?: (done: number, total: number) => void | Promise<void> } = {},
): Promise<{ scores: Record<string, number>; cases: CaseResult[] }> {
  const template = prePrompt.key.split(".")[1] ?? null;
  const results: CaseResult[] = new Array(set.cases.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < set.cases.length) {
      const index = next++;
      const c = set.cases[index] as ReferenceCase;
      results[index] = await runCase(chain, prePrompt, c, titlesOf(c, template), set.target);
      done += 1;
      await options.onProgress?.(done, set.cases.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return { scores: aggregate(results), cases: results };
}
