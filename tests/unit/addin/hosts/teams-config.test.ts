// Covers the Teams configurable tab's config page with teams-js mocked: tab.html saved for the meeting side panel, Save
// enabled, failures told to Teams; and what Teams offers the sign-in.
import { beforeEach, describe, expect, it, vi } from "vitest";

const sdk = vi.hoisted(() => {
  const state = {
    initialized: false,
    saveHandler: undefined as
      ((event: { notifySuccess(): void; notifyFailure(reason?: string): void }) => void) | undefined,
  };
  return {
    state,
    app: {
      isInitialized: vi.fn(() => state.initialized),
      initialize: vi.fn(() => {
        state.initialized = true;
        return Promise.resolve();
      }),
      getContext: vi.fn(() =>
        Promise.resolve({ app: { locale: "fr-fr", theme: "dark" }, page: { id: "cfg", frameContext: "settings" } }),
      ),
      registerOnThemeChangeHandler: vi.fn(),
    },
    pages: {
      config: {
        registerOnSaveHandler: vi.fn(
          (handler: (event: { notifySuccess(): void; notifyFailure(reason?: string): void }) => void) => {
            state.saveHandler = handler;
          },
        ),
        setConfig: vi.fn(() => Promise.resolve()),
        setValidityState: vi.fn(),
      },
    },
    authentication: { getAuthToken: vi.fn(() => Promise.resolve("teams-sso-token")) },
    nestedAppAuth: { isNAAChannelRecommended: vi.fn(() => false) },
  };
});
vi.mock("@microsoft/teams-js", () => ({
  app: sdk.app,
  pages: sdk.pages,
  authentication: sdk.authentication,
  nestedAppAuth: sdk.nestedAppAuth,
}));

const teams = await import("../../../../addin/hosts/teams");
const { runConfigPage, MEETING_TAB_ENTITY_ID } = await import("../../../../addin/teams-config/config-page");

const ORIGIN = "https://greffier.maif.fr";

function saveEvent() {
  return { notifySuccess: vi.fn(), notifyFailure: vi.fn() };
}

beforeEach(() => {
  vi.clearAllMocks();
  sdk.state.initialized = false;
  sdk.state.saveHandler = undefined;
  document.body.innerHTML = '<main id="root"></main>';
  delete document.documentElement.dataset.theme;
});

describe("the config page inside Teams", () => {
  const run = () =>
    runConfigPage({
      root: document.getElementById("root") as HTMLElement,
      origin: ORIGIN,
      initialLocale: "fr",
      isFramed: true,
      loadHost: () => Promise.resolve(teams),
    });

  it("initialises teams-js once, says what the tab does and enables Save at once", async () => {
    await run();
    expect(sdk.app.initialize).toHaveBeenCalledTimes(1);
    expect(sdk.pages.config.setValidityState).toHaveBeenCalledWith(true);
    expect(document.querySelector("h1")?.textContent).toBe("Greffier dans cette réunion");
    expect(document.getElementById("root")?.textContent).toMatch(/panneau latéral de la réunion/);
    expect(document.documentElement.dataset.theme).toBe("dark");
  });

  it("saves tab.html as the content of the meeting side panel, then tells Teams it worked", async () => {
    await run();
    const event = saveEvent();
    sdk.state.saveHandler?.(event);
    await vi.waitFor(() => expect(event.notifySuccess).toHaveBeenCalled());
    expect(sdk.pages.config.setConfig).toHaveBeenCalledWith({
      entityId: MEETING_TAB_ENTITY_ID,
      contentUrl: `${ORIGIN}/tab.html`,
      websiteUrl: `${ORIGIN}/tab.html`,
      suggestedDisplayName: "Greffier",
    });
    expect(event.notifyFailure).not.toHaveBeenCalled();
  });

  it("tells Teams, in French, when the tab could not be saved", async () => {
    sdk.pages.config.setConfig.mockRejectedValueOnce(new Error("500"));
    await run();
    const event = saveEvent();
    sdk.state.saveHandler?.(event);
    await vi.waitFor(() =>
      expect(event.notifyFailure).toHaveBeenCalledWith("L'onglet n'a pas pu être enregistré. Réessayez."),
    );
    expect(event.notifySuccess).not.toHaveBeenCalled();
  });
});

describe("the config page outside Teams", () => {
  it("says where it belongs and never loads teams-js", async () => {
    const loadHost = vi.fn();
    await runConfigPage({
      root: document.getElementById("root") as HTMLElement,
      origin: ORIGIN,
      initialLocale: "fr",
      isFramed: false,
      loadHost,
    });
    expect(loadHost).not.toHaveBeenCalled();
    expect(document.getElementById("root")?.textContent).toMatch(/ouvrez-la depuis Teams/);
  });
});

describe("what Teams offers the sign-in", () => {
  it("follows the host's NAA recommendation and gives Teams' SSO token otherwise", async () => {
    sdk.app.getContext.mockResolvedValueOnce({
      app: { locale: "fr-fr", theme: "default" },
      page: { id: "tab", frameContext: "sidePanel" },
    });
    const host = await teams.connectTeamsHost();
    expect(host.auth?.isNestedAppAuthRecommended?.()).toBe(false);
    sdk.nestedAppAuth.isNAAChannelRecommended.mockReturnValueOnce(true);
    expect(host.auth?.isNestedAppAuthRecommended?.()).toBe(true);
    expect(await host.auth?.getHostToken?.()).toBe("teams-sso-token");
    expect(host.auth?.openDialog).toBeUndefined();
  });
});
