// Owns Entra ID access-token validation: RS256 only, signature from a cached remote JWKS, every claim that matters checked.
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from "jose";
import { AppError } from "../../src/errors";
import type { User } from "./user";
import { t } from "../../src/i18n";

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

/** Builds the token validator; the JWKS is fetched lazily, cached, and refetched on an unknown `kid`. */
export function createEntraAuthenticator(settings: EntraSettings): (authorization: string | undefined) => Promise<User> {
  const jwks = createRemoteJWKSet(new URL(settings.jwksUrl), { cacheMaxAge: 24 * 60 * 60 * 1000, cooldownDuration: 30_000 });
  // Entra accepts both forms of the API's identifier as audience.
  const audiences = [settings.audience, settings.audience.startsWith("api://") ? settings.audience.slice(6) : `api://${settings.audience}`];

  return async (authorization) => {
    const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/.exec(authorization ?? "")?.[1];
    if (!token) throw new AppError("unauthorized", { detail: t("server.auth.token_missing") });
    let claims: EntraClaims;
    try {
      const verified = await jwtVerify<EntraClaims>(token, jwks, {
        algorithms: ["RS256"],
        issuer: settings.issuer,
        audience: audiences,
        clockTolerance: 60,
        requiredClaims: ["exp", "oid", "tid"],
      });
      claims = verified.payload;
    } catch (error) {
      const expired = error instanceof joseErrors.JWTExpired;
      throw new AppError("unauthorized", { detail: t(expired ? "server.auth.token_expired" : "server.auth.token_invalid"), cause: error });
    }
    if (claims.tid !== settings.tenantId) throw new AppError("unauthorized", { detail: t("server.auth.other_tenant") });
    const scopes = (claims.scp ?? "").split(" ");
    if (!scopes.includes(REQUIRED_SCOPE)) throw new AppError("unauthorized", { detail: t("server.auth.scope_missing") });
    return { id: `${claims.tid}:${claims.oid}`, name: claims.name ?? "", roles: Array.isArray(claims.roles) ? claims.roles.filter((r) => typeof r === "string") : [] };
  };
}
