// Owns the contract of what leaves Greffier for MAIF's systems: the webhook body and the GET /api/exports page.
import * as z from "zod/mini";
import { TASK_IDS } from "../tasks/catalogue";
import { CommitmentSchema } from "./commitments";
import { TransparencyCaseSchema } from "./minutes";

const int = () => z.number().check(z.int());

/** A figure read from the validated text (dates, amounts, plates, references, times), as written and normalised. */
export const ExtractedFieldSchema = z.object({
  kind: z.enum(["date", "amount", "time", "plate", "reference"]),
  text: z.string(),
  normalised: z.string(),
});

/** The validated record: everything a CRM or claim file needs, and nothing that identifies the adviser. */
export const ValidatedRecordSchema = z.object({
  id: z.uuid().check(z.describe("The saved minutes' id (stable; the same id as GET /api/minutes/:id)")),
  task: z.enum(TASK_IDS),
  template: z.nullable(z.string()),
  text: z.string().check(z.describe("The text the adviser validated, exactly as saved")),
  memberId: z.nullable(z.string()).check(z.describe("The member reference given with the generation")),
  adviser: z.string().check(z.describe("The adviser's pseudonym (the audit log's HMAC actor), never the user id")),
  transparency: z.object({
    case: TransparencyCaseSchema,
    label: z
      .nullable(z.string())
      .check(z.describe("The transparency notice shown with the text, null when none is due")),
  }),
  prePrompt: z.object({ id: z.string(), version: int(), sha256: z.string() }),
  provenance: z.object({
    generationId: z.uuid(),
    provider: z.object({ name: z.string(), model: z.string(), region: z.string() }),
    degraded: z.boolean().check(z.describe("True when the offline engine (no generative AI) prepared the draft")),
    aiShare: z
      .number()
      .check(z.gte(0), z.lte(1), z.describe("Share of the validated text that comes from AI versions")),
    validatedAt: z.string(),
    savedAt: z.string(),
  }),
  fields: z.array(ExtractedFieldSchema),
  commitments: z.array(CommitmentSchema),
});
export type ValidatedRecord = z.infer<typeof ValidatedRecordSchema>;

/** What is left of a deleted record: its id and why it went. */
export const DeletedRecordSchema = z.object({
  id: z.uuid(),
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
  since: z.optional(z.string().check(z.regex(/^\d{1,18}$/))),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(500))),
});
export type ExportsQuery = z.infer<typeof ExportsQuerySchema>;

/** One exported event: the webhook body with its webhook-id and its cursor. */
export const ExportItemSchema = z.object({
  id: z.string().check(z.describe("The webhook-id of the same event (stable; deduplicate on it)")),
  cursor: z.string().check(z.describe("Pass as `since` to resume after this event")),
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

const DeliveryStateSchema = z.enum(["pending", "delivered", "dead", "cancelled"]);

/** One delivery attempt series, as the operator sees it (dead letters). */
export const DeliveryStatusSchema = z.object({
  id: z.uuid(),
  eventId: z.string(),
  type: z.enum(["minutes.validated", "minutes.deleted"]),
  minutesId: z.uuid(),
  receiver: z.string(),
  state: DeliveryStateSchema,
  attempts: int(),
  lastStatus: z.nullable(int()),
  lastError: z.nullable(z.string()),
  nextAttemptAt: z.nullable(z.string()),
  createdAt: z.string(),
  deadAt: z.nullable(z.string()),
  deliveredAt: z.nullable(z.string()),
});
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

export const DeliveryListQuerySchema = z.strictObject({
  state: z.optional(DeliveryStateSchema),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(500))),
});
export type DeliveryListQuery = z.infer<typeof DeliveryListQuerySchema>;
export const DeliveryListSchema = z.object({ items: z.array(DeliveryStatusSchema) });
export type DeliveryList = z.infer<typeof DeliveryListSchema>;

/** `POST /api/deliveries/:id/replay`: the delivery is queued again. */
export const ReplayResponseSchema = z.object({ id: z.string(), state: z.literal("pending") });
export type ReplayResponse = z.infer<typeof ReplayResponseSchema>;
