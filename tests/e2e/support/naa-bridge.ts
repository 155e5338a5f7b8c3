// Owns the stubbed Outlook host's nested app authentication bridge (`window.nestedAppAuthBridge`, which office.js sets
// up in Outlook): MSAL's NAA requests answered with a signed-in adviser's tokens, the scopes asked for recorded.
import type { BrowserContext, Page } from "playwright-core";

/** What the stubbed host hands out: one access token per resource, chosen by the scopes MSAL asks for. */
export interface NaaTokens {
  /** The token for requests whose scopes include `Tasks.ReadWrite` (Microsoft Graph To Do). */
  readonly graphToken: string;
  /** The token for any other scope (the Greffier API's `access_as_user`). */
  readonly apiToken: string;
  readonly tenantId: string;
}

interface Tokens {
  graphToken: string;
  apiToken: string;
  tenantId: string;
}

/** Runs in the page before its scripts: the bridge speaks MSAL's NAA envelope (JSON strings both ways). */
function bridgeScript(tokens: Tokens): void {
  type Listener = (message: string) => void;
  const listeners: Listener[] = [];
  const asked: string[] = [];
  const b64url = (value: object): string =>
    btoa(JSON.stringify(value)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    oid: "adviser-oid",
    tid: tokens.tenantId,
    name: "Conseillère Test",
    preferred_username: "conseillere@maif.test",
    iat: now,
    exp: now + 3600,
  };
  const idToken = `${b64url({ alg: "none", typ: "JWT" })}.${b64url(claims)}.`;
  const account = {
    homeAccountId: `adviser-oid.${tokens.tenantId}`,
    environment: "login.microsoftonline.com",
    tenantId: tokens.tenantId,
    username: claims.preferred_username,
    localAccountId: "adviser-oid",
    name: claims.name,
  };
  const answer = (envelope: object): void => {
    const text = JSON.stringify({ messageType: "NestedAppAuthResponse", ...envelope });
    setTimeout(() => listeners.forEach((l) => l(text)), 0);
  };
  (window as unknown as { nestedAppAuthBridge: unknown }).nestedAppAuthBridge = {
    addEventListener: (_type: string, listener: Listener) => listeners.push(listener),
    removeEventListener: (_type: string, listener: Listener) => listeners.splice(listeners.indexOf(listener) >>> 0, 1),
    postMessage(raw: string) {
      const request = JSON.parse(raw) as { method: string; requestId: string; tokenParams?: { scope?: string } };
      if (request.method === "GetInitContext") {
        return answer({
          requestId: request.requestId,
          success: true,
          initContext: { sdkName: "outlook-stub", sdkVersion: "1.0.0", capabilities: {} },
        });
      }
      if (request.method === "GetToken" || request.method === "GetTokenPopup") {
        const scope = request.tokenParams?.scope ?? "";
        asked.push(scope);
        const accessToken = scope.split(" ").includes("Tasks.ReadWrite") ? tokens.graphToken : tokens.apiToken;
        return answer({
          requestId: request.requestId,
          success: true,
          account,
          token: { access_token: accessToken, id_token: idToken, expires_in: 3600, scope, token_type: "Bearer" },
        });
      }
      return answer({
        requestId: request.requestId,
        success: false,
        error: { status: "NESTED_APP_AUTH_UNAVAILABLE", code: "unsupported_method", description: request.method },
      });
    },
  };
  (window as unknown as { __naaScopesAsked: string[] }).__naaScopesAsked = asked;
}

/** Installs the bridge in every page of `context`, as a NAA-capable Outlook would. */
export async function installNaaBridge(context: BrowserContext, tokens: NaaTokens): Promise<void> {
  await context.addInitScript(bridgeScript, {
    graphToken: tokens.graphToken,
    apiToken: tokens.apiToken,
    tenantId: tokens.tenantId,
  });
}

/** The scopes the page asked the bridge for, in order (one entry per token request). */
export function naaScopesAsked(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as unknown as { __naaScopesAsked?: string[] }).__naaScopesAsked ?? [])]);
}
