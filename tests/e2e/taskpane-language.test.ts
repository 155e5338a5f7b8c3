// The pane's language in Chromium: English advisers get English from the first paint (its messages fetched on demand),
// French advisers never download them, and a failed English download leaves a working pane in French.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { routeOfficeCdn } from "./pages/taskpane-page";
import { shouldRunBrowserTests } from "./support/chromium";
import { useBrowserSession } from "./support/session";

/** Records every text the generate button ever shows, from the first paint on. */
async function watchGenerateLabel(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __labels: string[] };
    w.__labels = [];
    new MutationObserver(() => {
      const label = document.querySelector('[data-testid="generate"]')?.textContent ?? null;
      if (label !== null && w.__labels.at(-1) !== label) w.__labels.push(label);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

describe.runIf(shouldRunBrowserTests())("taskpane language", () => {
  const session = useBrowserSession({}, { hasProvider: false });

  async function openPane(locale: string, options: { failEnglish?: boolean } = {}) {
    const context = await session.browser.newContext({ viewport: { width: 360, height: 800 }, locale });
    await routeOfficeCdn(context);
    const scripts: string[] = [];
    context.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });
    if (options.failEnglish) await context.route(/\/assets\/i18n-en\.[^/]*\.js$/, (route) => route.abort());
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await watchGenerateLabel(page);
    await page.goto(`${session.server.url}/taskpane.html`);
    await page.getByTestId("notes").waitFor();
    const labels = async (): Promise<string[]> =>
      page.evaluate(() => (window as unknown as { __labels: string[] }).__labels);
    return { context, page, scripts, errors, labels };
  }

  it("shows an English browser the pane in English from the first paint, never French first", async () => {
    const { context, page, scripts, errors, labels } = await openPane("en-GB");
    await expect.poll(labels).toEqual(["Generate"]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await expect.poll(() => page.getByTestId("notes").isEnabled()).toBe(true);
    expect(scripts.some((s) => /\/assets\/i18n-en\./.test(s))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("never downloads the English messages for a French browser", async () => {
    const { context, scripts, errors, labels } = await openPane("fr-FR");
    await expect.poll(labels).toEqual(["Générer"]);
    expect(scripts.filter((s) => /\/assets\/i18n-en\./.test(s))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("still opens, in French, when the English messages cannot be downloaded", async () => {
    const { context, page, labels } = await openPane("en-US", { failEnglish: true });
    await expect.poll(labels).toEqual(["Générer"]);
    await expect.poll(() => page.getByTestId("notes").isEnabled()).toBe(true);
    await context.close();
  });
});
