// Owns the contract of what leaves Greffier for MAIF's systems: the webhook body and the GET /api/exports page.
import { z } from "zod";
import { TASK_IDS } from "../tasks/catalogue";
import { CommitmentSchema } from "./commitments";
import { TransparencyCaseSchema } from "./minutes";

/** A figure read from the validated text (dates, amounts, plates, references, times), as written and normalised. */
export const ExtractedFieldSchema = z.object({
  kind: z.enum(["date", "amount", "time", "plate", "reference"]),
  text: z.string(),
  normalised: z.string(),
});

/** The validated record: everything a CRM or claim file needs, and nothing that identifies the adviser. */
export const ValidatedRecordSchema = z.object({
  id: z.string().uuid().describe("The saved minutes' id (stable; the same id as GET /api/minutes/:id)"),
  task: z.enum(TASK_IDS),
  template: z.string().nullable(),
  text: z.string().describe("The text the adviser validated, exactly as saved"),
  memberId: z.string().nullable().describe("The member reference given with the generation"),
  adviser: z.string().describe("The adviser's pseudonym (the audit log's HMAC actor), never the user id"),
  transparency: z.object({
    case: TransparencyCaseSchema,
    label: z.string().nullable().describe("The transparency notice shown with the text, null when none is due"),
  }),
  prePrompt: z.object({ id: z.string(), version: z.number().int(), sha256: z.string() }),
  provenance: z.object({
    generationId: z.string().uuid(),
    provider: z.object({ name: z.string(), model: z.string(), region: z.string() }),
    degraded: z.boolean().describe("True when the offline engine (no generative AI) prepared the draft"),
    aiShare: z.number().min(0).max(1).describe("Share of the validated text that comes from AI versions"),
    validatedAt: z.string(),
    savedAt: z.string(),
  }),
  fields: z.array(ExtractedFieldSchema),
  commitments: z.array(CommitmentSchema),
});
export type ValidatedRecord = z.infer<typeof ValidatedRecordSchema>;

/** What is left of a deleted record: its id and why it went. */
export const DeletedRecordSchema = z.object({
  id: z.string().uuid(),
  reason: z.enum(["retention", "deletion"]),
  deletedAt: z.string(),
});
export type DeletedRecord = z.infer<typeof DeletedRecordSchema>;

/** The JSON body of each webhook delivery (Standard Webhooks: `{type, timestamp, data}`). */
export const DeliveryPayloadSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("minutes.validated"), timestamp: z.string(), data: ValidatedRecordSchema }),
  z.object({ type: z.literal("minutes.deleted"), timestamp: z.string(), data: DeletedRecordSchema }),
]);
export type DeliveryPayload = z.infer<typeof DeliveryPayloadSchema>;

/** `GET /api/exports?since=&limit=`: events in commit order after `since`. */
export const ExportsQuerySchema = z.strictObject({
  since: z.string().regex(/^\d{1,18}$/).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type ExportsQuery = z.infer<typeof ExportsQuerySchema>;

/** One exported event: the webhook body with its webhook-id and its cursor. */
export const ExportItemSchema = z.object({
  id: z.string().describe("The webhook-id of the same event (stable; deduplicate on it)"),
  cursor: z.string().describe("Pass as `since` to resume after this event"),
  type: z.enum(["minutes.validated", "minutes.deleted"]),
  timestamp: z.string(),
  data: z.union([ValidatedRecordSchema, DeletedRecordSchema]),
});
export type ExportItem = z.infer<typeof ExportItemSchema>;

export const ExportPageSchema = z.object({
  items: z.array(ExportItemSchema),
  /** Where the next call starts: the last item's cursor, or `since` itself when the page is empty. */
  nextCursor: z.string(),
  hasMore: z.boolean(),
});
export type ExportPage = z.infer<typeof ExportPageSchema>;

/** One delivery attempt series, as the operator sees it (dead letters). */
export const DeliveryStatusSchema = z.object({
  id: z.string().uuid(),
  eventId: z.string(),
  type: z.enum(["minutes.validated", "minutes.deleted"]),
  minutesId: z.string().uuid(),
  receiver: z.string(),
  state: z.enum(["pending", "delivered", "dead", "cancelled"]),
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  deadAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

export const DeliveryListQuerySchema = z.strictObject({
  state: z.enum(["pending", "delivered", "dead", "cancelled"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export const DeliveryListSchema = z.object({ items: z.array(DeliveryStatusSchema) });
export type DeliveryList = z.infer<typeof DeliveryListSchema>;
