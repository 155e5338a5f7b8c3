// Drives the built taskpane in Chromium: after saving minutes, the commitments are reviewed (confirmed, edited,
// dropped), created as To Do tasks through a fake Graph in a build that signs in (the stubbed Outlook host answers
// nested app authentication), and the follow-up e-mail to the member is drafted, validated and saved with the member
// notice.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGraphTodo, type FakeGraphTodo } from "../support/fake-graph-todo";
import { routeOfficeCdn, TaskpanePage } from "./pages/taskpane-page";
import { buildInto, ROOT } from "./support/build";
import { shouldRunBrowserTests } from "./support/chromium";
import { installNaaBridge, naaScopesAsked } from "./support/naa-bridge";
import { useBrowserSession, type BrowserSession } from "./support/session";

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
    await reviewCommitments(page, session);

    // A browser without sign-in has neither Graph nor an Outlook agenda: the pane says so rather than pretending.
    await page.getByRole("button", { name: "Créer les tâches confirmées" }).click();
    await expect
      .poll(() => page.getByTestId("commitments-status").textContent())
      .toMatch(/Ni Microsoft Graph ni l'agenda/);

    await saveFollowUp(page, session);
    await context.close();
  }, 90_000);
});

/** Saves minutes with three commitments, then confirms the first, edits and confirms the second, drops the third. */
async function reviewCommitments(page: Page, session: BrowserSession): Promise<void> {
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
  await rows
    .nth(1)
    .getByRole("textbox", { name: "À faire" })
    .fill("Envoyer les photos du dégât et la facture du plombier");
  await rows.nth(1).getByLabel("Échéance").fill("2026-03-11");
  await rows.nth(1).getByRole("button", { name: "Confirmer" }).click();
  await rows.nth(2).getByRole("button", { name: "Écarter" }).click();
  expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-state")))).toEqual([
    "confirmed",
    "confirmed",
    "dropped",
  ]);
}

/** Drafts the follow-up e-mail from the confirmed commitments, validates and saves it; checks the member's notice. */
async function saveFollowUp(page: Page, session: BrowserSession): Promise<void> {
  const generations: { task: string; notes: string }[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === "/api/generations")
      generations.push(r.postDataJSON() as { task: string; notes: string });
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
    .toBe(
      "Réponse produite par une intelligence artificielle générative et validée par un collaborateur du groupe MAIF.",
    );
  const list = (await (await fetch(`${session.server.url}/api/minutes?limit=5`)).json()) as {
    items: { task: string }[];
  };
  expect(list.items[0]?.task).toBe("member-email");
}

const GRAPH_TOKEN = "graph-token-tasks-readwrite";
const TENANT_ID = "11111111-2222-3333-4444-555555555555";

describe.runIf(shouldRunBrowserTests())(
  "commitments become To Do tasks through Graph, in a signed-in Outlook pane",
  () => {
    // A production build with a client id (sign-in on), served by the server instead of dist/.
    const signedInDist = join(ROOT, ".tmp", "e2e-signed-in");
    beforeAll(
      () =>
        buildInto(signedInDist, {
          GREFFIER_CLIENT_ID: "0f8f7c1e-1111-4a2b-9c3d-abcdefabcdef",
          GREFFIER_TENANT_ID: TENANT_ID,
        }),
      300_000,
    );
    const session = useBrowserSession({ STATIC_DIR: signedInDist });
    let graph: FakeGraphTodo;
    beforeAll(async () => {
      graph = await startFakeGraphTodo({ token: GRAPH_TOKEN });
    });
    afterAll(() => graph.close());

    it("creates the confirmed commitments as tasks in the default list, then saves the follow-up with the member notice", async () => {
      const context = await session.browser.newContext({ viewport: { width: 360, height: 900 }, locale: "fr-FR" });
      await routeOfficeCdn(context);
      await installNaaBridge(context, {
        graphToken: GRAPH_TOKEN,
        apiToken: "api-token-access-as-user",
        tenantId: TENANT_ID,
      });
      // The pane calls the real Graph URL; the browser's network hands it to the fake.
      await context.route("https://graph.microsoft.com/**", async (route) => {
        const target = route.request().url().replace("https://graph.microsoft.com/v1.0", graph.baseUrl);
        await route.fulfill({ response: await route.fetch({ url: target }) });
      });
      const page = await context.newPage();
      await reviewCommitments(page, session);

      await page.getByRole("button", { name: "Créer les tâches confirmées" }).click();
      await expect
        .poll(() => page.getByTestId("commitments-status").textContent(), { timeout: 15_000 })
        .toBe("2 tâche(s) créée(s) dans Outlook.");
      // Both tokens came from the host's nested app authentication: the API's scope and Graph's Tasks.ReadWrite.
      const scopes = await naaScopesAsked(page);
      expect(scopes).toContainEqual(expect.stringContaining("access_as_user"));
      expect(scopes).toContainEqual(expect.stringContaining("Tasks.ReadWrite"));
      expect(graph.tasks.map((t) => ({ list: t.listId, title: t.title, due: t.dueDateTime }))).toEqual([
        {
          list: graph.defaultListId,
          title: "Rappeler la sociétaire le 12 mars 2026 pour fixer le passage de l'expert",
          due: { dateTime: "2026-03-12T09:00:00", timeZone: "Europe/Paris" },
        },
        {
          list: graph.defaultListId,
          title: "Envoyer les photos du dégât et la facture du plombier",
          due: { dateTime: "2026-03-11T09:00:00", timeZone: "Europe/Paris" },
        },
      ]);
      expect(JSON.stringify(graph.tasks)).not.toMatch(/rapport/);

      await saveFollowUp(page, session);
      await context.close();
    }, 120_000);
  },
);
