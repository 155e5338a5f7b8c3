// Owns the contract of /api/generations/:id/versions: a draft's history and the manual edits recorded in it.
import * as z from "zod/mini";
import { MAX_TEXT_CHARS } from "./limits";

/** A manual edit of a draft, recorded in its version history. */
export const ManualVersionSchema = z.strictObject({ text: z.string().check(z.maxLength(MAX_TEXT_CHARS)) });
export type ManualVersion = z.infer<typeof ManualVersionSchema>;

export const ManualVersionResponseSchema = z.object({ id: z.uuid() });
export type ManualVersionResponse = z.infer<typeof ManualVersionResponseSchema>;

/** One entry of a draft's history: the first generation, an AI edit (child generation) or a manual edit. */
export const DraftVersionSchema = z.object({
  kind: z.enum(["generation", "ai-edit", "manual-edit"]),
  /** The generation (initial or AI edit); absent for a manual edit. */
  generationId: z.optional(z.uuid()),
  instruction: z.optional(z.string()),
  /** Null once the retention policy purged it. */
  text: z.nullable(z.string()),
  /** ISO 8601. */
  at: z.string(),
});
export type DraftVersion = z.infer<typeof DraftVersionSchema>;

export const DraftVersionsSchema = z.array(DraftVersionSchema);
