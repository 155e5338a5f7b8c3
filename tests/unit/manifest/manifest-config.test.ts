// The per-environment manifest configuration: what each file says, what is derived from it, and what is refused.
import { describe, expect, it } from "vitest";
import { loadConfig, resolveConfig, type ManifestConfigFile } from "../../../manifest/manifest-config";

const BASE: ManifestConfigFile = {
  env: "prod",
  origin: "https://greffier.example.fr",
  appId: "aaaaaaaa-0000-4000-8000-000000000001",
  xmlAddinId: "aaaaaaaa-0000-4000-8000-000000000002",
  nameSuffix: "",
  entra: { clientId: "aaaaaaaa-0000-4000-8000-000000000003" },
  sendMode: "block",
  developer: {
    name: "MAIF",
    websiteUrl: "https://www.maif.fr/",
    privacyUrl: "https://www.maif.fr/p",
    termsOfUseUrl: "https://www.maif.fr/t",
  },
};

describe("manifest/config/*.json", () => {
  it("prod is the central deployment: an https host that is not loopback, send mode block", () => {
    const prod = loadConfig("prod");
    expect(prod.origin).toMatch(/^https:\/\/[^/]+$/);
    expect(prod.host).not.toMatch(/localhost|127\.0\.0\.1/);
    expect(prod.sendMode).toBe("block");
    expect(prod.nameSuffix).toBe("");
  });

  it("dev is https://localhost:3000 with send mode softBlock and a visible name suffix", () => {
    const dev = loadConfig("dev");
    expect(dev).toMatchObject({
      origin: "https://localhost:3000",
      host: "localhost:3000",
      sendMode: "softBlock",
      naaRedirectUri: "brk-multihub://localhost:3000",
    });
    expect(dev.nameSuffix).not.toBe("");
    // The port stays in the Application ID URI: Teams SSO matches its host against the tab's domain.
    expect(dev.applicationIdUri).toBe(`api://localhost:3000/${dev.entra.clientId}`);
  });

  it("gives each environment its own app ids and Entra registration", () => {
    const [dev, prod] = [loadConfig("dev"), loadConfig("prod")];
    expect(new Set([dev.appId, dev.xmlAddinId, prod.appId, prod.xmlAddinId]).size).toBe(4);
    expect(dev.entra.clientId).not.toBe(prod.entra.clientId);
  });
});

describe("resolveConfig", () => {
  it("derives the host, the API's URI and scope, and the NAA redirect from the origin and client id", () => {
    expect(resolveConfig(BASE)).toMatchObject({
      host: "greffier.example.fr",
      applicationIdUri: "api://greffier.example.fr/aaaaaaaa-0000-4000-8000-000000000003",
      apiScope: "api://greffier.example.fr/aaaaaaaa-0000-4000-8000-000000000003/access_as_user",
      naaRedirectUri: "brk-multihub://greffier.example.fr",
    });
  });

  it("keeps an explicit Application ID URI", () => {
    const config = resolveConfig({
      ...BASE,
      entra: { ...BASE.entra, applicationIdUri: "api://aaaaaaaa-0000-4000-8000-000000000003" },
    });
    expect(config.apiScope).toBe("api://aaaaaaaa-0000-4000-8000-000000000003/access_as_user");
  });

  it("applies command-line overrides over the file", () => {
    const config = loadConfig("dev", {
      origin: "https://tunnel.example.net",
      sendMode: "block",
      entraClientId: "bbbbbbbb-0000-4000-8000-000000000000",
    });
    expect(config).toMatchObject({
      host: "tunnel.example.net",
      sendMode: "block",
      applicationIdUri: "api://tunnel.example.net/bbbbbbbb-0000-4000-8000-000000000000",
    });
  });

  it.each<[string, Partial<ManifestConfigFile> | Record<string, unknown>, RegExp]>([
    ["an http origin", { origin: "http://greffier.example.fr" }, /https origin/],
    ["an origin with a path", { origin: "https://greffier.example.fr/app" }, /no path/],
    ["a loopback prod origin", { origin: "https://127.0.0.1:3000" }, /loopback/],
    ["the same id for both manifests", { xmlAddinId: BASE.appId }, /must differ/],
    ["a client id that is not a GUID", { entra: { clientId: "greffier" } }, /GUID/],
    ["an unknown send mode", { sendMode: "warn" }, /sendMode/],
    ["an unknown key", { tenant: "x" }, /Unrecognized key/],
    [
      "a developer name over 32 characters",
      { developer: { ...BASE.developer, name: "x".repeat(33) } },
      /developer.name/,
    ],
    ["an http privacy page", { developer: { ...BASE.developer, privacyUrl: "http://www.maif.fr/p" } }, /privacyUrl/],
  ])("refuses %s", (_name, change, expected) => {
    expect(() => resolveConfig({ ...BASE, ...change })).toThrow(expected);
  });
});
