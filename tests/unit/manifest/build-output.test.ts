// What `npm run manifest` / `npm run package` write: the app zip Teams accepts, icons of the right size, and only URLs
// the build serves.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { schemaErrors, servedFileOf, urlsIn } from "../../../manifest/checks";
import { runCli } from "../../../manifest/cli";
import { appVersion, generateManifests, REPO_ROOT } from "../../../manifest/generate";
import { ICON_SPECS, renderIcon } from "../../../manifest/icons";
import { loadConfig, MANIFEST_ENVIRONMENTS } from "../../../manifest/manifest-config";
import {
  APP_PACKAGE_ICONS,
  ENTRY_PAGES,
  ICON_FILES,
  ICONS_PATH,
  ICONS_SOURCE_DIR,
  LAUNCH_EVENT_SCRIPT,
  ON_MESSAGE_SEND_ACTION_ID,
} from "../../../manifest/pages";
import { decodePng, encodePng } from "../../../manifest/png";
import { buildUnifiedManifest } from "../../../manifest/unified";
import { buildXmlManifest } from "../../../manifest/xml";

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "greffier-manifest-test-"));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** Every URL both manifests of an environment name, without the JSON schema's own URL. */
function namedUrls(env: string): string[] {
  const config = loadConfig(env);
  const manifest = buildUnifiedManifest(config, appVersion());
  const xml = buildXmlManifest(config, appVersion());
  const xmlUrls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1] ?? "");
  return [...urlsIn(manifest).filter((u) => u !== manifest.$schema), ...xmlUrls];
}

describe("npm run package -- --env prod (the real command, offline)", () => {
  let outDir = "";
  let result: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    outDir = tempDir();
    result = spawnSync(
      process.execPath,
      ["--import", "tsx", join(REPO_ROOT, "manifest", "package.ts"), "--env", "prod", "--out", outDir],
      {
        cwd: REPO_ROOT,
        encoding: "utf8",
        timeout: 60_000,
      },
    );
  });

  it("exits 0 and writes the manifests, the two icons and the zip", () => {
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    for (const file of ["manifest.json", "manifest.xml", "color.png", "outline.png", "greffier-prod.zip"])
      expect(existsSync(join(outDir, file))).toBe(true);
  });

  it("writes exactly the manifests the templates give for the prod configuration", () => {
    const config = loadConfig("prod");
    expect(JSON.parse(readFileSync(join(outDir, "manifest.json"), "utf8"))).toEqual(
      buildUnifiedManifest(config, appVersion()),
    );
    expect(readFileSync(join(outDir, "manifest.xml"), "utf8")).toBe(buildXmlManifest(config, appVersion()));
  });

  it("zips exactly manifest.json, color.png and outline.png at the root, with a schema-valid manifest", async () => {
    const entries = unzipSync(readFileSync(join(outDir, "greffier-prod.zip")));
    expect(Object.keys(entries).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(new TextDecoder().decode(entries["manifest.json"])) as {
      icons: { color: string; outline: string };
    };
    expect(await schemaErrors(manifest)).toEqual([]);
    expect(manifest.icons).toEqual({ color: "color.png", outline: "outline.png" });
    expect(entries["manifest.json"]).toEqual(new Uint8Array(readFileSync(join(outDir, "manifest.json"))));
  });

  it("packs a 192×192 colour icon and a 32×32 outline icon that is only white and transparent", () => {
    const entries = unzipSync(readFileSync(join(outDir, "greffier-prod.zip")));
    const color = decodePng(entries["color.png"] ?? new Uint8Array());
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(color.rgba.every((v, i) => i % 4 !== 3 || v === 255)).toBe(true); // full-bleed: Teams rounds the corners itself
    const outline = decodePng(entries["outline.png"] ?? new Uint8Array());
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const pixels = Array.from({ length: 32 * 32 }, (_, i) => outline.rgba.subarray(i * 4, i * 4 + 4));
    expect(pixels.every(([r, g, b, a]) => a === 0 || (r === 255 && g === 255 && b === 255))).toBe(true);
    expect(pixels.some(([, , , a]) => a === 255)).toBe(true);
    expect(pixels.some(([, , , a]) => a === 0)).toBe(true);
  });
});

