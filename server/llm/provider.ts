// Owns the provider interface every LLM backend (OpenAI-compatible endpoint or offline engine) implements.
import type { TaskId } from "../../src/tasks/catalogue";
import type { ChatMessage, PromptInput } from "../pipeline/messages";

/** Who answers: shown to advisers, stored with each generation, and used for the footprint. */
export interface ProviderInfo {
  readonly name: string;
  readonly model: string;
  readonly region: string;
  /** True for the offline engine: no generative AI, the answer is `degraded`. */
  readonly isOffline: boolean;
  readonly activeParamsB?: number | undefined;
  readonly totalParamsB?: number | undefined;
}

/** One request to a provider, already pseudonymised. */
export interface LlmCall {
  readonly task: TaskId;
  /** The pre-prompt first, then the data blocks (already pseudonymised). */
  readonly messages: readonly ChatMessage[];
  /** The same data, unformatted, for engines that do not read messages. */
  readonly input: PromptInput;
  /** Ask for JSON under this schema (structured extraction) instead of free text. */
  readonly responseFormat?: { readonly name: string; readonly schema: Record<string, unknown> } | undefined;
}

/** A provider's whole answer, with the token usage (reported or estimated). */
export interface LlmOutput {
  readonly text: string;
  readonly usage: { readonly inputTokens: number; readonly outputTokens: number };
  /** CPU time the engine spent on this server, when it runs here (offline engine). */
  readonly cpuMs?: number;
}

/** Per-call options of LlmProvider.generate. */
export interface GenerateOptions {
  readonly signal?: AbortSignal | undefined;
  /** Called with each piece of text as it arrives; when absent the provider may answer in one piece. */
  readonly onDelta?: ((text: string) => void) | undefined;
}

/**
 * A backend that turns messages into a draft.
 * @throws ProviderError on failure (the chain decides from it whether to retry or fall back), or the signal's
 *   reason once it is aborted.
 */
export interface LlmProvider {
  readonly info: ProviderInfo;
  generate(call: LlmCall, options?: GenerateOptions): Promise<LlmOutput>;
}
