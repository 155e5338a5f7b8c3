// Covers the SSE reader (streamed and whole bodies) and the API client: events across chunk borders,
// done/error/replace, problems, aborts, tokens.
import { describe, expect, it } from "vitest";
import { createApiClient } from "../../../../addin/api/client";
import { AddinError, type ProblemError } from "../../../../addin/lib/errors";
import { parseSseText, readSse } from "../../../../addin/api/sse";
import { generation, jsonResponse, scriptedFetch, sseResponse } from "../support/fake-fetch";

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>) {
  const out = [];
  for await (const e of readSse(stream)) out.push(e);
  return out;
}

describe("readSse", () => {
  it("parses events split anywhere, CRLF and CR line ends, comments and multi-line data", async () => {
    const events = await collect(
      streamOf(
        ": keep-alive\r",
        "\nevent: del",
        'ta\r\ndata: {"text":',
        '"a"}\r',
        "\n\r\n",
        "data: one\ndata: two\n\n",
        "event: done\rdata: {}\r\r",
      ),
    );
    expect(events).toEqual([
      { event: "delta", data: '{"text":"a"}' },
      { event: "message", data: "one\ntwo" },
      { event: "done", data: "{}" },
    ]);
  });

  it("decodes UTF-8 characters split across chunks", async () => {
    const bytes = new TextEncoder().encode('data: {"text":"é€"}\n\n');
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.slice(0, 17));
        c.enqueue(bytes.slice(17));
        c.close();
      },
    });
    expect(await collect(stream)).toEqual([{ event: "message", data: '{"text":"é€"}' }]);
  });

  it("reads a whole body the same way (the tests' parseSse): heartbeats carry no event, a cut last event is none", () => {
    const body = ': heartbeat\n\nevent: delta\ndata: {"text":"a"}\n\n: heartbeat\n\nevent: done\ndata: {}';
    expect(parseSseText(body)).toEqual([{ event: "delta", data: '{"text":"a"}' }]);
  });
});

