// Drives the sources of the built taskpane in Chromium against the real server: a Teams .vtt import, a PDF upload, an
// Outlook mail thread.
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { describe, expect, it } from "vitest";
import { buildPdf } from "../support/document-builders";
import { fakeOfficeScript } from "../support/fake-hosts";
import { routeOfficeCdn, TaskpanePage } from "./pages/taskpane-page";
import { ROOT } from "./support/build";
import { seriousAxeViolations, shouldRunBrowserTests } from "./support/chromium";
import { useBrowserSession } from "./support/session";

const VTT_PATH = join(ROOT, "tests", "fixtures", "sources", "teams-sinistre-habitation.vtt");
const THREAD = readFileSync(join(ROOT, "tests", "fixtures", "sources", "outlook-fr-reponse-conseiller.txt"), "utf8");
const VIEWPORT = { width: 360, height: 800 };

describe.runIf(shouldRunBrowserTests())("taskpane sources in Chromium", () => {
  const session = useBrowserSession();

  async function newContext(office: "local" | "block" = "local"): Promise<BrowserContext> {
    const context = await session.browser.newContext({ viewport: VIEWPORT, locale: "fr-FR", colorScheme: "light" });
    await routeOfficeCdn(context, office);
    return context;
  }

  it("imports a Teams transcript (.vtt): speakers and turns shown, text sent with the generation, kept on reload", async () => {
    const context = await newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const pane = new TaskpanePage(page);
    await pane.open(session.server.url);

    await pane.sourceAddButton.click();
    await pane.sourceVttInput.setInputFiles(VTT_PATH);
    await pane.sourceCard.waitFor();
    const card = (await pane.sourceCard.textContent()) ?? "";
    expect(card).toContain("Transcription Teams · teams-sinistre-habitation.vtt");
    expect(card).toContain("2 intervenants : Élodie Martin, Thomas Petit");
    expect(card).toMatch(/\d+ répliques/);
    await page.getByTestId("source-toggle").click();
    expect(await page.getByTestId("source-text").inputValue()).toMatch(/^Élodie Martin.* : Bonjour Monsieur Petit/);
    await pane.typeNotes("Entretien Teams avec M. Petit, dégât des eaux");
    await pane.screenshot("taskpane-source-transcript.png");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await pane.generate();
    await pane.waitForReview();
    const user = session.fake.requests.at(-1)?.body.messages.at(-1)?.content ?? "";
    expect(user).toMatch(/<source>[\s\S]*déclaration de sinistre habitation[\s\S]*<\/source>/);

    await page.reload();
    await pane.sourceCard.waitFor();
    expect(await pane.sourceCard.textContent()).toContain("teams-sinistre-habitation.vtt");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("uploads a PDF: pages shown, a page without text flagged", async () => {
    const pdfPath = join(tmpdir(), `greffier-e2e-declaration-${process.pid}.pdf`);
    writeFileSync(
      pdfPath,
      buildPdf([
        { lines: ["Declaration de sinistre automobile", "Lieu : rond-point de la Breche, Niort."] },
        { hasImage: true },
      ]),
    );
    const context = await newContext();
    const page = await context.newPage();
    const pane = new TaskpanePage(page);
    await pane.open(session.server.url);
    await pane.sourceAddButton.click();
    await page.getByTestId("source-file-document").setInputFiles(pdfPath);
    await pane.sourceCard.waitFor();
    expect(await pane.sourceCard.textContent()).toMatch(/PDF · 2 pages/);
    expect(await page.getByTestId("source-warning").textContent()).toContain(
      "Pages sans texte, sans doute scannées : 2.",
    );
    await pane.screenshot("taskpane-source-document.png");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it("in Outlook read mode, shows the mail being read as an attributed thread", async () => {
    const context = await newContext("block");
    await context.addInitScript(
      fakeOfficeScript({
        mode: "read",
        itemType: "message",
        subject: "RE: Déclaration de sinistre",
        body: THREAD,
        from: { displayName: "Élodie Martin", emailAddress: "elodie.martin@maif.fr" },
        to: [{ displayName: "Sophie Durand", emailAddress: "sophie.durand@orange.fr" }],
      }),
    );
    const page = await context.newPage();
    const pane = new TaskpanePage(page);
    await pane.open(session.server.url);
    await pane.sourceCard.waitFor();
    const card = (await pane.sourceCard.textContent()) ?? "";
    expect(card).toContain("Fil de messages");
    expect(card).toMatch(/3 messages : 1 du sociétaire, 2 de la MAIF/);
    await pane.screenshot("taskpane-source-thread.png");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
