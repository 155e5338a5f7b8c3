// Owns the usual browser-test setup: the built front end, the fake provider, the real server and one Chromium.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startFakeOpenAi, type FakeOpenAi } from "../../support/fake-openai";
import { startTestServer, type TestServer } from "../../support/test-server";
import { ensureBuilt } from "./build";
import { launchChromium } from "./chromium";

export interface BrowserSession {
  readonly browser: Browser;
  readonly fake: FakeOpenAi;
  readonly server: TestServer;
}

/**
 * Registers beforeAll/afterAll hooks for the current suite; the fields are set once beforeAll ran. `env` adds server
 * variables; `hasProvider: false` runs the server on the offline engine alone (no fake provider).
 */
export function useBrowserSession(
  env: Record<string, string> = {},
  { hasProvider = true }: { readonly hasProvider?: boolean } = {},
): BrowserSession {
  const state = {} as { browser?: Browser; fake?: FakeOpenAi; server?: TestServer };
  beforeAll(async () => {
    ensureBuilt();
    if (hasProvider) state.fake = await startFakeOpenAi();
    state.server = await startTestServer(state.fake ? { llmBaseUrl: state.fake.baseUrl, env } : { env });
    state.browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.close();
    await state.fake?.close();
  });
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use the session inside a test`);
    return value;
  };
  return {
    get browser() {
      return need(state.browser, "Chromium");
    },
    get fake() {
      return need(state.fake, "the fake provider");
    },
    get server() {
      return need(state.server, "the server");
    },
  };
}
