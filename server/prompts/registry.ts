// Owns the mandatory pre-prompts: versioned files `<task>@<version>.md`, the latest version per task in force.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { VARIANT_KEYS } from "../../src/tasks/catalogue";

/** One version of a mandatory pre-prompt, the only text ever sent in the system role. */
export interface PrePrompt {
  /** `key@version`, as stored with every generation. */
  readonly id: string;
  /** The task, or `task.template` for an insurer template. */
  readonly key: string;
  readonly version: number;
  readonly sha256: string;
  readonly text: string;
}

/** The pre-prompts in force, by task or `task.template` key. */
export type PrePromptRegistry = ReadonlyMap<string, PrePrompt>;

const PROMPTS_DIR = new URL("./", import.meta.url);
const FILE_PATTERN = /^([a-z-]+(?:\.[a-z-]+)?)@(\d+)\.md$/;

/** Raised at start-up: the server must not run a task without its pre-prompt. */
export class MissingPrePromptError extends Error {
  constructor(readonly tasks: readonly string[]) {
    super(`No pre-prompt for task(s) or template(s): ${tasks.join(", ")}. Add server/prompts/<key>@<version>.md.`);
    this.name = "MissingPrePromptError";
  }
}

/**
 * Loads every pre-prompt file and keeps the highest version of each task and template.
 * @throws MissingPrePromptError when a task or template of the catalogue has none.
 */
export async function loadPrePrompts(dir: URL = PROMPTS_DIR): Promise<PrePromptRegistry> {
  const latest = new Map<string, PrePrompt>();
  for (const file of await readdir(dir)) {
    const match = FILE_PATTERN.exec(file);
    if (!match) continue;
    const [, key = "", versionText] = match;
    if (!VARIANT_KEYS.includes(key)) continue;
    const version = Number(versionText);
    const text = (await readFile(new URL(file, dir), "utf8")).trim();
    if (text === "") continue; // an empty file is no pre-prompt
    const current = latest.get(key);
    if (current && current.version >= version) continue;
    latest.set(key, {
      id: `${key}@${version}`,
      key,
      version,
      sha256: createHash("sha256").update(text).digest("hex"),
      text,
    });
  }
  const missing = VARIANT_KEYS.filter((k) => !latest.has(k));
  if (missing.length > 0) throw new MissingPrePromptError(missing);
  return latest;
}
