// The store stays out of the streaming hot path: nothing is written while the draft streams; the generation row and its
// audit event land together after it.
import { expect, it } from "vitest";
import { useAppWithFakeProvider } from "../support/app-fixture";
import { describeEachStore } from "../support/stores";
import { parseSse } from "../support/test-app";

const NOTES =
  "Appel de Mme Leroy le 03/02 : dégât des eaux dans la cuisine, fuite sous l'évier, plombier passé le 04/02. Rappeler pour le devis.";
const DRAFT =
  "La sociétaire signale un dégât des eaux dans sa cuisine, causé par une fuite sous l'évier ; un plombier est intervenu.";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachStore("store out of the streaming hot path", (kind) => {
  const ctx = useAppWithFakeProvider(kind);

  const counts = async () => {
    const [row] = await ctx.db.query<{ generations: number; events: number }>(
      "SELECT (SELECT count(*)::int FROM generations) AS generations, (SELECT count(*)::int FROM audit_events WHERE kind = 'generation') AS events",
    );
    return row ?? { generations: -1, events: -1 };
  };

  it("writes nothing while the draft streams, then the generation and its audit event together before `done`", async () => {
    const before = await counts();
    ctx.fake.enqueue({ kind: "ok", text: DRAFT, chunkSize: 8, chunkDelayMs: 60 }); // about 15 chunks over ~0.9 s
    const asked = ctx.fake.requests.length;
    const response = ctx.app.inject({
      method: "POST",
      url: "/api/generations",
      payload: { task: "interview-minutes", notes: NOTES },
      headers: { "content-type": "application/json", accept: "text/event-stream" },
    });
    while (ctx.fake.requests.length === asked) await sleep(5);
    await sleep(300); // several chunks are out: the adviser is reading the draft
    expect(await counts()).toEqual(before);

    const events = parseSse((await response).body);
    expect(events.filter((e) => e.event === "delta").length).toBeGreaterThan(1);
    const done = events.find((e) => e.event === "done")?.data as { id: string } | undefined;
    expect(done?.id).toBeTruthy();
    expect(await counts()).toEqual({ generations: before.generations + 1, events: before.events + 1 });
    const [event] = await ctx.db.query<{ payload: { generationId: string } }>(
      "SELECT payload FROM audit_events WHERE kind = 'generation' ORDER BY seq DESC LIMIT 1",
    );
    expect(event?.payload.generationId).toBe(done?.id);
  });

  it("writes neither the generation nor its audit event when the adviser cancels mid-stream", async () => {
    const before = await counts();
    ctx.fake.enqueue({ kind: "ok", text: DRAFT, chunkSize: 8, chunkDelayMs: 60 });
    const address = await ctx.app.listen({ port: 0, host: "127.0.0.1" }); // closed with the app by the fixture
    const controller = new AbortController();
    const response = await fetch(`${address}/api/generations`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ task: "interview-minutes", notes: NOTES }),
      signal: controller.signal,
    });
    const reader = response.body?.getReader();
    let received = "";
    while (!received.includes("event: delta")) {
      const part = await reader?.read();
      if (!part || part.done) break;
      received += new TextDecoder().decode(part.value);
    }
    expect(received).toContain("event: delta");
    controller.abort();
    await sleep(1_200); // past the provider's last chunk
    expect(await counts()).toEqual(before);
  });
});
