// Owns the audit chain's anchoring outside the database: the key that signs events, signed checkpoints of the head
// written on start, every interval and on stop, and verification against both.
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../store/db";
import { auditHead, verifyAudit } from "../store/audit";
import { loadOrCreateSecret } from "../store/secrets";
import { checkpointStore, otherChains, type CheckpointStore } from "./checkpoints";
import type { VerifyResult } from "./hash-chain";
import { loadAuditKey } from "./key";

/** Where the key and the checkpoints live (`AUDIT_*`). */
export interface AuditAnchorSettings {
  readonly key?: string | undefined;
  readonly keyFile?: string | undefined;
  readonly dataDir: string;
  readonly checkpointDir: string;
  readonly checkpointIntervalMs: number;
}

/** The running anchor of one app. */
export interface AuditAnchor {
  /** Signs audit events (never stored in the database). */
  readonly key: Buffer;
  readonly checkpoints: CheckpointStore;
  /** Appends a checkpoint when the head moved since the last one this process wrote. */
  checkpoint(): Promise<void>;
  verify(): Promise<VerifyResult>;
  /** Stops the timer and writes a last checkpoint (graceful stop). */
  stop(): Promise<void>;
}

/** Loads the key, names the chain, writes a first checkpoint and starts the timer. */
export async function startAuditAnchor(
  db: Db,
  settings: AuditAnchorSettings,
  log: FastifyBaseLogger,
): Promise<AuditAnchor> {
  const { key, source, path } = await loadAuditKey(settings);
  if (source === "generated") {
    log.warn(
      { path },
      "AUDIT_KEY is not set: audit events are signed with a key generated beside the data directory; set AUDIT_KEY or AUDIT_KEY_FILE in production",
    );
  }
  // The chain's name picks its checkpoint file, so several databases can share one directory (tests, staging).
  const chainId = (await loadOrCreateSecret(db, "audit-chain-id")).slice(0, 32);
  const checkpoints = checkpointStore(settings.checkpointDir, chainId, key);
  const others = await otherChains(settings.checkpointDir, chainId);
  if (others.length > 0)
    log.warn(
      { dir: settings.checkpointDir, others: others.length },
      "the audit checkpoint directory holds other chains' files: check that the database was not replaced",
    );

  let written: string | undefined;
  let running: Promise<void> | undefined;
  const checkpoint = async () => {
    const head = await auditHead(db);
    if (!head || written === `${head.seq}:${head.hash}`) return;
    await checkpoints.append(head);
    written = `${head.seq}:${head.hash}`;
  };
  const guarded = () => {
    // Never two at once: a slow disk must not pile up timers.
    running ??= checkpoint()
      .catch((error: unknown) => log.error({ err: error }, "audit checkpoint failed"))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  await guarded();
  const timer = setInterval(() => void guarded(), settings.checkpointIntervalMs);
  timer.unref();

  return {
    key,
    checkpoints,
    checkpoint: guarded,
    verify: async () => verifyAudit(db, { key, checkpoints: await checkpoints.read() }),
    async stop() {
      clearInterval(timer);
      await running;
      await guarded();
    },
  };
}
