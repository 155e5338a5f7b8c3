// Owns what goes into the audit log for each event the committee audits, with advisers pseudonymised.
import { createHmac } from "node:crypto";
import type { GenerationResponse } from "../../src/schemas/generation";
import type { Transparency } from "../../src/schemas/minutes";
import type { TaskId } from "../../src/tasks/catalogue";
import type { Db } from "../store/db";
import { appendAudit as appendSigned, lastAuditPayload } from "../store/audit";
import { canonicalJson } from "./canonical";

/** Appends the audit event of each governed action, inside the transaction of the action itself. */
export interface AuditRecorder {
  /** The pseudonymous id of a user, stable across restarts and replicas, never reversible without the key. */
  actorOf(userId: string): string;
  generation(
    db: Db,
    userId: string,
    g: GenerationResponse,
    flags: { hasHealthData: boolean; latencyMs: number },
  ): Promise<void>;
  save(
    db: Db,
    userId: string,
    s: { minutesId: string; generationId: string; task: TaskId; transparency: Transparency; aiShare: number },
  ): Promise<void>;
  feedback(
    db: Db,
    userId: string,
    f: {
      feedbackId: string;
      kind: "rating" | "use-case";
      generationId?: string | undefined;
      rating?: "up" | "down" | undefined;
    },
  ): Promise<void>;
  /** A pre-prompt lifecycle step (created, evaluated, approved, activated, retired), by a committee member. */
  prePrompt(
    db: Db,
    userId: string,
    step: { action: string; versionId: string; [field: string]: unknown },
  ): Promise<void>;
  /** A recording transcribed (issue 17): duration, provider and consent only, never audio or text. */
  transcription(
    db: Db,
    userId: string,
    t: {
      recordingId: string;
      durationS: number;
      provider: string;
      model: string;
      consent: boolean;
      consentAt: string;
      pieces: number;
      energyWh: number;
      gco2eq: number;
      latencyMs: number;
    },
  ): Promise<void>;
  /** Appends a `config` event when the configuration differs from the last one recorded. */
  configIfChanged(db: Db, config: Record<string, unknown>): Promise<boolean>;
}

/** Builds the recorder; `actorKey` pseudonymises advisers, `auditKey` (AUDIT_KEY, outside the database) signs events. */
export function createAuditRecorder(actorKey: string, auditKey?: Buffer): AuditRecorder {
  const appendAudit = (db: Db, event: Parameters<typeof appendSigned>[1]) => appendSigned(db, event, auditKey);
  const actorOf = (userId: string) => `adv_${createHmac("sha256", actorKey).update(userId).digest("hex").slice(0, 20)}`;
  return {
    actorOf,
    async generation(db, userId, g, flags) {
      await appendAudit(db, {
        actor: actorOf(userId),
        kind: "generation",
        payload: {
          generationId: g.id,
          task: g.task,
          prePromptId: g.prePrompt.id,
          prePromptVersion: g.prePrompt.version,
          provider: g.provider.name,
          model: g.provider.model,
          region: g.provider.region,
          inputTokens: g.usage.inputTokens,
          outputTokens: g.usage.outputTokens,
          energyWh: g.footprint.energyWh,
          gco2eq: g.footprint.gco2eq,
          ungroundedCount: g.ungrounded.length,
          pseudonymised: g.pseudonymised,
          hasHealthData: flags.hasHealthData,
          degraded: g.degraded,
          latencyMs: Math.round(flags.latencyMs),
          // Drafted from a recorded interview: which transcription and when the member consented (no text).
          ...(g.transcription
            ? { transcriptionId: g.transcription.id, consent: true, consentAt: g.transcription.consentAt }
            : {}),
        },
      });
    },
    async save(db, userId, s) {
      await appendAudit(db, {
        actor: actorOf(userId),
        kind: "save",
        payload: {
          minutesId: s.minutesId,
          generationId: s.generationId,
          task: s.task,
          transparencyCase: s.transparency.case,
          hasNotice: s.transparency.label !== null,
          aiShare: Math.round(s.aiShare * 1000) / 1000,
        },
      });
    },
    async feedback(db, userId, f) {
      await appendAudit(db, {
        actor: actorOf(userId),
        kind: "feedback",
        payload: { feedbackId: f.feedbackId, kind: f.kind, generationId: f.generationId, rating: f.rating },
      });
    },
    async prePrompt(db, userId, step) {
      await appendAudit(db, { actor: actorOf(userId), kind: "preprompt", payload: step });
    },
    async transcription(db, userId, t) {
      await appendAudit(db, {
        actor: actorOf(userId),
        kind: "transcription",
        payload: { ...t, latencyMs: Math.round(t.latencyMs) },
      });
    },
    async configIfChanged(db, config) {
      const last = await lastAuditPayload(db, "config");
      if (last !== undefined && canonicalJson(last) === canonicalJson(config)) return false;
      await appendAudit(db, { actor: "system", kind: "config", payload: config });
      return true;
    },
  };
}
