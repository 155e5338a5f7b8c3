// Owns the providers built from configuration: the configured endpoints first, the offline engine always last.
import type { Config } from "../config";
import { createOfflineEngine } from "./offline/engine";
import { createOpenAiCompatible } from "./openai-compatible";
import type { LlmProvider } from "./provider";

/** The ordered providers a generation tries. */
export function buildProviders(config: Config): LlmProvider[] {
  const remote = [config.llm, config.llmFallback].filter((c) => c !== undefined).map(createOpenAiCompatible);
  return [...remote, createOfflineEngine()];
}
