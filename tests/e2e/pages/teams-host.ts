// Owns the stubbed Teams host of the browser suite: a harness page on a Teams origin that frames a Greffier page and
// answers teams-js over postMessage, as Teams does.
import type { BrowserContext, Frame, Page } from "playwright-core";

/** Where the harness is served (routed, never fetched): an origin teams-js trusts without its CDN list. */
export const TEAMS_HARNESS_URL = "https://teams.microsoft.com/_greffier/harness.html";

/**
 * Where the framed Greffier pages are served from, as in production an https origin of their own: every request to
 * it is relayed to the local test server. (Chromium refuses a public page framing a loopback address, and Teams
 * frames the add-in's public origin anyway.)
 */
export const TEAMS_APP_ORIGIN = "https://greffier-e2e.example";

/** teams-js fetches its list of host origins from this CDN at load; the suite is offline, so it is blocked. */
export const TEAMS_VALID_DOMAINS_URL = "https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json";

/** The Teams context the harness gives the framed page: the part of teams-js' legacy context Greffier reads. */
export interface TeamsStubContext {
  /** `content`, `sidePanel` (meeting side panel) or `settings` (config page). */
  readonly frameContext: "content" | "sidePanel" | "settings";
  readonly locale: string;
  readonly theme: "default" | "dark" | "contrast";
  readonly meetingId?: string;
  readonly chatId?: string;
  readonly entityId?: string;
}

/** One message the framed page sent to its Teams host. */
export interface TeamsMessage {
  readonly func: string;
  readonly args: unknown[];
}

/** What the stubbed host supports: pages (and their config), the app entity; NAA not recommended. */
const RUNTIME = {
  apiVersion: 4,
  isNAAChannelRecommended: false,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  supports: { appEntity: {}, pages: { appButton: {}, tabs: {}, config: {}, backStack: {} }, teamsCore: {} },
};

/** The harness page: one iframe, and a script that answers the framed page as Teams would. */
function harnessHtml(appUrl: string, context: TeamsStubContext, width: number): string {
  const legacyContext = {
    ...context,
    hostClientType: "web",
    hostName: "Teams",
    tid: "00000000-0000-4000-8000-000000000001",
    userObjectId: "00000000-0000-4000-8000-000000000002",
  };
  // Served as source: runs in the harness page, not in Node.
  const script = `
    const frame = document.getElementById("app");
    const appOrigin = new URL(${JSON.stringify(appUrl)}).origin;
    const context = ${JSON.stringify(legacyContext)};
    const runtime = ${JSON.stringify(JSON.stringify(RUNTIME))};
    window.__teamsMessages = [];
    window.addEventListener("message", (event) => {
      if (event.source !== frame.contentWindow || event.origin !== appOrigin) return;
      const message = event.data;
      if (!message || typeof message.func !== "string") return;
      window.__teamsMessages.push({ func: message.func, args: message.args || [] });
      const reply = (args) => frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, appOrigin);
      switch (message.func) {
        case "initialize": return reply([context.frameContext, context.hostClientType, runtime, "2.58.0"]);
        case "getContext": return reply([context]);
        case "settings.setSettings": return reply([true]);
        default: return undefined;
      }
    });
    window.__teamsSend = (func, args) => frame.contentWindow.postMessage({ func, args }, appOrigin);
  `;
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Teams (stub)</title></head>
<body style="margin:0"><iframe id="app" title="Greffier" src="${appUrl}" style="display:block;border:0;width:${width}px;height:800px"></iframe>
<script>${script}</script></body></html>`;
}

/** A Greffier page framed by the stubbed Teams host, driven from the test. */
export class TeamsHostPage {
  constructor(readonly page: Page) {}

  /**
   * Serves the harness framing `file` of the test server (at `TEAMS_APP_ORIGIN`) and blocks the teams-js domain
   * list request.
   * @param serverUrl - The local test server that serves dist/ and the API.
   * @param file - The page to frame, e.g. `tab.html`.
   * @param width - The frame's width: 320 px is the meeting side panel.
   */
  static async route(
    context: BrowserContext,
    page: Page,
    serverUrl: string,
    file: string,
    stub: TeamsStubContext,
    width = 320,
  ): Promise<TeamsHostPage> {
    await context.route(TEAMS_HARNESS_URL, (route) =>
      route.fulfill({
        status: 200,
        contentType: "text/html; charset=utf-8",
        body: harnessHtml(`${TEAMS_APP_ORIGIN}/${file}`, stub, width),
      }),
    );
    await context.route(`${TEAMS_APP_ORIGIN}/**`, async (route) => {
      const url = new URL(route.request().url());
      const response = await route.fetch({ url: `${serverUrl}${url.pathname}${url.search}` });
      await route.fulfill({ response });
    });
    await page.route(TEAMS_VALID_DOMAINS_URL, (route) => route.abort());
    return new TeamsHostPage(page);
  }

  /** Opens the harness; resolves with the framed Greffier page once it has loaded. */
  async open(): Promise<Frame> {
    await this.page.goto(TEAMS_HARNESS_URL);
    const handle = await this.page.waitForSelector("#app");
    const frame = await handle.contentFrame();
    if (!frame) throw new Error("the harness has no framed page");
    await frame.waitForLoadState();
    return frame;
  }

  /** Every message the framed page sent to Teams, in order. */
  messages(): Promise<TeamsMessage[]> {
    return this.page.evaluate(() => (window as unknown as { __teamsMessages: TeamsMessage[] }).__teamsMessages);
  }

  /** Waits for the framed page to send `func`; resolves with its arguments. */
  async waitForMessage(func: string): Promise<unknown[]> {
    const handle = await this.page.waitForFunction(
      (name) =>
        (window as unknown as { __teamsMessages: TeamsMessage[] }).__teamsMessages.find((m) => m.func === name)?.args ??
        null,
      func,
    );
    return (await handle.jsonValue()) as unknown[];
  }

  /** Sends an event from Teams to the framed page (e.g. `settings.save` when the adviser clicks Save). */
  async send(func: string, args: unknown[] = []): Promise<void> {
    await this.page.evaluate(
      ([name, values]) =>
        (window as unknown as { __teamsSend: (f: unknown, a: unknown) => void }).__teamsSend(name, values),
      [func, args] as const,
    );
  }
}
