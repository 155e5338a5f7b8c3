// Owns how the e2e suite gets a browser (Debian's Chromium, never a downloaded one) and runs axe-core in a page.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { ROOT } from "./build";

export const CHROMIUM = "/usr/bin/chromium";

/** Flags for a headless Chromium in a container with no network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * Whether browser tests should run: always under CI (a missing Chromium then fails loudly at launch),
 * elsewhere only when Debian's Chromium is installed.
 */
export function shouldRunBrowserTests(): boolean {
  if (existsSync(CHROMIUM) || process.env.CI) return true;
  console.warn(
    `[e2e] ${CHROMIUM} is missing: browser tests skipped. Install it with "apt-get install -y chromium" (under CI they fail instead).`,
  );
  return false;
}

/**
 * Launches Debian's Chromium headless.
 * @throws Error naming the missing executable, so a CI log says what to install.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) to run the e2e suite.`,
    );
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: { target: unknown[] }[];
}

/** Runs axe-core (WCAG 2 A/AA rules) in the page (or a frame of it) and returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page | Frame): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window)))
    await page.addScriptTag({ path: join(ROOT, "node_modules", "axe-core", "axe.min.js") });
  const violations = await page.evaluate(async () => {
    // Colours are judged at rest: a dialog still fading in has semi-transparent text that would fail contrast.
    // (Infinite ones, such as a progress bar, never finish and are left alone.)
    const finite = document
      .getAnimations()
      .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
    await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
