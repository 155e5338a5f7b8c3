// POST/GET /api/minutes: nothing unvalidated is stored, the transparency case comes from provenance, minutes survive a
// restart.
import { expect, it } from "vitest";
import type { GenerationResponse } from "../../src/schemas/generation";
import { MinutesSchema } from "../../src/schemas/minutes";
import { useAppWithFakeProvider } from "../support/app-fixture";
import { fixture } from "../support/fixtures";
import { describeEachStore } from "../support/stores";

describeEachStore("minutes", (kind) => {
  const ctx = useAppWithFakeProvider(kind);

  async function generate(): Promise<GenerationResponse> {
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/generations",
      payload: { task: "interview-minutes", notes: fixture("03-ajout-jeune-conducteur.txt") },
    });
    expect(response.statusCode).toBe(201);
    return response.json();
  }
  const save = (payload: Record<string, unknown>) => ctx.app.inject({ method: "POST", url: "/api/minutes", payload });
  const countMinutes = async () => (await ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM minutes"))[0]?.n;

  it("refuses an unvalidated save with 422 and stores nothing", async () => {
    const generation = await generate();
    const before = await countMinutes();
    for (const validated of [false]) {
      const response = await save({ generationId: generation.id, text: generation.draft, validated });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        code: "validation_required",
        detail: expect.stringMatching(/relu et validé.*Rien n'a été enregistré/),
      });
    }
    // Missing is as unvalidated as false: the documented 422, with the same French detail.
    const missing = await save({ generationId: generation.id, text: generation.draft });
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: "validation_required" });
    const asString = await save({ generationId: generation.id, text: generation.draft, validated: "true" });
    expect(asString.statusCode).toBe(400);
    expect(await countMinutes()).toBe(before);
  });

  it("saves validated AI text with the notice, and keeps who validated it, when, and from which generation", async () => {
    const generation = await generate();
    const edited = generation.draft.replace("Entretien avec le sociétaire.", "Appel entrant des époux Lambert.");
    const response = await save({ generationId: generation.id, text: edited, validated: true });
    expect(response.statusCode).toBe(201);
    const saved = response.json() as { id: string; transparency: { case: string; label: string | null } };
    expect(saved.transparency).toEqual({
      case: "ai-validated",
      label:
        "Compte-rendu produit par une intelligence artificielle générative et validé par un collaborateur du groupe MAIF.",
    });
    const read = await ctx.app.inject({ method: "GET", url: `/api/minutes/${saved.id}` });
    expect(read.statusCode).toBe(200);
    const minutes = MinutesSchema.parse(read.json());
    expect(minutes).toMatchObject({
      id: saved.id,
      generationId: generation.id,
      text: edited,
      validatedBy: "dev:local",
      prePrompt: { id: "interview-minutes@1" },
    });
    expect(minutes.aiShare).toBeGreaterThan(0.8);
    expect(Date.now() - Date.parse(minutes.validatedAt)).toBeLessThan(60_000);
  });

  it("carries no notice when the adviser wrote the text with AI suggestions", async () => {
    const generation = await generate();
    const ownText =
      "Les époux Lambert souhaitent déclarer leur fils, jeune permis, sur la Clio. Tarif communiqué, décision attendue ; rappel convenu mi-novembre.";
    const response = await save({ generationId: generation.id, text: ownText, validated: true });
    expect(response.statusCode).toBe(201);
    expect(response.json().transparency).toEqual({ case: "human-with-ai", label: null });
    const read = await ctx.app.inject({ method: "GET", url: `/api/minutes/${response.json().id}` });
    expect(read.json().aiShare).toBeLessThan(0.5);
  });

  it("refuses to save from a generation that does not exist, and an empty text", async () => {
    const unknown = await save({
      generationId: "00000000-0000-4000-8000-000000000000",
      text: "Texte",
      validated: true,
    });
    expect(unknown.statusCode).toBe(404);
    const generation = await generate();
    const empty = await save({ generationId: generation.id, text: "  ", validated: true });
    expect(empty.statusCode).toBe(422);
  });

  it("keeps minutes across a restart of the server and its database", async () => {
    const generation = await generate();
    const saved = (await save({ generationId: generation.id, text: generation.draft, validated: true })).json() as {
      id: string;
    };
    await ctx.restart();
    const read = await ctx.app.inject({ method: "GET", url: `/api/minutes/${saved.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: saved.id, text: generation.draft, transparency: { case: "ai-validated" } });
  });
});
