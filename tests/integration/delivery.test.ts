// Delivery of validated records to MAIF's systems: signed (verified with `standardwebhooks`), retried, dead-lettered,
// replayed, exported, deleted.
import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { DeliveryPayloadSchema, ExportPageSchema } from "../../src/schemas/delivery";
import { purgeExpired } from "../../server/store/retention";
import type { Db } from "../../server/store/db";
import { deliveryEnv, entraEnv, saveUnvalidated, saveValidatedRecord } from "../support/delivery-records";
import {
  startLocalIdentityProvider,
  TEST_AUDIENCE,
  TEST_ISSUER,
  TEST_TENANT,
  type LocalIdentityProvider,
} from "../support/jwks-signer";
import { startFakeReceiver, testWebhookSecret, type FakeReceiver } from "../support/fake-receiver";
import { createTestStore, describeEachStore, type TestStore } from "../support/stores";
import { buildTestApp } from "../support/test-app";
import { useAppWithFakeProvider } from "../support/app-fixture";

describeEachStore("webhook delivery", (kind) => {
  const secret = testWebhookSecret();
  let receiver: FakeReceiver;
  let store: TestStore;
  let db: Db;
  let app: FastifyInstance;
  let idp: LocalIdentityProvider;
  let adviser: Record<string, string>;
  let integration: Record<string, string>;

  beforeAll(async () => {
    idp = await startLocalIdentityProvider();
    adviser = { authorization: `Bearer ${await idp.sign({ oid: "adviser-1" })}` };
    integration = { authorization: `Bearer ${await idp.sign({ oid: "crm-connector", roles: ["Integration"] })}` };
    receiver = await startFakeReceiver(secret);
    store = await createTestStore(kind);
    db = await store.open();
    const env = {
      ...entraEnv(idp.jwksUrl, TEST_TENANT, TEST_AUDIENCE, TEST_ISSUER),
      ...deliveryEnv(receiver.url, secret, { WEBHOOK_MAX_ATTEMPTS: "3" }),
    };
    ({ app } = await buildTestApp({ db, env }));
  });
  afterAll(async () => {
    await idp.close();
    await app.close();
    await db.close();
    await store.destroy();
    await receiver.close();
  });
  afterEach(() => receiver.setFaults(() => ({ kind: "ok" })));

  const bodiesFor = (id: string) => receiver.received.filter((r) => JSON.parse(r.body).data.id === id);

  it("POSTs each validated record once, signed per Standard Webhooks, with the record and the adviser's pseudonym only", async () => {
    const before = receiver.received.length;
    const unvalidated = await saveUnvalidated(app, 0, adviser);
    const saved = await saveValidatedRecord(app, 1, "SOC-778899", adviser);
    await receiver.waitForAccepted(1, 5_000);
    await new Promise((r) => setTimeout(r, 300)); // nothing else arrives after it
    const got = receiver.received.slice(before);
    expect(got).toHaveLength(1);
    const [delivery] = got;
    if (!delivery) throw new Error("no delivery");
    // The reference implementation verifies the headers: id, timestamp, and v1,<base64 HMAC-SHA256 of
    // id.timestamp.body>.
    expect(() =>
      new Webhook(secret).verify(delivery.body, {
        "webhook-id": delivery.id,
        "webhook-timestamp": delivery.timestamp,
        "webhook-signature": delivery.signature,
      }),
    ).not.toThrow();
    expect(delivery.signature).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(Math.abs(Number(delivery.timestamp) - Date.now() / 1000)).toBeLessThan(10);
    // Another secret does not verify it.
    expect(() =>
      new Webhook(testWebhookSecret()).verify(delivery.body, {
        "webhook-id": delivery.id,
        "webhook-timestamp": delivery.timestamp,
        "webhook-signature": delivery.signature,
      }),
    ).toThrow();
    const payload = DeliveryPayloadSchema.parse(JSON.parse(delivery.body));
    expect(payload.type).toBe("minutes.validated");
    if (payload.type !== "minutes.validated") throw new Error("wrong type");
    expect(payload.data).toMatchObject({
      id: saved.id,
      text: saved.text,
      memberId: "SOC-778899",
      task: "interview-minutes",
      prePrompt: { id: "interview-minutes@1", version: 1 },
    });
    expect(payload.data.transparency.case).toMatch(/^(ai-validated|human-with-ai)$/);
    expect(payload.data.adviser).toMatch(/^adv_[0-9a-f]{20}$/);
    expect(delivery.body).not.toContain("adviser-1");
    expect(payload.data.commitments.some((c) => c.owner === "conseiller" && /rappeler/i.test(c.what))).toBe(true);
    expect(payload.data.fields.some((f) => f.kind === "amount" && f.normalised === "1850 EUR")).toBe(true);
    expect(receiver.received.some((r) => r.body.includes(unvalidated))).toBe(false);
  });

  it("retries a cut connection within 5 s, then honours Retry-After, with the same webhook-id and body each time", async () => {
    receiver.setFaults((_i, request) => {
      const attempt = receiver.received.filter((r) => r.id === request.id).length;
      if (attempt === 0) return { kind: "cut" };
      if (attempt === 1) return { kind: "status", status: 429, retryAfter: "2" };
      return { kind: "ok" };
    });
    const saved = await saveValidatedRecord(app, 2, undefined, adviser);
    const deadline = Date.now() + 8_000;
    while (!bodiesFor(saved.id).some((r) => r.outcome === 204) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 25));
    const attempts = bodiesFor(saved.id);
    expect(attempts.map((a) => a.outcome)).toEqual(["cut", 429, 204]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeLessThan(5_000);
    // The schedule alone would retry within 0.2 s here; the receiver asked for 2 s.
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(1_900);
    expect(new Set(attempts.map((a) => a.id)).size).toBe(1);
    expect(new Set(attempts.map((a) => a.body)).size).toBe(1);
    expect(attempts.every((a) => a.isVerified)).toBe(true);
  });

  it("dead-letters a delivery that keeps failing, shows it to the Integration role, and replays it with the same id", async () => {
    receiver.setFaults(() => ({ kind: "status", status: 500 }));
    const saved = await saveValidatedRecord(app, 3, undefined, adviser);
    const deadline = Date.now() + 8_000;
    let dead: { id: string; eventId: string; minutesId: string; attempts: number; lastStatus: number | null }[] = [];
    while (Date.now() < deadline) {
      const list = await app.inject({ method: "GET", url: "/api/deliveries?state=dead", headers: integration });
      expect(list.statusCode).toBe(200);
      dead = (list.json() as { items: typeof dead }).items.filter((d) => d.minutesId === saved.id);
      if (dead.length > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ attempts: 3, lastStatus: 500 });
    expect(bodiesFor(saved.id)).toHaveLength(3);
    const metrics = (await app.inject({ method: "GET", url: "/metrics" })).body;
    expect(Number(/^greffier_webhook_deliveries\{state="dead"\} (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
    expect(
      Number(/^greffier_webhook_attempts_total\{outcome="dead"\} (\d+)$/m.exec(metrics)?.[1]),
    ).toBeGreaterThanOrEqual(1);
    receiver.setFaults(() => ({ kind: "ok" }));
    const replay = await app.inject({
      method: "POST",
      url: `/api/deliveries/${dead[0]!.id}/replay`,
      headers: integration,
    });
    expect(replay.statusCode).toBe(202);
    const until = Date.now() + 5_000;
    while (!bodiesFor(saved.id).some((r) => r.outcome === 204) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 25));
    const replayed = bodiesFor(saved.id).at(-1)!;
    expect(replayed.outcome).toBe(204);
    expect(replayed.id).toBe(dead[0]!.eventId);
    const unknown = await app.inject({
      method: "POST",
      url: "/api/deliveries/00000000-0000-4000-8000-000000000000/replay",
      headers: integration,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers["content-type"]).toMatch(/application\/problem\+json/);
  });

  it("refuses exports and delivery operations without the Integration role (403, problem+json in French)", async () => {
    for (const [method, url] of [
      ["GET", "/api/exports"],
      ["GET", "/api/deliveries?state=dead"],
      ["POST", "/api/deliveries/00000000-0000-4000-8000-000000000000/replay"],
    ] as const) {
      const response = await app.inject({ method, url, headers: adviser });
      expect(response.statusCode).toBe(403);
      expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(response.json().detail).toMatch(/rôle Integration/);
    }
    expect((await app.inject({ method: "GET", url: "/api/exports" })).statusCode).toBe(401);
  });

  it("exports every validated record in commit order, page by page, resumable from any cursor", async () => {
    for (let i = 10; i < 15; i += 1) await saveValidatedRecord(app, i, undefined, adviser);
    const all: { id: string; cursor: string; type: string; data: { id: string } }[] = [];
    let since: string | undefined;
    for (let page = 0; page < 50; page += 1) {
      const response = await app.inject({
        method: "GET",
        url: `/api/exports?limit=2${since ? `&since=${since}` : ""}`,
        headers: integration,
      });
      expect(response.statusCode).toBe(200);
      const body = ExportPageSchema.parse(response.json());
      expect(body.items.length).toBeLessThanOrEqual(2);
      all.push(...body.items);
      since = body.nextCursor;
      if (!body.hasMore) break;
    }
    const saved = await db.query<{ id: string }>("SELECT id FROM minutes ORDER BY created_at");
    expect(new Set(all.filter((e) => e.type === "minutes.validated").map((e) => e.data.id))).toEqual(
      new Set(saved.map((m) => m.id)),
    );
    const cursors = all.map((e) => BigInt(e.cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => (a < b ? -1 : 1)));
    // Resuming from the end gives nothing; from the middle, exactly the rest.
    const end = await app.inject({ method: "GET", url: `/api/exports?since=${since}`, headers: integration });
    expect(end.json().items).toEqual([]);
    expect(end.json().nextCursor).toBe(since);
    const middle = all[2]!;
    const rest = await app.inject({
      method: "GET",
      url: `/api/exports?since=${middle.cursor}&limit=500`,
      headers: integration,
    });
    expect(rest.json().items.map((e: { id: string }) => e.id)).toEqual(all.slice(3).map((e) => e.id));
    const bad = await app.inject({ method: "GET", url: "/api/exports?since=abc", headers: integration });
    expect(bad.statusCode).toBe(400);
  });

  it("sends a signed minutes.deleted when the retention purge deletes a delivered record, and stops exporting its text", async () => {
    const saved = await saveValidatedRecord(app, 20, undefined, adviser);
    await receiver.waitForAccepted(new Set(receiver.accepted().map((r) => r.id)).size + 1, 5_000);
    await db.query("UPDATE minutes SET created_at = now() - interval '4000 days' WHERE id = $1", [saved.id]);
    const report = await purgeExpired(db, { workingDataDays: 30, minutesDays: 3650 });
    expect(report.minutesDeleted).toBe(1);
    const deadline = Date.now() + 5_000;
    const deletedOf = () => receiver.received.find((r) => r.id === `msg_${saved.id}_deleted`);
    while (!deletedOf() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    const deleted = deletedOf();
    expect(deleted?.isVerified).toBe(true);
    expect(JSON.parse(deleted!.body)).toMatchObject({
      type: "minutes.deleted",
      data: { id: saved.id, reason: "retention" },
    });
    expect(deleted!.body).not.toContain("Relu par le conseiller (20)");
    const exported = await app.inject({ method: "GET", url: "/api/exports?limit=500", headers: integration });
    const items = exported.json().items as { type: string; data: { id: string } }[];
    expect(items.filter((e) => e.data.id === saved.id).map((e) => e.type)).toEqual(["minutes.deleted"]);
    expect(JSON.stringify(items)).not.toContain("Relu par le conseiller (20)");
  });
});

describeEachStore("commitments of saved minutes", (kind) => {
  let store: TestStore;
  let db: Db;
  let app: FastifyInstance;
  let idp: LocalIdentityProvider;

  beforeAll(async () => {
    idp = await startLocalIdentityProvider();
    store = await createTestStore(kind);
    db = await store.open();
    ({ app } = await buildTestApp({ db, env: entraEnv(idp.jwksUrl, TEST_TENANT, TEST_AUDIENCE, TEST_ISSUER) }));
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await store.destroy();
    await idp.close();
  });

  it("proposes the commitments of the author's validated text under commitments@1, and answers 404 to anyone else", async () => {
    const author = { authorization: `Bearer ${await idp.sign({ oid: "adviser-c" })}` };
    const other = { authorization: `Bearer ${await idp.sign({ oid: "adviser-d" })}` };
    const saved = await saveValidatedRecord(app, 7, "SOC-555", author);
    const response = await app.inject({ method: "POST", url: `/api/minutes/${saved.id}/commitments`, headers: author });
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      commitments: { what: string; owner: string; dueDate: string | null; memberId: string | null }[];
      prePrompt: { id: string };
      degraded: boolean;
    };
    expect(body.prePrompt.id).toBe("commitments@1");
    expect(body.degraded).toBe(true); // no provider configured: the offline reading answered
    expect(body.commitments.find((c) => /rappeler/i.test(c.what))).toMatchObject({
      owner: "conseiller",
      memberId: "SOC-555",
    });
    expect(body.commitments.find((c) => /photos/i.test(c.what))).toMatchObject({ owner: "sociétaire" });
    expect(
      (await app.inject({ method: "POST", url: `/api/minutes/${saved.id}/commitments`, headers: other })).statusCode,
    ).toBe(404);
  });
});

describeEachStore("commitments through a model's structured output", (kind) => {
  const ctx = useAppWithFakeProvider(kind, { RATE_LIMIT_PER_MINUTE: "1000" });

  it("sends the pseudonymised text under commitments@1 with a JSON schema, and restores the placeholders of the answer", async () => {
    const saved = await saveValidatedRecord(ctx.app, 8, "SOC-321987");
    const before = ctx.fake.requests.length;
    ctx.fake.setDefaultText((request) => {
      const user = request.body.messages.find((m) => m.role === "user")?.content ?? "";
      const reference = /Référence du sociétaire : (\S+)\./.exec(String(user))?.[1] ?? "";
      return JSON.stringify({
        commitments: [
          {
            what: `Rappeler ${reference} pour l'expertise`,
            owner: "conseiller",
            dueDate: "2026-03-12",
            memberId: reference,
            quote: "Rappeler le sociétaire le 12 mars",
          },
        ],
      });
    });
    const response = await ctx.app.inject({ method: "POST", url: `/api/minutes/${saved.id}/commitments` });
    ctx.fake.setDefaultText((request) => String(request.body.messages.at(-1)?.content ?? ""));
    expect(response.statusCode).toBe(200);
    const sent = ctx.fake.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body.messages[0]).toMatchObject({ role: "system" });
    expect(String(sent[0]?.body.messages[0]?.content)).toMatch(/engagements et les prochaines étapes/);
    expect(JSON.stringify(sent[0]?.body)).not.toContain("SOC-321987");
    expect(JSON.stringify(sent[0]?.body.response_format ?? {})).toMatch(/commitments/);
    const body = response.json() as {
      degraded: boolean;
      prePrompt: { id: string };
      commitments: { what: string; memberId: string | null }[];
    };
    expect(body).toMatchObject({ degraded: false, prePrompt: { id: "commitments@1" } });
    expect(body.commitments).toEqual([
      expect.objectContaining({
        what: "Rappeler SOC-321987 pour l'expertise",
        memberId: "SOC-321987",
        dueDate: "2026-03-12",
        owner: "conseiller",
      }),
    ]);
  });
});
