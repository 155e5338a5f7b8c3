// Each layer's tsconfig refuses the globals its runtime lacks (docs/ARCHITECTURE.md): the DOM in src/ and server/,
// Node in src/ and addin/. A probe file is compiled under each layer's config, outside the repository.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

type Layer = "src" | "addin" | "server";
type Probe = "dom" | "node";

/**
 * The node probe also imports typings that say `/// <reference types="node" />` (docx, msal-browser): in the pane's
 * layer they must not bring Node's globals with them.
 */
const PROBES: Record<Probe, { readonly code: string; readonly names: readonly string[] }> = {
  dom: {
    code: "export const probe = [document.title, window.innerWidth, localStorage.length];\n",
    names: ["document", "window", "localStorage"],
  },
  node: {
    code: [
      `import type { Document } from ${JSON.stringify(join(ROOT, "node_modules", "docx"))};`,
      `import type { PublicClientApplication } from ${JSON.stringify(join(ROOT, "node_modules", "@azure", "msal-browser"))};`,
      "export type Typings = [Document, PublicClientApplication];",
      'export const probe = [process.env.HOME, Buffer.from("x"), require("node:fs"), __dirname];',
      "",
    ].join("\n"),
    names: ["process", "Buffer", "require", "__dirname"],
  },
};

const CASES: readonly { readonly layer: Layer; readonly probe: Probe; readonly refused: boolean }[] = [
  { layer: "src", probe: "dom", refused: true },
  { layer: "src", probe: "node", refused: true },
  { layer: "server", probe: "dom", refused: true },
  { layer: "addin", probe: "node", refused: true },
  // Positive controls: the same probes compile where their globals belong, so a refusal above is the layer's doing.
  { layer: "addin", probe: "dom", refused: false },
  { layer: "server", probe: "node", refused: false },
];

let dir = "";
const diagnostics = new Map<string, Promise<string[]>>();

/** The diagnostics tsc reports in the probe file when it is compiled under `layer`'s config. */
async function compile(layer: Layer, probe: Probe): Promise<string[]> {
  const caseDir = join(dir, `${layer}-${probe}`);
  const file = join(caseDir, "probe.ts");
  const config = join(caseDir, "tsconfig.json");
  mkdirSync(caseDir);
  writeFileSync(file, PROBES[probe].code);
  writeFileSync(config, JSON.stringify({ extends: join(ROOT, `tsconfig.${layer}.json`), include: [], files: [file] }));
  const { stdout } = await promisify(execFile)(process.execPath, [TSC, "-p", config, "--pretty", "false"], {
    cwd: caseDir,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
  // Paths are printed relative to cwd. The probe's diagnostics and the config's (a type library not found) count; the
  // layer's own files are checked by `npm run typecheck`.
  return stdout.split("\n").filter((line) => line.startsWith("probe.ts(") || line.startsWith("error TS"));
}

/** Names tsc could not find, from its diagnostics. */
function missingNames(lines: readonly string[]): string[] {
  return lines.flatMap((line) => [...line.matchAll(/Cannot find name '(\w+)'/g)].map((m) => m[1] ?? ""));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "greffier-layers-"));
  for (const { layer, probe } of CASES) {
    const result = compile(layer, probe);
    result.catch(() => undefined); // awaited, and reported, by its test
    diagnostics.set(`${layer}-${probe}`, result);
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("layer tsconfigs", () => {
  for (const { layer, probe, refused } of CASES) {
    const title = refused
      ? `tsconfig.${layer}.json refuses the ${probe} globals`
      : `tsconfig.${layer}.json accepts them`;
    it(`${title} (${probe} probe)`, { timeout: 240_000 }, async () => {
      const lines = await diagnostics.get(`${layer}-${probe}`);
      if (refused) expect(missingNames(lines ?? []).sort()).toEqual([...PROBES[probe].names].sort());
      else expect(lines).toEqual([]);
    });
  }
});
