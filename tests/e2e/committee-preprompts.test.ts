// Drives the committee page in Chromium: one member edits and evaluates a pre-prompt, another approves and puts it in
// service, then rolls back.
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAi, type FakeOpenAi } from "../support/fake-openai";
import { startLocalIdentityProvider, type LocalIdentityProvider } from "../support/jwks-signer";
import { startTestServer, type TestServer } from "../support/test-server";
import { authorizeApi, CommitteePage } from "./pages/committee-page";
import { ensureBuilt } from "./support/build";
import { launchChromium, seriousAxeViolations, shouldRunBrowserTests } from "./support/chromium";

const ADDED_RULE =
  "Termine toujours par une formule de politesse et rappelle le numéro de dossier s'il figure dans les notes.";

describe.runIf(shouldRunBrowserTests())("committee pre-prompt governance in Chromium", () => {
  let browser: Browser;
  let fake: FakeOpenAi;
  let idp: LocalIdentityProvider;
  let server: TestServer;
  let alice: string;
  let bob: string;
  let adviser: string;

  beforeAll(async () => {
    ensureBuilt();
    idp = await startLocalIdentityProvider();
    fake = await startFakeOpenAi();
    server = await startTestServer({
      llmBaseUrl: fake.baseUrl,
      env: {
        ...idp.env,
      },
    });
    alice = await idp.sign({ oid: "member-alice", name: "Alice Martin", roles: ["Committee"] });
    bob = await idp.sign({ oid: "member-bob", name: "Bruno Caron", roles: ["Committee"] });
    adviser = await idp.sign({ oid: "adviser-1" });
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fake?.close();
    await idp?.close();
  });

  async function openAs(token: string): Promise<{ context: BrowserContext; page: Page; group: Locator }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" });
    await authorizeApi(context, token);
    const page = await context.newPage();
    await new CommitteePage(page).open(server.url);
    const group = page.getByTestId("preprompt-group-member-email");
    // Keyboard: focus the group's header and open it with Enter.
    await group.getByRole("button").first().focus();
    await page.keyboard.press("Enter");
    return { context, page, group };
  }

  async function generate(): Promise<{ id: string; system: string | undefined }> {
    const before = fake.requests.length;
    const response = await fetch(`${server.url}/api/generations`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${adviser}` },
      body: JSON.stringify({
        task: "member-email",
        notes: "Répondre au sociétaire : l'attestation d'habitation est jointe.\nDossier n° 2025-0412.",
      }),
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { prePrompt: { id: string } };
    const system = fake.requests
      .slice(before)
      .find((r) => r.path.endsWith("/chat/completions"))
      ?.body.messages.find((m) => m.role === "system")?.content;
    return { id: body.prePrompt.id, system };
  }

  it("edits, evaluates, approves by a second member, puts in service, and rolls back", async () => {
    // 1. Alice writes a new version against the active one and runs its evaluation.
    const a = await openAs(alice);
    await a.group.getByTestId("preprompt-new-version").click();
    const editor = a.group.getByTestId("preprompt-editor-text");
    const base = await editor.inputValue();
    await editor.fill(`${base}\n${ADDED_RULE}`);
    expect(await a.group.getByTestId("preprompt-diff").locator("ins").textContent()).toContain(ADDED_RULE);
    expect(JSON.stringify(await seriousAxeViolations(a.page))).toBe("[]");
    await a.group.getByTestId("preprompt-save-draft").click();
    const draft = a.page.locator("#preprompt-member-email-2");
    await draft.waitFor();
    expect(await draft.getByTestId("preprompt-state").textContent()).toBe("Brouillon");
    await draft.getByTestId("preprompt-evaluate").click();
    const scores = draft.getByTestId("preprompt-scores");
    await scores.waitFor({ timeout: 60_000 });
    expect(await draft.getByTestId("preprompt-state").textContent()).toBe("Évaluée");
    expect(await scores.locator('[data-metric="facts"] td').first().textContent()).toMatch(/^\d\.\d\d/);
    // The active version's scores are beside them.
    expect(await scores.locator('[data-metric="overall"] td').nth(1).textContent()).toMatch(/^\d\.\d\d$/);
    expect(JSON.stringify(await seriousAxeViolations(a.page))).toBe("[]");
    // Her own version: she cannot approve it.
    expect(await draft.getByTestId("preprompt-approve").isDisabled()).toBe(true);
    await a.context.close();

    // 2. Bruno approves it with a reason and puts it in service.
    const b = await openAs(bob);
    const version = b.page.locator("#preprompt-member-email-2");
    await version.getByTestId("preprompt-approve").click();
    await version
      .getByTestId("preprompt-reason")
      .fill("Formule de politesse systématique, demandée par le service relation sociétaires.");
    await version.getByTestId("preprompt-confirm-approve").click();
    await expect.poll(() => version.getByTestId("preprompt-state").textContent()).toBe("Approuvée");
    await version.getByTestId("preprompt-activate").click();
    await expect.poll(() => version.getByTestId("preprompt-state").textContent()).toBe("Active");

    // 3. The next generation uses it and is stamped with it.
    const next = await generate();
    expect(next.id).toBe("member-email@2");
    expect(next.system).toContain(ADDED_RULE);

    // 4. Rollback: one action on the earlier version.
    const first = b.page.locator("#preprompt-member-email-1");
    await expect.poll(() => first.getByTestId("preprompt-state").textContent()).toBe("Retirée");
    await first.getByTestId("preprompt-activate").click();
    await expect.poll(() => first.getByTestId("preprompt-state").textContent()).toBe("Active");
    const restored = await generate();
    expect(restored.id).toBe("member-email@1");
    expect(restored.system).not.toContain(ADDED_RULE);
    await b.context.close();

    const verify = (await (
      await fetch(`${server.url}/api/committee/audit/verify`, { headers: { authorization: `Bearer ${bob}` } })
    ).json()) as { ok: boolean };
    expect(verify.ok).toBe(true);
  }, 180_000);
});
