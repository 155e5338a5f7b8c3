// Owns the committee's view: aggregates per task and month, never a figure about one person.
import * as z from "zod/mini";
import { TransparencyCaseSchema } from "./minutes";

/** Cells covering fewer advisers than this are not shown, so no one can be singled out. */
export const MIN_GROUP_SIZE = 5;

const int = () => z.number().check(z.int());
const perGeneration = () => z.object({ total: z.number(), perGeneration: z.number() });
const perMinute = () => z.object({ total: z.number(), perMinute: z.number() });

export const StatsCellSchema = z.discriminatedUnion("suppressed", [
  z.object({ month: z.string(), task: z.string(), suppressed: z.literal(true) }),
  z.object({
    month: z.string(),
    task: z.string(),
    suppressed: z.literal(false),
    generations: int(),
    /** Share of generations from which minutes were validated and saved. */
    validatedShare: z.number(),
    /** Saved texts by AI share, in ten buckets of 10 %. */
    aiShareHistogram: z.array(int()).check(z.length(10)),
    transparency: z.partialRecord(TransparencyCaseSchema, int()),
    ungroundedPerGeneration: z.number(),
    degraded: int(),
    healthDataShare: z.number(),
    providers: z.array(z.object({ name: z.string(), region: z.string(), generations: int() })),
    energyWh: perGeneration(),
    gco2eq: perGeneration(),
    prePromptVersions: z.array(z.string()),
    feedback: z.object({ up: int(), down: int() }),
  }),
]);
export type StatsCell = z.infer<typeof StatsCellSchema>;

/** The footprint of transcribing recorded interviews (issue 17), per month, under the same minimum group size. */
export const TranscriptionCellSchema = z.discriminatedUnion("suppressed", [
  z.object({ month: z.string(), suppressed: z.literal(true) }),
  z.object({
    month: z.string(),
    suppressed: z.literal(false),
    transcriptions: int(),
    audioMinutes: z.number(),
    energyWh: perMinute(),
    gco2eq: perMinute(),
  }),
]);
export type TranscriptionCell = z.infer<typeof TranscriptionCellSchema>;

export const TranscriptionStatsSchema = z.object({
  cells: z.array(TranscriptionCellSchema),
  /** Sums of the months shown only, like the generations' totals. */
  totals: z.object({ transcriptions: int(), audioMinutes: z.number(), energyWh: z.number(), gco2eq: z.number() }),
});
export type TranscriptionStats = z.infer<typeof TranscriptionStatsSchema>;

export const CommitteeStatsSchema = z.object({
  minGroupSize: int(),
  cells: z.array(StatsCellSchema),
  totals: z.object({ generations: int(), energyWh: z.number(), gco2eq: z.number() }),
  /** Transcription of recorded interviews: minutes of audio and their footprint (absent from older servers). */
  transcription: z.optional(TranscriptionStatsSchema),
  comments: z.array(
    z.object({
      month: z.string(),
      task: z.nullable(z.string()),
      rating: z.nullable(z.enum(["up", "down"])),
      comment: z.string(),
    }),
  ),
  /**
   * Proposals from the pane; `proposal` says whether a new use, a template change or a new template (absent from
   * older servers).
   */
  useCases: z.array(
    z.object({
      month: z.string(),
      comment: z.string(),
      proposal: z.optional(z.enum(["use-case", "template-change", "new-template"])),
    }),
  ),
});
export type CommitteeStats = z.infer<typeof CommitteeStatsSchema>;

/** GET /api/committee/audit/verify: whether the audit chain holds, and where it first breaks. */
export const AuditVerificationSchema = z.object({
  ok: z.boolean(),
  entries: int(),
  /** Sequence number of the first event whose link, hash or signature does not hold, or the first one missing. */
  firstBrokenAt: z.optional(int()),
  reason: z.optional(z.string()),
  /** The latest signed checkpoint the chain was checked against, if any. */
  checkpoint: z.optional(z.object({ seq: int(), at: z.string() })),
});
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;

/** Lifecycle states of a pre-prompt version (server/governance). */
export const PrePromptStateSchema = z.enum(["draft", "evaluated", "approved", "active", "retired"]);
export type PrePromptState = z.infer<typeof PrePromptStateSchema>;

/** One evaluation run of a version: progress while it runs, aggregate scores once done. */
export const PrePromptEvaluationSchema = z.object({
  id: z.string(),
  versionId: z.string(),
  status: z.enum(["running", "done", "failed"]),
  done: int(),
  total: int(),
  scores: z.nullable(z.record(z.string(), z.number())),
});
export type PrePromptEvaluation = z.infer<typeof PrePromptEvaluationSchema>;

/**
 * One pre-prompt version as GET /api/committee/preprompts lists it. `key` is the variant key
 * (`interview-minutes.complaint`); older servers sent it in `task`, so the page falls back on `task`.
 */
export const PrePromptVersionSchema = z.object({
  id: z.string(),
  task: z.string(),
  key: z.optional(z.string()),
  template: z.optional(z.string()),
  version: int(),
  state: z.optional(PrePromptStateSchema),
  author: z.optional(z.string()),
  approvedBy: z.optional(z.string()),
  isMine: z.optional(z.boolean()),
  approvalReason: z.optional(z.nullable(z.string())),
  justification: z.optional(z.nullable(z.string())),
  /** When the version was last put in service; a retired version that was once active can be rolled back to. */
  activatedAt: z.optional(z.nullable(z.string())),
  sha256: z.string(),
  text: z.string(),
  firstSeenAt: z.string(),
  firstUsedAt: z.nullable(z.string()),
  evaluation: z.optional(z.nullable(PrePromptEvaluationSchema)),
});
export type PrePromptVersion = z.infer<typeof PrePromptVersionSchema>;

export const PrePromptListSchema = z.array(PrePromptVersionSchema);
