// The layout's dependency rules (docs/ARCHITECTURE.md), checked on the real import graph rather than by memory.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

interface SourceFile {
  readonly path: string; // relative to the repository, with forward slashes
  readonly text: string;
}

function listSources(dir: string): SourceFile[] {
  const abs = join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = join(abs, name);
    if (statSync(full).isDirectory()) return listSources(relative(ROOT, full));
    return /\.(ts|tsx)$/.test(name) ? [{ path: relative(ROOT, full).replaceAll("\\", "/"), text: readFileSync(full, "utf8") }] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function importsOf(file: SourceFile): string[] {
  return [...file.text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? "");
}

/** Resolves a relative specifier to a repository path; packages stay as they are. */
function target(file: SourceFile, spec: string): string {
  if (!spec.startsWith(".")) return spec;
  return relative(ROOT, resolve(ROOT, file.path, "..", spec)).replaceAll("\\", "/");
}

/** Every broken rule, as "file → import (rule)". */
function layoutViolations(files: readonly SourceFile[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    const top = file.path.split("/")[0];
    for (const spec of importsOf(file)) {
      const to = target(file, spec);
      const report = (rule: string) => out.push(`${file.path} → ${spec} (${rule})`);
      if (top === "src") {
        if (to.startsWith("addin/") || to.startsWith("server/")) report("src imports only src");
        else if (!spec.startsWith(".") && !["zod", "diff"].includes(spec)) report("src imports only zod and diff");
      }
      if (top === "addin") {
        if (to.startsWith("server/")) report("addin never imports server");
        if ((spec.startsWith("@microsoft/teams-js") || spec.startsWith("@microsoft/office-js")) && !file.path.startsWith("addin/hosts/")) report("only addin/hosts touches Office.js or teams-js");
        if (spec.startsWith("@azure/msal-browser") && !file.path.startsWith("addin/auth/")) report("only addin/auth imports msal-browser");
      }
      if (top === "server") {
        if (to.startsWith("addin/")) report("server never imports addin");
        if (spec === "openai" && !file.path.startsWith("server/llm/")) report("only server/llm imports openai");
        if ((spec === "pg" || spec.startsWith("@electric-sql/pglite")) && !file.path.startsWith("server/store/")) report("only server/store imports pg or PGlite");
      }
    }
    // Globals are looked for in code only: comments and string literals ("sources.document.x") are dropped first.
    const code = file.text
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""')
      .replace(/\/\/.*$/gm, "");
    if (top === "src" && /\b(?:process|window|document|Office|microsoftTeams|localStorage)\s*\.|\bfetch\s*\(/.test(code)) out.push(`${file.path} (src uses no host, DOM, network or process)`);
    if (top === "addin" && !file.path.startsWith("addin/hosts/") && /\bOffice\s*\.(?!\w+Type\b)/.test(code)) out.push(`${file.path} (only addin/hosts touches the Office global)`);
  }
  return out;
}

describe("layout", () => {
  it("respects the dependency rules in src, addin and server", () => {
    const files = ["src", "addin", "server"].flatMap(listSources);
    expect(files.length).toBeGreaterThan(20);
    expect(layoutViolations(files)).toEqual([]);
  });

  it("catches each kind of violation", () => {
    const bad: SourceFile[] = [
      { path: "src/a.ts", text: 'import { x } from "../server/app";\nimport fs from "node:fs";\nconst y = process.env.X;' },
      { path: "addin/app/B.tsx", text: 'import { app } from "@microsoft/teams-js";\nimport { z } from "../../server/config";\nOffice.context.mailbox;' },
      { path: "server/routes/c.ts", text: 'import OpenAI from "openai";\nimport pg from "pg";\nimport { y } from "../../addin/app/B";' },
    ];
    expect(layoutViolations(bad)).toHaveLength(9);
  });
});
