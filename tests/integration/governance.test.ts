// The ethics committee's tools: a tamper-evident audit log, aggregates without any per-person figure, feedback,
// pre-prompt registry.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CommitteeStatsSchema } from "../../src/schemas/committee";
import type { Db } from "../../server/store/db";
import { startLocalIdentityProvider, TEST_TENANT, type LocalIdentityProvider } from "../support/jwks-signer";
import { fixture } from "../support/fixtures";
import { createTestStore, describeEachStore, type TestStore } from "../support/stores";
import { buildTestApp } from "../support/test-app";

describeEachStore("governance", (kind) => {
  let idp: LocalIdentityProvider;
  let store: TestStore;
  let db: Db;
  let app: FastifyInstance;
  let committee: string;
  const bearer = async (oid: string) => `Bearer ${await idp.sign({ oid })}`;

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
    committee = `Bearer ${await idp.sign({ oid: "ethics-member", roles: ["Committee"] })}`;
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await store.destroy();
    await idp.close();
  });

  async function generateAndSave(oid: string, task: string): Promise<string> {
    const authorization = await bearer(oid);
    const generated = await app.inject({
      method: "POST",
      url: "/api/generations",
      headers: { authorization },
      payload: { task, notes: fixture("04-reclamation-remboursement.txt") },
    });
    expect(generated.statusCode).toBe(201);
    const { id, draft } = generated.json() as { id: string; draft: string };
    const saved = await app.inject({
      method: "POST",
      url: "/api/minutes",
      headers: { authorization },
      payload: { generationId: id, text: draft, validated: true },
    });
    expect(saved.statusCode).toBe(201);
    return id;
  }

  it("gives committee data to the Committee role only (403 for advisers)", async () => {
    const adviser = await bearer("adviser-1");
    for (const url of [
      "/api/committee/stats",
      "/api/committee/audit/verify",
      "/api/committee/audit/export?format=csv",
      "/api/committee/preprompts",
    ]) {
      const refused = await app.inject({ method: "GET", url, headers: { authorization: adviser } });
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json(), url).toMatchObject({ code: "forbidden" });
      expect((await app.inject({ method: "GET", url, headers: { authorization: committee } })).statusCode, url).toBe(
        200,
      );
    }
  });

  it("chains every generation, save, feedback and configuration event, and finds the one row altered in the database", async () => {
    const generationId = await generateAndSave("adviser-1", "interview-minutes");
    const feedback = await app.inject({
      method: "POST",
      url: "/api/feedback",
      headers: { authorization: await bearer("adviser-1") },
      payload: { generationId, rating: "up", comment: "Très utile" },
    });
    expect(feedback.statusCode).toBe(201);

    const exported = (
      await app.inject({
        method: "GET",
        url: "/api/committee/audit/export?format=json",
        headers: { authorization: committee },
      })
    ).json() as { seq: number; kind: string; actor: string; payload: Record<string, unknown> }[];
    expect(exported.map((e) => e.kind)).toEqual(expect.arrayContaining(["config", "generation", "save", "feedback"]));
    const generation = exported.find((e) => e.kind === "generation");
    expect(generation?.payload).toMatchObject({
      generationId,
      task: "interview-minutes",
      prePromptId: "interview-minutes@1",
      provider: "offline",
      degraded: true,
      ungroundedCount: expect.any(Number),
      hasHealthData: expect.any(Boolean),
    });
    // Advisers are pseudonymous in the log.
    expect(generation?.actor).toMatch(/^adv_[0-9a-f]{20}$/);
    expect(JSON.stringify(exported)).not.toContain("adviser-1");

    expect(
      (
        await app.inject({ method: "GET", url: "/api/committee/audit/verify", headers: { authorization: committee } })
      ).json(),
    ).toMatchObject({ ok: true, entries: exported.length });

    // The application cannot rewrite history through SQL…
    await expect(db.query("UPDATE audit_events SET payload = '{}'::jsonb WHERE seq = 2")).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query("DELETE FROM audit_events WHERE seq = 2")).rejects.toThrow(/append-only/);
    // …and a superuser who bypasses the trigger is caught by the chain.
    await db.exec("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update");
    await db.query(
      `UPDATE audit_events SET payload = jsonb_set(payload, '{degraded}', 'false'::jsonb) WHERE seq = $1`,
      [exported[1]?.seq],
    );
    await db.exec("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update");
    const verify = (
      await app.inject({ method: "GET", url: "/api/committee/audit/verify", headers: { authorization: committee } })
    ).json();
    expect(verify).toMatchObject({
      ok: false,
      entries: exported.length,
      firstBrokenAt: exported[1]?.seq,
      reason: "hash",
    });
  });

  it("exports the log as CSV for the committee", async () => {
    const csv = await app.inject({
      method: "GET",
      url: "/api/committee/audit/export?format=csv",
      headers: { authorization: committee },
    });
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    const [header, first] = csv.body.split("\n");
    expect(header).toBe("seq,id,occurredAt,actor,kind,payload,prevHash,hash,hmac");
    expect(first).toMatch(/^1,[0-9a-f-]{36},\d{4}-\d\d-\d\dT/);
  });

  it("shows aggregates per task and month, hides cells of fewer than 5 advisers, and names no one", async () => {
    for (const oid of ["a1", "a2", "a3", "a4", "a5"]) await generateAndSave(oid, "claim-summary");
    for (const oid of ["b1", "b2"]) await generateAndSave(oid, "member-email");
    const useCase = await app.inject({
      method: "POST",
      url: "/api/feedback",
      headers: { authorization: await bearer("a1") },
      payload: { kind: "use-case", comment: "Préparer les courriers de relance de cotisation pour M. Jean Dupont" },
    });
    expect(useCase.statusCode).toBe(201);

    const response = await app.inject({
      method: "GET",
      url: "/api/committee/stats",
      headers: { authorization: committee },
    });
    const stats = CommitteeStatsSchema.parse(response.json());
    const month = new Date().toISOString().slice(0, 7);
    const claims = stats.cells.find((c) => c.task === "claim-summary" && c.month === month);
    // No model here: the offline engine only sorted the advisers' lines, so no AI share, no notice, no footprint.
    expect(claims).toMatchObject({
      suppressed: false,
      generations: 5,
      validatedShare: 1,
      transparency: { "human-with-ai": 5 },
      degraded: 5,
      prePromptVersions: ["claim-summary@1"],
    });
    if (claims?.suppressed === false) {
      expect(claims.aiShareHistogram[0]).toBe(5);
      expect(claims.energyWh.total).toBe(0);
      expect(claims.providers).toEqual([{ name: "offline", region: "FRA", generations: 5 }]);
    }
    expect(stats.cells.find((c) => c.task === "member-email")).toEqual({
      month,
      task: "member-email",
      suppressed: true,
    });
    expect(stats.cells.find((c) => c.task === "interview-minutes")).toMatchObject({ suppressed: true });
    expect(stats.useCases[0]?.comment).toMatch(/^Préparer les courriers de relance de cotisation pour M\. \[/);
    expect(stats.useCases[0]?.comment).not.toContain("Dupont");
    const text = JSON.stringify(stats);
    for (const oid of ["a1", "b1", "adviser-1", TEST_TENANT]) expect(text).not.toContain(oid);
  });

  it("lists every pre-prompt version with its text, first use and lifecycle state", async () => {
    const list = (
      await app.inject({ method: "GET", url: "/api/committee/preprompts", headers: { authorization: committee } })
    ).json() as { id: string; text: string; firstUsedAt: string | null }[];
    expect(list.map((p) => p.id).sort()).toEqual([
      "claim-summary@1",
      "document-extraction@2",
      "interview-minutes.claim-declaration@1",
      "interview-minutes.complaint@1",
      "interview-minutes.duty-to-advise@1",
      "interview-minutes@1",
      "member-email@1",
    ]);
    expect(list.find((p) => p.id === "claim-summary@1")?.firstUsedAt).toEqual(expect.any(String));
    expect(list.find((p) => p.id === "document-extraction@2")?.firstUsedAt).toBeNull();
    expect(list.find((p) => p.id === "interview-minutes@1")?.text).toMatch(/^Tu es l'assistant de rédaction/);
    // The files seed the versions in force: one active per task and template.
    expect(list.map((p) => (p as unknown as { state: string }).state)).toEqual(list.map(() => "active"));
    expect(list.find((p) => p.id === "interview-minutes.complaint@1")).toMatchObject({
      task: "interview-minutes",
      template: "complaint",
      version: 1,
    });
  });

  it("refuses feedback on someone else's generation, and malformed feedback", async () => {
    const generationId = await generateAndSave("c1", "interview-minutes");
    const other = await app.inject({
      method: "POST",
      url: "/api/feedback",
      headers: { authorization: await bearer("c2") },
      payload: { generationId, rating: "down" },
    });
    expect(other.statusCode).toBe(404);
    const bad = await app.inject({
      method: "POST",
      url: "/api/feedback",
      headers: { authorization: await bearer("c1") },
      payload: { generationId, rating: "meh" },
    });
    expect(bad.statusCode).toBe(400);
    const empty = await app.inject({
      method: "POST",
      url: "/api/feedback",
      headers: { authorization: await bearer("c1") },
      payload: { kind: "use-case", comment: " " },
    });
    expect(empty.statusCode).toBe(400);
  });
});
