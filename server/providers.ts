// Owns the provider chain built from configuration: the configured endpoint first, the offline engine always last.
import type { Config } from "./config";
import { createOfflineEngine } from "./llm/offline";
import { createOpenAiCompatible } from "./llm/openai-compatible";
import type { LlmProvider } from "./llm/provider";

/** The ordered providers a generation tries. */
export function buildProviders(config: Config): LlmProvider[] {
  const offline = createOfflineEngine();
  return config.llm ? [createOpenAiCompatible(config.llm), offline] : [offline];
}
