// Owns the registry's grouping: versions by task or template, in catalogue order, newest version first.
import { TASK_IDS, TEMPLATE_IDS } from "../../../src/tasks/catalogue";
import type { PrePromptVersion } from "../../api/committee";

/** Catalogue order: each task, then its templates; keys the catalogue does not know (retired ones) come last. */
function order(key: string): number {
  const [task = key, template] = key.split(".");
  const taskIndex = (TASK_IDS as readonly string[]).indexOf(task);
  const templateIndex = template ? (TEMPLATE_IDS as readonly string[]).indexOf(template) + 1 : 0;
  return (taskIndex < 0 ? TASK_IDS.length : taskIndex) * 100 + templateIndex;
}

/** The variant key of a version: `key` from the server, or the older shape where `task` held it. */
function keyOfVersion(p: PrePromptVersion): string {
  return p.key ?? (p.template ? `${p.task}.${p.template}` : p.task);
}

/** Versions grouped by task or template, newest version first. */
export function groupPrePrompts(list: readonly PrePromptVersion[]): [string, PrePromptVersion[]][] {
  const groups = new Map<string, PrePromptVersion[]>();
  for (const p of list) {
    const key = keyOfVersion(p);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()]
    .map(([key, versions]): [string, PrePromptVersion[]] => [key, [...versions].sort((a, b) => b.version - a.version)])
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b));
}
