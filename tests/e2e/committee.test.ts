// Drives committee.html in Debian's Chromium against the real server: a month of use made through the API, read at 1280
// and 360 px.
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAi, type FakeOpenAi } from "../support/fake-openai";
import { startLocalIdentityProvider, TEST_TENANT, type LocalIdentityProvider } from "../support/jwks-signer";
import { startTestServer, type TestServer } from "../support/test-server";
import { authorizeApi, CommitteePage } from "./pages/committee-page";
import { takeScreenshot } from "./support/screenshots";
import { ensureBuilt } from "./support/build";
import { launchChromium, seriousAxeViolations, shouldRunBrowserTests } from "./support/chromium";
import { feedback, generate, save, seedMonth } from "./support/committee-seed";

const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 800 };

describe.runIf(shouldRunBrowserTests())("committee page in Chromium", () => {
  let browser: Browser;
  let fake: FakeOpenAi;
  let idp: LocalIdentityProvider;
  /** `entra` mode: several advisers, so cells reach the minimum group size. */
  let server: TestServer;
  /** `dev` mode: one local user who holds the Committee role. */
  let devServer: TestServer;
  let committeeToken: string;

  beforeAll(async () => {
    ensureBuilt();
    idp = await startLocalIdentityProvider();
    fake = await startFakeOpenAi();
    server = await startTestServer({
      llmBaseUrl: fake.baseUrl,
      env: {
        ...idp.env,
        LLM_MAX_ATTEMPTS: "3",
      },
    });
    await seedMonth(server.url, fake, (oid) => idp.sign({ oid }));
    committeeToken = await idp.sign({ oid: "ethics-member", roles: ["Committee"] });
    // The dev user is an adviser; DEV_COMMITTEE gives it the Committee role to open the committee page.
    devServer = await startTestServer({ llmBaseUrl: fake.baseUrl, env: { DEV_COMMITTEE: "true" } });
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await devServer?.close();
    await server?.close();
    await fake?.close();
    await idp?.close();
  });

  async function newContext(token: string | null, viewport = WIDE): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport, locale: "fr-FR", acceptDownloads: true });
    if (token) await authorizeApi(context, token);
    return context;
  }

  /** Waits for running animations (an accordion opening) to end: mid-fade colours would fail the contrast check. */
  async function settled(page: Page): Promise<void> {
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  }

  async function auditEntries(baseUrl: string, token: string | null): Promise<number> {
    const response = await fetch(`${baseUrl}/api/committee/audit/verify`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const body = (await response.json()) as { ok: boolean; entries: number };
    expect(body.ok).toBe(true);
    return body.entries;
  }

  it("shows the committee a month of use per task, suppressed cells in words, no one named, accessible at 1280 and 360 px", async () => {
    const context = await newContext(committeeToken);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const committee = new CommitteePage(page);
    await committee.open(server.url);

    expect(await page.title()).toBe("Comité d'éthique et de contrôle · Greffier");
    // The month's cells and the audit state come from separate requests: wait for the cells, not only for the audit.
    await expect.poll(() => committee.shownCards.count(), { timeout: 15_000 }).toBe(2);
    const minutes = committee.card("interview-minutes");
    expect(await minutes.getByTestId("cell-generations").textContent()).toBe("6 générations");
    expect(await minutes.getByTestId("metric-validated").textContent()).toMatch(/100\s%/);
    expect(await minutes.getByTestId("metric-footprint-total").textContent()).toMatch(/≈ .*Wh, .*CO2e/);
    expect(await minutes.getByTestId("preprompts-in-use").textContent()).toContain("interview-minutes.complaint@1");
    expect(await minutes.getByRole("img").getAttribute("aria-label")).toMatch(
      /^6 textes enregistrés, par part de mots venant de l'IA : 0 à 10 % : \d+,/,
    );
    const mails = committee.card("member-email");
    expect(await mails.getByTestId("metric-validated").textContent()).toMatch(/83\s%/);
    expect(await mails.getByTestId("metric-degraded").textContent()).toMatch(/^Réponses dégradées \(sans IA\)1/);
    expect(await mails.getByTestId("providers").textContent()).toMatch(/fake-eu \(FRA\) : 5.*offline \(FRA\) : 1/);
    expect(await committee.card("claim-summary").textContent()).toContain("moins de 5 conseillers : non affiché");
    expect(await committee.overviewTable.textContent()).toContain("moins de 5 conseillers : non affiché");

    const entries = await auditEntries(server.url, committeeToken);
    expect(await committee.summaryAudit.textContent()).toBe(`Journal intègre : ${entries} événements`);
    expect(await committee.auditState.textContent()).toBe(`Journal intègre : ${entries} événements`);
    expect(await committee.useCases.textContent()).toContain("Préparer les courriers de relance des pièces manquantes");
    // Comments reach the committee pseudonymised, and nothing on the page names or counts an adviser.
    const text = (await page.locator("body").textContent()) ?? "";
    expect(await committee.comments.textContent()).toContain(
      "Le modèle réclamation oublie la date du premier courrier de M.",
    );
    for (const name of ["Jacques", "Martin", "adviser-", "ethics-member", TEST_TENANT])
      expect(text).not.toContain(name);

    expect(JSON.stringify(await seriousAxeViolations(page))).toBe("[]");
    await committee.screenshot("committee-1280.png");

    // A card's pre-prompt link opens the registry at that version, focused, with the text the AI was given.
    await minutes.getByRole("link", { name: "interview-minutes.complaint@1" }).click();
    const version = page.locator("#preprompt-interview-minutes-complaint-1");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe("preprompt-interview-minutes-complaint-1");
    expect(await version.getByTestId("preprompt-text").textContent()).toMatch(/réclamation/i);
    await settled(page);
    expect(JSON.stringify(await seriousAxeViolations(page))).toBe("[]");
    await takeScreenshot(version, "committee-preprompt.png");

    const csv = await committee.exportAs("csv");
    expect(csv.suggestedFilename()).toMatch(/^greffier-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csvText = await readFile((await csv.path()) ?? "", "utf8");
    expect(csvText.split("\n")[0]).toBe("seq,id,occurredAt,actor,kind,payload,prevHash,hash,hmac");
    expect(csvText).not.toContain("adviser-");
    const json = await committee.exportAs("json");
    expect(json.suggestedFilename()).toMatch(/\.json$/);
    expect(await page.getByTestId("audit-export-status").textContent()).toContain("Export téléchargé");

    await page.setViewportSize(PHONE);
    await page.evaluate(() => window.scrollTo(0, 0));
    // The charts redraw at their new width once the resize is observed: nothing may need a horizontal scroll then.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(JSON.stringify(await seriousAxeViolations(page))).toBe("[]");
    await committee.screenshot("committee-360.png");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("reads the same in English, and in the dark", async () => {
    const context = await browser.newContext({ viewport: WIDE, locale: "en-GB", colorScheme: "dark" });
    await authorizeApi(context, committeeToken);
    const page = await context.newPage();
    const committee = new CommitteePage(page);
    await committee.open(server.url, "?lang=en");
    expect(await page.locator("h1").textContent()).toBe("Ethics and control committee");
    expect(await committee.card("claim-summary").textContent()).toContain("fewer than 5 advisers: not shown");
    expect(await committee.auditState.textContent()).toMatch(/^Log intact: \d+ events$/);
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.querySelector("main") as Element).color))
      .not.toBe("rgb(36, 36, 36)");
    expect(JSON.stringify(await seriousAxeViolations(page))).toBe("[]");
    await committee.screenshot("committee-dark-en.png");
    await context.close();
  });

  it("tells an adviser without the Committee role, in French, that the page is reserved for the committee", async () => {
    const context = await newContext(await idp.sign({ oid: "adviser-minutes-0" }), PHONE);
    const page = await context.newPage();
    const committee = new CommitteePage(page);
    await committee.open(server.url);
    expect(await committee.forbidden.textContent()).toContain(
      "Cette page est réservée au comité d'éthique et de contrôle.",
    );
    expect(await page.getByTestId("summary").count()).toBe(0);
    expect(JSON.stringify(await seriousAxeViolations(page))).toBe("[]");
    await committee.screenshot("committee-403.png");
    await context.close();
  });

  it("in dev mode, the local user (Committee role) sees its own use only as cells too small to show", async () => {
    const created = await generate(devServer.url, null, {
      task: "interview-minutes",
      template: "complaint",
      notes: "Réclamation sur le remboursement du 12/10, montant 380 €.",
    });
    await save(devServer.url, null, created, 1);
    await feedback(devServer.url, null, { generationId: created.id, rating: "up", comment: "Rapide et juste." });
    await save(
      devServer.url,
      null,
      await generate(devServer.url, null, { task: "member-email", notes: "Répondre au sociétaire : dossier complet." }),
    );

    const context = await newContext(null);
    const page = await context.newPage();
    const committee = new CommitteePage(page);
    await committee.open(devServer.url);
    await expect.poll(() => committee.suppressedCards.count(), { timeout: 15_000 }).toBe(2);
    expect(await committee.shownCards.count()).toBe(0);
    for (const card of await committee.suppressedCards.all()) {
      const words = (await card.textContent()) ?? "";
      expect(words).toContain("moins de 5 conseillers : non affiché");
      expect(words.replaceAll(/moins de 5/g, "")).not.toMatch(/\d/);
    }
    expect(await page.getByTestId("summary-generations").textContent()).toBe("0");
    expect(await committee.auditState.textContent()).toBe(
      `Journal intègre : ${await auditEntries(devServer.url, null)} événements`,
    );
    expect(await committee.comments.textContent()).toContain("Rapide et juste.");
    // The registry holds the template's own pre-prompt, with the text the AI was given.
    await committee.registry.getByRole("button", { name: /Entretien de réclamation/ }).click();
    await settled(page);
    expect(await committee.registry.getByTestId("preprompt-text").first().textContent()).toMatch(
      /^Tu es l'assistant de rédaction[\s\S]{200,}/,
    );
    expect(JSON.stringify(await seriousAxeViolations(page))).toBe("[]");
    await context.close();
  });
});
