// Drives the built taskpane in Chromium: after saving minutes, the commitments are reviewed (confirmed, edited,
// dropped) and the follow-up e-mail to the member is drafted, validated and saved with the member notice.
import { describe, expect, it } from "vitest";
import { routeOfficeCdn, TaskpanePage } from "./pages/taskpane-page";
import { shouldRunBrowserTests } from "./support/chromium";
import { useBrowserSession } from "./support/session";

const MINUTES = [
  "## Objet",
  "Dégât des eaux dans la cuisine de Mme Roussel, déclaré le 3 mars 2026.",
  "",
  "## À faire",
  "- Rappeler la sociétaire le 12 mars 2026 pour fixer le passage de l'expert",
  "- La sociétaire enverra les photos et la facture du plombier sous 8 jours",
  "- Le plombier doit remettre son rapport",
].join("\n");

describe.runIf(shouldRunBrowserTests())("commitments after saving, in Chromium", () => {
  const session = useBrowserSession();

  it("reviews the commitments and saves a follow-up e-mail carrying the member notice", async () => {
    const context = await session.browser.newContext({ viewport: { width: 360, height: 900 }, locale: "fr-FR" });
    await routeOfficeCdn(context);
    const page = await context.newPage();
    const pane = new TaskpanePage(page);
    await pane.open(session.server.url);
    await pane.typeNotes("Appel de Mme Roussel : dégât des eaux du 3 mars 2026, rappel le 12 mars, photos à envoyer.");
    await pane.generate();
    await pane.waitForReview();
    await pane.draft.fill(MINUTES);
    await pane.handleFlags((figure) => figure);
    await pane.validate();
    await pane.save();

    await page.getByRole("button", { name: "Relever les engagements et prochaines étapes" }).click();
    const rows = page.getByTestId("commitment");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);
    await expect.poll(async () => rows.nth(0).getByRole("combobox", { name: "Qui" }).inputValue()).toBe("conseiller");
    await expect.poll(async () => rows.nth(1).getByRole("combobox", { name: "Qui" }).inputValue()).toBe("sociétaire");
    expect(await rows.nth(0).getByLabel("Échéance").inputValue()).toBe("2026-03-12");
    await rows.nth(0).getByRole("button", { name: "Confirmer" }).click();
    await rows.nth(1).getByRole("textbox", { name: "À faire" }).fill("Envoyer les photos du dégât et la facture du plombier");
    await rows.nth(1).getByRole("button", { name: "Confirmer" }).click();
    await rows.nth(2).getByRole("button", { name: "Écarter" }).click();
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-state")))).toEqual(["confirmed", "confirmed", "dropped"]);

    // A browser without sign-in has neither Graph nor an Outlook agenda: the pane says so rather than pretending.
    await page.getByRole("button", { name: "Créer les tâches confirmées" }).click();
    await expect.poll(() => page.getByTestId("commitments-status").textContent()).toMatch(/Ni Microsoft Graph ni l'agenda/);

    const generations: { task: string; notes: string }[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && new URL(r.url()).pathname === "/api/generations") generations.push(r.postDataJSON() as { task: string; notes: string });
    });
    await page.getByRole("button", { name: "Préparer l'e-mail de suivi au sociétaire" }).click();
    const followUp = page.getByTestId("followup");
    await followUp.waitFor({ timeout: 20_000 });
    expect(generations.at(-1)?.task).toBe("member-email");
    expect(generations.at(-1)?.notes).toMatch(/Rappeler la sociétaire le 12 mars 2026 pour fixer le passage de l'expert/);
    expect(generations.at(-1)?.notes).toMatch(/Envoyer les photos du dégât et la facture du plombier/);
    expect(generations.at(-1)?.notes).not.toMatch(/rapport/);
    const save = followUp.getByRole("button", { name: "Enregistrer et insérer l'e-mail" });
    expect(await save.isDisabled()).toBe(true);
    await followUp.getByRole("checkbox", { name: /valide/ }).check();
    await save.click();
    // The fake model wrote the e-mail and the adviser kept it: the member's notice, not the minutes' one.
    await expect
      .poll(() => page.getByTestId("followup-notice").textContent(), { timeout: 10_000 })
      .toBe("Réponse produite par une intelligence artificielle générative et validée par un collaborateur du groupe MAIF.");
    const list = (await (await fetch(`${session.server.url}/api/minutes?limit=5`)).json()) as { items: { task: string }[] };
    expect(list.items[0]?.task).toBe("member-email");
    await context.close();
  }, 90_000);
});
