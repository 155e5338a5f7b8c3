// Drives the built taskpane in Chromium: a double-clicked "Enregistrer" and a save whose first attempt is lost on the
// network each store one record, every attempt carrying the same Idempotency-Key.
import type { Request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { routeOfficeCdn, TaskpanePage } from "./pages/taskpane-page";
import { shouldRunBrowserTests } from "./support/chromium";
import { useBrowserSession } from "./support/session";

const VIEWPORT = { width: 360, height: 800 };

describe.runIf(shouldRunBrowserTests())("saving from the taskpane in Chromium", () => {
  const session = useBrowserSession();

  async function savedCount(): Promise<number> {
    const list = (await (await fetch(`${session.server.url}/api/minutes?limit=50`)).json()) as { items: unknown[] };
    return list.items.length;
  }

  async function paneReadyToSave() {
    const context = await session.browser.newContext({ viewport: VIEWPORT, locale: "fr-FR" });
    await routeOfficeCdn(context);
    const page = await context.newPage();
    const saves: Request[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && new URL(request.url()).pathname === "/api/minutes") saves.push(request);
    });
    const pane = new TaskpanePage(page);
    await pane.open(session.server.url);
    await pane.typeNotes("Appel de Mme Roussel le 18/11 : demande d'attestation scolaire pour ses deux enfants.");
    await pane.generate();
    await pane.waitForReview();
    await pane.handleFlags((figure) => figure);
    await pane.validate();
    return { context, page, pane, saves };
  }

  it("stores one record when Enregistrer is double-clicked", async () => {
    const before = await savedCount();
    const { context, page, pane, saves } = await paneReadyToSave();
    // Slow the save down so the second click lands while the first is in flight.
    await page.route("**/api/minutes", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await pane.saveButton.dblclick();
    await pane.confirmation.waitFor();
    await page.waitForTimeout(800);
    expect(await savedCount()).toBe(before + 1);
    const keys = new Set(saves.map((r) => r.headers()["idempotency-key"]));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[\w-]{8,}$/);
    await context.close();
  });

  it("retries a save lost on the network with the same key, and keeps the text until the server acknowledges it", async () => {
    const before = await savedCount();
    const { context, page, pane, saves } = await paneReadyToSave();
    const text = await pane.draft.inputValue();
    let attempt = 0;
    await page.route("**/api/minutes", async (route) => {
      attempt += 1;
      // The first attempt reaches the server, whose answer is lost; the second is refused at the network.
      if (attempt === 1) {
        await route.fetch();
        await route.abort("connectionreset");
      } else if (attempt === 2) await route.abort("failed");
      else await route.continue();
    });
    await pane.save();
    expect(await pane.confirmation.textContent()).toContain("enregistré");
    expect(saves.length).toBeGreaterThanOrEqual(3);
    expect(new Set(saves.map((r) => r.headers()["idempotency-key"])).size).toBe(1);
    expect(await savedCount()).toBe(before + 1);
    expect(text.length).toBeGreaterThan(0);
    await context.close();
  });
});
