// Owns the construction of the real application for tests: real config parsing, a real store, real or fake provider.
import type { FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import { parseSseText } from "../../addin/api/sse";
import { buildApp } from "../../server/app";
import { loadConfig, type Config } from "../../server/config";
import { loadPrePrompts } from "../../server/prompts/registry";
import { buildProviders } from "../../server/llm/providers";
import type { Db } from "../../server/store/db";

export interface TestAppOptions {
  readonly db: Db;
  /** Environment variables as an operator would set them (LLM_BASE_URL of the fake provider, AUTH_MODE…). */
  readonly env?: Record<string, string | undefined>;
  readonly redis?: Redis;
}

/** Builds the app exactly as main.ts does, from environment variables. */
export async function buildTestApp(options: TestAppOptions): Promise<{ app: FastifyInstance; config: Config }> {
  const config = loadConfig({ STATIC_DIR: "./dist", ...options.env });
  const app = await buildApp({
    config,
    db: options.db,
    prePrompts: await loadPrePrompts(),
    providers: buildProviders(config),
    redis: options.redis,
  });
  return { app, config };
}

/** Environment pointing the provider at a fake server. */
export function fakeProviderEnv(baseUrl: string): Record<string, string> {
  return {
    LLM_BASE_URL: baseUrl,
    LLM_API_KEY: "test-key",
    LLM_MODEL: "mistral-small-test",
    LLM_PROVIDER_NAME: "fake-eu",
    LLM_REGION: "FRA",
    LLM_MODEL_ACTIVE_PARAMS_B: "24",
    LLM_MODEL_TOTAL_PARAMS_B: "24",
    // Keep retries quick in tests; the logic is the same.
    LLM_RETRY_BASE_MS: "10",
  };
}

/** Parses an SSE body into its events, each `data` read as JSON (the pane's own SSE reader does the parsing). */
export function parseSse(body: string): { event: string; data: unknown }[] {
  return parseSseText(body).map(({ event, data }) => ({ event, data: JSON.parse(data) as unknown }));
}
