// Pre-prompt governance through the HTTP API: drafts, evaluation, approval by another member, activation, rollback,
// audit.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/store/db";
import { startFakeOpenAi, type FakeOpenAi } from "../support/fake-openai";
import { startLocalIdentityProvider, type LocalIdentityProvider } from "../support/jwks-signer";
import { createTestStore, describeEachStore, type TestStore } from "../support/stores";
import { buildTestApp, fakeProviderEnv } from "../support/test-app";

interface VersionView {
  id: string;
  task: string;
  template?: string;
  version: number;
  state: string;
  author?: string;
  approvedBy?: string;
  text: string;
  sha256: string;
}

const NEW_TEXT =
  "Tu es l'assistant de rédaction des conseillers. Version du comité n° 2 : rédige un compte rendu factuel, en français, sans rien inventer ; chaque montant vient des notes.";

describeEachStore("pre-prompt governance", (kind) => {
  let idp: LocalIdentityProvider;
  let store: TestStore;
  let db: Db;
  let app: FastifyInstance;
  let fake: FakeOpenAi;
  let alice: string;
  let bob: string;
  let adviser: string;

  beforeAll(async () => {
    idp = await startLocalIdentityProvider();
    fake = await startFakeOpenAi();
    fake.setRecording(true);
    store = await createTestStore(kind);
    db = await store.open();
    ({ app } = await buildTestApp({
      db,
      env: {
        ...fakeProviderEnv(fake.baseUrl),
        ...idp.env,
      },
    }));
    alice = `Bearer ${await idp.sign({ oid: "member-alice", name: "Alice Comité", roles: ["Committee"] })}`;
    bob = `Bearer ${await idp.sign({ oid: "member-bob", name: "Bob Comité", roles: ["Committee"] })}`;
    adviser = `Bearer ${await idp.sign({ oid: "adviser-1" })}`;
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await db.close();
    await store.destroy();
    await idp.close();
    await fake.close();
  });

  const list = async () =>
    (
      await app.inject({ method: "GET", url: "/api/committee/preprompts", headers: { authorization: alice } })
    ).json() as VersionView[];
  const active = async (task: string, template?: string) =>
    (await list()).find((v) => v.task === task && v.template === template && v.state === "active");
  async function generate(task = "interview-minutes") {
    const before = fake.requests.length;
    const response = await app.inject({
      method: "POST",
      url: "/api/generations",
      headers: { authorization: adviser },
      payload: {
        task,
        notes: "Appel du sociétaire le 3 mars.\nDemande d'attestation d'assurance habitation.\nEnvoi prévu sous 48 h.",
      },
    });
    expect(response.statusCode).toBe(201);
    const system = fake.requests
      .slice(before)
      .find((r) => r.path.endsWith("/chat/completions"))
      ?.body.messages.find((m) => m.role === "system")?.content;
    return { body: response.json() as { prePrompt: { id: string; version: number; sha256: string } }, system };
  }

  it("seeds one active version per task and template from the files", async () => {
    const versions = await list();
    const actives = versions.filter((v) => v.state === "active");
    const keys = actives.map((v) => (v.template ? `${v.task}.${v.template}` : v.task)).sort();
    expect(keys).toEqual([
      "claim-summary",
      "document-extraction",
      "interview-minutes",
      "interview-minutes.claim-declaration",
      "interview-minutes.complaint",
      "interview-minutes.duty-to-advise",
      "member-email",
    ]);
    for (const v of actives) expect(v.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses every route to anyone without the Committee role", async () => {
    const calls = [
      { method: "GET" as const, url: "/api/committee/preprompts" },
      {
        method: "POST" as const,
        url: "/api/committee/preprompts",
        payload: { task: "interview-minutes", text: NEW_TEXT },
      },
      { method: "POST" as const, url: "/api/committee/preprompts/interview-minutes@1/evaluations" },
      {
        method: "POST" as const,
        url: "/api/committee/preprompts/interview-minutes@1/approve",
        payload: { reason: "ok" },
      },
      { method: "POST" as const, url: "/api/committee/preprompts/interview-minutes@1/activate" },
    ];
    for (const call of calls) {
      const refused = await app.inject({ ...call, headers: { authorization: adviser } });
      expect(refused.statusCode, call.url).toBe(403);
      expect(refused.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
    const none = await app.inject({ method: "GET", url: "/api/committee/preprompts" });
    expect([401, 403]).toContain(none.statusCode);
    // Nothing was created by the refused POST.
    expect((await list()).filter((v) => v.state === "draft")).toHaveLength(0);
  });

  it("runs the whole lifecycle: draft, evaluation, approval by another member, activation, rollback, audit chain intact", async () => {
    const previous = await active("interview-minutes");
    expect(previous).toBeDefined();

    const created = await app.inject({
      method: "POST",
      url: "/api/committee/preprompts",
      headers: { authorization: alice },
      payload: { task: "interview-minutes", text: NEW_TEXT, basedOn: previous?.id },
    });
    expect(created.statusCode).toBe(201);
    const draft = created.json() as { id: string; version: number; state: string };
    expect(draft).toMatchObject({ state: "draft", version: (previous?.version ?? 0) + 1 });

    // Approval before evaluation is refused.
    const early = await app.inject({
      method: "POST",
      url: `/api/committee/preprompts/${draft.id}/approve`,
      headers: { authorization: bob },
      payload: { reason: "Plus clair" },
    });
    expect(early.statusCode).toBe(409);

    const evaluated = await app.inject({
      method: "POST",
      url: `/api/committee/preprompts/${draft.id}/evaluations`,
      headers: { authorization: alice },
    });
    expect([200, 202]).toContain(evaluated.statusCode);
    let evaluation = evaluated.json() as { status: string; scores: Record<string, number> | null; location?: string };
    for (let i = 0; i < 100 && evaluation.status === "running"; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      evaluation = (
        await app.inject({
          method: "GET",
          url: `/api/committee/preprompts/${draft.id}/evaluations`,
          headers: { authorization: alice },
        })
      ).json();
    }
    expect(evaluation.status).toBe("done");
    expect(evaluation.scores).toMatchObject({
      cases: expect.any(Number),
      sections: expect.any(Number),
      facts: expect.any(Number),
      overall: expect.any(Number),
      french: expect.any(Number),
      refusalRate: 0,
    });
    expect(evaluation.scores?.cases).toBeGreaterThanOrEqual(13);
    // The fake provider echoes the notes: the facts are there.
    expect(evaluation.scores?.facts).toBeGreaterThan(0.6);
    const afterEval = (await list()).find((v) => v.id === draft.id) as VersionView & {
      evaluation: { scores: Record<string, number> } | null;
    };
    expect(afterEval.state).toBe("evaluated");
    expect(afterEval.author).toBe("Alice Comité");
    // The active version was evaluated too, so the two can be compared.
    const previousNow = (await list()).find((v) => v.id === previous?.id) as VersionView & {
      evaluation: { status: string } | null;
    };
    expect(previousNow.evaluation?.status).toBe("done");

    // The author cannot approve her own version; without a reason nobody can.
    const own = await app.inject({
      method: "POST",
      url: `/api/committee/preprompts/${draft.id}/approve`,
      headers: { authorization: alice },
      payload: { reason: "Je l'ai écrit" },
    });
    expect([403, 409]).toContain(own.statusCode);
    const noReason = await app.inject({
      method: "POST",
      url: `/api/committee/preprompts/${draft.id}/approve`,
      headers: { authorization: bob },
      payload: { reason: "  " },
    });
    expect(noReason.statusCode).toBe(400);
    const approved = await app.inject({
      method: "POST",
      url: `/api/committee/preprompts/${draft.id}/approve`,
      headers: { authorization: bob },
      payload: {
        reason: "Consignes plus nettes sur les montants",
        justification: "Écart de score sans effet sur les faits",
      },
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ state: "approved", approvedBy: "Bob Comité" });

    const activated = await app.inject({
      method: "POST",
      url: `/api/committee/preprompts/${draft.id}/activate`,
      headers: { authorization: alice },
    });
    expect(activated.statusCode).toBe(200);
    const versions = await list();
    expect(
      versions.filter((v) => v.task === "interview-minutes" && !v.template && v.state === "active").map((v) => v.id),
    ).toEqual([draft.id]);
    expect(versions.find((v) => v.id === previous?.id)?.state).toBe("retired");

    // The next generation uses the new version and is stamped with it.
    const next = await generate();
    expect(next.body.prePrompt).toMatchObject({ id: draft.id, version: draft.version });
    expect(next.system).toBe(NEW_TEXT);

    // Rollback: one action on the earlier version.
    const rollback = await app.inject({
      method: "POST",
      url: `/api/committee/preprompts/${previous?.id}/activate`,
      headers: { authorization: bob },
    });
    expect(rollback.statusCode).toBe(200);
    const restored = await generate();
    expect(restored.body.prePrompt).toMatchObject({ id: previous?.id, sha256: previous?.sha256 });
    expect(restored.system).toBe(previous?.text);
    expect((await list()).find((v) => v.id === draft.id)?.state).toBe("retired");

    // Every step is in the chained log, and the chain verifies.
    const exported = (
      await app.inject({
        method: "GET",
        url: "/api/committee/audit/export?format=json",
        headers: { authorization: alice },
      })
    ).json() as { kind: string; payload: { action?: string; versionId?: string } }[];
    const steps = exported
      .filter((e) => e.kind === "preprompt")
      .map((e) => `${e.payload.action}:${e.payload.versionId}`);
    expect(steps).toEqual([
      `created:${draft.id}`,
      `evaluated:${draft.id}`,
      `approved:${draft.id}`,
      `retired:${previous?.id}`,
      `activated:${draft.id}`,
      `retired:${draft.id}`,
      `activated:${previous?.id}`,
    ]);
    expect(JSON.stringify(exported)).not.toContain("member-alice");
    const verify = (
      await app.inject({ method: "GET", url: "/api/committee/audit/verify", headers: { authorization: alice } })
    ).json();
    expect(verify).toMatchObject({ ok: true });
  }, 60_000);

  it("refuses to approve a version scoring below the active one without a written justification", async () => {
    // A pre-prompt that makes the model refuse: the fake provider is told to answer with a refusal for it.
    fake.setDefaultText((request) => {
      const system = request.body.messages.find((m) => m.role === "system")?.content ?? "";
      return system.includes("REFUSE-TEST")
        ? "Je suis désolé, mais je ne peux pas rédiger ce compte rendu."
        : `## Objet\nBonjour Madame,\n${request.body.messages.at(-1)?.content ?? ""}\nCordialement`;
    });
    const created = (
      await app.inject({
        method: "POST",
        url: "/api/committee/preprompts",
        headers: { authorization: bob },
        payload: { task: "member-email", text: "REFUSE-TEST : une consigne qui fait refuser le modèle." },
      })
    ).json() as { id: string };
    const evaluated = await app.inject({
      method: "POST",
      url: `/api/committee/preprompts/${created.id}/evaluations?wait=60`,
      headers: { authorization: bob },
    });
    expect(evaluated.statusCode).toBe(200);
    const body = evaluated.json() as {
      scores: Record<string, number>;
      active: { scores: Record<string, number> } | null;
    };
    expect(body.scores.refusalRate).toBe(1);
    expect(body.active?.scores.overall).toBeGreaterThan(body.scores.overall ?? 1);
    const refused = await app.inject({
      method: "POST",
      url: `/api/committee/preprompts/${created.id}/approve`,
      headers: { authorization: alice },
      payload: { reason: "Essai" },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/justification/);
    const justified = await app.inject({
      method: "POST",
      url: `/api/committee/preprompts/${created.id}/approve`,
      headers: { authorization: alice },
      payload: { reason: "Essai", justification: "Version de test, jamais activée" },
    });
    expect(justified.statusCode).toBe(200);
    fake.setDefaultText((request) => request.body.messages.at(-1)?.content ?? "");
  }, 60_000);

  it("queues advisers' template proposals from the pane next to use-case proposals", async () => {
    const send = (payload: Record<string, unknown>) =>
      app.inject({ method: "POST", url: "/api/feedback", headers: { authorization: adviser }, payload });
    expect(
      (
        await send({
          kind: "use-case",
          comment: "Ajouter une rubrique « Pièces reçues » au modèle déclaration de sinistre",
          proposal: "template-change",
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await send({
          kind: "use-case",
          comment: "Un modèle pour les entretiens de résiliation",
          proposal: "new-template",
        })
      ).statusCode,
    ).toBe(201);
    expect((await send({ kind: "use-case", comment: "Relances de cotisation" })).statusCode).toBe(201);
    expect((await send({ kind: "use-case", comment: "x", proposal: "horoscope" })).statusCode).toBe(400);
    const stats = (
      await app.inject({ method: "GET", url: "/api/committee/stats", headers: { authorization: alice } })
    ).json() as { useCases: { comment: string; proposal?: string }[] };
    expect(stats.useCases.map((u) => u.proposal).sort()).toEqual(["new-template", "template-change", "use-case"]);
    expect(stats.useCases.find((u) => u.proposal === "template-change")?.comment).toMatch(/Pièces reçues/);
  });

  it("rejects drafts for unknown tasks or templates of another task, and unknown versions", async () => {
    const bad = [
      { task: "horoscope", text: "x" },
      { task: "member-email", template: "complaint", text: "Texte" },
      { task: "member-email", text: "   " },
      { task: "member-email", text: "Texte", basedOn: "claim-summary@1" },
    ];
    for (const payload of bad)
      expect(
        (
          await app.inject({
            method: "POST",
            url: "/api/committee/preprompts",
            headers: { authorization: alice },
            payload,
          })
        ).statusCode,
        JSON.stringify(payload),
      ).toBe(400);
    expect(
      (
        await app.inject({
          method: "POST",
          url: "/api/committee/preprompts/nope@9/activate",
          headers: { authorization: alice },
        })
      ).statusCode,
    ).toBe(404);
    const template = await app.inject({
      method: "POST",
      url: "/api/committee/preprompts",
      headers: { authorization: alice },
      payload: { task: "interview-minutes", template: "complaint", text: "Modèle réclamation, version du comité." },
    });
    expect(template.statusCode).toBe(201);
    expect(template.json()).toMatchObject({
      id: "interview-minutes.complaint@2",
      template: "complaint",
      version: 2,
      state: "draft",
    });
  });
});

describe("pre-prompt governance across a restart", () => {
  it("keeps the version the committee activated after the server restarts (the files only seed)", async () => {
    const idp = await startLocalIdentityProvider();
    const store = await createTestStore("pglite");
    const env = {
      ...idp.env,
    };
    try {
      let db = await store.open();
      let { app } = await buildTestApp({ db, env });
      const a = `Bearer ${await idp.sign({ oid: "m-a", roles: ["Committee"] })}`;
      const b = `Bearer ${await idp.sign({ oid: "m-b", roles: ["Committee"] })}`;
      const { id } = (
        await app.inject({
          method: "POST",
          url: "/api/committee/preprompts",
          headers: { authorization: a },
          payload: { task: "claim-summary", text: "Synthèse de sinistre, version du comité." },
        })
      ).json() as { id: string };
      expect(
        (
          await app.inject({
            method: "POST",
            url: `/api/committee/preprompts/${id}/evaluations?wait=60`,
            headers: { authorization: a },
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await app.inject({
            method: "POST",
            url: `/api/committee/preprompts/${id}/approve`,
            headers: { authorization: b },
            payload: { reason: "Mieux", justification: "Accepté" },
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await app.inject({
            method: "POST",
            url: `/api/committee/preprompts/${id}/activate`,
            headers: { authorization: b },
          })
        ).statusCode,
      ).toBe(200);
      await app.close();
      await db.close();
      db = await store.open();
      ({ app } = await buildTestApp({ db, env }));
      const versions = (
        await app.inject({ method: "GET", url: "/api/committee/preprompts", headers: { authorization: a } })
      ).json() as VersionView[];
      expect(versions.filter((v) => v.task === "claim-summary" && v.state === "active").map((v) => v.id)).toEqual([id]);
      await app.close();
      await db.close();
    } finally {
      await store.destroy();
      await idp.close();
    }
  }, 60_000);
});
