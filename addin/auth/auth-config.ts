// Owns the sign-in configuration fixed at build time (webpack's DefinePlugin): client id, API scope, authority; none in
// dev, where the server's dev mode needs no token.
/**
 * Set by webpack.config.js (`__GREFFIER_AUTH__`): an object, or null when the build has no client id. Undeclared
 * outside a webpack build (tests, type checks), hence the `typeof` guard.
 */
declare const __GREFFIER_AUTH__: unknown;

/** What the add-in needs to ask Entra ID for a token for the Greffier API. */
export interface AuthConfig {
  /** Application (client) id of the Entra app registration (the manifest's `webApplicationInfo.id`). */
  readonly clientId: string;
  /** The API's delegated scope, `api://<host>/<clientId>/access_as_user`. */
  readonly apiScope: string;
  /** Authority URL, e.g. `https://login.microsoftonline.com/<tenant id>`. */
  readonly authority: string;
}

/** The page the Office dialog fallback opens (office.js + MSAL redirect flow). */
export const AUTH_DIALOG_PAGE = "auth-dialog.html";

/** MSAL's redirect bridge page for popups outside nested app authentication (msal-browser v5 needs one). */
export const AUTH_REDIRECT_PAGE = "auth-redirect.html";

const isText = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

/**
 * Validates a raw configuration; anything incomplete means "no sign-in".
 * @param raw - What the build defined.
 * @returns The configuration, or null.
 */
export function parseAuthConfig(raw: unknown): AuthConfig | null {
  if (typeof raw !== "object" || raw === null) return null;
  const { clientId, apiScope, authority } = raw as Record<string, unknown>;
  if (!isText(clientId) || !isText(apiScope) || !isText(authority)) return null;
  return { clientId, apiScope, authority };
}

/**
 * The configuration this build was made with.
 * @returns Null in a build without a client id (development, tests): no token is asked for or sent.
 */
export function buildAuthConfig(): AuthConfig | null {
  return parseAuthConfig(typeof __GREFFIER_AUTH__ === "undefined" ? null : __GREFFIER_AUTH__);
}

/**
 * Absolute URL of one of the sign-in pages on the add-in's origin.
 * @param page - `AUTH_DIALOG_PAGE` or `AUTH_REDIRECT_PAGE`.
 * @param origin - The page's origin (the add-in's).
 */
export function authPageUrl(page: typeof AUTH_DIALOG_PAGE | typeof AUTH_REDIRECT_PAGE, origin: string): string {
  return `${origin}/${page}`;
}
