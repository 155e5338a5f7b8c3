// Owns Entra ID access-token validation: RS256 only, signature from a cached remote JWKS, every claim that matters
// checked.
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from "jose";
import { AppError } from "../../src/errors";
import type { User } from "./user";
import { msg } from "../../src/i18n/message";

/** What a token must match in `entra` mode (from `AUTH_*`). */
export interface EntraSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly tenantId: string;
  readonly jwksUrl: string;
}

/** The delegated scope every token must carry (`scp`). */
export const REQUIRED_SCOPE = "access_as_user";

interface EntraClaims extends JWTPayload {
  oid?: string;
  tid?: string;
  name?: string;
  scp?: string;
  roles?: string[];
}

/** A key removed from the JWKS (rotated out, compromised) stops being trusted within this time. */
export const JWKS_CACHE_MAX_AGE_MS = 60 * 60 * 1000;
/** An unknown `kid` refetches the JWKS at most this often, so forged kids cannot hammer the identity provider. */
export const JWKS_COOLDOWN_MS = 30_000;
/** Clock skew allowed on `exp`, `nbf` and `iat`. */
export const CLOCK_TOLERANCE_S = 60;

/** Builds the token validator; the JWKS is fetched lazily, cached at most an hour, and refetched on an unknown `kid`. */
export function createEntraAuthenticator(
  settings: EntraSettings,
): (authorization: string | undefined) => Promise<User> {
  const jwks = createRemoteJWKSet(new URL(settings.jwksUrl), {
    cacheMaxAge: JWKS_CACHE_MAX_AGE_MS,
    cooldownDuration: JWKS_COOLDOWN_MS,
  });
  // Entra accepts both forms of the API's identifier as audience.
  const audiences = [
    settings.audience,
    settings.audience.startsWith("api://") ? settings.audience.slice(6) : `api://${settings.audience}`,
  ];

  return async (authorization) => {
    const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/.exec(authorization ?? "")?.[1];
    if (!token) throw new AppError("unauthorized", { detail: msg("server.auth.token_missing") });
    let claims: EntraClaims;
    try {
      const verified = await jwtVerify<EntraClaims>(token, jwks, {
        algorithms: ["RS256"],
        issuer: settings.issuer,
        audience: audiences,
        clockTolerance: CLOCK_TOLERANCE_S,
        // Setting a maximum age makes jose require `iat` and refuse one in the future beyond the tolerance.
        maxTokenAge: "1 day",
        requiredClaims: ["exp", "iat", "oid", "tid"],
      });
      claims = verified.payload;
    } catch (error) {
      const isFuture =
        error instanceof joseErrors.JWTClaimValidationFailed &&
        error.claim === "iat" &&
        error.reason === "check_failed";
      const expired = error instanceof joseErrors.JWTExpired;
      throw new AppError("unauthorized", {
        detail: msg(
          isFuture ? "server.auth.iat_future" : expired ? "server.auth.token_expired" : "server.auth.token_invalid",
        ),
        cause: error,
      });
    }
    if (claims.tid !== settings.tenantId)
      throw new AppError("unauthorized", { detail: msg("server.auth.other_tenant") });
    const scopes = (claims.scp ?? "").split(" ");
    if (!scopes.includes(REQUIRED_SCOPE))
      throw new AppError("unauthorized", { detail: msg("server.auth.scope_missing") });
    return {
      id: `${claims.tid}:${claims.oid}`,
      name: claims.name ?? "",
      roles: Array.isArray(claims.roles) ? claims.roles.filter((r) => typeof r === "string") : [],
    };
  };
}
