// With no model, the offline engine only does what it can: no figure flagged, no AI edit, the member's words kept as
// theirs, a zero footprint, no masking claimed; the transparency notice follows what actually wrote the saved text.
import { readdirSync, readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { GenerationResponseSchema, type GenerationResponse } from "../../src/schemas/generation";
import { TASK_IDS } from "../../src/tasks/catalogue";
import type { Db } from "../../server/store/db";
import { useAppWithFakeProvider } from "../support/app-fixture";
import { createTestStore, describeEachStore, type TestStore } from "../support/stores";
import { buildTestApp, parseSse } from "../support/test-app";

/** Every sample the tasks are tried on: the repository's notes and the shared fixtures when present. */
function fixtures(): { name: string; text: string }[] {
  const dirs = [new URL("../fixtures/notes/", import.meta.url).pathname, "/work/shared/fixtures/notes/"];
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue; // the shared folder exists only on the team's machine
    }
    for (const name of names.sort()) {
      const text = readFileSync(`${dir}${name}`, "utf8");
      if (![...seen.values()].includes(text)) seen.set(`${dir}${name}`, text);
    }
  }
  return [...seen].map(([name, text]) => ({ name: name.split("/").pop() ?? name, text }));
}

/** Section title → the bullet lines under it. */
function sectionsOf(draft: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current = "";
  for (const line of draft.split("\n")) {
    if (line.startsWith("## ")) sections.set((current = line.slice(3)), []);
    else if (line.startsWith("- ") && current) sections.get(current)?.push(line.slice(2));
  }
  return sections;
}

describeEachStore("offline engine with no model", (kind) => {
  let store: TestStore;
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await createTestStore(kind);
    db = await store.open();
    ({ app } = await buildTestApp({ db, env: { RATE_LIMIT_PER_MINUTE: "1000" } }));
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await store.destroy();
  });

  const generate = async (payload: Record<string, unknown>): Promise<GenerationResponse> => {
    const response = await app.inject({ method: "POST", url: "/api/generations", payload });
    expect(response.statusCode, response.body).toBe(201);
    return GenerationResponseSchema.parse(response.json());
  };

  it("flags no figure, claims no masking and reports the same zero footprint twice, on every fixture and task", async () => {
    for (const { name, text } of fixtures()) {
      for (const task of TASK_IDS) {
        const payload =
          task === "document-extraction" ? { task, notes: "Document joint.", source: text } : { task, notes: text };
        const [first, second] = [await generate(payload), await generate(payload)];
        for (const result of [first, second]) {
          expect(result.degraded, `${name} ${task}`).toBe(true);
          expect(result.ungrounded, `${name} ${task}`).toEqual([]);
          expect(result.pseudonymised, `${name} ${task}: nothing left the server`).toBe(0);
          expect(result.footprint, `${name} ${task}`).toEqual({ energyWh: 0, gco2eq: 0 });
          expect(result.canRevise, "the pane disables AI edits").toBe(false);
        }
      }
    }
  });

  it("keeps the member's words out of « Réponse » in the member e-mail", async () => {
    const mail = fixtures().find((f) => f.name.startsWith("05-"))?.text ?? "";
    const sections = sectionsOf((await generate({ task: "member-email", notes: mail })).draft);
    expect(sections.get("Réponse")).toEqual([]);
    const memberLines = mail.split("\n").filter((l) => /^(?:Mon vélo|Est-ce que|Bonjour)/.test(l));
    expect(memberLines.length).toBeGreaterThan(1);
    for (const line of memberLines) expect(sections.get("Demande du sociétaire")).toContain(line.trim());
    for (const { text } of fixtures())
      expect(sectionsOf((await generate({ task: "member-email", notes: text })).draft).get("Réponse")).toEqual([]);
  });

  it("answers an AI edit with 503 problem+json in French, over JSON and over SSE, and never changes the draft", async () => {
    const first = await generate({ task: "member-email", notes: fixtures()[0]?.text ?? "" });
    const revise = {
      generationId: first.id,
      instruction: "Plus concis",
      draft: `${first.draft}\nRetouche du conseiller.`,
    };
    for (const headers of [{}, { accept: "text/event-stream" }]) {
      const response = await app.inject({
        method: "POST",
        url: "/api/generations",
        payload: { task: "member-email", notes: "x", revise },
        headers,
      });
      expect(response.statusCode).toBe(503);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({
        status: 503,
        detail: expect.stringMatching(/modèle.*brouillon n'a pas été modifié/),
      });
    }
    const history = (await app.inject({ method: "GET", url: `/api/generations/${first.id}/versions` })).json() as {
      kind: string;
      text: string;
    }[];
    expect(history).toEqual([expect.objectContaining({ kind: "generation", text: first.draft })]);
    const stored = (await app.inject({ method: "GET", url: `/api/generations/${first.id}` })).json() as {
      draft: string;
    };
    expect(stored.draft).toBe(first.draft);
  });

  it("saves an untouched offline draft without any AI notice", async () => {
    for (const task of ["interview-minutes", "member-email"] as const) {
      const draft = await generate({ task, notes: fixtures()[0]?.text ?? "" });
      const saved = await app.inject({
        method: "POST",
        url: "/api/minutes",
        payload: { generationId: draft.id, text: draft.draft, validated: true },
      });
      expect(saved.statusCode).toBe(201);
      expect(saved.json().transparency).toEqual({ case: "human-with-ai", label: null });
      const reread = (await app.inject({ method: "GET", url: `/api/minutes/${saved.json().id}` })).json();
      expect(JSON.stringify(reread)).not.toMatch(/intelligence artificielle/);
    }
  });
});

