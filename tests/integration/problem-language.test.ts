// Problem details in the caller's language: the same refused requests answer in English to an English
// Accept-Language, and in French to a French one or to none (issue 20).
import type { LightMyRequestResponse } from "fastify";
import { describe, expect, it } from "vitest";
import { ProblemSchema } from "../../src/schemas/problem";
import { MAX_BODY_BYTES } from "../../src/schemas/limits";
import { useAppWithFakeProvider } from "../support/app-fixture";
import { parseSse } from "../support/test-app";

const NOTES = "Appel de M. Martin au sujet de son dégât des eaux.";
const ENGLISH = { "accept-language": "en-GB,en;q=0.9" };
const UNKNOWN_ID = "6f1c1c2e-9a4b-4c1e-8d2a-3b6f0e9d7a51";
const LANGUAGES = [
  { name: "English", headers: ENGLISH, contentLanguage: "en" },
  { name: "French", headers: { "accept-language": "fr-FR" }, contentLanguage: "fr" },
  { name: "no language", headers: {}, contentLanguage: "fr" },
] as const;

type Language = (typeof LANGUAGES)[number];

/** A multipart/form-data body with one file in the field "file". */
function upload(filename: string, content: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = "----GreffierLanguageBoundary";
  const payload = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      `Content-Type: application/pdf\r\n\r\n${content}\r\n--${boundary}--\r\n`,
  );
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

function expectProblem(response: LightMyRequestResponse, language: Language, status: number) {
  expect(response.statusCode).toBe(status);
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/u);
  expect(response.headers["content-language"]).toBe(language.contentLanguage);
  return ProblemSchema.parse(response.json());
}

