// Owns calls to any OpenAI-compatible endpoint (Mistral, Scaleway, OVHcloud, Azure OpenAI EU, vLLM, Ollama) through the openai SDK.
import OpenAI from "openai";
import { AppError } from "../../src/errors";
import type { LlmConfig } from "../config";
import type { GenerateOptions, LlmCall, LlmOutput, LlmProvider } from "./provider";

/** Rough token count when the endpoint reports no usage (about 4 characters a token in French). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Creates a provider; every SDK option is explicit so nothing is read from OPENAI_* variables. */
export function createOpenAiCompatible(config: LlmConfig): LlmProvider {
  const client = new OpenAI({
    baseURL: config.baseUrl,
    apiKey: config.apiKey ?? "not-needed",
    organization: null,
    project: null,
    timeout: config.timeoutMs,
    // The gateway owns retries and fallback; SDK retries under ours would multiply the wait.
    maxRetries: 0,
  });
  const info = {
    name: config.name,
    model: config.model,
    region: config.region,
    isOffline: false,
    activeParamsB: config.activeParamsB,
    totalParamsB: config.totalParamsB,
  };

  async function generate(call: LlmCall, options: GenerateOptions = {}): Promise<LlmOutput> {
    const messages = call.messages.map((m) => ({ role: m.role, content: m.content }));
    const inputEstimate = estimateTokens(messages.map((m) => m.content).join("\n"));
    try {
      if (!options.onDelta) {
        const completion = await client.chat.completions.create({ model: config.model, messages, stream: false }, { signal: options.signal });
        const text = completion.choices[0]?.message?.content ?? "";
        return {
          text,
          usage: {
            inputTokens: completion.usage?.prompt_tokens ?? inputEstimate,
            outputTokens: completion.usage?.completion_tokens ?? estimateTokens(text),
          },
        };
      }
      const stream = await client.chat.completions.create(
        { model: config.model, messages, stream: true, stream_options: { include_usage: true } },
        { signal: options.signal },
      );
      let text = "";
      let usage: OpenAI.CompletionUsage | undefined;
      for await (const chunk of stream) {
        const piece = chunk.choices[0]?.delta?.content;
        if (piece) {
          text += piece;
          options.onDelta(piece);
        }
        if (chunk.usage) usage = chunk.usage;
      }
      return { text, usage: { inputTokens: usage?.prompt_tokens ?? inputEstimate, outputTokens: usage?.completion_tokens ?? estimateTokens(text) } };
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new AppError("provider_failed", { cause: error });
    }
  }

  return { info, generate };
}
