// Owns the token ladder, loaded on first need (msal-browser is not in the pane's first download): NAA silent → popup →
// Office dialog in Outlook; NAA or Teams SSO in Teams.
import {
  createNestablePublicClientApplication,
  LogLevel,
  type AuthenticationResult,
  type Configuration,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import type { HostAdapter } from "../hosts/host-adapter";
import { AUTH_DIALOG_PAGE, AUTH_REDIRECT_PAGE, authPageUrl, type AuthConfig } from "./auth-config";
import { AddinError } from "../lib/errors";
import { authCodeOfDialog, authCodeOfMsal, authCodeOfTeams, classifyMsalError } from "./error-mapping";
import { decodeDialogMessage } from "./dialog-message";

/** A token and when it expires (ms since epoch; null when unknown, then it is not reused). */
export interface TokenResult {
  readonly accessToken: string;
  readonly expiresOnMs: number | null;
}

/** The part of MSAL's client the ladder uses (a fake in tests). */
export type TokenClient = Pick<
  IPublicClientApplication,
  "acquireTokenSilent" | "acquireTokenPopup" | "getActiveAccount" | "getAllAccounts"
>;

/**
 * MSAL's configuration for Greffier: logging off (no callback output, PII never logged), tokens in session storage,
 * and the redirect bridge page msal-browser v5 needs for popups outside nested app authentication.
 * @param config - The build's sign-in configuration.
 * @param redirectUri - Where Entra sends the answer (registered as an SPA redirect URI).
 */
export function msalConfiguration(config: AuthConfig, redirectUri: string): Configuration {
  return {
    auth: { clientId: config.clientId, authority: config.authority, redirectUri },
    cache: { cacheLocation: "sessionStorage" },
    system: {
      // Tokens and account names must never reach a console or a log: the callback drops everything.
      loggerOptions: { loggerCallback: () => undefined, piiLoggingEnabled: false, logLevel: LogLevel.Error },
    },
  };
}

const fromResult = (result: AuthenticationResult): TokenResult => ({
  accessToken: result.accessToken,
  expiresOnMs: result.expiresOn instanceof Date ? result.expiresOn.getTime() : null,
});

/**
 * The MSAL ladder: silent first (under NAA the host knows the account), then a popup, then `fallback` when the
 * popup cannot open (Outlook's Office dialog).
 * @param client - MSAL's client (nestable: NAA when the host offers it, standard otherwise).
 * @param scopes - The API scope.
 * @param fallback - What to try when the popup is blocked; none outside Outlook.
 * @throws AddinError with the `auth_*` code the adviser is shown.
 */
export async function acquireWithMsal(
  client: TokenClient,
  scopes: string[],
  fallback?: () => Promise<TokenResult>,
): Promise<TokenResult> {
  const account = client.getActiveAccount() ?? client.getAllAccounts()[0];
  try {
    return fromResult(await client.acquireTokenSilent({ scopes, ...(account ? { account } : {}) }));
  } catch (error) {
    const failure = classifyMsalError(error);
    // A network or platform failure would fail the popup the same way: say so now instead of opening a window.
    if (failure === "network" || failure === "unavailable")
      throw new AddinError(authCodeOfMsal(failure), { cause: error });
  }
  try {
    return fromResult(await client.acquireTokenPopup({ scopes }));
  } catch (error) {
    const failure = classifyMsalError(error);
    if (failure === "popup_unavailable" && fallback) return fallback();
    throw new AddinError(authCodeOfMsal(failure), { cause: error });
  }
}

/**
 * The Office dialog fallback: opens the sign-in page in a dialog and reads the token it sends back.
 * @param openDialog - The host's dialog opener.
 * @param url - The dialog page on the add-in's origin.
 * @throws AddinError (an `auth_*` code) from the dialog's outcome.
 */
export async function tokenFromDialog(openDialog: (url: string) => Promise<string>, url: string): Promise<TokenResult> {
  let raw: string;
  try {
    raw = await openDialog(url);
  } catch (error) {
    throw new AddinError(authCodeOfDialog(error), { cause: error });
  }
  const message = decodeDialogMessage(raw);
  if (!message) throw new AddinError("auth_failed");
  if (message.kind === "error") throw new AddinError(message.code);
  return { accessToken: message.accessToken, expiresOnMs: message.expiresOnMs };
}

/**
 * When a JWT expires (its `exp` claim), read without verifying: only to know when to ask again.
 * @returns Milliseconds since epoch, or null when the token cannot be read.
 */
export function jwtExpiryMs(token: string): number | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const json = atob(
      payload
        .replace(/-/g, "+")
        .replace(/_/g, "/")
        .padEnd(Math.ceil(payload.length / 4) * 4, "="),
    );
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === "number" ? exp * 1000 : null;
  } catch {
    // Not a JWT we can read: the token is used once and asked for again next time.
    return null;
  }
}

/**
 * Teams' own single sign-on (`authentication.getAuthToken`), for Teams clients without NAA.
 * @throws AddinError (an `auth_*` code) mapped from the reason Teams gives.
 */
export async function tokenFromHost(getHostToken: () => Promise<string>): Promise<TokenResult> {
  try {
    const accessToken = await getHostToken();
    return { accessToken, expiresOnMs: jwtExpiryMs(accessToken) };
  } catch (error) {
    throw new AddinError(authCodeOfTeams(error), { cause: error });
  }
}

/** Obtains tokens for one pane; keeps its MSAL client between calls. */
export interface SignIn {
  /** @throws AddinError (an `auth_*` code) */
  acquire(host: HostAdapter): Promise<TokenResult>;
  /**
   * A delegated token for another resource (Microsoft Graph), through MSAL only: nested app authentication, then a
   * popup. Teams' own SSO and the Office dialog give the API's token, not Graph's, so they are not tried.
   * @throws AddinError (an `auth_*` code)
   */
  acquireFor(scopes: readonly string[]): Promise<TokenResult>;
}

/**
 * The sign-in of a pane. The MSAL client is created on first use, after the host is ready (the NAA bridge is set up
 * by office.js or teams-js during their initialisation).
 * @param config - The build's sign-in configuration.
 * @param origin - The add-in's origin (the dialog and redirect pages live there).
 */
export function createSignIn(config: AuthConfig, origin: string): SignIn {
  let client: Promise<IPublicClientApplication> | null = null;
  const scopes = [config.apiScope];
  const msalClient = async (): Promise<IPublicClientApplication> => {
    client ??= createNestablePublicClientApplication(
      msalConfiguration(config, authPageUrl(AUTH_REDIRECT_PAGE, origin)),
    );
    try {
      return await client;
    } catch (error) {
      client = null;
      throw new AddinError(authCodeOfMsal(classifyMsalError(error)), { cause: error });
    }
  };
  return {
    async acquire(host: HostAdapter): Promise<TokenResult> {
      const auth = host.auth;
      if (auth?.getHostToken && !(auth.isNestedAppAuthRecommended?.() ?? false))
        return tokenFromHost(auth.getHostToken);
      const ready = await msalClient();
      const openDialog = auth?.openDialog;
      const fallback = openDialog
        ? () => tokenFromDialog(openDialog, authPageUrl(AUTH_DIALOG_PAGE, origin))
        : undefined;
      return acquireWithMsal(ready, scopes, fallback);
    },
    async acquireFor(resourceScopes: readonly string[]): Promise<TokenResult> {
      return acquireWithMsal(await msalClient(), [...resourceScopes]);
    },
  };
}
