// Delivery under injected faults (500, 429, cut, hang, slow, refused, restart) on both stores, and two replicas sharing
// one PostgreSQL.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeliveryPayloadSchema } from "../../src/schemas/delivery";
import type { Db } from "../../server/store/db";
import { deliveryEnv, saveUnvalidated, saveValidatedRecord } from "../support/delivery-records";
import { startFakeReceiver, testWebhookSecret, type Fault, type FakeReceiver } from "../support/fake-receiver";
import { createTestStore, describeEachStore, hasPostgres, type TestStore } from "../support/stores";
import { buildTestApp } from "../support/test-app";

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the receiver holds once deduplicated by webhook-id: every accepted body, verified, by id. */
function deduplicated(receiver: FakeReceiver): Map<string, string> {
  const byId = new Map<string, string>();
  for (const r of receiver.accepted()) {
    expect(r.isVerified).toBe(true);
    const earlier = byId.get(r.id);
    if (earlier !== undefined) expect(r.body).toBe(earlier); // a redelivery is the same record, byte for byte
    byId.set(r.id, r.body);
  }
  return byId;
}

describeEachStore("webhook delivery under faults", (kind) => {
  const secret = testWebhookSecret();
  const seed = Number(process.env.DELIVERY_FAULT_SEED ?? 18);
  let receiver: FakeReceiver;
  let store: TestStore;
  let db: Db;
  let app: FastifyInstance;
  const env = () =>
    deliveryEnv(receiver.url, secret, {
      WEBHOOK_TIMEOUT_MS: "400",
      WEBHOOK_MAX_ATTEMPTS: "40",
      WEBHOOK_RETRY_MAX_MS: "800",
    });

  beforeAll(async () => {
    receiver = await startFakeReceiver(secret);
    store = await createTestStore(kind);
    db = await store.open();
    ({ app } = await buildTestApp({ db, env: env() }));
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await store.destroy();
    await receiver.close();
  });

  it(`delivers 50 validated records exactly once after dedup, and nothing unvalidated (seed ${seed})`, async () => {
    const random = prng(seed);
    receiver.setFaults((): Fault => {
      const roll = random();
      if (roll < 0.2) return { kind: "status", status: 500 };
      if (roll < 0.3) return { kind: "cut" };
      if (roll < 0.37) return { kind: "hang" };
      if (roll < 0.42) return { kind: "slow", ms: 1_500 }; // a "30 s" answer, past the 400 ms timeout
      if (roll < 0.47) return { kind: "status", status: 429, retryAfter: "1" };
      if (roll < 0.5) return { kind: "status", status: 302 };
      return { kind: "ok" };
    });
    const saved: string[] = [];
    const unvalidated: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      if (i % 10 === 5) unvalidated.push(await saveUnvalidated(app, 1000 + i));
      saved.push((await saveValidatedRecord(app, i)).id);
      if (i === 20) await receiver.refuseFor(300);
      if (i === 30) {
        // A restart mid-delivery: the app stops (attempts in flight settle or are rescheduled), then starts again.
        await app.close();
        await db.close();
        db = await store.open();
        ({ app } = await buildTestApp({ db, env: env() }));
      }
    }
    await receiver.waitForAccepted(50, 60_000);
    const byId = deduplicated(receiver);
    expect([...byId.keys()].sort()).toEqual(saved.map((id) => `msg_${id}_validated`).sort());
    for (const body of byId.values()) {
      const payload = DeliveryPayloadSchema.parse(JSON.parse(body));
      expect(payload.type).toBe("minutes.validated");
      if (payload.type === "minutes.validated") expect(unvalidated).not.toContain(payload.data.provenance.generationId);
    }
    expect(receiver.received.every((r) => r.isVerified)).toBe(true);
    // Faults really happened: more requests than records.
    expect(receiver.received.length).toBeGreaterThan(60);
    // The receiver has answered 2xx; the worker records that a moment later, after reading the answer.
    await expect
      .poll(
        () =>
          db.query<{ state: string; n: number }>(
            "SELECT state, count(*)::int AS n FROM outbox_deliveries GROUP BY state",
          ),
        { timeout: 10_000 },
      )
      .toEqual([{ state: "delivered", n: 50 }]);
  }, 120_000);
});

describe.skipIf(!hasPostgres)("two replicas on one PostgreSQL", () => {
  const secret = testWebhookSecret();
  let receiver: FakeReceiver;
  let store: TestStore;
  const dbs: Db[] = [];
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    receiver = await startFakeReceiver(secret);
    store = await createTestStore("postgres");
    for (let i = 0; i < 2; i += 1) {
      const db = await store.open();
      dbs.push(db);
      apps.push((await buildTestApp({ db, env: deliveryEnv(receiver.url, secret, { WEBHOOK_POLL_MS: "20" }) })).app);
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const db of dbs) await db.close();
    await store.destroy();
    await receiver.close();
  });

  it("deliver each record once between them, records saved on either", async () => {
    const saved: string[] = [];
    // Saves land on both replicas at once, and both workers poll the same outbox every 20 ms.
    for (let i = 0; i < 20; i += 1) {
      const pair = await Promise.all(apps.map((app, r) => saveValidatedRecord(app, 2 * i + r)));
      saved.push(...pair.map((p) => p.id));
    }
    await receiver.waitForAccepted(40, 20_000);
    await new Promise((r) => setTimeout(r, 500)); // a second copy would arrive within a few polls
    const ids = receiver.received.map((r) => r.id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    expect([...new Set(ids)].sort()).toEqual(saved.map((id) => `msg_${id}_validated`).sort());
  }, 60_000);
});
