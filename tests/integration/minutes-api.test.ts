// The API as documented: `validated` missing or false is a 422 that stores nothing; a body that is not UTF-8 is a 400
// naming its field.
import { expect, it } from "vitest";
import type { GenerationResponse } from "../../src/schemas/generation";
import { useAppWithFakeProvider } from "../support/app-fixture";
import { describeEachStore } from "../support/stores";

/** "Réclamation reçue" as an old Windows system would paste it: é is the single byte 0xE9 (Windows-1252). */
function windows1252(text: string): Buffer {
  return Buffer.from([...text].map((c) => c.charCodeAt(0)));
}

/** A JSON body with `raw` bytes spliced in place of the marker, so the rest stays valid UTF-8. */
function bodyWith(json: string, marker: string, raw: Buffer): Buffer {
  const [before, after] = json.split(marker);
  return Buffer.concat([Buffer.from(before ?? "", "utf8"), raw, Buffer.from(after ?? "", "utf8")]);
}

describeEachStore("minutes API contract", (kind) => {
  const ctx = useAppWithFakeProvider(kind);
  const countMinutes = async () => (await ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM minutes"))[0]?.n;
  const countGenerations = async () =>
    (await ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM generations"))[0]?.n;

  async function generate(): Promise<GenerationResponse> {
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/generations",
      payload: { task: "interview-minutes", notes: "Appel du sociétaire : réclamation sur un remboursement." },
    });
    expect(response.statusCode).toBe(201);
    return response.json();
  }

  it("answers 422 problem+json in French when `validated` is missing, false or null, and stores nothing", async () => {
    const generation = await generate();
    const before = await countMinutes();
    for (const payload of [
      { generationId: generation.id, text: generation.draft },
      { generationId: generation.id, text: generation.draft, validated: false },
      { generationId: generation.id, text: generation.draft, validated: null },
      // Missing comes first even when another field is also wrong: the human check is what is reported.
      { generationId: generation.id },
    ]) {
      const response = await ctx.app.inject({ method: "POST", url: "/api/minutes", payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(422);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({
        status: 422,
        code: "validation_required",
        title: "Validation requise",
        detail: expect.stringContaining("Rien n'a été enregistré"),
      });
    }
    const asString = await ctx.app.inject({
      method: "POST",
      url: "/api/minutes",
      payload: { generationId: generation.id, text: generation.draft, validated: "true" },
    });
    expect(asString.statusCode).toBe(400);
    expect(await countMinutes()).toBe(before);
    const ok = await ctx.app.inject({
      method: "POST",
      url: "/api/minutes",
      payload: { generationId: generation.id, text: generation.draft, validated: true },
    });
    expect(ok.statusCode).toBe(201);
  });

  it("refuses a save whose text is Windows-1252, naming the field, and stores nothing", async () => {
    const generation = await generate();
    const before = await countMinutes();
    const json = JSON.stringify({ generationId: generation.id, text: "@@", validated: true });
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/minutes",
      headers: { "content-type": "application/json" },
      payload: bodyWith(json, "@@", windows1252("Réclamation reçue le 3 décembre")),
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: "malformed_json", detail: expect.stringMatching(/« text ».*UTF-8/) });
    expect(await countMinutes()).toBe(before);
  });

  it("refuses generation notes that are not UTF-8 (a lone continuation byte, a cut sequence, an overlong form, a surrogate)", async () => {
    const before = await countGenerations();
    for (const raw of [
      Buffer.from([0x80]),
      Buffer.from([0x41, 0xc3]),
      Buffer.from([0xc0, 0xaf]),
      Buffer.from([0xed, 0xa0, 0x80]),
    ]) {
      const json = JSON.stringify({
        task: "interview-minutes",
        notes: "Appel du sociétaire @@ fin",
        context: { subject: "Sinistre" },
      });
      const response = await ctx.app.inject({
        method: "POST",
        url: "/api/generations",
        headers: { "content-type": "application/json" },
        payload: bodyWith(json, "@@", raw),
      });
      expect(response.statusCode, raw.toString("hex")).toBe(400);
      expect(response.json().detail).toMatch(/« notes »/);
    }
    // Nested: the member's name in the context.
    const json = JSON.stringify({ task: "interview-minutes", notes: "Appel", context: { memberName: "@@" } });
    const nested = await ctx.app.inject({
      method: "POST",
      url: "/api/generations",
      headers: { "content-type": "application/json" },
      payload: bodyWith(json, "@@", windows1252("Hélène")),
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().detail).toMatch(/« memberName »/);
    expect(await countGenerations()).toBe(before);
  });

  it("still accepts real UTF-8: accents, emoji, a BOM, and keeps them intact", async () => {
    const notes = "Sociétaire très mécontent 😠 : « remboursement » attendu — 1 250,00 €";
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(JSON.stringify({ task: "interview-minutes", notes }), "utf8"),
    ]);
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/generations",
      headers: { "content-type": "application/json; charset=utf-8" },
      payload: body,
    });
    expect(response.statusCode).toBe(201);
    const stored = await ctx.db.query<{ notes: string }>("SELECT notes FROM generations WHERE id = $1", [
      response.json().id,
    ]);
    expect(stored[0]?.notes).toBe(notes);
  });
});
