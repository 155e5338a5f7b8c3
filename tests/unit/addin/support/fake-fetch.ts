// Owns the scripted fetch of the add-in's component tests: SSE bodies that stream, fail, hang until aborted, or JSON.
import type { GenerationResponse } from "../../../../src/schemas/generation";

/** One step of a scripted SSE body. */
export type SseStep = { event: string; data: unknown } | { wait: Promise<void> } | { hang: true };

export function sseEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A streamed Response whose body follows `steps`; `hang` keeps it open until the request is aborted. */
export function sseResponse(steps: SseStep[], signal?: AbortSignal | null): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const abort = (): void => controller.error(new DOMException("The operation was aborted.", "AbortError"));
      signal?.addEventListener("abort", abort, { once: true });
      for (const step of steps) {
        if ("hang" in step) return;
        if ("wait" in step) {
          await step.wait;
          continue;
        }
        if (signal?.aborted) return;
        controller.enqueue(encoder.encode(sseEvent(step.event, step.data)));
      }
      signal?.removeEventListener("abort", abort);
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { "content-type": "text/event-stream" } });
}

export function jsonResponse(status: number, body: unknown, contentType = "application/json"): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": contentType } });
}

/** A generation answer with sensible defaults. */
export function generation(overrides: Partial<GenerationResponse> = {}): GenerationResponse {
  const draft =
    overrides.draft ??
    "## Contexte\nEntretien du 14/10.\n\n## Éléments échangés\n- Franchise de 380 €.\n- Devis estimé à 1 250 €.\n";
  return {
    id: "3f2b8c1e-5d4a-4e7b-9c1f-2a6b8d0e4f11",
    task: "interview-minutes",
    draft,
    prePrompt: { id: "interview-minutes", version: 1 },
    provider: { name: "Mistral", model: "mistral-small", region: "UE" },
    degraded: false,
    usage: { inputTokens: 100, outputTokens: 50 },
    footprint: { energyWh: 0.3, gco2eq: 0.02 },
    ungrounded: [],
    pseudonymised: 2,
    ...overrides,
  };
}

export interface FetchCall {
  readonly url: string;
  readonly init: RequestInit;
  readonly body: unknown;
}

/** A fetch that answers each request with the next handler and records the calls. */
export function scriptedFetch(
  ...handlers: ((call: FetchCall) => Response | Promise<Response>)[]
): typeof fetch & { calls: FetchCall[] } {
  const calls: FetchCall[] = [];
  const fn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = {
      url: String(input),
      init,
      body: typeof init.body === "string" ? (JSON.parse(init.body) as unknown) : undefined,
    };
    calls.push(call);
    const handler = handlers.shift();
    if (!handler) throw new Error(`unexpected fetch ${call.url}`);
    return handler(call);
  }) as typeof fetch & { calls: FetchCall[] };
  fn.calls = calls;
  return fn;
}
