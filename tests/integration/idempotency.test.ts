// Idempotent saves (IETF Idempotency-Key draft): a retry replays the first answer; the same key with another body is
// refused with 422 problem+json and never replays the first text as if it were the second.
import { expect, it } from "vitest";
import { useAppWithFakeProvider } from "../support/app-fixture";
import { describeEachStore } from "../support/stores";

const NOTES = "visite du 12/11 : fuite sous l'évier, devis plombier 480 €";

describeEachStore("idempotent saves", (kind) => {
  const f = useAppWithFakeProvider(kind);

  async function generation(): Promise<{ id: string; draft: string }> {
    return (
      await f.app.inject({
        method: "POST",
        url: "/api/generations",
        payload: { task: "interview-minutes", notes: NOTES },
      })
    ).json() as { id: string; draft: string };
  }
  const save = (key: string, payload: string) =>
    f.app.inject({
      method: "POST",
      url: "/api/minutes",
      payload,
      headers: { "content-type": "application/json", "idempotency-key": key },
    });
  const count = async (generationId: string) =>
    (
      await f.db.query<{ n: number }>("SELECT count(*)::int AS n FROM minutes WHERE generation_id = $1", [generationId])
    )[0]?.n;

  it("replays a retry whose body is the same JSON written differently", async () => {
    const g = await generation();
    const key = `save-${g.id}`;
    const first = await save(key, JSON.stringify({ generationId: g.id, text: g.draft, validated: true }));
    expect(first.statusCode).toBe(201);
    const retry = await save(
      key,
      `{ "validated": true,  "text": ${JSON.stringify(g.draft)}, "generationId": "${g.id}" }`,
    );
    expect(retry.statusCode).toBe(201);
    expect(retry.json().id).toBe(first.json().id);
    expect(await count(g.id)).toBe(1);
  });

  it("refuses the same key with another text: 422 problem+json in French, nothing stored, the first text kept", async () => {
    const g = await generation();
    const key = `save-${g.id}`;
    const first = await save(key, JSON.stringify({ generationId: g.id, text: g.draft, validated: true }));
    expect(first.statusCode).toBe(201);
    const other = await save(
      key,
      JSON.stringify({ generationId: g.id, text: `${g.draft}\nAjout du conseiller.`, validated: true }),
    );
    expect(other.statusCode).toBe(422);
    expect(other.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(other.json()).toMatchObject({
      status: 422,
      code: "idempotency_key_reused",
      detail: expect.stringMatching(/clé/i),
    });
    expect(await count(g.id)).toBe(1);
    const stored = (await f.app.inject({ method: "GET", url: `/api/minutes/${first.json().id}` })).json() as {
      text: string;
    };
    expect(stored.text).toBe(g.draft);
    // A fresh key saves the new text.
    expect(
      (await save(`${key}-2`, JSON.stringify({ generationId: g.id, text: `${g.draft}\nAjout.`, validated: true })))
        .statusCode,
    ).toBe(201);
  });

  it("refuses a racing retry with another body while the first is in flight", async () => {
    const g = await generation();
    const key = `race-${g.id}`;
    const answers = await Promise.all([
      save(key, JSON.stringify({ generationId: g.id, text: g.draft, validated: true })),
      save(key, JSON.stringify({ generationId: g.id, text: `${g.draft} (bis)`, validated: true })),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 422]);
    expect(await count(g.id)).toBe(1);
  });
});
