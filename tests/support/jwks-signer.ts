// Owns a local identity provider for `entra` mode tests: an RSA key, its JWKS served on loopback, and a token signer.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from "jose";

export const TEST_TENANT = "11111111-2222-3333-4444-555555555555";
export const TEST_AUDIENCE = "api://greffier.test/0f8f7c1e-1111-4a2b-9c3d-abcdefabcdef";
export const TEST_ISSUER = `https://login.microsoftonline.com/${TEST_TENANT}/v2.0`;

export interface LocalIdentityProvider {
  readonly jwksUrl: string;
  /** The server's settings for `entra` mode against this provider (AUTH_MODE, tenant, audience, issuer, JWKS). */
  readonly env: Readonly<Record<string, string>>;
  /** Signs an access token with sensible valid claims, overridden by `claims`. */
  sign(
    claims?: JWTPayload & { oid?: string; tid?: string; scp?: string; roles?: string[]; name?: string },
    options?: { expiresIn?: string | number; notBefore?: string | number },
  ): Promise<string>;
  close(): Promise<void>;
}

/** Starts the JWKS endpoint on a free loopback port. */
export async function startLocalIdentityProvider(): Promise<LocalIdentityProvider> {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: "test-key-1", alg: "RS256", use: "sig" };
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const jwksUrl = `http://127.0.0.1:${port}/keys`;
  return {
    jwksUrl,
    env: {
      AUTH_MODE: "entra",
      AUTH_TENANT_ID: TEST_TENANT,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_JWKS_URL: jwksUrl,
    },
    async sign(claims = {}, options = {}) {
      const { iss, aud, ...rest } = claims;
      const jwt = new SignJWT({ oid: "user-a", tid: TEST_TENANT, scp: "access_as_user", name: "Adviser A", ...rest })
        .setProtectedHeader({ alg: "RS256", kid: "test-key-1", typ: "JWT" })
        .setIssuer(typeof iss === "string" ? iss : TEST_ISSUER)
        .setAudience(typeof aud === "string" ? aud : TEST_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? "1h");
      if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
      return jwt.sign(privateKey);
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
