// Members' data never leave the server: the provider sees placeholders only, the adviser sees every value restored.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GenerationResponseSchema } from "../../src/schemas/generation";
import type { Db } from "../../server/store/db";
import { startFakeOpenAi, type FakeOpenAi } from "../support/fake-openai";
import { createTestStore, type TestStore } from "../support/stores";
import { buildTestApp, fakeProviderEnv, parseSse } from "../support/test-app";

const PERSONAL = {
  member: "Karim Benali",
  relative: "Claire Morel",
  email: "karim.benali@example.fr",
  mobile: "06 12 45 78 90",
  mobileCompact: "0612457890",
  international: "+33 6 98 76 54 32",
  landline: "05.49.12.34.56",
  iban: "FR76 3000 6000 0112 3456 7890 189",
  nir: "1 85 05 78 006 084 91",
  street: "8 rue Ricard",
  city: "79000 Niort",
  plate: "FG-482-KL",
  birth: "12/03/1985",
  memberNumber: "3456789B",
  claim: "2025-BG-118734",
  siret: "732 829 320 00074",
};

const NOTES = [
  `Entretien téléphonique 14/10 avec M. ${PERSONAL.member}, n° sociétaire ${PERSONAL.memberNumber}, né le ${PERSONAL.birth}.`,
  `Adresse : ${PERSONAL.street}, ${PERSONAL.city}. Mail ${PERSONAL.email}.`,
  `Joignable au ${PERSONAL.mobile}, au ${PERSONAL.mobileCompact}, au ${PERSONAL.international} ou au ${PERSONAL.landline}.`,
  `Véhicule immatriculé ${PERSONAL.plate}, tiers Mme ${PERSONAL.relative}. Dossier ${PERSONAL.claim}.`,
  `RIB transmis : IBAN ${PERSONAL.iban}. NIR ${PERSONAL.nir}. Garage SIRET ${PERSONAL.siret}.`,
  `Benali rappellera. Mme Morel est d'accord avec le constat. Franchise 0 €, devis 1 500 €.`,
].join("\n");

describe("pseudonymisation round trip through the server", () => {
  let fake: FakeOpenAi;
  let store: TestStore;
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
    store = await createTestStore("pglite");
    db = await store.open();
    ({ app } = await buildTestApp({ db, env: fakeProviderEnv(fake.baseUrl) }));
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await store.destroy();
    await fake.close();
  });

  for (const mode of ["json", "stream"] as const) {
    it(`sends no personal value to the provider and restores every one in the draft (${mode})`, async () => {
      fake.requests.length = 0;
      // Small chunks, so placeholders are split across them.
      fake.enqueue({ kind: "ok", chunkSize: 3 });
      const response = await app.inject({
        method: "POST",
        url: "/api/generations",
        payload: {
          task: "interview-minutes",
          notes: NOTES,
          source: `De : ${PERSONAL.email}`,
          context: { memberName: PERSONAL.member, memberId: PERSONAL.memberNumber },
        },
        headers: mode === "stream" ? { accept: "text/event-stream" } : {},
      });
      const result = GenerationResponseSchema.parse(
        mode === "stream" ? parseSse(response.body).at(-1)?.data : response.json(),
      );

      const upstream = JSON.stringify(fake.requests);
      for (const [name, value] of Object.entries(PERSONAL)) {
        expect(upstream, name).not.toContain(value);
        expect(result.draft, name).toContain(value);
      }
      expect(upstream).not.toContain("Benali");
      expect(upstream).not.toContain("Morel");
      // Figures that are not personal data still reach the model.
      expect(upstream).toContain("1 500 €");
      expect(upstream).toContain("14/10");
      expect(result.draft).not.toMatch(/\[[A-Z_]+_\d+\]/);
      expect(result.pseudonymised).toBeGreaterThanOrEqual(Object.keys(PERSONAL).length - 1);
      if (mode === "stream") {
        const deltas = parseSse(response.body)
          .filter((e) => e.event === "delta")
          .map((e) => (e.data as { text: string }).text)
          .join("");
        expect(deltas).toBe(result.draft);
      }
    });
  }
});
