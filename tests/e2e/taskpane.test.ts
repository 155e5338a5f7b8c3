// Drives the built taskpane in Debian's Chromium against the real server and the fake provider: notes to saved minutes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultDraft, startFakeOpenAi, type FakeOpenAi } from "../support/fake-openai";
import { fakeOfficeScript } from "../support/fake-hosts";
import { startTestServer, type TestServer } from "../support/test-server";
import { routeOfficeCdn, TaskpanePage } from "./pages/taskpane-page";
import { ensureBuilt, ROOT } from "./support/build";
import { launchChromium, seriousAxeViolations, shouldRunBrowserTests } from "./support/chromium";

const NOTES = readFileSync(join(ROOT, "tests", "fixtures", "notes", "01-sinistre-auto-telephone.txt"), "utf8");
/** A figure the notes do not contain, so the server flags it for review. */
const INVENTED = "Un devis de 1 250 € a été évoqué, avec une franchise de 150 €.";
const VIEWPORT = { width: 360, height: 800 };

describe.runIf(shouldRunBrowserTests())("taskpane in Chromium", () => {
  let browser: Browser;
  let fake: FakeOpenAi;
  let server: TestServer;

  beforeAll(async () => {
    ensureBuilt();
    fake = await startFakeOpenAi();
    fake.setDefaultText((request) => `${defaultDraft(request)}\n\n## Engagements pris\n- ${INVENTED}\n`);
    server = await startTestServer({ llmBaseUrl: fake.baseUrl });
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fake?.close();
  });

  async function newContext(
    options: { colorScheme?: "light" | "dark"; office?: "local" | "block" } = {},
  ): Promise<BrowserContext> {
    const context = await browser.newContext({
      viewport: VIEWPORT,
      locale: "fr-FR",
      colorScheme: options.colorScheme ?? "light",
      acceptDownloads: true,
    });
    await routeOfficeCdn(context, options.office ?? "local");
    return context;
  }

  it("takes notes to validated, saved minutes: stream, flags, validation, transparency notice", async () => {
    const context = await newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const pane = new TaskpanePage(page);

    await pane.open(server.url);
    // Real office.js, loaded outside Office, must leave a working page behind.
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe("object");
    await pane.typeNotes(NOTES);
    await pane.waitForCaptureParts();
    await pane.screenshot("taskpane-1-notes.png");

    // Slow the provider down so the stream is visible, and check the editor does not move while it fills.
    fake.enqueue({ kind: "ok", chunkSize: 24, chunkDelayMs: 60 });
    await pane.generate();
    await pane.cancelButton.waitFor();
    await expect
      .poll(async () => ((await pane.draft.inputValue()).length > 40 ? "streaming" : "waiting"), { timeout: 20_000 })
      .toBe("streaming");
    const during = await pane.draftBox();
    await pane.screenshot("taskpane-2-streaming.png");
    await pane.waitForReview();
    expect(await pane.draftBox()).toEqual(during);

    expect(await pane.draft.inputValue()).toContain("1 250 €");
    expect(await page.getByTestId("provider").textContent()).toContain("fake-eu");
    expect(await page.getByTestId("facts-masked").textContent()).toMatch(/masquée/);
    expect(await page.getByTestId("facts-footprint").textContent()).toMatch(/Wh/);
    expect(await pane.saveButton.getAttribute("aria-disabled")).toBe("true");
    expect(await pane.flagItems.count()).toBeGreaterThan(0);
    await pane.screenshot("taskpane-3-review.png");
    expect(await seriousAxeViolations(page)).toEqual([]);

    const figures = await pane.handleFlags((figure) => `${figure} (vérifié)`);
    expect(figures).toContain("1 250 €");
    expect(await pane.saveButton.getAttribute("aria-disabled")).toBe("true");
    await pane.validate();
    expect(await pane.saveButton.getAttribute("aria-disabled")).toBeNull();
    await pane.save();

    const confirmation = (await pane.confirmation.textContent()) ?? "";
    expect(confirmation).toContain("enregistré");
    expect(confirmation).toMatch(/intelligence artificielle générative et validé par un collaborateur du groupe MAIF/);
    await pane.screenshot("taskpane-4-saved.png");
    expect(await seriousAxeViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("deliver-docx").click()]);
    // French, with the task and the day, no personal data.
    expect(download.suggestedFilename()).toMatch(/^compte-rendu-\d{4}-\d{2}-\d{2}\.docx$/);

    // Task panes are 320 to 450 px wide: nothing may need a horizontal scroll at either end.
    for (const width of [320, 450]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it("can be driven with the keyboard alone, focus following each step", async () => {
    const context = await newContext();
    const page = await context.newPage();
    const pane = new TaskpanePage(page);
    const focused = () =>
      page.evaluate(
        () =>
          document.activeElement?.closest("[data-testid]")?.getAttribute("data-testid") ??
          document.activeElement?.tagName,
      );
    await pane.open(server.url);
    await pane.notes.focus();
    await page.keyboard.type("Appel M. Benali, accident le 12/10, franchise 380 €");
    await page.keyboard.press("Tab");
    // The source comes next: it is part of what the draft is written from.
    expect(await focused()).toBe("source-add");
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("generate");
    await page.keyboard.press("Enter");
    await pane.waitForReview();

    for (;;) {
      const pending = page.locator('[data-testid="flags"] li[data-status="pending"]').first();
      if ((await pending.count()) === 0) break;
      const id = ((await pending.getAttribute("data-testid")) ?? "").replace("flag-", "");
      await page.getByTestId(`flag-${id}-confirm`).focus();
      await page.keyboard.press("Enter");
      // The buttons go away: focus lands on the item's new status, not at the top of the page.
      expect(await focused()).toBe(`flag-${id}-status`);
    }
    await pane.validateBox.focus();
    await page.keyboard.press("Space");
    expect(await pane.validateBox.isChecked()).toBe(true);
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("save");
    await page.keyboard.press("Enter");
    await pane.confirmation.waitFor();
    expect(await focused()).toBe("confirmation");
    await context.close();
  });

  it("serves tab.html for Teams without office.js, working in a plain browser", async () => {
    const context = await newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(`${server.url}/tab.html`);
    await new TaskpanePage(page).notes.waitFor();
    expect(requested.filter((url) => url.includes("office.js"))).toEqual([]);
    expect(requested.filter((url) => url.includes("host-teams"))).toEqual([]);
    await context.close();
  });

  it("keeps the notes across a reload of the pane", async () => {
    const context = await newContext();
    const page = await context.newPage();
    const pane = new TaskpanePage(page);
    await pane.open(server.url);
    const before = await pane.notesHint();
    await pane.typeNotes("Appel de Mme Morel au sujet du constat amiable");
    // The first autosave changes the hint's words; it must not change its height (the draft below would jump).
    await expect.poll(async () => (await pane.notesHint()).text).toMatch(/Enregistré sur ce poste à/);
    expect((await pane.notesHint()).height).toBe(before.height);
    await page.setViewportSize({ width: 328, height: 800 });
    expect((await pane.notesHint()).height).toBe(before.height);
    await page.setViewportSize(VIEWPORT);
    await page.waitForTimeout(500);
    await page.reload();
    await pane.notes.waitFor();
    expect(await pane.notes.inputValue()).toBe("Appel de Mme Morel au sujet du constat amiable");
    await context.close();
  });

  it("follows a dark host theme and stays accessible", async () => {
    const context = await newContext({ colorScheme: "dark" });
    const page = await context.newPage();
    const pane = new TaskpanePage(page);
    await pane.open(server.url);
    await pane.typeNotes(NOTES);
    await expect
      .poll(() =>
        page.evaluate(() => getComputedStyle(document.querySelector(".greffier-root") as Element).backgroundColor),
      )
      .not.toBe("rgb(255, 255, 255)");
    await pane.waitForCaptureParts();
    await pane.screenshot("taskpane-dark.png");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it("inserts the saved text into an Outlook message being written, escaped", async () => {
    const context = await newContext({ office: "block" });
    await context.addInitScript(
      fakeOfficeScript({
        mode: "compose",
        itemType: "message",
        subject: "RE: Sinistre auto",
        body: "> Bonjour, où en est mon dossier ?",
      }),
    );
    const page = await context.newPage();
    const pane = new TaskpanePage(page);
    await pane.open(server.url);
    fake.enqueue({ kind: "ok", text: "Bonjour Monsieur,\n<img src=x onerror=alert(1)> Votre dossier avance." });
    await pane.typeNotes("dossier en cours, pas de chiffre");
    await pane.generate();
    await pane.waitForReview();
    await pane.handleFlags((figure) => figure);
    await pane.validate();
    await pane.save();
    await page.getByTestId("deliver-insert").click();
    await expect.poll(() => page.getByTestId("deliver-status").textContent()).toContain("inséré");
    const inserted = await page.evaluate(
      () => (window as unknown as { __greffierInserted: string[] }).__greffierInserted,
    );
    expect(inserted).toHaveLength(1);
    expect(inserted[0]).toContain("Votre dossier avance.");
    expect(inserted[0]).not.toMatch(/<img/);
    // The send check now lets the mail go: the validation and the provenance header are recorded with the text.
    const record = await page.evaluate(() => {
      const w = window as unknown as {
        __greffierProperties: Record<string, unknown>;
        __greffierHeaders: Record<string, string>;
      };
      return { properties: w.__greffierProperties, headers: w.__greffierHeaders };
    });
    expect(record.properties).not.toHaveProperty("greffierPending");
    expect(String(record.properties.greffierValidated)).toContain("member-email@");
    expect(record.headers["X-Greffier-Provenance"]).toMatch(
      /^(ai-validated|human-with-ai); prompt=member-email@\d+; generation=[0-9a-f-]{36}$/,
    );
    await pane.screenshot("taskpane-outlook-compose.png");
    await context.close();
  });
});
