// Covers the sign-in ladder with msal-browser mocked: no auth without a client id, silent → popup → Office dialog,
// Teams SSO, French errors, one sign-in at a time.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createApiClient } from "../../../../addin/api/client";
import { createAccessTokenSource, createTokenSources, REFRESH_MARGIN_MS } from "../../../../addin/auth/access-token";
import type { AuthConfig } from "../../../../addin/auth/auth-config";
import { encodeDialogMessage } from "../../../../addin/auth/dialog-message";
import type { HostAdapter, HostAuth } from "../../../../addin/hosts/host-adapter";
import { AddinError, hasProblem, type ProblemError } from "../../../../addin/lib/errors";
import { t } from "../../../../src/i18n";
import { createFakeHost } from "../../../support/fake-hosts";

const msal = vi.hoisted(() => {
  const client = {
    acquireTokenSilent: vi.fn(),
    acquireTokenPopup: vi.fn(),
    getActiveAccount: vi.fn((): unknown => null),
    getAllAccounts: vi.fn((): unknown[] => []),
  };
  return { client, configurations: [] as unknown[], create: vi.fn() };
});

vi.mock("@azure/msal-browser", () => ({
  createNestablePublicClientApplication: msal.create,
  LogLevel: { Error: 0, Warning: 1, Info: 2, Verbose: 3, Trace: 4 },
}));

const CONFIG: AuthConfig = {
  clientId: "7a1b9e4b-dfc9-43a5-8e7d-bd20b095e01a",
  apiScope: "api://greffier.maif.fr/7a1b9e4b-dfc9-43a5-8e7d-bd20b095e01a/access_as_user",
  authority: "https://login.microsoftonline.com/organizations",
};
const ORIGIN = "https://greffier.maif.fr";
const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);

/** An MSAL error as v5 throws them: branch on errorCode, the message is a link. */
const msalError = (errorCode: string): Error & { errorCode: string } =>
  Object.assign(new Error("https://aka.ms/msal-error"), { errorCode });
const tokenResult = (accessToken: string, expiresInMs = 3_600_000) => ({
  accessToken,
  expiresOn: new Date(NOW + expiresInMs),
});

function hostWith(auth?: HostAuth, locale: "fr" | "en" = "fr"): HostAdapter {
  return { ...createFakeHost({ kind: auth ? "outlook" : "browser", locale }), ...(auth ? { auth } : {}) };
}

function source(
  host: HostAdapter,
  config: AuthConfig | null = CONFIG,
  now: () => number = () => NOW,
): () => Promise<string | null> {
  return createAccessTokenSource({ config, host: Promise.resolve(host), origin: ORIGIN, now });
}

async function failure(promise: Promise<unknown>): Promise<ProblemError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(hasProblem(error)).toBe(true);
  return error as ProblemError;
}

beforeEach(() => {
  vi.clearAllMocks();
  msal.configurations.length = 0;
  msal.create.mockImplementation((configuration: unknown) => {
    msal.configurations.push(configuration);
    return Promise.resolve(msal.client);
  });
  msal.client.getActiveAccount.mockReturnValue(null);
  msal.client.getAllAccounts.mockReturnValue([]);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a build without a client id (development)", () => {
  it("asks for no token and never loads MSAL: the client then sends no Authorization header", async () => {
    const getAccessToken = source(hostWith(), null);
    expect(await getAccessToken()).toBeNull();
    expect(msal.create).not.toHaveBeenCalled();

    const calls: RequestInit[] = [];
    const api = createApiClient({
      getAccessToken,
      fetch: (_input, init) => {
        calls.push(init ?? {});
        return Promise.resolve(
          new Response(
            JSON.stringify({
              id: "8c1f9a2e-1b7d-4e3a-9f0c-5d6e7f8a9b0c",
              transparency: { case: "ai-validated", label: "x" },
            }),
            { status: 201, headers: { "content-type": "application/json" } },
          ),
        );
      },
    });
    await api.saveMinutes({ generationId: "8c1f9a2e-1b7d-4e3a-9f0c-5d6e7f8a9b0c", text: "x", validated: true });
    expect(calls[0]?.headers).not.toHaveProperty("authorization");
  });
});

