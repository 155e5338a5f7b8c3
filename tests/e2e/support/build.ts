// Owns the e2e suite's build step: run the production webpack build when dist/ is missing or older than its sources.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
export const DIST = join(ROOT, "dist");
const SOURCES = ["addin", "src", "webpack.config.js", "package-lock.json"].map((p) => join(ROOT, p));

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Whether `dir` (dist/ by default) lacks the taskpane or is older than the front-end sources. */
export function isDistStale(dir = DIST): boolean {
  const page = join(dir, "taskpane.html");
  return !existsSync(page) || statSync(page).mtimeMs < Math.max(...SOURCES.map(newestMtime));
}

/**
 * Builds dist/ with `webpack --mode production` when stale, so the test drives what `npm start` would serve.
 * @throws Error with webpack's output when the build fails.
 */
export function ensureBuilt(): void {
  buildInto(DIST);
}

/**
 * The same production build into `dir` with extra build variables (a build with sign-in: `GREFFIER_CLIENT_ID`...).
 * @throws Error with webpack's output when the build fails.
 */
export function buildInto(dir: string, env: Record<string, string> = {}): void {
  if (!isDistStale(dir)) return;
  const cli = join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const args = [cli, "--mode", "production", ...(dir === DIST ? [] : ["--output-path", dir])];
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 300_000,
    env: { ...process.env, ...env },
  });
  if (result.status !== 0)
    throw new Error(`webpack build failed (status ${String(result.status)}):\n${result.stdout}\n${result.stderr}`);
}
