// `npm ci --omit=dev && npm start` installs only "dependencies": every package the server loads, or the pane's
// production build bundles, must be listed there (CI also starts such an install: scripts/check-production-start.ts).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };

/** What `npm start` runs or builds: the layers, the start script, the build config and the document worker. */
const RUNTIME = ["src", "addin", "server", "scripts/start.mjs", "webpack.config.js"];
/** Named by path or string, not imported: the CLI start.mjs runs and the loader webpack.config.js names. */
const BUILD_TOOLS = ["webpack-cli", "esbuild-loader"];
/** Loaded only by `npm run dev` (webpack serve), never by a production start. */
const DEV_ONLY = new Set(["office-addin-dev-certs"]);

function filesUnder(path: string): string[] {
  const abs = join(ROOT, path);
  if (!statSync(abs).isDirectory()) return [abs];
  return readdirSync(abs).flatMap((name) => filesUnder(join(path, name)));
}

/** Value imports of `text` (static, re-exports, dynamic), by package name; `import type` is erased at build. */
function packagesImportedBy(text: string): string[] {
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?!type\s)[^;]*?from\s+["']([^"']+)["']/g),
    ...text.matchAll(/(?:^|\n)\s*import\s+["']([^"']+)["']/g),
    ...text.matchAll(/import\(\s*(?:\/\*.*?\*\/\s*)?["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1] ?? "");
  return specifiers
    .filter((s) => !s.startsWith(".") && !s.startsWith("node:"))
    .map((s) =>
      s
        .split("/")
        .slice(0, s.startsWith("@") ? 2 : 1)
        .join("/"),
    );
}

describe("runtime dependencies", () => {
  it("lists every package that npm start loads or builds among dependencies", () => {
    const files = RUNTIME.flatMap(filesUnder).filter((f) => /\.(ts|tsx|mjs|js)$/.test(f) && !f.endsWith(".d.ts"));
    const used = new Set([...BUILD_TOOLS, ...files.flatMap((f) => packagesImportedBy(readFileSync(f, "utf8")))]);
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((name) => !(name in pkg.dependencies) && !DEV_ONLY.has(name)).sort();
    expect(missing).toEqual([]);
  });
});
