// Owns the committee's view: aggregates per task and month, never a figure about one person.
import { z } from "zod";
import { TransparencyCaseSchema } from "./minutes";

/** Cells covering fewer advisers than this are not shown, so no one can be singled out. */
export const MIN_GROUP_SIZE = 5;

export const StatsCellSchema = z.discriminatedUnion("suppressed", [
  z.object({ month: z.string(), task: z.string(), suppressed: z.literal(true) }),
  z.object({
    month: z.string(),
    task: z.string(),
    suppressed: z.literal(false),
    generations: z.number().int(),
    /** Share of generations from which minutes were validated and saved. */
    validatedShare: z.number(),
    /** Saved texts by AI share, in ten buckets of 10 %. */
    aiShareHistogram: z.array(z.number().int()).length(10),
    transparency: z.partialRecord(TransparencyCaseSchema, z.number().int()),
    ungroundedPerGeneration: z.number(),
    degraded: z.number().int(),
    healthDataShare: z.number(),
    providers: z.array(z.object({ name: z.string(), region: z.string(), generations: z.number().int() })),
    energyWh: z.object({ total: z.number(), perGeneration: z.number() }),
    gco2eq: z.object({ total: z.number(), perGeneration: z.number() }),
    prePromptVersions: z.array(z.string()),
    feedback: z.object({ up: z.number().int(), down: z.number().int() }),
  }),
]);
export type StatsCell = z.infer<typeof StatsCellSchema>;

/** The footprint of transcribing recorded interviews (issue 17), per month, under the same minimum group size. */
export const TranscriptionCellSchema = z.discriminatedUnion("suppressed", [
  z.object({ month: z.string(), suppressed: z.literal(true) }),
  z.object({
    month: z.string(),
    suppressed: z.literal(false),
    transcriptions: z.number().int(),
    audioMinutes: z.number(),
    energyWh: z.object({ total: z.number(), perMinute: z.number() }),
    gco2eq: z.object({ total: z.number(), perMinute: z.number() }),
  }),
]);
export type TranscriptionCell = z.infer<typeof TranscriptionCellSchema>;

export const TranscriptionStatsSchema = z.object({
  cells: z.array(TranscriptionCellSchema),
  /** Sums of the months shown only, like the generations' totals. */
  totals: z.object({ transcriptions: z.number().int(), audioMinutes: z.number(), energyWh: z.number(), gco2eq: z.number() }),
});
export type TranscriptionStats = z.infer<typeof TranscriptionStatsSchema>;

export const CommitteeStatsSchema = z.object({
  minGroupSize: z.number().int(),
  cells: z.array(StatsCellSchema),
  totals: z.object({ generations: z.number().int(), energyWh: z.number(), gco2eq: z.number() }),
  /** Transcription of recorded interviews: minutes of audio and their footprint (absent from older servers). */
  transcription: TranscriptionStatsSchema.optional(),
  comments: z.array(z.object({ month: z.string(), task: z.string().nullable(), rating: z.enum(["up", "down"]).nullable(), comment: z.string() })),
  /** Proposals from the pane; `proposal` says whether a new use, a template change or a new template (absent from older servers). */
  useCases: z.array(z.object({ month: z.string(), comment: z.string(), proposal: z.enum(["use-case", "template-change", "new-template"]).optional() })),
});
export type CommitteeStats = z.infer<typeof CommitteeStatsSchema>;
