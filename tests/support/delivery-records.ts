// Owns how delivery tests and the bench make validated records: a generation, then a validated save, through HTTP.
import type { FastifyInstance } from "fastify";

/** Notes whose minutes hold commitments with dates, so the delivered record carries some. */
export function notesFor(i: number): string {
  return [
    `Appel du sociétaire n° ${i} au sujet d'un dégât des eaux dans sa cuisine, survenu le 3 mars 2026.`,
    "Fuite venant de l'appartement du dessus ; le voisin a été prévenu.",
    "Montant estimé des réparations : 1 850 €.",
    "À faire : rappeler le sociétaire le 12 mars pour fixer le passage de l'expert.",
    "Le sociétaire enverra les photos et la facture du plombier sous 8 jours.",
  ].join("\n");
}

/** Generates and saves one validated record through the API; returns its id and the text saved. */
export async function saveValidatedRecord(
  app: FastifyInstance,
  i: number,
  memberId = `SOC-${100000 + i}`,
  headers: Record<string, string> = {},
): Promise<{ id: string; text: string }> {
  const generation = await app.inject({
    method: "POST",
    url: "/api/generations",
    headers,
    payload: { task: "interview-minutes", notes: notesFor(i), context: { memberId } },
  });
  if (generation.statusCode !== 201) throw new Error(`generation ${i}: ${generation.statusCode} ${generation.body}`);
  const draft = (generation.json() as { id: string; draft: string }).draft;
  const text = `${draft}\n\nRelu par le conseiller (${i}).`;
  const saved = await app.inject({
    method: "POST",
    url: "/api/minutes",
    headers,
    payload: { generationId: generation.json().id, text, validated: true },
  });
  if (saved.statusCode !== 201) throw new Error(`save ${i}: ${saved.statusCode} ${saved.body}`);
  return { id: (saved.json() as { id: string }).id, text };
}

/** Starts a generation and tries to save it without validation (a 422); returns the generation id. */
export async function saveUnvalidated(
  app: FastifyInstance,
  i: number,
  headers: Record<string, string> = {},
): Promise<string> {
  const generation = await app.inject({
    method: "POST",
    url: "/api/generations",
    headers,
    payload: { task: "interview-minutes", notes: notesFor(i) },
  });
  const id = (generation.json() as { id: string }).id;
  const refused = await app.inject({
    method: "POST",
    url: "/api/minutes",
    headers,
    payload: { generationId: id, text: "Brouillon non relu.", validated: false },
  });
  if (refused.statusCode !== 422) throw new Error(`unvalidated save answered ${refused.statusCode}`);
  return id;
}

/** Entra mode against a local identity provider: advisers and the Integration role get real tokens. */
export function entraEnv(jwksUrl: string, tenant: string, audience: string, issuer: string): Record<string, string> {
  return {
    AUTH_MODE: "entra",
    AUTH_TENANT_ID: tenant,
    AUTH_AUDIENCE: audience,
    AUTH_ISSUER: issuer,
    AUTH_JWKS_URL: jwksUrl,
  };
}

/** Environment of an app that delivers to `url` quickly (test-scale retry and timeouts) and is not rate-limited. */
export function deliveryEnv(
  url: string,
  secret: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    WEBHOOK_URLS: url,
    WEBHOOK_SECRET: secret,
    WEBHOOK_TIMEOUT_MS: "1000",
    WEBHOOK_RETRY_BASE_MS: "100",
    WEBHOOK_RETRY_MAX_MS: "1000",
    WEBHOOK_POLL_MS: "100",
    RATE_LIMIT_PER_MINUTE: "100000",
    RATE_LIMIT_REQUESTS_PER_MINUTE: "100000",
    MAX_CONCURRENT_GENERATIONS: "100",
    ...overrides,
  };
}