describe("command-line behaviour", () => {
  async function run(argv: string[]): Promise<{ code: number; stderr: string }> {
    let stderr = "";
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    try {
      return { code: await runCli("manifest", argv), stderr };
    } finally {
      vi.restoreAllMocks();
    }
  }

  it.each([
    [["--env", "staging"], /Unknown environment "staging"/],
    [["--env", "dev", "--origin", "http://localhost:3000"], /https origin/],
    [["--env", "prod", "--origin", "https://localhost:3000"], /loopback/],
    [["--env", "dev", "--send-mode", "sometimes"], /sendMode/],
    [["--env", "dev", "--entra-client-id", "not-a-guid"], /clientId: must be a GUID/],
    [["--env", "dev", "--colour", "red"], /Unknown option/],
  ])("refuses %j with exit code 1 and a reason", async (argv, reason) => {
    const { code, stderr } = await run([...argv, "--out", tempDir()]);
    expect(code).toBe(1);
    expect(stderr).toMatch(reason);
  });

  it("builds a dev manifest for a tunnel origin and another Entra app, still valid", async () => {
    const outDir = tempDir();
    const clientId = "11111111-2222-4333-8444-555555555555";
    const generated = await generateManifests("dev", {
      outDir,
      overrides: { origin: "https://greffier-dev.example.net", entraClientId: clientId, sendMode: "block" },
    });
    const manifest = JSON.parse(readFileSync(join(outDir, "manifest.json"), "utf8")) as ReturnType<
      typeof buildUnifiedManifest
    >;
    expect(manifest.validDomains).toEqual(["greffier-dev.example.net"]);
    expect(manifest.webApplicationInfo?.nestedAppAuthInfo).toEqual([
      {
        redirectUri: "brk-multihub://greffier-dev.example.net",
        scopes: [`api://greffier-dev.example.net/${clientId}/access_as_user`],
      },
    ]);
    expect(JSON.stringify(manifest)).not.toMatch(/localhost/);
    expect(generated.xml).toContain('SendMode="Block"');
    expect(await schemaErrors(manifest)).toEqual([]);
  });
});

describe.each(MANIFEST_ENVIRONMENTS)("every URL the %s manifests name exists in the build", (env) => {
  const config = loadConfig(env);
  const urls = namedUrls(env);
  const onOrigin = urls.filter((u) => u.startsWith(`${config.origin}/`));

  it("is on the app's origin, or is one of the developer's pages", () => {
    const external = new Set(Object.values(config.developer));
    expect(urls.filter((u) => !u.startsWith(`${config.origin}/`) && !external.has(u))).toEqual([]);
  });

  it("names the four entry pages and launchevent.js, all declared for webpack", () => {
    const served = new Set(onOrigin.map(servedFileOf));
    expect(served.has(undefined)).toBe(false);
    const pages = [...served].filter((f) => !f?.startsWith(`${ICONS_PATH}/`)).sort();
    expect(pages).toEqual(["commands.html", "config.html", "tab.html", "taskpane.html", LAUNCH_EVENT_SCRIPT].sort());
    const declared = new Set<string>(ENTRY_PAGES.map((p) => p.file));
    expect(pages.filter((p) => p !== LAUNCH_EVENT_SCRIPT && !declared.has(p ?? ""))).toEqual([]);
  });

  it("names icons that exist in manifest/assets with the pixel size in their name", () => {
    const icons = [...new Set(onOrigin.map(servedFileOf).filter((f) => f?.startsWith(`${ICONS_PATH}/`)))];
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const icon of icons) {
      const file = join(REPO_ROOT, ICONS_SOURCE_DIR, (icon ?? "").slice(ICONS_PATH.length + 1));
      const image = decodePng(readFileSync(file));
      const size = Number(/icon-(\d+)\.png$/.exec(icon ?? "")?.[1]);
      expect([image.width, image.height], icon).toEqual([size, size]);
    }
  });
});

