// The lint config enforces the layers of docs/ARCHITECTURE.md: probe files (virtual, at paths inside each layer) that
// break a rule are reported by the rule that owns it, and the same imports pass where they belong.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");
// The cycle rule would walk the whole import graph behind each probe's targets: it is checked apart, on two files.
const eslint = new ESLint({ cwd: ROOT, overrideConfig: { rules: { "import-x/no-cycle": "off" } } });

/** The rules that fire on `code` linted as if it were the file `path` of the repository, sorted. */
async function rulesFiredAt(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message).sort();
}

describe("lint layer rules", { timeout: 120_000 }, () => {
  it("keeps src/ to itself, zod and diff", async () => {
    const code =
      'import { buildApp } from "../server/app";\nimport { readFileSync } from "node:fs";\nimport { z } from "zod";\n';
    expect(await rulesFiredAt("src/layer-probe.ts", `${code}export { buildApp, readFileSync, z };\n`)).toEqual([
      "import-x/no-restricted-paths",
      "no-restricted-imports",
    ]);
  });

  it("keeps addin/ off server/, Node and the packages its hosts/ and auth/ own", async () => {
    const code = [
      'import { loadConfig } from "../../server/config";',
      'import { app } from "@microsoft/teams-js";',
      'import { PublicClientApplication } from "@azure/msal-browser";',
      'import { readFileSync } from "node:fs";',
      "export { loadConfig, app, PublicClientApplication, readFileSync };",
      "export const item = Office.context.mailbox.item;",
      "export const coercion = Office.CoercionType.Html;",
    ].join("\n");
    expect(await rulesFiredAt("addin/app/layer-probe.ts", code)).toEqual([
      "import-x/no-nodejs-modules",
      "import-x/no-restricted-paths",
      "no-restricted-imports",
      "no-restricted-imports",
      "no-restricted-syntax",
    ]);
    expect(
      await rulesFiredAt("addin/hosts/office-probe.ts", "export const item = Office.context.mailbox.item;\n"),
    ).toEqual([]);
    const hostCode =
      'import { app } from "@microsoft/teams-js";\nimport { PublicClientApplication } from "@azure/msal-browser";\n';
    expect(
      await rulesFiredAt("addin/hosts/layer-probe.ts", `${hostCode}export { app, PublicClientApplication };\n`),
    ).toEqual(["no-restricted-imports"]);
  });

  it("keeps server/ off addin/ and the packages its llm/ and store/ own", async () => {
    const code = 'import { App } from "../../addin/app/App";\nimport OpenAI from "openai";\nimport pg from "pg";\n';
    expect(await rulesFiredAt("server/routes/layer-probe.ts", `${code}export { App, OpenAI, pg };\n`)).toEqual([
      "import-x/no-restricted-paths",
      "no-restricted-imports",
      "no-restricted-imports",
    ]);
    expect(
      await rulesFiredAt("server/llm/layer-probe.ts", 'import OpenAI from "openai";\nexport { OpenAI };\n'),
    ).toEqual([]);
    expect(await rulesFiredAt("server/store/layer-probe.ts", 'import pg from "pg";\nexport { pg };\n')).toEqual([]);
  });

  it("refuses an import cycle", async () => {
    const dir = mkdtempSync(join(tmpdir(), "greffier-cycle-"));
    try {
      writeFileSync(join(dir, "a.ts"), 'import { b } from "./b";\nexport const a = () => b;\n');
      writeFileSync(join(dir, "b.ts"), 'import { a } from "./a";\nexport const b = () => a;\n');
      const outside = new ESLint({ cwd: dir, overrideConfigFile: join(ROOT, "eslint.config.js") });
      const results = await outside.lintFiles(["a.ts", "b.ts"]);
      expect(results.flatMap((r) => r.messages.map((m) => m.ruleId))).toEqual([
        "import-x/no-cycle",
        "import-x/no-cycle",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
