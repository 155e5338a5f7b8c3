// Owns manifest generation: config + templates → checked manifest.json, manifest.xml and the two app icons in one
// folder, and the app zip.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { zipSync } from "fflate";
import { convertXmlManifest, schemaErrors, unifiedManifestProblems } from "./checks";
import { loadConfig, type ConfigOverrides, type ManifestConfig } from "./manifest-config";
import { APP_PACKAGE_ICONS, ICONS_SOURCE_DIR, ICON_FILES } from "./pages";
import { buildUnifiedManifest, type UnifiedManifest } from "./unified";
import { buildXmlManifest } from "./xml";

/** The repository root (this file lives in manifest/). */
export const REPO_ROOT = resolve(import.meta.dirname, "..");

/** Default output folder of an environment: dist/manifest/<env>. */
export function defaultOutDir(env: string): string {
  return join(REPO_ROOT, "dist", "manifest", env);
}

/** What one generation produced. */
export interface GeneratedManifests {
  readonly config: ManifestConfig;
  readonly version: string;
  readonly outDir: string;
  readonly manifest: UnifiedManifest;
  readonly xml: string;
  /** Absolute paths of the files written. */
  readonly files: { readonly json: string; readonly xml: string; readonly color: string; readonly outline: string };
}

/** Options of a generation. */
export interface GenerateOptions {
  /** Output folder; dist/manifest/<env> by default. */
  readonly outDir?: string;
  /** Command-line values that win over manifest/config/<env>.json. */
  readonly overrides?: ConfigOverrides;
}

/**
 * The app version, from package.json: the one number both manifests carry.
 * @returns `n.n.n`.
 * @throws Error when package.json's version has a pre-release or build part (neither manifest accepts one).
 */
export function appVersion(): string {
  const { version } = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
  if (!/^\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(version))
    throw new Error(`package.json version "${version}" must be n.n.n for the manifests`);
  return version;
}

/**
 * Builds both manifests for an environment, refuses to write them if any check fails, then writes manifest.json,
 * manifest.xml, color.png and outline.png into the output folder.
 * @param env - An environment of manifest/config/.
 * @param options - Output folder and overrides.
 * @returns What was generated.
 * @throws Error listing every schema error and broken invariant, or when the committed icons are missing.
 */
export async function generateManifests(env: string, options: GenerateOptions = {}): Promise<GeneratedManifests> {
  const config = loadConfig(env, options.overrides);
  const version = appVersion();
  const manifest = buildUnifiedManifest(config, version);
  const xml = buildXmlManifest(config, version);

  const converted = await convertXmlManifest(xml);
  const problems = [
    ...(await schemaErrors(manifest)).map((e) => `manifest.json schema: ${e}`),
    ...unifiedManifestProblems(manifest, config).map((e) => `manifest.json: ${e}`),
    ...converted.errors.map((e) => `manifest.xml (converted to JSON) schema: ${e}`),
  ];
  if (problems.length > 0) throw new Error(`The ${env} manifests are not valid:\n  ${problems.join("\n  ")}`);

  const iconsDir = join(REPO_ROOT, ICONS_SOURCE_DIR);
  const missing = ICON_FILES.filter((f) => !existsSync(join(iconsDir, f)));
  if (missing.length > 0)
    throw new Error(`Missing icons in ${ICONS_SOURCE_DIR}: ${missing.join(", ")}; run \`npm run manifest -- --icons\``);

  const outDir = resolve(options.outDir ?? defaultOutDir(env));
  mkdirSync(outDir, { recursive: true });
  const files = {
    json: join(outDir, "manifest.json"),
    xml: join(outDir, "manifest.xml"),
    color: join(outDir, APP_PACKAGE_ICONS.color.file),
    outline: join(outDir, APP_PACKAGE_ICONS.outline.file),
  };
  writeFileSync(files.json, `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(files.xml, xml);
  copyFileSync(join(iconsDir, APP_PACKAGE_ICONS.color.file), files.color);
  copyFileSync(join(iconsDir, APP_PACKAGE_ICONS.outline.file), files.outline);
  return { config, version, outDir, manifest, xml, files };
}

/**
 * Zips what Teams and the Microsoft 365 admin center need, and nothing else: manifest.json, color.png, outline.png
 * at the root of the archive.
 * @param generated - A generation's result.
 * @returns The path of the zip written beside the manifests (`greffier-<env>.zip`).
 * @throws Error from the file system.
 */
export function packageApp(generated: GeneratedManifests): string {
  const entries = {
    "manifest.json": readFileSync(generated.files.json),
    [APP_PACKAGE_ICONS.color.file]: readFileSync(generated.files.color),
    [APP_PACKAGE_ICONS.outline.file]: readFileSync(generated.files.outline),
  };
  // A fixed timestamp makes the same inputs give the same bytes (fflate's DOS dates start in 1980).
  const zip = zipSync(entries, { level: 9, mtime: new Date("1980-01-01T00:00:00Z") });
  const path = join(generated.outDir, `greffier-${generated.config.env}.zip`);
  writeFileSync(path, zip);
  return path;
}
