// Owns a fake webhook receiver (MAIF's CRM): records every POST, verifies its signature, and injects faults on demand.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Webhook } from "standardwebhooks";

/** What the receiver does with one request. */
export type Fault =
  | { readonly kind: "ok" }
  | { readonly kind: "status"; readonly status: number; readonly retryAfter?: string }
  /** Never answers (the sender's timeout must fire). */
  | { readonly kind: "hang" }
  /** Answers 200, but only after `ms` (a 30 s answer, scaled). */
  | { readonly kind: "slow"; readonly ms: number }
  /** Destroys the connection without an answer. */
  | { readonly kind: "cut" };

/** One request as received. */
export interface Received {
  readonly at: number;
  readonly id: string;
  readonly timestamp: string;
  readonly signature: string;
  readonly body: string;
  /** Whether `standardwebhooks` verified the signature with the shared secret. */
  readonly isVerified: boolean;
  /** The answer given: a status, or "cut"/"hang"/"late" (answered after the sender may have given up). */
  outcome: number | "cut" | "hang";
}

export interface FakeReceiver {
  readonly url: string;
  readonly received: Received[];
  /** Requests answered 2xx (a sender's timeout may still have fired on a slow one). */
  accepted(): Received[];
  /** Decides the fault of each request (in order of arrival); default: every request accepted. */
  setFaults(plan: (index: number, request: Omit<Received, "outcome">) => Fault): void;
  /** Stops listening (connections refused) for `ms`, on the same port. */
  refuseFor(ms: number): Promise<void>;
  /** Resolves once `count` distinct webhook-ids were accepted, or rejects after `timeoutMs`. */
  waitForAccepted(count: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a receiver on a free loopback port (or `port`), verifying signatures with `secret`. */
export async function startFakeReceiver(secret: string, port = 0): Promise<FakeReceiver> {
  const webhook = new Webhook(secret);
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  let plan: (index: number, request: Omit<Received, "outcome">) => Fault = () => ({ kind: "ok" });
  let server: Server;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const header = (name: string) => (typeof req.headers[name] === "string" ? (req.headers[name] as string) : "");
      let isVerified = false;
      try {
        webhook.verify(body, {
          "webhook-id": header("webhook-id"),
          "webhook-timestamp": header("webhook-timestamp"),
          "webhook-signature": header("webhook-signature"),
        });
        isVerified = true;
      } catch {
        isVerified = false;
      }
      const request = {
        at: Date.now(),
        id: header("webhook-id"),
        timestamp: header("webhook-timestamp"),
        signature: header("webhook-signature"),
        body,
        isVerified,
      };
      const fault = plan(received.length, request);
      const entry: Received = { ...request, outcome: 200 };
      received.push(entry);
      switch (fault.kind) {
        case "ok":
          res.writeHead(isVerified ? 204 : 401).end();
          entry.outcome = isVerified ? 204 : 401;
          return;
        case "status":
          res.writeHead(fault.status, fault.retryAfter ? { "retry-after": fault.retryAfter } : {}).end();
          entry.outcome = fault.status;
          return;
        case "hang":
          entry.outcome = "hang";
          hanging.add(res);
          res.on("close", () => hanging.delete(res));
          return;
        case "slow":
          entry.outcome = 200;
          setTimeout(() => {
            if (!res.destroyed) res.writeHead(200).end();
          }, fault.ms).unref();
          return;
        case "cut":
          entry.outcome = "cut";
          req.socket.destroy();
      }
    });
  };

  const listen = async (at: number) => {
    server = createServer(handle);
    server.keepAliveTimeout = 1_000;
    server.on("connection", (s: Socket) => {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(at, "127.0.0.1", resolve));
    return (server.address() as AddressInfo).port;
  };
  const shut = async () => {
    for (const res of hanging) res.destroy();
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  const boundPort = await listen(port);

  const distinctAccepted = () =>
    new Set(
      received.filter((r) => typeof r.outcome === "number" && r.outcome >= 200 && r.outcome < 300).map((r) => r.id),
    ).size;
  return {
    url: `http://127.0.0.1:${boundPort}/hooks/crm`,
    received,
    accepted: () => received.filter((r) => typeof r.outcome === "number" && r.outcome >= 200 && r.outcome < 300),
    setFaults(next) {
      plan = next;
    },
    async refuseFor(ms) {
      await shut();
      setTimeout(() => void listen(boundPort), ms).unref();
    },
    async waitForAccepted(count, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (distinctAccepted() < count) {
        if (Date.now() > deadline)
          throw new Error(`receiver accepted ${distinctAccepted()} of ${count} records in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: shut,
  };
}

/** A Standard Webhooks secret for tests: whsec_ and 24 random bytes in base64. */
export function testWebhookSecret(): string {
  return `whsec_${Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString("base64")}`;
}
