// Covers the build-time sign-in configuration: what the build bakes in (webpack.config.js) matches what the manifests
// name, and nothing means no sign-in.
import { describe, expect, it } from "vitest";
import { buildAuthConfig, parseAuthConfig } from "../../../../addin/auth/auth-config";
import { loadConfig, MANIFEST_ENVIRONMENTS } from "../../../../manifest/manifest-config";
// @ts-expect-error webpack.config.js is plain JavaScript without declarations
import { authConfigFor } from "../../../../webpack.config.js";

type AuthFor = (
  env?: Record<string, string>,
  vars?: Record<string, string | undefined>,
) => { clientId: string; apiScope: string; authority: string } | null;
const authFor = authConfigFor as AuthFor;

describe("the build's sign-in configuration", () => {
  it("is absent by default: development builds ask for no token", () => {
    expect(authFor({}, {})).toBeNull();
    expect(buildAuthConfig()).toBeNull();
  });

  it.each(MANIFEST_ENVIRONMENTS)("for %s, asks for the very scope and client id the manifests declare", (env) => {
    const manifest = loadConfig(env);
    const built = authFor({ auth: env }, {});
    expect(built).toEqual({
      clientId: manifest.entra.clientId,
      apiScope: manifest.apiScope,
      authority: "https://login.microsoftonline.com/organizations",
    });
    expect(parseAuthConfig(built)).toEqual(built);
  });

  it("takes the tenant, client id and scope from the environment", () => {
    const built = authFor(
      {},
      { GREFFIER_CLIENT_ID: "c", GREFFIER_ORIGIN: "https://greffier.example.net", GREFFIER_TENANT_ID: "t-1" },
    );
    expect(built).toEqual({
      clientId: "c",
      apiScope: "api://greffier.example.net/c/access_as_user",
      authority: "https://login.microsoftonline.com/t-1",
    });
  });

  it.each([[null], [{}], [{ clientId: "c", apiScope: "", authority: "a" }], ["c"]])("reads %j as no sign-in", (raw) => {
    expect(parseAuthConfig(raw)).toBeNull();
  });
});
