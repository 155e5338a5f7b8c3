// Owns the contract of POST /api/generations: the request, the JSON answer and the SSE events.
import { z } from "zod";
import { TASK_IDS, TEMPLATE_IDS } from "../tasks/catalogue";
import { MAX_NOTES_CHARS, MAX_SOURCE_CHARS, MAX_TEXT_CHARS } from "./limits";
import { DOCUMENT_TYPES, ExtractionSchema } from "../extraction/schemas";
import { ProblemSchema } from "./problem";

const contextText = (max: number) => z.string().max(max);

/** Context the host prefills and the adviser may edit; every field is optional. */
export const GenerationContextSchema = z.strictObject({
  memberName: contextText(200).optional(),
  memberId: contextText(100).optional(),
  subject: contextText(500).optional(),
  date: contextText(100).optional(),
  channel: contextText(100).optional(),
  tone: contextText(100).optional(),
  language: contextText(20).optional(),
});
export type GenerationContext = z.infer<typeof GenerationContextSchema>;

/** An AI edit of a draft by instruction ("plus concis"…), under the same mandatory pre-prompt. */
export const ReviseSchema = z.strictObject({
  generationId: z.string().uuid(),
  instruction: z.string().trim().min(1).max(300),
  /** The draft as the adviser has it now, manual edits included. */
  draft: z.string().max(MAX_TEXT_CHARS),
});
export type Revise = z.infer<typeof ReviseSchema>;

/** A manual edit of a draft, recorded in its version history. */
export const ManualVersionSchema = z.strictObject({ text: z.string().max(MAX_TEXT_CHARS) });

export const GenerationRequestSchema = z.strictObject({
  task: z.enum(TASK_IDS),
  /** An insurer template of the task (its own sections and pre-prompt), e.g. a complaint interview. */
  template: z.enum(TEMPLATE_IDS).optional(),
  notes: z.string().max(MAX_NOTES_CHARS),
  source: z.string().max(MAX_SOURCE_CHARS).optional(),
  context: GenerationContextSchema.optional(),
  revise: ReviseSchema.optional(),
  /** For document-extraction: which kind of document; guessed from its words when absent. */
  documentType: z.enum(DOCUMENT_TYPES).optional(),
  /** The transcription (POST /api/transcriptions or a recording) the source comes from: the member's consent goes with the draft. */
  transcriptionId: z.string().uuid().optional(),
});
export type GenerationRequest = z.infer<typeof GenerationRequestSchema>;

export const UngroundedKindSchema = z.enum(["amount", "percentage", "date", "time", "phone", "plate", "reference", "number", "quote"]);

export const UngroundedFigureSchema = z.object({
  text: z.string(),
  kind: UngroundedKindSchema,
  /** For an extracted field whose quote is not in the document: its path ("vehicules.0.immatriculation"). */
  field: z.string().optional(),
  /** Offsets in the draft, so the add-in can highlight the figure. */
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});
export type UngroundedFigure = z.infer<typeof UngroundedFigureSchema>;

export const GenerationResponseSchema = z.object({
  id: z.string().uuid(),
  task: z.enum(TASK_IDS),
  template: z.enum(TEMPLATE_IDS).optional(),
  draft: z.string(),
  prePrompt: z.object({ id: z.string(), version: z.number().int().positive(), sha256: z.string().optional() }),
  provider: z.object({ name: z.string(), model: z.string(), region: z.string() }),
  degraded: z.boolean(),
  usage: z.object({ inputTokens: z.number().int().nonnegative(), outputTokens: z.number().int().nonnegative() }),
  footprint: z.object({ energyWh: z.number().nonnegative(), gco2eq: z.number().nonnegative() }),
  ungrounded: z.array(UngroundedFigureSchema),
  pseudonymised: z.number().int().nonnegative(),
  /** Each sentence of the draft linked to the note or source lines it draws on. */
  citations: z.array(z.object({ start: z.number().int(), end: z.number().int(), refs: z.array(z.object({ in: z.enum(["notes", "source"]), line: z.number().int().positive() })) })).optional(),
  /** For document-extraction: the fields, each with the quote of the document it comes from. */
  extraction: ExtractionSchema.optional(),
  /** Set on an AI edit: the generation it revises. */
  parentId: z.string().uuid().optional(),
  /** Set when the source is a recorded interview: the transcription and when the member consented to the recording. */
  transcription: z.object({ id: z.string().uuid(), consentAt: z.string() }).optional(),
  /** False when no generative model is configured: an AI edit of this draft would be refused (503). */
  canRevise: z.boolean().optional(),
  latencyMs: z.number().nonnegative().optional(),
  createdAt: z.string().optional(),
});
export type GenerationResponse = z.infer<typeof GenerationResponseSchema>;

/** SSE events of a streamed generation, by event name. */
export const GenerationEventSchemas = {
  delta: z.object({ text: z.string() }),
  /** The text so far must be replaced (a fallback provider restarted the draft). */
  replace: z.object({ text: z.string(), reason: z.string() }),
  done: GenerationResponseSchema,
  error: ProblemSchema,
} as const;
export type GenerationEventName = keyof typeof GenerationEventSchemas;
