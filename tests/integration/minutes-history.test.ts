// "Mes comptes rendus": GET /api/minutes lists the caller's own saved texts (search, member, pages), never another
// adviser's; retention applies.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { MinutesListSchema, type MinutesList } from "../../src/schemas/minutes";
import type { Db } from "../../server/store/db";
import { purgeExpired } from "../../server/store/retention";
import { startLocalIdentityProvider, type LocalIdentityProvider } from "../support/jwks-signer";
import { createTestStore, describeEachStore, type TestStore } from "../support/stores";
import { buildTestApp } from "../support/test-app";

// Texts as an adviser would save them: the minutes as validated, Markdown headings included.
const TEXTS = {
  degat:
    "## Objet de l'entretien\nDégât des eaux chez M. Lefèvre, fuite du chauffe-eau le 3 novembre.\n\n## Suites\n- Expert mandaté\n- Rappel sous 8 jours",
  conducteur: "**Ajout d'un jeune conducteur** sur la Clio des époux Lambert.\nTarif communiqué : 412,50 € par an.",
  reclamation:
    "Réclamation : remboursement de 100 % des frais d'optique refusé, dossier 2025-BG-118734.\nRéponse sous 10 jours.",
  bris: "Bris de glace du pare-brise, plaque AB-123-CD, franchise de 50 €.",
} as const;

