// Owns the getAccessToken hook of the API client: no token without a configured client id, else one sign-in at a time,
// tokens reused until near expiry, failures as French problems.
import { t, type Locale } from "../../src/i18n/core";
import type { HostAdapter } from "../hosts/host-adapter";
import type { AuthConfig } from "./auth-config";
import { AddinError, problemError, type ProblemError } from "../lib/errors";
import { authMessageKey, isAuthErrorCode, type AuthErrorCode } from "./auth-error";
import type { SignIn, TokenResult } from "./sign-in";

/** A token closer than this to its expiry is not reused: the request could outlive it. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/** What the token source needs: the build's configuration, the pane's host, the add-in's origin. */
export interface AccessTokenOptions {
  /** The build's configuration; null (development) means no sign-in and no header. */
  readonly config: AuthConfig | null;
  /** The pane's host, once known (the token ladder depends on it). */
  readonly host: Promise<HostAdapter>;
  /** The add-in's origin, where the dialog and redirect pages are served. */
  readonly origin: string;
  /** Clock, for tests. */
  readonly now?: () => number;
}

/**
 * The problem an adviser is shown for a failed sign-in: same shape as the server's, with the `auth_*` code.
 * @param code - The failure.
 * @param locale - The pane's language.
 */
export function authProblemError(code: AuthErrorCode, locale: Locale, cause?: unknown): ProblemError {
  return problemError(
    {
      type: `urn:greffier:problem:${code}`,
      title: t("auth.error.title", {}, locale),
      status: 401,
      detail: t(authMessageKey(code), {}, locale),
      code,
    },
    cause,
  );
}

/**
 * The `getAccessToken` hook for `createApiClient`. msal-browser is fetched only on the first call of a build that
 * has a client id; concurrent calls share one sign-in, so an adviser never gets two windows.
 * @returns A function resolving with the bearer token, or null in a build without sign-in.
 * @throws AddinError (from the returned function) with an `auth_*` code and a French detail.
 */
export function createAccessTokenSource(options: AccessTokenOptions): () => Promise<string | null> {
  return createTokenSources(options).api;
}

/** The token sources of one pane, sharing one sign-in (one MSAL client). */
export interface TokenSources {
  /** Bearer token for the Greffier API, or null in a build without sign-in (see `createAccessTokenSource`). */
  readonly api: () => Promise<string | null>;
  /**
   * A delegated token for `scopes` of another resource (Microsoft Graph); null in a build without sign-in.
   * @throws AddinError with an `auth_*` code (from the returned function).
   */
  readonly forScopes: ((scopes: readonly string[]) => Promise<string>) | null;
}

/** A token cache with one acquisition at a time. */
function cachedToken(acquire: () => Promise<TokenResult>, now: () => number): () => Promise<string> {
  let cached: TokenResult | null = null;
  let inflight: Promise<TokenResult> | null = null;
  return async () => {
    if (cached?.expiresOnMs != null && cached.expiresOnMs - now() > REFRESH_MARGIN_MS) return cached.accessToken;
    inflight ??= acquire().finally(() => {
      inflight = null;
    });
    cached = await inflight;
    return cached.accessToken;
  };
}

/**
 * The API's token source and a source for other resources' tokens (the Teams host reads meeting transcripts from Graph
 * with it), over one sign-in loaded on first need.
 */
export function createTokenSources(options: AccessTokenOptions): TokenSources {
  const config = options.config;
  if (!config) return { api: () => Promise.resolve(null), forScopes: null };
  const now = options.now ?? Date.now;
  let signIn: Promise<SignIn> | null = null;

  const withSignIn = async (run: (signIn: SignIn, host: HostAdapter) => Promise<TokenResult>): Promise<TokenResult> => {
    const host = await options.host;
    try {
      signIn ??= import(/* webpackChunkName: "auth" */ "./sign-in").then((m) => m.createSignIn(config, options.origin));
      return await run(await signIn, host);
    } catch (error) {
      const code = error instanceof AddinError && isAuthErrorCode(error.code) ? error.code : null;
      if (!code) signIn = null; // a chunk that failed to load may load next time
      throw authProblemError(code ?? "auth_failed", host.locale, error);
    }
  };

  const byScopes = new Map<string, () => Promise<string>>();
  return {
    api: cachedToken(() => withSignIn((s, host) => s.acquire(host)), now),
    forScopes: (scopes) => {
      const key = [...scopes].sort().join(" ");
      let source = byScopes.get(key);
      if (!source) {
        source = cachedToken(() => withSignIn((s) => s.acquireFor(scopes)), now);
        byScopes.set(key, source);
      }
      return source();
    },
  };
}
