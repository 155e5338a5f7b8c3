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
    z.object({ month: z.string(), task: z.nullable(z.string()), rating: z.nullable(z.enum(["up", "down"])), comment: z.string() }),
  ),
  /**
   * Proposals from the pane; `proposal` says whether a new use, a template change or a new template (absent from
   * older servers).
   */
  useCases: z.array(
    z.object({ month: z.string(), comment: z.string(), proposal: z.optional(z.enum(["use-case", "template-change", "new-template"])) }),
  ),
});
export type CommitteeStats = z.infer<typeof CommitteeStatsSchema>;
