// Owns the contract of POST /api/minutes and GET /api/minutes(/:id).
import * as z from "zod/mini";
import { TASK_IDS, TEMPLATE_IDS } from "../tasks/catalogue";
import { MAX_TEXT_CHARS } from "./limits";

export const TransparencyCaseSchema = z.enum(["ai-only", "ai-validated", "human-with-ai"]);
export type TransparencyCase = z.infer<typeof TransparencyCaseSchema>;

export const TransparencySchema = z.object({ case: TransparencyCaseSchema, label: z.nullable(z.string()) });
export type Transparency = z.infer<typeof TransparencySchema>;

export const SaveMinutesRequestSchema = z.strictObject({
  generationId: z.uuid(),
  text: z.string().check(z.maxLength(MAX_TEXT_CHARS)),
  /** Must be true: the adviser ticked "J'ai relu et je valide ce texte". Anything else is a 422. */
  validated: z.boolean(),
});
export type SaveMinutesRequest = z.infer<typeof SaveMinutesRequestSchema>;

export const SaveMinutesResponseSchema = z.object({ id: z.uuid(), transparency: TransparencySchema });
export type SaveMinutesResponse = z.infer<typeof SaveMinutesResponseSchema>;

export const MinutesSchema = z.object({
  id: z.uuid(),
  generationId: z.uuid(),
  task: z.enum(TASK_IDS),
  text: z.string(),
  transparency: TransparencySchema,
  aiShare: z.number().check(z.gte(0), z.lte(1)),
  validatedBy: z.string(),
  validatedAt: z.string(),
  prePrompt: z.object({ id: z.string(), version: z.number().check(z.int()) }),
  /** The insurer template the draft followed, null for the general one. */
  template: z.optional(z.nullable(z.enum(TEMPLATE_IDS))),
  /** The member reference the adviser gave with the generation (`context.memberId`), null when none. */
  memberId: z.optional(z.nullable(z.string())),
});
export type Minutes = z.infer<typeof MinutesSchema>;

/** Most items one page of `GET /api/minutes` holds. */
export const MINUTES_PAGE_MAX = 50;

/** `GET /api/minutes?cursor=&q=&memberId=&limit=`: the caller's own saved texts, newest first. */
export const MinutesListQuerySchema = z.strictObject({
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.optional(z.string().check(z.maxLength(200))),
  /** Words searched in the saved text (case-insensitive; French stemming where the database has it). */
  q: z.optional(z.string().check(z.maxLength(200))),
  /** Only the texts saved for this member reference. */
  memberId: z.optional(z.string().check(z.maxLength(100))),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(MINUTES_PAGE_MAX))),
});
export type MinutesListQuery = z.infer<typeof MinutesListQuerySchema>;

export const MinutesListItemSchema = z.object({
  id: z.uuid(),
  task: z.enum(TASK_IDS),
  template: z.nullable(z.enum(TEMPLATE_IDS)),
  createdAt: z.string(),
  memberId: z.nullable(z.string()),
  /** The first line of the text with any Markdown marker removed, at most 140 characters. */
  firstLine: z.string(),
  transparency: z.object({ case: TransparencyCaseSchema }),
});
export type MinutesListItem = z.infer<typeof MinutesListItemSchema>;

export const MinutesListSchema = z.object({
  items: z.array(MinutesListItemSchema),
  nextCursor: z.nullable(z.string()),
});
export type MinutesList = z.infer<typeof MinutesListSchema>;
