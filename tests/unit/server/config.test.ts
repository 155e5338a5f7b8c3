// Configuration: the contract's variables, their defaults, and every problem reported at once.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../server/config";

describe("config", () => {
  it("runs on embedded defaults with nothing set: port 3000 on loopback, PGlite, offline engine, dev user, MAIF", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      dataDir: "./.data",
      llm: undefined,
      auth: { mode: "dev" },
      orgName: "MAIF",
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("reads the provider from LLM_* only, never from OPENAI_*", () => {
    expect(loadConfig({ OPENAI_BASE_URL: "https://api.openai.com/v1", OPENAI_API_KEY: "sk-x" }).llm).toBeUndefined();
    const config = loadConfig({
      LLM_BASE_URL: "https://api.mistral.ai/v1",
      LLM_API_KEY: "k",
      LLM_MODEL: "mistral-small-latest",
    });
    expect(config.llm).toMatchObject({
      baseUrl: "https://api.mistral.ai/v1",
      apiKey: "k",
      model: "mistral-small-latest",
      name: "api.mistral.ai",
      region: "FRA",
      timeoutMs: 30_000,
    });
  });

  it("reports every invalid variable in one error", () => {
    try {
      loadConfig({ PORT: "abc", LLM_BASE_URL: "http://localhost:11434/v1", AUTH_MODE: "entra" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join("\n");
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/LLM_MODEL is required/);
      expect(problems).toMatch(/AUTH_AUDIENCE is required/);
      expect(problems).toMatch(/AUTH_TENANT_ID is required/);
    }
  });

  it("derives Entra's issuer and JWKS from the tenant", () => {
    const config = loadConfig({ AUTH_MODE: "entra", AUTH_TENANT_ID: "t-1", AUTH_AUDIENCE: "api://greffier" });
    expect(config.auth).toEqual({
      mode: "entra",
      tenantId: "t-1",
      audience: "api://greffier",
      issuer: "https://login.microsoftonline.com/t-1/v2.0",
      jwksUrl: "https://login.microsoftonline.com/t-1/discovery/v2.0/keys",
    });
  });
});
