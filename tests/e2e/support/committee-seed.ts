// Owns the data the committee's browser tests look at: generations, saves and feedback made through the real API.
import type { FakeOpenAi } from "../../support/fake-openai";
import { fixture } from "../../support/fixtures";

/** Who makes a request: the bearer token of an adviser in `entra` mode, or null for the dev user. */
export type TokenFor = (oid: string) => Promise<string | null>;

interface Created {
  readonly id: string;
  readonly draft: string;
}

/** Words an adviser adds by hand, so saved texts spread over the AI-share histogram. */
const HUMAN_WORDS =
  "Le sociétaire a précisé de vive voix le déroulé des faits et je lui ai expliqué la suite de la procédure, les pièces à fournir et les délais habituels de traitement du dossier par le service.";

async function call(baseUrl: string, token: string | null, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  return fetch(`${baseUrl}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
}

/**
 * One generation (JSON answer, not streamed).
 * @throws Error when the server does not answer 201.
 */
export async function generate(
  baseUrl: string,
  token: string | null,
  request: Record<string, unknown>,
): Promise<Created> {
  const response = await call(baseUrl, token, "/api/generations", request);
  if (response.status !== 201) throw new Error(`generation refused: ${response.status} ${await response.text()}`);
  return (await response.json()) as Created;
}

/**
 * Saves the draft with `humanShare` extra hand-written words (0 keeps the draft as it is).
 * @throws Error when the server does not answer 201.
 */
export async function save(baseUrl: string, token: string | null, created: Created, humanRepeats = 0): Promise<void> {
  const text = [created.draft, ...Array.from({ length: humanRepeats }, () => HUMAN_WORDS)].join("\n\n");
  const response = await call(baseUrl, token, "/api/minutes", { generationId: created.id, text, validated: true });
  if (response.status !== 201) throw new Error(`save refused: ${response.status} ${await response.text()}`);
}

/**
 * Sends feedback (a rating or a use case).
 * @throws Error when the server does not answer 201.
 */
export async function feedback(baseUrl: string, token: string | null, body: Record<string, unknown>): Promise<void> {
  const response = await call(baseUrl, token, "/api/feedback", body);
  if (response.status !== 201) throw new Error(`feedback refused: ${response.status} ${await response.text()}`);
}

const NOTES = [
  "01-sinistre-auto-telephone.txt",
  "02-degat-des-eaux-visite.txt",
  "04-reclamation-remboursement.txt",
  "03-ajout-jeune-conducteur.txt",
];

/**
 * A month of use by several advisers: interview minutes (general and templates) and member emails by 6 advisers each,
 * so their cells are shown; claim summaries by 2 advisers, so that cell is suppressed; one provider outage answered by
 * the offline engine; ratings, comments and proposed uses.
 */
export async function seedMonth(baseUrl: string, fake: FakeOpenAi, tokenFor: TokenFor): Promise<void> {
  const templates = [undefined, "complaint", "claim-declaration", "duty-to-advise", undefined, "complaint"] as const;
  for (const [i, template] of templates.entries()) {
    const token = await tokenFor(`adviser-minutes-${i}`);
    const created = await generate(baseUrl, token, {
      task: "interview-minutes",
      ...(template ? { template } : {}),
      notes: fixture(NOTES[i % NOTES.length] ?? "01-sinistre-auto-telephone.txt"),
    });
    await save(baseUrl, token, created, [0, 0, 1, 3, 0, 8][i] ?? 0);
    if (i < 4) {
      const comments = [
        "Gain de temps net sur la mise en forme, rien à reprendre sur les montants.",
        "",
        "Le modèle réclamation oublie la date du premier courrier de M. Jacques Martin.",
        "",
      ];
      await feedback(baseUrl, token, {
        generationId: created.id,
        rating: i === 2 ? "down" : "up",
        ...(comments[i] ? { comment: comments[i] } : {}),
      });
    }
  }
  for (let i = 0; i < 6; i++) {
    const token = await tokenFor(`adviser-mail-${i}`);
    // One outage: every attempt at the provider fails and the offline engine answers (a degraded generation).
    if (i === 3)
      fake.enqueue({ kind: "status", status: 503 }, { kind: "status", status: 503 }, { kind: "status", status: 503 });
    const created = await generate(baseUrl, token, { task: "member-email", notes: fixture("05-mail-societaire.txt") });
    if (i < 5) await save(baseUrl, token, created, i % 3);
    if (i === 1)
      await feedback(baseUrl, token, {
        generationId: created.id,
        rating: "down",
        comment: "Le ton est trop formel pour un sociétaire que je connais depuis dix ans.",
      });
  }
  for (let i = 0; i < 2; i++) {
    const token = await tokenFor(`adviser-claims-${i}`);
    await save(
      baseUrl,
      token,
      await generate(baseUrl, token, { task: "claim-summary", notes: fixture("02-degat-des-eaux-visite.txt") }),
    );
  }
  const ideas = [
    "Préparer les courriers de relance des pièces manquantes d'un dossier sinistre.",
    "Résumer un fil de courriels de plus de dix messages avant un rappel téléphonique.",
  ];
  for (const [i, comment] of ideas.entries())
    await feedback(baseUrl, await tokenFor(`adviser-minutes-${i}`), { kind: "use-case", comment });
}