describe("icons", () => {
  it("committed in manifest/assets are exactly what the generator draws (regenerate with `npm run manifest -- --icons`)", () => {
    expect(ICON_SPECS.map((s) => s.file).sort()).toEqual([...ICON_FILES].sort());
    for (const spec of ICON_SPECS) {
      const committed = decodePng(readFileSync(join(REPO_ROOT, ICONS_SOURCE_DIR, spec.file)));
      const drawn = renderIcon(spec.size, spec.style);
      expect([committed.width, committed.height], spec.file).toEqual([spec.size, spec.size]);
      expect(Buffer.from(committed.rgba).equals(Buffer.from(drawn.rgba)), spec.file).toBe(true);
    }
  });

  it("are real PNGs: the codec round-trips and rejects a corrupted file", () => {
    const image = renderIcon(APP_PACKAGE_ICONS.outline.size, "outline");
    const png = encodePng(image);
    expect(decodePng(png)).toEqual(image);
    const corrupted = png.slice();
    corrupted[40] = (corrupted[40] ?? 0) ^ 0xff;
    expect(() => decodePng(corrupted)).toThrow(/CRC|PNG/);
    expect(() => decodePng(new TextEncoder().encode("GIF89a"))).toThrow(/not a PNG/);
  });
});

// The front end is built by webpack into dist/; when it is there, what it has built must honour what the manifests
// promise. Pages it has not built yet are checked against ENTRY_PAGES above, and listed here as skipped.
const DIST = join(REPO_ROOT, "dist");
describe.runIf(existsSync(join(DIST, "taskpane.html")))("the built front end in dist/", () => {
  const read = (file: string) => readFileSync(join(DIST, file), "utf8");
  const named = [
    ...new Set(
      MANIFEST_ENVIRONMENTS.flatMap(namedUrls)
        .map((u) => servedFileOf(u))
        .filter((f): f is string => f !== undefined),
    ),
  ].sort();
  const missing = named.filter((f) => !existsSync(join(DIST, f)));
  const built = (files: readonly string[]) => files.filter((f) => existsSync(join(DIST, f)));

  it.skipIf(missing.length > 0)(
    `serves every page, script and icon the manifests name${missing.length > 0 ? ` (not built yet: ${missing.join(", ")})` : ""}`,
    () => {
      expect(missing).toEqual([]);
    },
  );

  it("keeps office.js out of the Teams pages it has built (office.js blanks a Teams iframe)", () => {
    for (const file of built(ENTRY_PAGES.filter((p) => p.sdk === "teams").map((p) => p.file)))
      expect(read(file), file).not.toMatch(/office\.js/);
    for (const file of built(ENTRY_PAGES.filter((p) => p.sdk === "office").map((p) => p.file)))
      expect(read(file), file).toMatch(/office\.js/);
  });

  it.runIf(existsSync(join(DIST, LAUNCH_EVENT_SCRIPT)))(
    "ships launchevent.js as one classic script that registers the handler (classic Outlook runs it alone)",
    () => {
      const script = read(LAUNCH_EVENT_SCRIPT);
      expect(script).toContain(ON_MESSAGE_SEND_ACTION_ID);
      expect(script).toMatch(/actions\.associate/);
      expect(script).not.toMatch(/^\s*(import|export)\s/m);
      expect(read("commands.html")).toContain(LAUNCH_EVENT_SCRIPT);
    },
  );

  it("serves the icons it has copied byte for byte from manifest/assets", () => {
    for (const file of built(ICON_FILES.map((f) => `${ICONS_PATH}/${f}`))) {
      expect(
        readFileSync(join(DIST, file)).equals(
          readFileSync(join(REPO_ROOT, ICONS_SOURCE_DIR, file.slice(ICONS_PATH.length + 1))),
        ),
        file,
      ).toBe(true);
    }
  });
});
