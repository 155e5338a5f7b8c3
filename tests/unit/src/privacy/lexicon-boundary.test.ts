// The name, word and commune lists stay on the server: nothing the taskpane or src/ loads imports them.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const LIST_PACKAGES = ["@zxcvbn-ts/", "an-array-of-french-words", "@etalab/decoupage-administratif", "server/privacy"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(?:ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

const IMPORT_RE = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)["']([^"']+)["']/g;

describe("lexicon boundary", () => {
  it.each(["src", "addin"])("no file under %s/ imports the lexicon packages or their loader", (dir) => {
    const offenders = sourceFiles(join(ROOT, dir)).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(IMPORT_RE)]
        .map((m) => m[1] ?? "")
        .filter((spec) => LIST_PACKAGES.some((p) => spec.includes(p)))
        .map((spec) => `${file.slice(ROOT.length)} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it("only server/privacy loads them", () => {
    const loaders = sourceFiles(join(ROOT, "server")).filter((file) =>
      LIST_PACKAGES.slice(0, 3).some((p) => readFileSync(file, "utf8").includes(p)),
    );
    expect(loaders.map((f) => f.slice(ROOT.length))).toEqual(["server/privacy/lexicons.ts"]);
  });
});