describe("problem details follow Accept-Language", () => {
  const ctx = useAppWithFakeProvider("pglite");
  const post = (url: string, payload: unknown, headers: Record<string, string>) =>
    ctx.app.inject({
      method: "POST",
      url,
      payload: payload as string,
      headers: { "content-type": "application/json", ...headers },
    });

  /** Each case: the request, then the status, and the title and detail expected in English and in French. */
  const cases: readonly {
    readonly name: string;
    readonly send: (headers: Record<string, string>) => Promise<LightMyRequestResponse>;
    readonly status: number;
    readonly en: readonly [RegExp, RegExp];
    readonly fr: readonly [RegExp, RegExp];
  }[] = [
    {
      name: "invalid JSON",
      send: (headers) => post("/api/generations", '{"task": "interview-minutes",', headers),
      status: 400,
      en: [/^Malformed JSON$/u, /^The request body is not valid JSON: check quotes, commas and braces\.$/u],
      fr: [/^JSON illisible$/u, /^Le corps de la requête n'est pas un JSON valide : vérifiez/u],
    },
    {
      name: "an unknown field",
      send: (headers) => post("/api/generations", { task: "interview-minutes", notes: NOTES, colour: "red" }, headers),
      status: 400,
      en: [/^Field not allowed$/u, /^Field not allowed: “colour”\. Only the contract's fields are accepted\.$/u],
      fr: [/^Champ non autorisé$/u, /^Champ non autorisé : « colour »\./u],
    },
    {
      name: "an unknown task",
      send: (headers) => post("/api/generations", { task: "poem", notes: NOTES }, headers),
      status: 400,
      en: [/^Unknown task$/u, /^The task “poem” does not exist\. Possible tasks: interview-minutes, /u],
      fr: [/^Tâche inconnue$/u, /^La tâche « poem » n'existe pas\. Tâches possibles : interview-minutes, /u],
    },
    {
      name: "a missing field",
      send: (headers) => post("/api/generations", { task: "claim-summary" }, headers),
      status: 400,
      en: [/^Invalid request$/u, /^The request is invalid: “notes” is required$/u],
      fr: [/^Requête invalide$/u, /^La requête est invalide : « notes » est obligatoire$/u],
    },
    {
      name: "a body too large",
      send: (headers) =>
        post("/api/generations", { task: "interview-minutes", notes: "a".repeat(MAX_BODY_BYTES + 10) }, headers),
      status: 413,
      en: [/^Content too large$/u, /^The request exceeds the maximum size \(1024 KB\)\. Shorten the notes or the/u],
      fr: [/^Contenu trop volumineux$/u, /^La requête dépasse la taille maximale autorisée \(1024 Ko\)/u],
    },
    {
      name: "an unknown address",
      send: (headers) => ctx.app.inject({ method: "GET", url: "/api/nowhere?x=1", headers }),
      status: 404,
      en: [/^Not found$/u, /^No resource at \/api\/nowhere\.$/u],
      fr: [/^Introuvable$/u, /^Aucune ressource à l'adresse \/api\/nowhere\.$/u],
    },
    {
      name: "a generation that does not exist",
      send: (headers) => ctx.app.inject({ method: "GET", url: `/api/generations/${UNKNOWN_ID}/versions`, headers }),
      status: 404,
      en: [/^Generation not found$/u, /^The generation does not exist or is not yours\.$/u],
      fr: [/^Génération introuvable$/u, /^La génération indiquée n'existe pas ou ne vous appartient pas\.$/u],
    },
    {
      name: "an unvalidated save",
      send: (headers) =>
        post("/api/minutes", { generationId: UNKNOWN_ID, text: "Compte-rendu.", validated: false }, headers),
      status: 422,
      en: [/^Validation required$/u, /^The text must be reviewed and validated by an employee .*Nothing was saved\.$/u],
      fr: [/^Validation requise$/u, /^Le texte doit être relu et validé .*Rien n'a été enregistré\.$/u],
    },
    {
      name: "a damaged document (refused in a worker thread)",
      send: (headers) => {
        const { payload, headers: multipart } = upload("compte-rendu.pdf", "%PDF-1.7\nnot a PDF after all");
        const all = { ...multipart, ...headers };
        return ctx.app.inject({ method: "POST", url: "/api/sources/document", payload, headers: all });
      },
      status: 422,
      en: [/^Unreadable document$/u, /^The PDF file is unreadable or damaged\. Open it to check, then save it/u],
      fr: [/^Document illisible$/u, /^Le fichier PDF est illisible ou endommagé\./u],
    },
  ];

  for (const example of cases) {
    it(`answers ${example.name} in the caller's language`, async () => {
      for (const language of LANGUAGES) {
        const problem = expectProblem(await example.send(language.headers), language, example.status);
        const [title, detail] = language.contentLanguage === "en" ? example.en : example.fr;
        expect({ language: language.name, title: problem.title, detail: problem.detail }).toEqual({
          language: language.name,
          title: expect.stringMatching(title),
          detail: expect.stringMatching(detail),
        });
      }
    });
  }

  it("picks the preferred of French and English by q-value, French when neither is asked", async () => {
    const languageOf = async (acceptLanguage: string) => {
      const headers = { "accept-language": acceptLanguage };
      return (await ctx.app.inject({ method: "GET", url: "/api/nowhere", headers })).headers["content-language"];
    };
    expect(await languageOf("de-DE,en;q=0.8,fr;q=0.5")).toBe("en");
    expect(await languageOf("en;q=0.4,fr-CA;q=0.9")).toBe("fr");
    expect(await languageOf("de-DE,es;q=0.9")).toBe("fr");
    expect(await languageOf("en;q=0")).toBe("fr");
  });

  it("sends a failure inside a stream as an `error` event in the caller's language", async () => {
    const first = await post("/api/generations", { task: "member-email", notes: NOTES }, {});
    expect(first.statusCode).toBe(201);
    const { id, draft } = first.json() as { id: string; draft: string };
    // Every model fails: the offline engine cannot revise, so the AI edit fails after the stream has opened.
    ctx.fake.setDefaultBehaviour({ kind: "status", status: 500 });
    try {
      const revise = { generationId: id, instruction: "Plus concis", draft };
      for (const language of LANGUAGES) {
        const headers = { ...language.headers, accept: "text/event-stream" };
        const response = await post("/api/generations", { task: "member-email", notes: NOTES, revise }, headers);
        expect(response.headers["content-type"]).toMatch(/^text\/event-stream/u);
        const error = parseSse(response.body).find((e) => e.event === "error");
        const problem = ProblemSchema.parse(error?.data);
        expect(problem).toMatchObject({ status: 503, code: "provider_unavailable" });
        if (language.contentLanguage === "en") {
          expect(problem.title).toBe("AI service unavailable");
          expect(problem.detail).toMatch(/^An AI edit needs a generative AI model.*the draft was not changed\./u);
        } else {
          expect(problem.title).toBe("Service d'IA indisponible");
          expect(problem.detail).toMatch(/^La retouche par IA demande un modèle.*le brouillon n'a pas été modifié\./u);
        }
      }
    } finally {
      ctx.fake.setDefaultBehaviour({ kind: "ok" });
    }
  });
});
