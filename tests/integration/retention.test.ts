// Retention: what advisers sent and unvalidated drafts are gone from the database after the delay; minutes stay longer.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../server/store/db";
import { purgeExpired } from "../../server/store/retention";
import { createTestStore, describeEachStore, type TestStore } from "../support/stores";
import { buildTestApp } from "../support/test-app";

const NOTES = "appel du 05/11 de Mme Nadia Haddad (06 12 34 56 78) : réclamation sur le dossier 2025-BG-118734";

describeEachStore("retention", (kind) => {
  let store: TestStore;
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await createTestStore(kind);
    db = await store.open();
    ({ app } = await buildTestApp({ db }));
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await store.destroy();
  });

  const generate = async () =>
    (
      await app.inject({
        method: "POST",
        url: "/api/generations",
        payload: {
          task: "interview-minutes",
          notes: NOTES,
          source: "Bonjour, je suis toujours pas remboursée.",
          context: { memberName: "Nadia Haddad" },
        },
      })
    ).json() as { id: string; draft: string };
  const age = (id: string, days: number) =>
    db.query(`UPDATE generations SET created_at = now() - make_interval(days => $2) WHERE id = $1`, [id, days]);
  const row = async (id: string) =>
    (
      await db.query<Record<string, unknown>>(
        "SELECT notes, source, context, pseudonym_map, draft FROM generations WHERE id = $1",
        [id],
      )
    )[0];

  it("purges notes, source, context, maps and unvalidated drafts past the delay, and keeps recent and validated work", async () => {
    const old = await generate();
    const oldValidated = await generate();
    const recent = await generate();
    const saved = await app.inject({
      method: "POST",
      url: "/api/minutes",
      payload: { generationId: oldValidated.id, text: oldValidated.draft, validated: true },
    });
    expect(saved.statusCode).toBe(201);
    await age(old.id, 31);
    await age(oldValidated.id, 31);
    expect(await row(old.id)).toMatchObject({ notes: NOTES, draft: expect.any(String) });

    const report = await purgeExpired(db, { workingDataDays: 30, minutesDays: 3650 });
    expect(report).toMatchObject({ inputsPurged: 2, draftsPurged: 1, minutesDeleted: 0 });
    expect(await row(old.id)).toEqual({ notes: null, source: null, context: null, pseudonym_map: null, draft: null });
    expect(await row(oldValidated.id)).toMatchObject({ notes: null, pseudonym_map: null, draft: oldValidated.draft });
    expect(await row(recent.id)).toMatchObject({ notes: NOTES, draft: recent.draft });
    // Nothing of what was purged survives anywhere in the table.
    const dump = JSON.stringify(await db.query("SELECT * FROM generations WHERE id = $1", [old.id]));
    for (const secret of ["Haddad", "06 12 34 56 78", "toujours pas remboursée"]) expect(dump).not.toContain(secret);
    const minutes = await app.inject({ method: "GET", url: `/api/minutes/${saved.json().id}` });
    expect(minutes.statusCode).toBe(200);
  });

  it("deletes validated minutes after their own, longer delay", async () => {
    const g = await generate();
    const saved = (
      await app.inject({
        method: "POST",
        url: "/api/minutes",
        payload: { generationId: g.id, text: g.draft, validated: true },
      })
    ).json() as { id: string };
    await db.query("UPDATE minutes SET created_at = now() - interval '11 years' WHERE id = $1", [saved.id]);
    await age(g.id, 4_000);
    const report = await purgeExpired(db, { workingDataDays: 30, minutesDays: 3650 });
    expect(report.minutesDeleted).toBe(1);
    expect((await app.inject({ method: "GET", url: `/api/minutes/${saved.id}` })).statusCode).toBe(404);
    expect(await row(g.id)).toMatchObject({ draft: null, notes: null });
  });
});
