// Drives tab.html and config.html inside a stubbed Teams host (a harness on a Teams origin answering teams-js over
// postMessage) in Debian's Chromium, against the real server and the fake provider.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { routeOfficeCdn, TaskpanePage } from "./pages/taskpane-page";
import { TEAMS_APP_ORIGIN, TEAMS_VALID_DOMAINS_URL, TeamsHostPage, type TeamsStubContext } from "./pages/teams-host";
import { ROOT } from "./support/build";
import { takeScreenshot } from "./support/screenshots";
import { seriousAxeViolations, shouldRunBrowserTests } from "./support/chromium";
import { useBrowserSession } from "./support/session";

const NOTES = readFileSync(join(ROOT, "tests", "fixtures", "notes", "02-degat-des-eaux-visite.txt"), "utf8");
const MEETING_ID = "MCMxOTptZWV0aW5nX1pHVTRaR0pp";
const SIDE_PANEL: TeamsStubContext = {
  frameContext: "sidePanel",
  locale: "fr-fr",
  theme: "default",
  meetingId: MEETING_ID,
  chatId: "19:meeting_ZGU4ZGJi@thread.v2",
  entityId: "greffier-meeting",
};

describe.runIf(shouldRunBrowserTests())("Teams pages in a stubbed Teams host", () => {
  const session = useBrowserSession();

  async function openInTeams(
    file: string,
    stub: TeamsStubContext,
  ): Promise<{ context: BrowserContext; teams: TeamsHostPage; frame: Frame; requested: string[]; errors: string[] }> {
    const context = await session.browser.newContext({ viewport: { width: 320, height: 800 }, locale: "fr-FR" });
    await routeOfficeCdn(context, "block");
    const page = await context.newPage();
    const requested: string[] = [];
    const errors: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    page.on("pageerror", (error) => errors.push(error.message));
    const teams = await TeamsHostPage.route(context, page, session.server.url, file, stub);
    const frame = await teams.open();
    return { context, teams, frame, requested, errors };
  }

  it("runs the flow in tab.html in the meeting side panel: notes, Générer, validation, Enregistrer", async () => {
    const { context, teams, frame, requested, errors } = await openInTeams("tab.html", SIDE_PANEL);
    const pane = new TaskpanePage(teams.page, frame);
    await pane.notes.waitFor();

    // teams-js started (no office.js in a Teams frame), asked its host and got the meeting's context.
    expect(requested.filter((url) => url.includes("office.js"))).toEqual([]);
    expect(requested.some((url) => /\/assets\/host-teams\.[0-9a-f]+\.js$/.test(url))).toBe(true);
    expect(requested).toContain(TEAMS_VALID_DOMAINS_URL);
    const funcs = (await teams.messages()).map((m) => m.func);
    expect(funcs.slice(0, 2)).toEqual(["initialize", "getContext"]);
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe("fr");

    await pane.typeNotes(NOTES);
    await pane.generate();
    await pane.waitForReview();
    await pane.handleFlags((figure) => figure);
    await pane.validate();
    await pane.save();
    const confirmation = (await pane.confirmation.textContent()) ?? "";
    expect(confirmation).toContain("enregistré");
    expect(confirmation).toMatch(/intelligence artificielle générative et validé par un collaborateur du groupe MAIF/);
    // Teams has nowhere to write the text: copy and download only.
    expect(await frame.getByTestId("deliver-insert").count()).toBe(0);
    expect(await frame.getByTestId("deliver-copy").count()).toBe(1);

    // Teams frames the pane from another site; this Chromium, like a browser that blocks third-party cookies,
    // refuses storage to such a frame. The adviser is told the notes are not kept, and the flow works without it.
    const isStorageAllowed = await frame.evaluate(() => {
      try {
        return typeof localStorage.length === "number";
      } catch {
        return false;
      }
    });
    if (isStorageAllowed) {
      const keys = await frame.evaluate(() => Object.keys(localStorage));
      expect(keys.some((key) => key.includes(`teams:${MEETING_ID}`))).toBe(true);
    } else {
      expect(await frame.getByText(/refuse l'enregistrement local/).count()).toBe(1);
    }
    // The side panel is 320 px wide: nothing may need a horizontal scroll.
    expect(await frame.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await seriousAxeViolations(frame)).toEqual([]);
    await takeScreenshot(teams.page, "teams-side-panel.png");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("follows the meeting's theme and language", async () => {
    const { context, frame } = await openInTeams("tab.html", { ...SIDE_PANEL, locale: "en-us", theme: "dark" });
    await frame.getByTestId("notes").waitFor();
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe("en");
    await expect
      .poll(() =>
        frame.evaluate(() => getComputedStyle(document.querySelector(".greffier-root") as Element).backgroundColor),
      )
      .not.toBe("rgb(255, 255, 255)");
    await context.close();
  });

  it("config.html enables Save at once and saves tab.html as the side panel's content", async () => {
    const { context, teams, frame, requested, errors } = await openInTeams("config.html", {
      frameContext: "settings",
      locale: "fr-fr",
      theme: "default",
    });
    expect(await teams.waitForMessage("settings.setValidityState")).toEqual([true]);
    expect(await frame.locator("h1").textContent()).toBe("Greffier dans cette réunion");
    expect(requested.filter((url) => url.includes("office.js"))).toEqual([]);

    // The adviser clicks Save in Teams.
    await teams.send("settings.save", [{}]);
    await teams.waitForMessage("settings.save.success");
    const [saved] = await teams.waitForMessage("settings.setSettings");
    expect(saved).toMatchObject({
      entityId: "greffier-meeting",
      contentUrl: `${TEAMS_APP_ORIGIN}/tab.html`,
      suggestedDisplayName: "Greffier",
    });
    expect((await teams.messages()).map((m) => m.func)).not.toContain("settings.save.failure");
    expect(await seriousAxeViolations(frame)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("config.html opened outside Teams says where it belongs, without loading teams-js", async () => {
    const context = await session.browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(`${session.server.url}/config.html`);
    await expect.poll(() => page.locator("#root").textContent()).toMatch(/ouvrez-la depuis Teams/);
    expect(requested.filter((url) => url.includes("host-teams") || url.includes("office.js"))).toEqual([]);
    await context.close();
  });
});
