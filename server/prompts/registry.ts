// Owns the mandatory pre-prompts: versioned files `<task>@<version>.md`, the latest version per task in force.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { TASK_IDS, type TaskId } from "../../src/tasks/catalogue";

export interface PrePrompt {
  /** `task@version`, as stored with every generation. */
  readonly id: string;
  readonly task: TaskId;
  readonly version: number;
  readonly sha256: string;
  readonly text: string;
}

export type PrePromptRegistry = ReadonlyMap<TaskId, PrePrompt>;

const PROMPTS_DIR = new URL("./", import.meta.url);
const FILE_PATTERN = /^([a-z-]+)@(\d+)\.md$/;

/** Raised at start-up: the server must not run a task without its pre-prompt. */
export class MissingPrePromptError extends Error {
  constructor(readonly tasks: readonly string[]) {
    super(`No pre-prompt for task(s): ${tasks.join(", ")}. Add server/prompts/<task>@<version>.md.`);
    this.name = "MissingPrePromptError";
  }
}

/**
 * Loads every pre-prompt file and keeps the highest version of each task.
 * @throws MissingPrePromptError when a task of the catalogue has none.
 */
export async function loadPrePrompts(dir: URL = PROMPTS_DIR): Promise<PrePromptRegistry> {
  const latest = new Map<TaskId, PrePrompt>();
  for (const file of await readdir(dir)) {
    const match = FILE_PATTERN.exec(file);
    if (!match) continue;
    const [, task, versionText] = match;
    if (!(TASK_IDS as readonly string[]).includes(task ?? "")) continue;
    const version = Number(versionText);
    const text = (await readFile(new URL(file, dir), "utf8")).trim();
    if (text === "") continue; // an empty file is no pre-prompt
    const current = latest.get(task as TaskId);
    if (current && current.version >= version) continue;
    latest.set(task as TaskId, {
      id: `${task}@${version}`,
      task: task as TaskId,
      version,
      sha256: createHash("sha256").update(text).digest("hex"),
      text,
    });
  }
  const missing = TASK_IDS.filter((t) => !latest.has(t));
  if (missing.length > 0) throw new MissingPrePromptError(missing);
  return latest;
}