describe("the MSAL ladder (Outlook, and Teams with NAA)", () => {
  it("takes the token silently when the host has it, and sends it as a Bearer header", async () => {
    msal.client.acquireTokenSilent.mockResolvedValue(tokenResult("silent-token"));
    const getAccessToken = source(hostWith({ openDialog: vi.fn() }));
    const headers: Record<string, string>[] = [];
    const api = createApiClient({
      getAccessToken,
      fetch: (_input, init) => {
        headers.push(init?.headers as Record<string, string>);
        return Promise.resolve(
          new Response(
            JSON.stringify({
              id: "8c1f9a2e-1b7d-4e3a-9f0c-5d6e7f8a9b0c",
              transparency: { case: "human-with-ai", label: null },
            }),
            { status: 201, headers: { "content-type": "application/json" } },
          ),
        );
      },
    });
    await api.saveMinutes({ generationId: "8c1f9a2e-1b7d-4e3a-9f0c-5d6e7f8a9b0c", text: "x", validated: true });
    expect(headers[0]?.authorization).toBe("Bearer silent-token");
    expect(msal.client.acquireTokenSilent).toHaveBeenCalledWith({ scopes: [CONFIG.apiScope] });
    expect(msal.client.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it("creates the nestable client with logging off, PII never logged, and the redirect bridge page", async () => {
    msal.client.acquireTokenSilent.mockResolvedValue(tokenResult("t"));
    const log = vi.spyOn(console, "log");
    const info = vi.spyOn(console, "info");
    await source(hostWith())();
    const configuration = msal.configurations[0] as {
      auth: Record<string, unknown>;
      system: { loggerOptions: { piiLoggingEnabled: boolean; loggerCallback: (...args: unknown[]) => void } };
    };
    expect(configuration.auth).toEqual({
      clientId: CONFIG.clientId,
      authority: CONFIG.authority,
      redirectUri: `${ORIGIN}/auth-redirect.html`,
    });
    expect(configuration.system.loggerOptions.piiLoggingEnabled).toBe(false);
    configuration.system.loggerOptions.loggerCallback(2, "token eyJ… for adviser@maif.fr", true);
    expect(log).not.toHaveBeenCalled();
    expect(info).not.toHaveBeenCalled();
  });

  it("uses the account the client already knows", async () => {
    const account = { homeAccountId: "h", username: "u" };
    msal.client.getAllAccounts.mockReturnValue([account]);
    msal.client.acquireTokenSilent.mockResolvedValue(tokenResult("t"));
    await source(hostWith())();
    expect(msal.client.acquireTokenSilent).toHaveBeenCalledWith({ scopes: [CONFIG.apiScope], account });
  });

  it("falls back to a popup when the silent call needs interaction", async () => {
    msal.client.acquireTokenSilent.mockRejectedValue(msalError("interaction_required"));
    msal.client.acquireTokenPopup.mockResolvedValue(tokenResult("popup-token"));
    expect(await source(hostWith({ openDialog: vi.fn() }))()).toBe("popup-token");
    expect(msal.client.acquireTokenPopup).toHaveBeenCalledWith({ scopes: [CONFIG.apiScope] });
  });

  it("falls back to the Office dialog when the popup cannot open, and reads the token it sends back", async () => {
    msal.client.acquireTokenSilent.mockRejectedValue(msalError("no_account_error"));
    msal.client.acquireTokenPopup.mockRejectedValue(msalError("popup_window_error"));
    const openDialog = vi.fn(() =>
      Promise.resolve(
        encodeDialogMessage({ kind: "token", accessToken: "dialog-token", expiresOnMs: NOW + 3_600_000 }),
      ),
    );
    expect(await source(hostWith({ openDialog }))()).toBe("dialog-token");
    expect(openDialog).toHaveBeenCalledWith(`${ORIGIN}/auth-dialog.html`);
  });

  it("says the popup was blocked where there is no dialog to fall back on (a plain browser)", async () => {
    msal.client.acquireTokenSilent.mockRejectedValue(msalError("no_account_error"));
    msal.client.acquireTokenPopup.mockRejectedValue(msalError("popup_window_error"));
    const error = await failure(source(hostWith())());
    expect(error.code).toBe("auth_popup_blocked");
    expect(error.problem).toMatchObject({
      status: 401,
      title: t("auth.error.title"),
      detail: t("auth.error.popup_blocked"),
    });
  });

  it.each([
    ["user_cancelled", "auth_cancelled", "auth.error.cancelled"],
    ["consent_required", "auth_consent_required", "auth.error.consent_required"],
    ["access_denied", "auth_consent_required", "auth.error.consent_required"],
    ["something_new", "auth_failed", "auth.error.failed"],
  ] as const)("maps a popup failure %s to %s with its French message", async (errorCode, code, key) => {
    msal.client.acquireTokenSilent.mockRejectedValue(msalError("interaction_required"));
    msal.client.acquireTokenPopup.mockRejectedValue(msalError(errorCode));
    const error = await failure(source(hostWith({ openDialog: vi.fn() }))());
    expect(error.code).toBe(code);
    expect(error.problem.detail).toBe(t(key));
    expect(error.problem.type).toBe(`urn:greffier:problem:${code}`);
  });

  it("does not open a window when the identity service is unreachable", async () => {
    msal.client.acquireTokenSilent.mockRejectedValue(msalError("no_network_connectivity"));
    const error = await failure(source(hostWith({ openDialog: vi.fn() }))());
    expect(error.code).toBe("auth_network");
    expect(msal.client.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it.each([
    [12006, "auth_cancelled"],
    [12009, "auth_popup_blocked"],
    [12011, "auth_popup_blocked"],
    [12002, "auth_failed"],
  ] as const)("maps an Office dialog error %i to %s", async (officeCode, code) => {
    msal.client.acquireTokenSilent.mockRejectedValue(msalError("interaction_required"));
    msal.client.acquireTokenPopup.mockRejectedValue(msalError("block_nested_popups"));
    const openDialog = vi.fn(() => Promise.reject(new AddinError("office_dialog", { status: officeCode })));
    expect((await failure(source(hostWith({ openDialog }))())).code).toBe(code);
  });

  it("passes on the error the dialog page reports, and refuses a message that is not its own", async () => {
    msal.client.acquireTokenSilent.mockRejectedValue(msalError("interaction_required"));
    msal.client.acquireTokenPopup.mockRejectedValue(msalError("popup_window_error"));
    const consent = vi.fn(() => Promise.resolve(encodeDialogMessage({ kind: "error", code: "auth_consent_required" })));
    expect((await failure(source(hostWith({ openDialog: consent }))())).code).toBe("auth_consent_required");
    const foreign = vi.fn(() => Promise.resolve("hello"));
    expect((await failure(source(hostWith({ openDialog: foreign }))())).code).toBe("auth_failed");
  });

  it("speaks the host's language", async () => {
    msal.client.acquireTokenSilent.mockRejectedValue(msalError("interaction_required"));
    msal.client.acquireTokenPopup.mockRejectedValue(msalError("user_cancelled"));
    const error = await failure(source(hostWith({}, "en"))());
    expect(error.problem.detail).toBe(t("auth.error.cancelled", {}, "en"));
  });

  it("runs one sign-in for concurrent requests, so the adviser never gets two windows", async () => {
    msal.client.acquireTokenSilent.mockRejectedValue(msalError("interaction_required"));
    let finish: (value: unknown) => void = () => undefined;
    msal.client.acquireTokenPopup.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    const getAccessToken = source(hostWith());
    const both = Promise.all([getAccessToken(), getAccessToken()]);
    await vi.waitFor(() => expect(msal.client.acquireTokenPopup).toHaveBeenCalledTimes(1));
    finish(tokenResult("shared"));
    expect(await both).toEqual(["shared", "shared"]);
    expect(msal.client.acquireTokenPopup).toHaveBeenCalledTimes(1);
  });

  it("reuses a token until it is near expiry, then asks again", async () => {
    let now = NOW;
    msal.client.acquireTokenSilent
      .mockResolvedValueOnce(tokenResult("first"))
      .mockResolvedValueOnce(tokenResult("second"));
    const getAccessToken = source(hostWith(), CONFIG, () => now);
    expect(await getAccessToken()).toBe("first");
    now = NOW + 3_600_000 - REFRESH_MARGIN_MS - 1_000;
    expect(await getAccessToken()).toBe("first");
    now = NOW + 3_600_000 - REFRESH_MARGIN_MS + 1_000;
    expect(await getAccessToken()).toBe("second");
    expect(msal.client.acquireTokenSilent).toHaveBeenCalledTimes(2);
  });

  it("tries again after a failure rather than remembering it", async () => {
    msal.client.acquireTokenSilent
      .mockRejectedValueOnce(msalError("no_network_connectivity"))
      .mockResolvedValueOnce(tokenResult("later"));
    const getAccessToken = source(hostWith());
    await failure(getAccessToken());
    expect(await getAccessToken()).toBe("later");
  });

  it("surfaces a sign-in failure from the API client as the problem the pane shows", async () => {
    msal.client.acquireTokenSilent.mockRejectedValue(msalError("interaction_required"));
    msal.client.acquireTokenPopup.mockRejectedValue(msalError("user_cancelled"));
    const fetch = vi.fn();
    const api = createApiClient({ getAccessToken: source(hostWith()), fetch });
    const error = await failure(
      api.streamGeneration(
        { task: "member-email", notes: "x" },
        { onDelta: () => undefined, onReplace: () => undefined },
      ),
    );
    expect(error.problem.detail).toBe(t("auth.error.cancelled"));
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("Teams", () => {
  const jwt = (exp: number): string => `h.${btoa(JSON.stringify({ exp, scp: "access_as_user" })).replace(/=+$/, "")}.s`;

  it("uses Teams' own SSO when the host does not recommend NAA, reusing the token until its exp", async () => {
    const token = jwt(NOW / 1000 + 3600);
    const getHostToken = vi.fn(() => Promise.resolve(token));
    const getAccessToken = source(hostWith({ isNestedAppAuthRecommended: () => false, getHostToken }));
    expect(await getAccessToken()).toBe(token);
    expect(await getAccessToken()).toBe(token);
    expect(getHostToken).toHaveBeenCalledTimes(1);
    expect(msal.create).not.toHaveBeenCalled();
  });

  it("uses MSAL's nested app authentication when Teams recommends it", async () => {
    msal.client.acquireTokenSilent.mockResolvedValue(tokenResult("naa-token"));
    const getHostToken = vi.fn();
    expect(await source(hostWith({ isNestedAppAuthRecommended: () => true, getHostToken }))()).toBe("naa-token");
    expect(getHostToken).not.toHaveBeenCalled();
  });

  it.each([
    ["resourceRequiresConsent", "auth_consent_required"],
    ["CancelledByUser", "auth_cancelled"],
    ["FailedToOpenWindow", "auth_popup_blocked"],
    ["invalid_grant", "auth_failed"],
  ] as const)("maps Teams' %s to %s", async (reason, code) => {
    const getHostToken = vi.fn(() => Promise.reject(new Error(reason)));
    expect((await failure(source(hostWith({ isNestedAppAuthRecommended: () => false, getHostToken }))())).code).toBe(
      code,
    );
  });
});

describe("delegated tokens for Graph (meeting transcripts in Teams)", () => {
  const GRAPH = ["Chat.ReadBasic", "OnlineMeetings.Read", "OnlineMeetingTranscript.Read.All"];

  it("asks MSAL for the Graph scopes (silent, then popup), never Teams SSO or the dialog, and reuses the token", async () => {
    msal.client.acquireTokenSilent.mockRejectedValueOnce(msalError("interaction_required"));
    msal.client.acquireTokenPopup.mockResolvedValue(tokenResult("graph-token"));
    const getHostToken = vi.fn(() => Promise.resolve("teams-sso"));
    const openDialog = vi.fn();
    const tokens = createTokenSources({
      config: CONFIG,
      host: Promise.resolve(hostWith({ getHostToken, openDialog, isNestedAppAuthRecommended: () => false })),
      origin: ORIGIN,
      now: () => NOW,
    });
    expect(await tokens.forScopes?.(GRAPH)).toBe("graph-token");
    expect(await tokens.forScopes?.([...GRAPH].reverse())).toBe("graph-token");
    expect(msal.client.acquireTokenSilent).toHaveBeenCalledWith({ scopes: GRAPH });
    expect(msal.client.acquireTokenPopup).toHaveBeenCalledTimes(1);
    expect(getHostToken).not.toHaveBeenCalled();
    expect(openDialog).not.toHaveBeenCalled();
  });

  it("offers no Graph token in a build without sign-in", () => {
    expect(
      createTokenSources({ config: null, host: Promise.resolve(hostWith()), origin: ORIGIN }).forScopes,
    ).toBeNull();
  });
});