describeEachStore("minutes history", (kind) => {
  let idp: LocalIdentityProvider;
  let store: TestStore;
  let db: Db;
  let app: FastifyInstance;
  let alice: string;
  let bob: string;
  const aliceIds: Record<string, string> = {};

  async function saveAs(
    authorization: string,
    text: string,
    context: Record<string, string> = {},
    template?: string,
  ): Promise<string> {
    const generated = await app.inject({
      method: "POST",
      url: "/api/generations",
      headers: { authorization },
      payload: {
        task: "interview-minutes",
        notes: "appel du sociétaire, demande de rappel",
        ...(template ? { template } : {}),
        ...(Object.keys(context).length ? { context } : {}),
      },
    });
    expect(generated.statusCode).toBe(201);
    const saved = await app.inject({
      method: "POST",
      url: "/api/minutes",
      headers: { authorization },
      payload: { generationId: generated.json().id, text, validated: true },
    });
    expect(saved.statusCode).toBe(201);
    return saved.json().id as string;
  }

  async function list(authorization: string, query = ""): Promise<MinutesList> {
    const response = await app.inject({ method: "GET", url: `/api/minutes${query}`, headers: { authorization } });
    expect(response.statusCode, response.body).toBe(200);
    return MinutesListSchema.parse(response.json());
  }

  beforeAll(async () => {
    idp = await startLocalIdentityProvider();
    store = await createTestStore(kind);
    db = await store.open();
    ({ app } = await buildTestApp({
      db,
      env: {
        ...idp.env,
      },
    }));
    alice = `Bearer ${await idp.sign({ oid: "alice" })}`;
    bob = `Bearer ${await idp.sign({ oid: "bob" })}`;
    aliceIds.degat = await saveAs(alice, TEXTS.degat, { memberId: "SOC-4471", memberName: "Paul Lefèvre" });
    aliceIds.conducteur = await saveAs(alice, TEXTS.conducteur, { memberId: "SOC-9902" }, "claim-declaration");
    aliceIds.reclamation = await saveAs(alice, TEXTS.reclamation, { memberId: "SOC-4471" }, "complaint");
    await saveAs(bob, TEXTS.bris, { memberId: "SOC-4471" });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await store.destroy();
    await idp.close();
  });

  it("lists the caller's own texts only, newest first, with task, template, member, first line and case", async () => {
    const page = await list(alice);
    expect(page.items.map((i) => i.id)).toEqual([aliceIds.reclamation, aliceIds.conducteur, aliceIds.degat]);
    expect(page.nextCursor).toBeNull();
    const [reclamation, conducteur, degat] = page.items;
    expect(reclamation).toMatchObject({
      task: "interview-minutes",
      template: "complaint",
      memberId: "SOC-4471",
      transparency: { case: expect.stringMatching(/^(ai-validated|human-with-ai)$/) },
    });
    expect(conducteur).toMatchObject({
      template: "claim-declaration",
      memberId: "SOC-9902",
      firstLine: "Ajout d'un jeune conducteur sur la Clio des époux Lambert.",
    });
    expect(degat).toMatchObject({ template: null, firstLine: "Objet de l'entretien" });
    for (const item of page.items) expect(Date.parse(item.createdAt)).toBeGreaterThan(Date.now() - 120_000);
    // Nothing of the text beyond its first line is listed.
    expect(JSON.stringify(page)).not.toContain("chauffe-eau");

    const bobs = await list(bob);
    expect(bobs.items).toHaveLength(1);
    expect(bobs.items[0]?.firstLine).toContain("Bris de glace");
  });

  it("never shows another adviser's text: not in the list, not by search, not by member, not by id", async () => {
    for (const query of ["", "?q=Lef%C3%A8vre", "?q=chauffe-eau", "?memberId=SOC-4471"]) {
      const page = await list(bob, query);
      for (const id of Object.values(aliceIds)) expect(page.items.map((i) => i.id)).not.toContain(id);
    }
    const read = await app.inject({
      method: "GET",
      url: `/api/minutes/${aliceIds.degat}`,
      headers: { authorization: bob },
    });
    expect(read.statusCode).toBe(404);
    const own = await app.inject({
      method: "GET",
      url: `/api/minutes/${aliceIds.degat}`,
      headers: { authorization: alice },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ text: TEXTS.degat, memberId: "SOC-4471", template: null });
  });

  it("finds texts by words of the text, whatever the case, by French stem, and takes % and _ literally", async () => {
    expect((await list(alice, "?q=CHAUFFE-EAU")).items.map((i) => i.id)).toEqual([aliceIds.degat]);
    expect((await list(alice, `?q=${encodeURIComponent("2025-BG-118734")}`)).items.map((i) => i.id)).toEqual([
      aliceIds.reclamation,
    ]);
    // Two words: both must be in the text.
    expect((await list(alice, `?q=${encodeURIComponent("expert rappel")}`)).items.map((i) => i.id)).toEqual([
      aliceIds.degat,
    ]);
    expect((await list(alice, `?q=${encodeURIComponent("expert tarif")}`)).items).toEqual([]);
    // "réclamations" (plural) finds "Réclamation" through the French stemmer.
    expect((await list(alice, `?q=${encodeURIComponent("réclamations")}`)).items.map((i) => i.id)).toEqual([
      aliceIds.reclamation,
    ]);
    expect((await list(alice, `?q=${encodeURIComponent("%")}`)).items.map((i) => i.id)).toEqual([aliceIds.reclamation]);
    expect((await list(alice, `?q=${encodeURIComponent("_")}`)).items).toEqual([]);
    expect((await list(alice, "?q=inexistant")).items).toEqual([]);
    // Typed without accents, or with other ones: "lefevre", "DEGAT", "reclamation" find the accented words.
    expect((await list(alice, "?q=lefevre")).items.map((i) => i.id)).toEqual([aliceIds.degat]);
    expect((await list(alice, "?q=DEGAT")).items.map((i) => i.id)).toEqual([aliceIds.degat]);
    expect((await list(alice, "?q=reclamation")).items.map((i) => i.id)).toEqual([aliceIds.reclamation]);
  });

  it("filters by member reference", async () => {
    expect((await list(alice, "?memberId=SOC-4471")).items.map((i) => i.id)).toEqual([
      aliceIds.reclamation,
      aliceIds.degat,
    ]);
    expect((await list(alice, "?memberId=SOC-0000")).items).toEqual([]);
  });

  it("pages with an opaque cursor: every text once, in order, then null", async () => {
    const first = await list(alice, "?limit=2");
    expect(first.items.map((i) => i.id)).toEqual([aliceIds.reclamation, aliceIds.conducteur]);
    expect(first.nextCursor).toEqual(expect.any(String));
    // A text saved meanwhile does not shift the next page.
    const later = await saveAs(alice, "Nouvel entretien : changement d'adresse.");
    const second = await list(alice, `?limit=2&cursor=${encodeURIComponent(first.nextCursor ?? "")}`);
    expect(second.items.map((i) => i.id)).toEqual([aliceIds.degat]);
    expect(second.nextCursor).toBeNull();
    expect((await list(alice)).items[0]?.id).toBe(later);
  });

  it("answers 400 in French to a forged cursor, an unknown parameter or a limit out of range", async () => {
    for (const query of [
      "?cursor=abc",
      `?cursor=${Buffer.from('["x","y"]').toString("base64url")}`,
      "?sort=asc",
      "?limit=0",
      "?limit=500",
    ]) {
      const response = await app.inject({
        method: "GET",
        url: `/api/minutes${query}`,
        headers: { authorization: alice },
      });
      expect(response.statusCode, query).toBe(400);
      expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(response.json().detail).toMatch(/[a-zé]/);
    }
  });

  it("drops texts from the history once their retention is over", async () => {
    const old = await saveAs(alice, "Entretien ancien : résiliation du contrat habitation.");
    await db.query("UPDATE minutes SET created_at = now() - make_interval(days => 40) WHERE id = $1", [old]);
    expect((await list(alice, "?q=résiliation")).items.map((i) => i.id)).toEqual([old]);
    await purgeExpired(db, { workingDataDays: 30, minutesDays: 30 });
    expect((await list(alice, "?q=résiliation")).items).toEqual([]);
    expect((await list(alice)).items.map((i) => i.id)).toContain(aliceIds.degat);
  });
});
