// Owns calls to any OpenAI-compatible endpoint (Mistral, Scaleway, OVHcloud, Azure OpenAI EU, vLLM, Ollama) through the
// openai SDK.
import OpenAI from "openai";
import type { LlmConfig } from "../config";
import type { GenerateOptions, LlmCall, LlmOutput, LlmProvider } from "./provider";
import { cleanText } from "../limits/odd-bytes";
import { ProviderError, toProviderError } from "./provider-error";

/** Rough token count when the endpoint reports no usage (about 4 characters a token in French). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** The usage the endpoint reported, or an estimate from the text sent and received when it reported none. */
function usageOf(
  reported: OpenAI.CompletionUsage | undefined,
  messages: readonly { content: string }[],
  text: string,
): LlmOutput["usage"] {
  return {
    inputTokens: reported?.prompt_tokens ?? estimateTokens(messages.map((m) => m.content).join("\n")),
    outputTokens: reported?.completion_tokens ?? estimateTokens(text),
  };
}

/** A deadline that can be pushed back (the gap between chunks) and says why it fired. */
function watchdog(ms: number, kind: "timeout" | "stalled", controller: AbortController) {
  let timer: NodeJS.Timeout | undefined;
  let reason: ProviderError | undefined;
  const arm = (delayMs: number, why: "timeout" | "stalled") => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      reason = new ProviderError(why, true, {
        message: why === "timeout" ? `no first token within ${delayMs} ms` : `no chunk for ${delayMs} ms`,
      });
      controller.abort(reason);
    }, delayMs);
  };
  arm(ms, kind);
  return {
    rearm: arm,
    clear: () => clearTimeout(timer),
    get reason() {
      return reason;
    },
  };
}

/**
 * An SDK client for an OpenAI-compatible endpoint. Every option is explicit so nothing is read from OPENAI_*
 * variables, and the SDK never retries: our chains own retries and fallback, and SDK retries under ours would
 * multiply the wait.
 */
export function openAiClient(endpoint: {
  readonly baseUrl: string;
  readonly apiKey?: string | undefined;
  readonly timeoutMs: number;
}): OpenAI {
  return new OpenAI({
    baseURL: endpoint.baseUrl,
    apiKey: endpoint.apiKey ?? "not-needed",
    organization: null,
    project: null,
    timeout: endpoint.timeoutMs,
    maxRetries: 0,
  });
}

/** Creates a provider (server/llm/chain.ts retries it and falls back). */
export function createOpenAiCompatible(config: LlmConfig): LlmProvider {
  const client = openAiClient({ baseUrl: config.baseUrl, apiKey: config.apiKey, timeoutMs: config.requestTimeoutMs });
  const info = {
    name: config.name,
    model: config.model,
    region: config.region,
    isOffline: false,
    activeParamsB: config.activeParamsB,
    totalParamsB: config.totalParamsB,
  };

  /**
   * Always streams from the provider, even when the caller wants the answer in one piece (JSON answers, structured
   * extraction): only a stream lets the first-token and idle deadlines bound a provider that hangs.
   */
  async function stream(
    call: LlmCall,
    onDelta: ((text: string) => void) | undefined,
    outer: AbortSignal | undefined,
  ): Promise<LlmOutput> {
    const messages = call.messages.map((m) => ({ role: m.role, content: m.content }));
    const responseFormat = call.responseFormat
      ? {
          response_format: {
            type: "json_schema" as const,
            json_schema: {
              name: call.responseFormat.name.replace(/[^\w-]/g, "_"),
              schema: call.responseFormat.schema,
              strict: true,
            },
          },
        }
      : {};
    const controller = new AbortController();
    const forward = () => controller.abort(outer?.reason);
    if (outer?.aborted) forward();
    else outer?.addEventListener("abort", forward, { once: true });
    const dog = watchdog(config.timeoutMs, "timeout", controller);
    try {
      const response = await client.chat.completions
        .create(
          { model: config.model, messages, stream: true, stream_options: { include_usage: true }, ...responseFormat },
          { signal: controller.signal },
        )
        .withResponse();
      const contentType = response.response.headers.get("content-type") ?? "";
      if (!contentType.includes("text/event-stream")) {
        throw new ProviderError("malformed", true, {
          message: `expected an event stream, got ${contentType || "no content type"}`,
        });
      }
      let text = "";
      let usage: OpenAI.CompletionUsage | undefined;
      let finishReason: string | null | undefined;
      for await (const chunk of response.data) {
        finishReason = chunk.choices?.[0]?.finish_reason ?? finishReason;
        // A NUL byte from the provider would fail the insert after the whole draft has streamed: dropped here.
        const piece = chunk.choices?.[0]?.delta?.content?.replaceAll("\u0000", "");
        if (piece) {
          text += piece;
          dog.rearm(config.idleTimeoutMs, "stalled");
          onDelta?.(piece);
        }
        if (chunk.usage) usage = chunk.usage;
      }
      // A connection cut mid-stream ends the iteration quietly: only a finish reason proves the draft is whole.
      if (!finishReason) throw new ProviderError("cut", true, { message: "the stream ended without a finish reason" });
      if (finishReason === "length")
        throw new ProviderError("cut", false, { message: "the draft was cut at the provider's token limit" });
      if (text.trim() === "")
        throw new ProviderError("empty", true, { message: "the provider streamed an empty draft" });
      return { text: cleanText(text), usage: usageOf(usage, messages, text) };
    } catch (error) {
      throw dog.reason ?? error;
    } finally {
      dog.clear();
      outer?.removeEventListener("abort", forward);
    }
  }

  return {
    info,
    async generate(call: LlmCall, options: GenerateOptions = {}): Promise<LlmOutput> {
      try {
        return await stream(call, options.onDelta, options.signal);
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason ?? error;
        throw toProviderError(error);
      }
    },
  };
}
