// The OpenAI-compatible adapter against the fake provider: what it sends, what it streams back, and how each failure
// is classified for the chain (kind, retryable, delay).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { LlmConfig } from "../../../../server/config";
import { createOpenAiCompatible } from "../../../../server/llm/openai-compatible";
import type { LlmCall, LlmProvider } from "../../../../server/llm/provider";
import { ProviderError } from "../../../../server/llm/provider-error";
import { startFakeOpenAi, type FakeOpenAi } from "../../../support/fake-openai";

let fake: FakeOpenAi;

beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
afterEach(() => {
  fake.requests.length = 0;
  fake.setDefaultBehaviour({ kind: "ok" });
});

function provider(overrides: Partial<LlmConfig> = {}): LlmProvider {
  return createOpenAiCompatible({
    baseUrl: fake.baseUrl,
    apiKey: "sk-test",
    model: "mistral-small-test",
    name: "test-provider",
    region: "FRA",
    activeParamsB: undefined,
    totalParamsB: undefined,
    timeoutMs: 2_000,
    idleTimeoutMs: 2_000,
    requestTimeoutMs: 5_000,
    ...overrides,
  });
}

const call: LlmCall = {
  task: "interview-minutes",
  messages: [
    { role: "system", content: "Pré-prompt" },
    { role: "user", content: "<notes>\nAppel du sociétaire\n</notes>" },
  ],
  input: { task: "interview-minutes", notes: "Appel du sociétaire" },
};

/** The ProviderError a failed call rejects with. */
async function failureOf(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe("the OpenAI-compatible adapter", () => {
  it("sends the model and the messages as given, streaming, with the key", async () => {
    await provider().generate(call);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.path).toBe("/v1/chat/completions");
    expect(request?.headers.authorization).toBe("Bearer sk-test");
    expect(request?.body.model).toBe("mistral-small-test");
    expect(request?.body.messages).toEqual(call.messages);
    expect(request?.body.stream).toBe(true);
    expect(request?.body.response_format).toBeUndefined();
  });

  it("hands each streamed delta on as it comes, and returns the whole text with the reported usage", async () => {
    const text = "## Contexte\nLe sociétaire signale un dégât des eaux le 12 mars.";
    fake.enqueue({ kind: "ok", text, chunkSize: 10, usage: { prompt_tokens: 321, completion_tokens: 45 } });
    const deltas: string[] = [];
    const output = await provider().generate(call, { onDelta: (piece) => deltas.push(piece) });
    expect(deltas.length).toBe(Math.ceil(text.length / 10));
    expect(deltas.join("")).toBe(text);
    expect(output.text).toBe(text);
    expect(output.usage).toEqual({ inputTokens: 321, outputTokens: 45 });
  });

  it("asks for JSON under the schema (name made safe, strict) and returns the answer as streamed", async () => {
    const schema = { type: "object", properties: { date: { type: ["string", "null"] } }, required: ["date"] };
    fake.enqueue({ kind: "ok", text: '{"date":"12/03/2024"}' });
    const output = await provider().generate({ ...call, responseFormat: { name: "constat amiable", schema } });
    expect(fake.requests[0]?.body.response_format).toEqual({
      type: "json_schema",
      json_schema: { name: "constat_amiable", schema, strict: true },
    });
    expect(fake.requests[0]?.body.stream).toBe(true);
    expect(JSON.parse(output.text)).toEqual({ date: "12/03/2024" });
  });

  it("calls a stream that ends without a finish reason a cut draft, worth retrying", async () => {
    fake.enqueue({ kind: "no-finish", text: "Un brouillon auquel manque la fin.", chunkSize: 8 });
    const deltas: string[] = [];
    const error = await failureOf(provider().generate(call, { onDelta: (piece) => deltas.push(piece) }));
    expect(deltas.join("")).toBe("Un brouillon auquel manque la fin.");
    expect(error).toMatchObject({ kind: "cut", isRetryable: true });
  });

  it("fails a stream whose connection drops mid-draft, worth retrying, after the pieces already shown", async () => {
    fake.enqueue({ kind: "cut", afterChunks: 2, chunkDelayMs: 20, text: "Un brouillon coupé au milieu de sa phrase." });
    const deltas: string[] = [];
    const error = await failureOf(provider().generate(call, { onDelta: (piece) => deltas.push(piece) }));
    expect(deltas).toHaveLength(2);
    expect(["cut", "network"]).toContain(error.kind);
    expect(error.isRetryable).toBe(true);
  });

  it("classifies a 429 as retryable, with the delay its Retry-After asks for", async () => {
    fake.enqueue({ kind: "status", status: 429, retryAfterSeconds: 7 });
    const error = await failureOf(provider().generate(call));
    expect(error).toMatchObject({ kind: "status", status: 429, isRetryable: true, retryAfterMs: 7_000 });
  });

  it("classifies a 5xx as retryable and a 4xx refusal as final", async () => {
    fake.enqueue({ kind: "status", status: 503 });
    expect(await failureOf(provider().generate(call))).toMatchObject({
      kind: "status",
      status: 503,
      isRetryable: true,
    });
    for (const status of [400, 401, 404, 422]) {
      fake.enqueue({ kind: "status", status });
      const error = await failureOf(provider().generate(call));
      expect(error, String(status)).toMatchObject({ kind: "status", status, isRetryable: false });
      expect(error.retryAfterMs).toBeUndefined();
    }
  });

  it("calls an unreadable chunk, or an answer that is no event stream, malformed", async () => {
    fake.enqueue({
      kind: "malformed-chunk",
      afterChunks: 1,
      text: "Un brouillon interrompu par un morceau illisible.",
    });
    expect(await failureOf(provider().generate(call))).toMatchObject({ kind: "malformed", isRetryable: true });
    fake.enqueue({ kind: "wrong-content-type" });
    expect(await failureOf(provider().generate(call))).toMatchObject({ kind: "malformed", isRetryable: true });
  });

  it("gives up on a provider silent past the first-token deadline, as a retryable timeout", async () => {
    fake.enqueue({ kind: "hang" });
    const error = await failureOf(provider({ timeoutMs: 150 }).generate(call));
    expect(error).toMatchObject({ kind: "timeout", isRetryable: true });
  });

  it("rejects with the caller's reason when the caller aborts, not as a provider failure", async () => {
    fake.enqueue({ kind: "hang" });
    const controller = new AbortController();
    const reason = new Error("pane closed");
    setTimeout(() => controller.abort(reason), 50);
    await expect(provider().generate(call, { signal: controller.signal })).rejects.toBe(reason);
  });
});
