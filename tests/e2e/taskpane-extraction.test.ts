// Drives document extraction and AI edits in the built taskpane in Chromium, against the real server and the fake
// provider.
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildDocx } from "../support/document-builders";
import { defaultDraft, startFakeOpenAi, type FakeOpenAi } from "../support/fake-openai";
import { startTestServer, type TestServer } from "../support/test-server";
import { routeOfficeCdn, TaskpanePage } from "./pages/taskpane-page";
import { ensureBuilt, ROOT } from "./support/build";
import { launchChromium, seriousAxeViolations, shouldRunBrowserTests } from "./support/chromium";

const DECLARATION = readFileSync(join(ROOT, "tests", "fixtures", "documents", "declaration-sinistre.txt"), "utf8");
const VIEWPORT = { width: 360, height: 800 };
const F = (value: string | null, quote: string | null = value) => ({ value, quote });

/** A good model's answer for the declaration (as tests/integration/extraction.test.ts), with one place it made up. */
function extractionAnswer(user: string): string {
  const plate = /immatriculation (\[IMMAT_\d+\])/.exec(user)?.[1] ?? "FG-482-KL";
  return JSON.stringify({
    documentType: "declaration-sinistre-auto",
    date: F("12/10/2025"),
    heure: F("18h30"),
    lieu: F("Poitiers", "accident survenu à Poitiers"),
    circonstances: F(
      "le tiers n'a pas respecté le cédez-le-passage",
      "le tiers n'a pas respecté le cédez-le-passage et a heurté l'arrière du véhicule assuré",
    ),
    vehicules: [
      {
        immatriculation: F(plate, `immatriculation ${plate}`),
        marqueModele: F("Peugeot 208"),
        conducteur: F(null),
        assureur: F(null),
      },
    ],
    tiers: [],
    dommages: F("feu arrière cassé, pare-chocs arrière enfoncé"),
    blesses: F("aucun", "Blessés : aucun"),
  });
}

describe.runIf(shouldRunBrowserTests())("taskpane extraction and AI edits in Chromium", () => {
  let browser: Browser;
  let fake: FakeOpenAi;
  let server: TestServer;

  beforeAll(async () => {
    ensureBuilt();
    fake = await startFakeOpenAi();
    server = await startTestServer({ llmBaseUrl: fake.baseUrl });
    browser = await launchChromium();
  }, 300_000);
  beforeEach(() => fake.setDefaultText(defaultDraft));

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fake?.close();
  });

  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: "fr-FR", colorScheme: "light" });
    await routeOfficeCdn(context);
    return context;
  }

  it("extracts a claim declaration into a form: quotes shown, the made-up place to correct, saved as « Libellé : valeur »", async () => {
    const docx = join(tmpdir(), `greffier-e2e-declaration-${process.pid}.docx`);
    writeFileSync(docx, await buildDocx(DECLARATION.trim().split("\n")));
    fake.setDefaultText((request) => extractionAnswer(request.body.messages.map((m) => m.content).join("\n")));
    const context = await newContext();
    const page = await context.newPage();
    const pane = new TaskpanePage(page);
    await pane.open(server.url);

    await page.getByTestId("task").selectOption("document-extraction");
    await page.getByTestId("document-type").selectOption("declaration-sinistre-auto");
    await pane.sourceAddButton.click();
    await page.getByTestId("source-file-document").setInputFiles(docx);
    await pane.sourceCard.waitFor();
    await pane.typeNotes("Déclaration reçue par courrier");
    await pane.generate();
    await pane.waitForReview();

    const form = page.getByTestId("extraction");
    await form.waitFor();
    expect(await page.getByRole("textbox", { name: "Véhicule 1 — Immatriculation" }).inputValue()).toBe("FG-482-KL");
    expect(await page.getByTestId("field-lieu").getAttribute("data-status")).toBe("pending");
    expect(await page.getByTestId("field-blesses").textContent()).toContain("Citation : « Blessés : aucun »");
    expect(await pane.saveButton.getAttribute("aria-disabled")).toBe("true");
    await pane.screenshot("taskpane-extraction.png");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole("textbox", { name: "Lieu" }).fill("rond-point de l'avenue de Paris, Niort");
    expect(await page.getByTestId("field-lieu").getAttribute("data-status")).toBe("corrected");
    await pane.validate();
    const [request] = await Promise.all([page.waitForRequest((r) => r.url().endsWith("/api/minutes")), pane.save()]);
    const text = (request.postDataJSON() as { text: string }).text;
    expect(text.split("\n").slice(0, 3)).toEqual([
      "Date : 12/10/2025",
      "Heure : 18h30",
      "Lieu : rond-point de l'avenue de Paris, Niort",
    ]);
    expect(text).toContain("Véhicule 1 — Immatriculation : FG-482-KL");
    expect(await pane.confirmation.textContent()).toContain("Extraction validée et enregistrée");
    await context.close();
  });

  it("rewrites an edited draft by instruction, and shows the history: generation, manual edit, AI edit", async () => {
    const context = await newContext();
    const page = await context.newPage();
    const pane = new TaskpanePage(page);
    await pane.open(server.url);
    await page.getByTestId("task").selectOption("member-email");
    await pane.typeNotes(
      "Sinistre dégât des eaux du 3 novembre, expert sous 5 jours, conserver les éléments endommagés",
    );
    await pane.generate();
    await pane.waitForReview();
    const first = await pane.draft.inputValue();
    // The sentence at the caret shows the note line it draws on, under the editor.
    await pane.draft.evaluate((el: HTMLTextAreaElement) => {
      const at = el.value.indexOf("expert");
      el.focus();
      el.setSelectionRange(at, at);
    });
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.getByTestId("citation").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("citation").first().textContent()).toMatch(
      /^Notes, ligne 1« Sinistre dégât des eaux/,
    );
    await pane.draft.fill(`${first}\nAjout du conseiller : rappel vendredi.`);

    fake.enqueue({
      kind: "ok",
      text: "Bonjour,\nVotre dossier avance : un expert passera sous 5 jours.\nCordialement.",
      chunkSize: 12,
      chunkDelayMs: 20,
    });
    await page.getByRole("button", { name: "Plus concis" }).click();
    await expect.poll(() => pane.draft.inputValue(), { timeout: 20_000 }).toContain("un expert passera sous 5 jours");
    await pane.waitForReview();
    expect(await pane.validateBox.isChecked()).toBe(false);
    expect(await pane.notes.inputValue()).toContain("Sinistre dégât des eaux");
    const revision = fake.requests.at(-1)?.body.messages.at(-1)?.content ?? "";
    expect(revision).toMatch(/<brouillon>[\s\S]*Ajout du conseiller : rappel vendredi\.[\s\S]*<\/brouillon>/);
    expect(revision).toContain("Plus concis");

    await page.getByTestId("versions-toggle").click();
    await expect.poll(() => page.getByTestId("version").count()).toBe(3);
    expect(
      await page.getByTestId("version").evaluateAll((items) => items.map((i) => i.getAttribute("data-kind"))),
    ).toEqual(["generation", "manual-edit", "ai-edit"]);
    await page.getByTestId("versions").scrollIntoViewIfNeeded();
    await pane.screenshot("taskpane-versions.png");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByTestId("version").nth(1).getByTestId("version-restore").click();
    expect(await pane.draft.inputValue()).toContain("Ajout du conseiller : rappel vendredi.");
    await context.close();
  });
});
