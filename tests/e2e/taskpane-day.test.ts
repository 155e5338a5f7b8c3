// The adviser's day in Chromium: notes that survive the pane per item and go once saved, "Mes comptes rendus" (search,
// reopen, export again), no 404 on load.
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { routeOfficeCdn, TaskpanePage } from "./pages/taskpane-page";
import { shouldRunBrowserTests } from "./support/chromium";
import { takeScreenshot } from "./support/screenshots";
import { useBrowserSession } from "./support/session";

const VIEWPORT = { width: 360, height: 800 };

describe.runIf(shouldRunBrowserTests())("the adviser's day in the taskpane", () => {
  const session = useBrowserSession();

  async function newContext(
    storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>,
  ): Promise<BrowserContext> {
    const context = await session.browser.newContext({
      viewport: VIEWPORT,
      locale: "fr-FR",
      acceptDownloads: true,
      ...(storageState ? { storageState } : {}),
    });
    await routeOfficeCdn(context);
    return context;
  }

  /** Opens the pane on the named browser draft (the browser host's item). */
  async function openDraft(context: BrowserContext, draft: string): Promise<{ page: Page; pane: TaskpanePage }> {
    const page = await context.newPage();
    const pane = new TaskpanePage(page);
    await page.goto(`${session.server.url}/taskpane.html?draft=${encodeURIComponent(draft)}`);
    await pane.notes.waitFor();
    return { page, pane };
  }

  /** Types notes and waits until the pane says they are written to the device. */
  async function typeAndWaitSaved(pane: TaskpanePage, notes: string): Promise<void> {
    await pane.typeNotes(notes);
    await expect
      .poll(async () => (await pane.root.getByTestId("notes-saved").textContent()) ?? "", { timeout: 10_000 })
      .toMatch(/Enregistré/);
  }

  it("keeps each item's notes when the pane is closed and opened again, says so, and clears them once saved", async () => {
    const first = await newContext();
    const a = await openDraft(first, "dossier-a");
    await typeAndWaitSaved(a.pane, "Appel de M. Lambert : bris de glace sur la Clio, devis de 320 €.");
    const b = await openDraft(first, "dossier-b");
    expect(await b.pane.notes.inputValue()).toBe("");
    await typeAndWaitSaved(b.pane, "Visite chez Mme Haddad : dégât des eaux dans la cuisine.");
    // The pane is closed: the pages go, and with them any tab-level session; only the device's storage remains.
    const storage = await first.storageState();
    await first.close();

    const second = await newContext(storage);
    const againA = await openDraft(second, "dossier-a");
    expect(await againA.pane.notes.inputValue()).toBe(
      "Appel de M. Lambert : bris de glace sur la Clio, devis de 320 €.",
    );
    expect(await againA.page.getByTestId("restored").textContent()).toMatch(
      /^Notes restaurées du \d{2}\/\d{2} à \d{2}:\d{2}\./,
    );
    await takeScreenshot(againA.page, "taskpane-restored.png");
    const againB = await openDraft(second, "dossier-b");
    expect(await againB.pane.notes.inputValue()).toBe("Visite chez Mme Haddad : dégât des eaux dans la cuisine.");

    // Saved minutes take their notes off the device; the other item keeps its own.
    await againA.pane.generate();
    await againA.pane.waitForReview();
    // The draft reads as a finished document: sections as marked headings, bullets, no Markdown marker.
    const draft = await againA.pane.draft.inputValue();
    expect(draft).not.toMatch(/^#|\*\*|^- /m);
    expect(draft).toMatch(/^• /m);
    expect(await againA.page.locator("[data-heading]").allTextContents()).toEqual(
      expect.arrayContaining(["Contexte", "Éléments échangés"]),
    );
    await againA.pane.draft.scrollIntoViewIfNeeded();
    await takeScreenshot(againA.page, "taskpane-review-sections.png");
    await againA.pane.handleFlags((figure) => figure);
    await againA.pane.validate();
    await againA.pane.save();
    const stored = async () =>
      (await second.storageState()).origins.flatMap((o) => o.localStorage.map((e) => `${e.name}=${e.value}`));
    await expect
      .poll(async () => (await stored()).some((entry) => entry.includes("dossier-a")), { timeout: 10_000 })
      .toBe(false);
    expect((await stored()).some((entry) => entry.includes("Mme Haddad"))).toBe(true);
    expect((await stored()).some((entry) => entry.startsWith("greffier:browser-session"))).toBe(false);
    await second.close();
  });

  it("finds a saved text by search in 'Mes comptes rendus', reopens it read-only and exports it again", async () => {
    const context = await newContext();
    const { page, pane } = await openDraft(context, "historique");
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await pane.typeNotes(
      "Appel du sociétaire au sujet de la véranda fissurée après la grêle du 12/11.\nExpert à mandater.",
    );
    await pane.generate();
    await pane.waitForReview();
    await pane.handleFlags((figure) => figure);
    await pane.validate();
    await pane.save();
    const notice = (await page.getByTestId("transparency-label").textContent()) ?? "";

    await page.getByTestId("history-open-button").click();
    await page.getByTestId("history-list").waitFor();
    await page.getByTestId("history-search").fill("véranda");
    await page.getByTestId("history-search-button").click();
    const items = page.locator('[data-testid="history-list"] li');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().textContent()).toMatch(/Compte-rendu d'entretien/);
    await page.getByTestId("history-search").fill("inexistantissime");
    await page.getByTestId("history-search-button").click();
    await page.getByTestId("history-empty").waitFor();
    await page.getByTestId("history-search").fill("véranda");
    await page.getByTestId("history-search-button").click();
    await items.first().getByRole("button").click();

    await page.getByTestId("history-open").waitFor();
    const text = (await page.getByTestId("history-text").textContent()) ?? "";
    expect(text).toContain("véranda fissurée");
    expect(text).not.toMatch(/##|\*\*/);
    expect(await page.getByTestId("history-readonly").textContent()).toMatch(/Lecture seule/);
    expect(await page.getByTestId("history-notice").textContent()).toBe(
      notice.replace(/^«\s*|\s*»$/g, "").replace(/^"|"$/g, ""),
    );
    expect(await page.getByTestId("history-provenance").textContent()).toMatch(/interview-minutes@\d+/);
    await takeScreenshot(page, "taskpane-history.png");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("history-docx").click()]);
    expect(download.suggestedFilename()).toMatch(/^compte-rendu-\d{4}-\d{2}-\d{2}\.docx$/);
    const files = unzipSync(new Uint8Array(readFileSync((await download.path()) ?? "")));
    const xml = strFromU8(files["word/document.xml"] ?? new Uint8Array());
    expect(xml).toContain('w:val="Heading1"');
    expect(xml).toContain("<w:numPr>");
    expect(xml).toContain("véranda fissurée");
    const words = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("\n");
    expect(words).not.toMatch(/[*#]/);

    await page.getByTestId("history-new-from").click();
    expect(await pane.notes.inputValue()).toContain("véranda fissurée");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("loads every page with no request answered 404 (favicon included) and no console error", async () => {
    const context = await newContext();
    const page = await context.newPage();
    const missing: string[] = [];
    const consoleErrors: string[] = [];
    page.on("response", (response) => {
      if (response.status() === 404) missing.push(response.url());
    });
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    for (const path of ["/taskpane.html", "/committee.html"]) {
      await page.goto(`${session.server.url}${path}`, { waitUntil: "networkidle" });
    }
    expect(missing).toEqual([]);
    // (The committee page answers 403 to an adviser without the role: expected, and not a missing file.)
    expect(consoleErrors.filter((e) => /\b404\b/.test(e))).toEqual([]);
    // Headless Chromium asks for no /favicon.ico by itself, but a desktop browser does unless the page names its
    // icon: the taskpane names one, and every icon it names is served as an image.
    await page.goto(`${session.server.url}/taskpane.html`, { waitUntil: "networkidle" });
    const icons = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]')].map((l) => l.href),
    );
    expect(icons.length).toBeGreaterThan(0);
    for (const href of icons) {
      const icon = await page.request.get(href);
      expect(icon.status(), href).toBe(200);
      expect(icon.headers()["content-type"]).toMatch(/^image\//);
    }
    await context.close();
  });
});
