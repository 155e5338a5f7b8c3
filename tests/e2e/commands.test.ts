// Loads the built commands.html in Debian's Chromium, as Outlook on the web and new Outlook do for OnMessageSend:
// office.js, then launchevent.js by a plain tag.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ON_MESSAGE_SEND_ACTION_ID } from "../../manifest/pages";
import { startTestServer, type TestServer } from "../support/test-server";
import { routeOfficeCdn } from "./pages/taskpane-page";
import { ensureBuilt } from "./support/build";
import { launchChromium, shouldRunBrowserTests } from "./support/chromium";

/** A minimal Outlook event runtime: Office.actions, and a message whose custom properties the test sets. Serialisable. */
function fakeEventRuntime(properties: Record<string, string>): { content: string } {
  const install = (props: Record<string, string>): void => {
    const ok = (value?: unknown) => ({ status: "succeeded", value });
    const w = window as unknown as Record<string, unknown>;
    const handlers: Record<string, (event: unknown) => void> = {};
    w.__greffierHandlers = handlers;
    w.Office = {
      actions: { associate: (name: string, handler: (event: unknown) => void) => (handlers[name] = handler) },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      CoercionType: { Text: "text", Html: "html" },
      context: {
        displayLanguage: "fr-FR",
        requirements: {
          isSetSupported: (name: string, version: string) =>
            name === "Mailbox" && ["1.8", "1.12", "1.14"].includes(version),
        },
        mailbox: {
          item: {
            loadCustomPropertiesAsync: (cb: (r: unknown) => void) =>
              cb(
                ok({
                  get: (name: string) => props[name],
                  set: () => undefined,
                  remove: () => undefined,
                  saveAsync: (done: (r: unknown) => void) => done(ok()),
                }),
              ),
            internetHeaders: {
              getAsync: (_n: unknown, cb: (r: unknown) => void) => cb(ok({})),
              setAsync: (_h: unknown, cb: (r: unknown) => void) => cb(ok()),
            },
            body: {
              getAsync: (_t: unknown, cb: (r: unknown) => void) => cb(ok("")),
              getTypeAsync: (cb: (r: unknown) => void) => cb(ok("html")),
            },
          },
        },
      },
    };
  };
  return { content: `(${install.toString()})(${JSON.stringify(properties)});` };
}

describe.runIf(shouldRunBrowserTests())("commands.html in Chromium", () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    ensureBuilt();
    server = await startTestServer();
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function sendFrom(properties: Record<string, string>): Promise<Record<string, unknown>> {
    const context = await browser.newContext();
    // office.js cannot load here (offline CDN): the fake runtime above stands in for it.
    await routeOfficeCdn(context, "block");
    await context.addInitScript(fakeEventRuntime(properties));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${server.url}/commands.html`);
    const completion = await page.evaluate(
      (name) =>
        new Promise<Record<string, unknown>>((resolve) => {
          const handlers = (window as unknown as { __greffierHandlers: Record<string, (event: unknown) => void> })
            .__greffierHandlers;
          handlers[name]?.({ completed: resolve });
        }),
      ON_MESSAGE_SEND_ACTION_ID,
    );
    expect(errors).toEqual([]);
    await context.close();
    return completion;
  }

  it("registers the handler by a plain script tag and holds a mail with an unvalidated AI draft", async () => {
    const completion = await sendFrom({ greffierPending: "0b9d3c7e-4a57-4d1e-9c55-7f3f2b1e8a10" });
    expect(completion).toMatchObject({
      allowEvent: false,
      cancelLabel: "Ouvrir Greffier",
      commandId: "GreffierComposeOpenPane",
    });
    expect(String(completion.errorMessage)).toMatch(/pas validé/);
  });

  it("lets a mail Greffier did not help write go", async () => {
    expect(await sendFrom({})).toEqual({ allowEvent: true });
  });
});
