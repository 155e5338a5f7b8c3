// Owns the front-end bench: initial JavaScript of taskpane.html (gzipped) and time to interactive in headless Chromium.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../e2e/support/chromium";
import { DIST, ensureBuilt } from "../e2e/support/build";

/** The target for the first download. */
export const INITIAL_JS_BUDGET_GZ = 150 * 1024;
const RUNS = 7;

interface Asset {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

function asset(file: string): Asset {
  const body = readFileSync(join(DIST, file));
  return { file, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
}

/** The scripts taskpane.html loads before the app can run (office.js excluded: it comes from Microsoft's CDN). */
export function initialScripts(page = "taskpane.html"): Asset[] {
  const html = readFileSync(join(DIST, page), "utf8");
  return [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)]
    .map((m) => m[1] ?? "")
    .filter((src) => src.startsWith("/assets/"))
    .map((src) => asset(src.slice(1)));
}

/** Every other script of the build: chunks loaded on demand or prefetched (review panel, hosts, .docx export, themes). */
function laterChunks(initial: readonly Asset[]): Asset[] {
  const names = new Set(initial.map((a) => a.file));
  return readdirSync(join(DIST, "assets"))
    .filter((f) => f.endsWith(".js"))
    .map((f) => `assets/${f}`)
    .filter((f) => !names.has(f))
    .map(asset)
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript",
  ".png": "image/png",
};

/** Serves dist/ as the product server does (static files; the API is not needed before the first interaction). */
async function serveDist(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(new URL(req.url ?? "/", "http://x").pathname).replace(/^(\.\.[/\\])+/, "");
    const file = join(DIST, path === "/" ? "taskpane.html" : path);
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

interface Timing {
  readonly fcpMs: number;
  readonly interactiveMs: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * Loads the taskpane `RUNS` times in a fresh context (cold cache) and returns the medians of first contentful
 * paint and time to interactive: the notes field present and enabled once the host is known.
 */
async function measure(url: string, cpuSlowdown: number): Promise<Timing> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const timings: Timing[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: "fr-FR" });
      // office.js is part of the real start-up: serve the build's copy in place of the CDN.
      await context.route("https://appsforoffice.microsoft.com/**", (route) =>
        route.fulfill({
          path: join(DIST, "office", new URL(route.request().url()).pathname.split("/").pop() ?? "office.js"),
          contentType: "application/javascript",
        }),
      );
      const page = await context.newPage();
      if (cpuSlowdown > 1) {
        const cdp = await context.newCDPSession(page);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
      }
      await page.addInitScript(() => {
        const w = window as unknown as { __interactiveAt?: number };
        new MutationObserver((_, observer) => {
          const notes = document.querySelector<HTMLTextAreaElement>('[data-testid="notes"]');
          if (notes && !notes.disabled) {
            w.__interactiveAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${url}/taskpane.html`);
      await page.waitForFunction(
        () => (window as unknown as { __interactiveAt?: number }).__interactiveAt !== undefined,
        undefined,
        { timeout: 30_000 },
      );
      timings.push(
        await page.evaluate(() => ({
          fcpMs: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
          interactiveMs: (window as unknown as { __interactiveAt: number }).__interactiveAt,
        })),
      );
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { fcpMs: median(timings.map((t) => t.fcpMs)), interactiveMs: median(timings.map((t) => t.interactiveMs)) };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Measures the taskpane's first download and start-up; returns a Markdown section for the bench report. */
export async function runBundleBench(): Promise<string> {
  ensureBuilt();
  const initial = initialScripts();
  const total = initial.reduce((sum, a) => sum + a.gzipBytes, 0);
  const raw = initial.reduce((sum, a) => sum + a.bytes, 0);
  const lazy = laterChunks(initial);
  const lines = [
    "## Taskpane: initial JavaScript and time to interactive",
    "",
    `Initial JavaScript of \`taskpane.html\` (office.js excluded, served by Microsoft's CDN): **${kb(total)} gzipped** (${kb(raw)} minified), budget ${kb(INITIAL_JS_BUDGET_GZ)}: ${total <= INITIAL_JS_BUDGET_GZ ? "within" : "**over**"}.`,
    "",
    "| initial script | minified | gzip -9 |",
    "| --- | ---: | ---: |",
    ...initial.map((a) => `| ${a.file} | ${kb(a.bytes)} | ${kb(a.gzipBytes)} |`),
    "",
    "Loaded later (the review panel is prefetched while the adviser types; hosts, themes and .docx on demand; numbered chunks are libraries shared by them, the largest being `docx`):",
    "",
    "| chunk | minified | gzip -9 |",
    "| --- | ---: | ---: |",
    ...lazy.map((a) => `| ${a.file} | ${kb(a.bytes)} | ${kb(a.gzipBytes)} |`),
    "",
  ];
  if (!existsSync(CHROMIUM)) {
    lines.push(`Time to interactive not measured: ${CHROMIUM} is missing.`);
    return lines.join("\n");
  }
  const { url, server } = await serveDist();
  try {
    const fast = await measure(url, 1);
    const slow = await measure(url, 4);
    lines.push(
      `Time to interactive in headless Chromium (${RUNS} cold loads, median; loopback server, office.js from the build's copy; interactive = the notes field is present and enabled, the host known):`,
      "",
      "| CPU | first contentful paint | interactive |",
      "| --- | ---: | ---: |",
      `| this machine | ${fast.fcpMs.toFixed(0)} ms | ${fast.interactiveMs.toFixed(0)} ms |`,
      `| 4× slower (CDP throttling) | ${slow.fcpMs.toFixed(0)} ms | ${slow.interactiveMs.toFixed(0)} ms |`,
    );
  } finally {
    server.close();
  }
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await runBundleBench());
}
