// The checks and the figures lexer import nothing that imports them back (the former cycle through the schemas).
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../../..");
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["'](\.[^"']+)["']/g;

/** Every repository file reachable from `file` through relative imports (type imports included). */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(IMPORT)) {
    const base = resolve(dirname(file), m[1] ?? "");
    const next = [`${base}.ts`, `${base}/index.ts`].find((candidate) => {
      try {
        readFileSync(candidate);
        return true;
      } catch {
        return false;
      }
    });
    if (next) reachable(next, seen);
  }
  return seen;
}

describe("import graph", () => {
  it.each(["src/checks/groundedness.ts", "src/figures/index.ts"])(
    "%s reaches neither the schemas nor itself again",
    (entry) => {
      const start = resolve(ROOT, entry);
      const files = [...reachable(start)].map((f) => f.slice(ROOT.length + 1));
      expect(files.filter((f) => f.startsWith("src/schemas/") || f.startsWith("src/extraction/"))).toEqual([]);
      expect(files.every((f) => f.startsWith("src/figures/") || f.startsWith("src/checks/"))).toBe(true);
    },
  );
});