describe("api client", () => {
  it("streams deltas and replaces, and resolves with the done answer", async () => {
    const answer = generation();
    const fetch = scriptedFetch(({ init }) =>
      sseResponse(
        [
          { event: "delta", data: { text: "Bon" } },
          { event: "replace", data: { text: "Nouveau", reason: "fallback" } },
          { event: "delta", data: { text: "jour" } },
          { event: "done", data: answer },
        ],
        init.signal,
      ),
    );
    const seen: string[] = [];
    const result = await createApiClient({ fetch, getAccessToken: () => Promise.resolve("tok") }).streamGeneration(
      { task: "interview-minutes", notes: "n" },
      { onDelta: (t) => seen.push(`+${t}`), onReplace: (t, r) => seen.push(`=${t}/${r}`) },
    );
    expect(result).toEqual(answer);
    expect(seen).toEqual(["+Bon", "=Nouveau/fallback", "+jour"]);
    const headers = fetch.calls[0]?.init.headers as Record<string, string>;
    expect(headers.authorization).toBe("Bearer tok");
    expect(headers.accept).toBe("text/event-stream");
  });

  it("throws the problem of an error event", async () => {
    const problem = {
      type: "about:blank",
      title: "x",
      status: 503,
      detail: "Aucun service d'IA n'est disponible.",
      code: "provider_unavailable",
    };
    const fetch = scriptedFetch(({ init }) => sseResponse([{ event: "error", data: problem }], init.signal));
    const error = await createApiClient({ fetch })
      .streamGeneration(
        { task: "interview-minutes", notes: "n" },
        { onDelta: () => undefined, onReplace: () => undefined },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AddinError);
    expect((error as ProblemError).problem).toEqual(problem);
    expect((error as ProblemError).code).toBe("provider_unavailable");
  });

  it("reads answers by their contract: a done event without its draft, or a save without its id, is bad_response", async () => {
    const { draft: _draft, ...withoutDraft } = generation();
    const stream = scriptedFetch(({ init }) => sseResponse([{ event: "done", data: withoutDraft }], init.signal));
    const handlers = { onDelta: () => undefined, onReplace: () => undefined };
    await expect(
      createApiClient({ fetch: stream }).streamGeneration({ task: "member-email", notes: "n" }, handlers),
    ).rejects.toMatchObject({ code: "bad_response" });
    const save = scriptedFetch(() => jsonResponse(201, { transparency: { case: "ai-validated", label: null } }));
    const request = { generationId: "g", text: "t", validated: true };
    await expect(
      createApiClient({ fetch: save }).saveMinutes(request, undefined, { attempts: 1 }),
    ).rejects.toMatchObject({ code: "bad_response", problem: { status: 201 } });
  });

  it("reports a stream that ends without done as stream_incomplete", async () => {
    const fetch = scriptedFetch(({ init }) => sseResponse([{ event: "delta", data: { text: "a" } }], init.signal));
    await expect(
      createApiClient({ fetch }).streamGeneration(
        { task: "member-email", notes: "n" },
        { onDelta: () => undefined, onReplace: () => undefined },
      ),
    ).rejects.toMatchObject({
      code: "stream_incomplete",
    });
  });

  it("reads problem+json errors and falls back to a generic detail for other bodies", async () => {
    const detail = "Champ non autorisé : « foo ».";
    const fetch = scriptedFetch(
      () =>
        jsonResponse(
          400,
          { type: "about:blank", title: "t", status: 400, detail, code: "unknown_field" },
          "application/problem+json",
        ),
      () => new Response("<html>Bad gateway</html>", { status: 502 }),
    );
    const client = createApiClient({ fetch });
    await expect(client.saveMinutes({ generationId: "g", text: "t", validated: true })).rejects.toMatchObject({
      problem: { detail },
    });
    await expect(
      client.saveMinutes({ generationId: "g", text: "t", validated: true }, undefined, { attempts: 1 }),
    ).rejects.toMatchObject({ code: "bad_response", problem: { status: 502 } });
  });

  it("sends a save with one Idempotency-Key and retries a network failure or a 5xx with the same key", async () => {
    const saved = {
      id: "3f1c2a9e-8d7b-4c6a-9e5f-1a2b3c4d5e6f",
      transparency: { case: "ai-validated", label: "Rédigé avec l'aide de l'IA" },
    };
    const fetch = scriptedFetch(
      () => {
        throw new TypeError("Failed to fetch");
      },
      () =>
        jsonResponse(
          503,
          { type: "about:blank", title: "t", status: 503, detail: "indisponible", code: "internal" },
          "application/problem+json",
        ),
      () => jsonResponse(201, saved),
    );
    const client = createApiClient({ fetch });
    await expect(
      client.saveMinutes({ generationId: "g", text: "t", validated: true }, undefined, {
        idempotencyKey: "acte-1",
        retryBaseMs: 1,
      }),
    ).resolves.toEqual(saved);
    const keys = fetch.calls.map((c) => new Headers(c.init.headers).get("idempotency-key"));
    expect(keys).toEqual(["acte-1", "acte-1", "acte-1"]);
  });

  it("does not retry a save the server refused (4xx), and gives up after its attempts", async () => {
    const refuse = () =>
      jsonResponse(
        422,
        { type: "about:blank", title: "t", status: 422, detail: "Clé déjà utilisée", code: "idempotency_key_reused" },
        "application/problem+json",
      );
    const once = scriptedFetch(refuse);
    await expect(
      createApiClient({ fetch: once }).saveMinutes({ generationId: "g", text: "t", validated: true }, undefined, {
        retryBaseMs: 1,
      }),
    ).rejects.toMatchObject({ code: "idempotency_key_reused" });
    expect(once.calls).toHaveLength(1);
    expect(new Headers(once.calls[0]?.init.headers).get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);

    const down = () => new Response("<html>Bad gateway</html>", { status: 502 });
    const always = scriptedFetch(down, down, down);
    await expect(
      createApiClient({ fetch: always }).saveMinutes({ generationId: "g", text: "t", validated: true }, undefined, {
        attempts: 3,
        retryBaseMs: 1,
      }),
    ).rejects.toMatchObject({ problem: { status: 502 } });
    expect(always.calls).toHaveLength(3);
  });

  it("accepts a JSON answer when a proxy strips the event stream", async () => {
    const answer = generation({ draft: "Texte complet" });
    const fetch = scriptedFetch(() => jsonResponse(201, answer));
    const replaced: string[] = [];
    const result = await createApiClient({ fetch }).streamGeneration(
      { task: "claim-summary", notes: "n" },
      { onDelta: () => undefined, onReplace: (t) => replaced.push(t) },
    );
    expect(result.draft).toBe("Texte complet");
    expect(replaced).toEqual(["Texte complet"]);
  });

  it("lets an abort through as an abort, not as a problem", async () => {
    const controller = new AbortController();
    const fetch = scriptedFetch(({ init }) =>
      sseResponse([{ event: "delta", data: { text: "a" } }, { hang: true }], init.signal),
    );
    const pending = createApiClient({ fetch }).streamGeneration(
      { task: "interview-minutes", notes: "n" },
      { onDelta: () => controller.abort(), onReplace: () => undefined },
      controller.signal,
    );
    const error = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(AddinError);
    expect((error as Error).name).toBe("AbortError");
  });
});
