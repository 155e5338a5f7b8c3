// Owns the contract of POST /api/minutes and GET /api/minutes/:id.
import { z } from "zod";
import { TASK_IDS } from "../tasks/catalogue";
import { MAX_TEXT_CHARS } from "./limits";

export const TransparencyCaseSchema = z.enum(["ai-only", "ai-validated", "human-with-ai"]);
export type TransparencyCase = z.infer<typeof TransparencyCaseSchema>;

export const TransparencySchema = z.object({ case: TransparencyCaseSchema, label: z.string().nullable() });
export type Transparency = z.infer<typeof TransparencySchema>;

export const SaveMinutesRequestSchema = z.strictObject({
  generationId: z.string().uuid(),
  text: z.string().max(MAX_TEXT_CHARS),
  /** Must be true: the adviser ticked "J'ai relu et je valide ce texte". Anything else is a 422. */
  validated: z.boolean(),
});
export type SaveMinutesRequest = z.infer<typeof SaveMinutesRequestSchema>;

export const SaveMinutesResponseSchema = z.object({ id: z.string().uuid(), transparency: TransparencySchema });
export type SaveMinutesResponse = z.infer<typeof SaveMinutesResponseSchema>;

export const MinutesSchema = z.object({
  id: z.string().uuid(),
  generationId: z.string().uuid(),
  task: z.enum(TASK_IDS),
  text: z.string(),
  transparency: TransparencySchema,
  aiShare: z.number().min(0).max(1),
  validatedBy: z.string(),
  validatedAt: z.string(),
  prePrompt: z.object({ id: z.string(), version: z.number().int() }),
});
export type Minutes = z.infer<typeof MinutesSchema>;
