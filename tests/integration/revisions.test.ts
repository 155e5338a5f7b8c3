// AI edits by instruction under the same pre-prompt, the draft's version history, and citations.
import { expect, it } from "vitest";
import { GenerationResponseSchema, type GenerationResponse } from "../../src/schemas/generation";
import { loadPrePrompts } from "../../server/prompts/registry";
import { defaultDraft } from "../support/fake-openai";
import { useAppWithFakeProvider } from "../support/app-fixture";
import { fixture } from "../support/fixtures";
import { describeEachStore } from "../support/stores";
import { parseSse } from "../support/test-app";

const NOTES = fixture("01-sinistre-auto-telephone.txt");

describeEachStore("revisions", (kind) => {
  const ctx = useAppWithFakeProvider(kind);

  const generate = async (
    payload: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<GenerationResponse> => {
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/generations",
      payload: { task: "member-email", notes: NOTES, ...payload },
      headers,
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return GenerationResponseSchema.parse(headers.accept ? parseSse(response.body).at(-1)?.data : response.json());
  };

  it("revises a draft by instruction under the same pre-prompt, with the draft and instruction in the user message only", async () => {
    const first = await generate({ context: { memberName: "Karim Benali" } });
    const edited = `${first.draft}\nAjout du conseiller : M. Benali rappellera demain.`;
    ctx.fake.setDefaultText("Bonjour Monsieur [PRENOM_1] [NOM_1],\nVersion plus concise.");
    const revised = await generate(
      {
        context: { memberName: "Karim Benali" },
        revise: { generationId: first.id, instruction: "plus concis", draft: edited },
      },
      { accept: "text/event-stream" },
    );
    ctx.fake.setDefaultText(defaultDraft);

    const [system, user, ...rest] = ctx.fake.requests.at(-1)?.body.messages ?? [];
    expect(rest).toHaveLength(0);
    expect(system?.content).toBe((await loadPrePrompts()).get("member-email")?.text);
    expect(user?.content).toMatch(
      /<brouillon>\n[\s\S]*Ajout du conseiller : M\. \[NOM_1\] rappellera demain\.\n<\/brouillon>/,
    );
    expect(user?.content).toMatch(
      /Consigne du conseiller pour réviser le brouillon ci-dessus, dans le respect de toutes les règles : plus concis/,
    );
    expect(user?.content).not.toContain("Benali");
    expect(revised).toMatchObject({ parentId: first.id, prePrompt: { id: "member-email@1" } });
    expect(revised.draft).toBe("Bonjour Monsieur Karim Benali,\nVersion plus concise.");
  });

  it("keeps the whole history: first draft, manual edit, AI edit; the transparency decision uses all of it", async () => {
    const first = await generate({});
    const manual = await ctx.app.inject({
      method: "POST",
      url: `/api/generations/${first.id}/versions`,
      payload: { text: "Texte retouché à la main." },
    });
    expect(manual.statusCode).toBe(201);
    const revised = await generate({
      revise: { generationId: first.id, instruction: "plus formel", draft: "Texte retouché à la main." },
    });

    const history = (
      await ctx.app.inject({ method: "GET", url: `/api/generations/${revised.id}/versions` })
    ).json() as { kind: string; generationId?: string; instruction?: string; text: string }[];
    expect(history.map((v) => v.kind)).toEqual(["generation", "manual-edit", "ai-edit"]);
    expect(history[0]).toMatchObject({ generationId: first.id, text: first.draft });
    expect(history[1]).toMatchObject({ text: "Texte retouché à la main." });
    expect(history[2]).toMatchObject({ generationId: revised.id, instruction: "plus formel", text: revised.draft });

    // Saved under the AI edit's id but with the first draft's text: still measured as AI text.
    const saved = await ctx.app.inject({
      method: "POST",
      url: "/api/minutes",
      payload: { generationId: revised.id, text: first.draft, validated: true },
    });
    expect(saved.json().transparency.case).toBe("ai-validated");
  });

  it("refuses to revise another task's draft or a draft that is not the adviser's", async () => {
    const first = await generate({});
    const wrongTask = await ctx.app.inject({
      method: "POST",
      url: "/api/generations",
      payload: {
        task: "claim-summary",
        notes: NOTES,
        revise: { generationId: first.id, instruction: "plus concis", draft: "x" },
      },
    });
    expect(wrongTask.statusCode).toBe(400);
    const unknown = await ctx.app.inject({
      method: "POST",
      url: "/api/generations",
      payload: {
        task: "member-email",
        notes: NOTES,
        revise: { generationId: "00000000-0000-4000-8000-000000000000", instruction: "plus concis", draft: "x" },
      },
    });
    expect(unknown.statusCode).toBe(404);
    const emptyInstruction = await ctx.app.inject({
      method: "POST",
      url: "/api/generations",
      payload: { task: "member-email", notes: NOTES, revise: { generationId: first.id, instruction: " ", draft: "x" } },
    });
    expect(emptyInstruction.statusCode).toBe(400);
  });

  it("answers 503 and changes nothing when only the offline engine could answer an AI edit", async () => {
    const first = await generate({});
    ctx.fake.enqueue({ kind: "status", status: 400 });
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/generations",
      payload: {
        task: "member-email",
        notes: NOTES,
        revise: { generationId: first.id, instruction: "plus concis", draft: "Mon brouillon, avec M. Karim Benali." },
      },
    });
    expect(response.statusCode).toBe(503);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(response.json().detail).toMatch(/brouillon n'a pas été modifié/);
    const history = (await ctx.app.inject({ method: "GET", url: `/api/generations/${first.id}/versions` })).json() as {
      kind: string;
    }[];
    expect(history.map((v) => v.kind)).toEqual(["generation"]);
  });

  it("links the draft's sentences to the note lines they draw on", async () => {
    const result = await generate({});
    expect(result.citations?.length).toBeGreaterThan(5);
    const lines = NOTES.split("\n");
    const plate = result.citations?.find((c) => result.draft.slice(c.start, c.end).includes("FG-482-KL"));
    expect(plate?.refs[0]).toEqual({ in: "notes", line: lines.findIndex((l) => l.includes("FG-482-KL")) + 1 });
  });
});