describeEachStore("transparency after the offline engine", (kind) => {
  const ctx = useAppWithFakeProvider(kind);
  const post = async (
    payload: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<GenerationResponse> => {
    const response = await ctx.app.inject({ method: "POST", url: "/api/generations", payload, headers });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return GenerationResponseSchema.parse(headers.accept ? parseSse(response.body).at(-1)?.data : response.json());
  };
  const save = async (generationId: string, text: string) =>
    (
      await ctx.app.inject({ method: "POST", url: "/api/minutes", payload: { generationId, text, validated: true } })
    ).json().transparency;
  const notes = fixtures()[0]?.text ?? "";

  it("says text left the server when a model was tried before the offline engine answered", async () => {
    ctx.fake.enqueue({ kind: "status", status: 400 });
    const offline = await post({ task: "interview-minutes", notes });
    expect(offline.degraded).toBe(true);
    expect(offline.pseudonymised).toBeGreaterThan(0);
    expect(offline.footprint).toEqual({ energyWh: 0, gco2eq: 0 });
    // A model is configured: the adviser may still ask it to rewrite the offline draft.
    expect(offline.canRevise).toBe(true);
  });

  it("gives no notice to an offline draft saved unchanged, and today's notice to an AI edit of it", async () => {
    ctx.fake.enqueue({ kind: "status", status: 400 });
    const offline = await post({ task: "member-email", notes });
    expect(offline.degraded).toBe(true);
    expect(await save(offline.id, offline.draft)).toEqual({ case: "human-with-ai", label: null });

    ctx.fake.setDefaultText(
      "Bonjour,\nVoici une version plus concise de votre courriel, rédigée par le modèle à partir du brouillon.",
    );
    const edited = await post(
      {
        task: "member-email",
        notes,
        revise: { generationId: offline.id, instruction: "Plus concis", draft: offline.draft },
      },
      { accept: "text/event-stream" },
    );
    expect(edited.degraded).toBe(false);
    const transparency = await save(edited.id, edited.draft);
    expect(transparency.case).toBe("ai-validated");
    expect(transparency.label).toMatch(/intelligence artificielle/);
  });

  it("keeps today's rule for a provider's draft saved unchanged", async () => {
    const draft = await post({ task: "interview-minutes", notes });
    expect(draft.degraded).toBe(false);
    expect((await save(draft.id, draft.draft)).case).toBe("ai-validated");
  });
});
