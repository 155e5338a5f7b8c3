// Covers auth-dialog.html's script with msal-browser mocked: redirect out to Entra, token back to the pane on return,
// errors as codes.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decodeDialogMessage } from "../../../../addin/auth/dialog-message";

const msal = vi.hoisted(() => ({
  client: { handleRedirectPromise: vi.fn(), acquireTokenRedirect: vi.fn() },
  create: vi.fn(),
}));

vi.mock("@azure/msal-browser", () => ({
  createStandardPublicClientApplication: msal.create,
  createNestablePublicClientApplication: vi.fn(),
  LogLevel: { Error: 0 },
}));

const AUTH = {
  clientId: "7a1b9e4b-dfc9-43a5-8e7d-bd20b095e01a",
  apiScope: "api://greffier.maif.fr/7a1b9e4b-dfc9-43a5-8e7d-bd20b095e01a/access_as_user",
  authority: "https://login.microsoftonline.com/organizations",
};

let sent: { message: string; options?: unknown }[];

async function loadPage(config: unknown = AUTH): Promise<void> {
  (globalThis as Record<string, unknown>).__GREFFIER_AUTH__ = config;
  vi.resetModules();
  await import("../../../../addin/auth/dialog-page");
}

beforeEach(() => {
  vi.clearAllMocks();
  sent = [];
  document.body.innerHTML = '<div id="root"></div>';
  msal.create.mockResolvedValue(msal.client);
  (globalThis as Record<string, unknown>).Office = {
    onReady: () => Promise.resolve({ host: "Outlook" }),
    context: {
      displayLanguage: "fr-FR",
      requirements: { isSetSupported: (name: string, version: string) => name === "DialogApi" && version === "1.2" },
      ui: { messageParent: (message: string, options?: unknown) => sent.push({ message, options }) },
    },
  };
});

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).__GREFFIER_AUTH__;
});

describe("the Office dialog sign-in page", () => {
  it("starts the redirect to Entra on the first visit, with the dialog page as redirect URI and logging off", async () => {
    msal.client.handleRedirectPromise.mockResolvedValue(null);
    msal.client.acquireTokenRedirect.mockResolvedValue(undefined);
    await loadPage();
    await vi.waitFor(() => expect(msal.client.acquireTokenRedirect).toHaveBeenCalledWith({ scopes: [AUTH.apiScope] }));
    const configuration = msal.create.mock.calls[0]?.[0] as {
      auth: { redirectUri: string };
      system: { loggerOptions: { piiLoggingEnabled: boolean } };
    };
    expect(configuration.auth.redirectUri).toBe(`${window.location.origin}/auth-dialog.html`);
    expect(configuration.system.loggerOptions.piiLoggingEnabled).toBe(false);
    expect(sent).toEqual([]);
  });

  it("hands the token to the pane on return from Entra, to the pane's origin only", async () => {
    msal.client.handleRedirectPromise.mockResolvedValue({
      accessToken: "dialog-token",
      expiresOn: new Date(1_800_000_000_000),
    });
    await loadPage();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(decodeDialogMessage(sent[0]?.message ?? "")).toEqual({
      kind: "token",
      accessToken: "dialog-token",
      expiresOnMs: 1_800_000_000_000,
    });
    expect(sent[0]?.options).toEqual({ targetOrigin: window.location.origin });
    expect(document.getElementById("root")?.textContent).toMatch(/Connexion réussie/);
  });

  it("reports a failure as a code, never the library's message", async () => {
    msal.client.handleRedirectPromise.mockRejectedValue(
      Object.assign(new Error("https://aka.ms/msal"), { errorCode: "user_cancelled" }),
    );
    await loadPage();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(decodeDialogMessage(sent[0]?.message ?? "")).toEqual({ kind: "error", code: "auth_cancelled" });
  });

  it("says sign-in is unavailable in a build without a client id", async () => {
    await loadPage(null);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(decodeDialogMessage(sent[0]?.message ?? "")).toEqual({ kind: "error", code: "auth_unavailable" });
    expect(msal.create).not.toHaveBeenCalled();
  });
});
