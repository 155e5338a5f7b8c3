// Owns the contract of POST /api/generations: the request, the JSON answer and the SSE events.
import * as z from "zod/mini";
import { TASK_IDS, TEMPLATE_IDS } from "../tasks/catalogue";
import { DOCUMENT_TYPES, ExtractionSchema } from "./extraction";
import { MAX_NOTES_CHARS, MAX_SOURCE_CHARS, MAX_TEXT_CHARS } from "./limits";
import { ProblemSchema } from "./problem";

const contextText = (max: number) => z.optional(z.string().check(z.maxLength(max)));
const int = () => z.number().check(z.int());
const count = () => z.number().check(z.int(), z.nonnegative());

/** Context the host prefills and the adviser may edit; every field is optional. */
export const GenerationContextSchema = z.strictObject({
  memberName: contextText(200),
  memberId: contextText(100),
  subject: contextText(500),
  date: contextText(100),
  channel: contextText(100),
  tone: contextText(100),
  language: contextText(20),
});
export type GenerationContext = z.infer<typeof GenerationContextSchema>;

/** An AI edit of a draft by instruction ("plus concis"…), under the same mandatory pre-prompt. */
export const ReviseSchema = z.strictObject({
  generationId: z.uuid(),
  instruction: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
  /** The draft as the adviser has it now, manual edits included. */
  draft: z.string().check(z.maxLength(MAX_TEXT_CHARS)),
});
export type Revise = z.infer<typeof ReviseSchema>;

export const GenerationRequestSchema = z.strictObject({
  task: z.enum(TASK_IDS),
  /** An insurer template of the task (its own sections and pre-prompt), e.g. a complaint interview. */
  template: z.optional(z.enum(TEMPLATE_IDS)),
  notes: z.string().check(z.maxLength(MAX_NOTES_CHARS)),
  source: z.optional(z.string().check(z.maxLength(MAX_SOURCE_CHARS))),
  context: z.optional(GenerationContextSchema),
  revise: z.optional(ReviseSchema),
  /** For document-extraction: which kind of document; guessed from its words when absent. */
  documentType: z.optional(z.enum(DOCUMENT_TYPES)),
  /**
   * The transcription (POST /api/transcriptions or a recording) the source comes from: the member's consent goes
   * with the draft.
   */
  transcriptionId: z.optional(z.uuid()),
});
export type GenerationRequest = z.infer<typeof GenerationRequestSchema>;

export const UngroundedKindSchema = z.enum([
  "amount",
  "percentage",
  "date",
  "time",
  "phone",
  "plate",
  "reference",
  "number",
  "quote",
]);

export const UngroundedFigureSchema = z.object({
  text: z.string(),
  kind: UngroundedKindSchema,
  /** For an extracted field whose quote is not in the document: its path ("vehicules.0.immatriculation"). */
  field: z.optional(z.string()),
  /** Offsets in the draft, so the add-in can highlight the figure. */
  start: z.optional(count()),
  end: z.optional(count()),
});
export type UngroundedFigure = z.infer<typeof UngroundedFigureSchema>;

/** Each sentence of the draft linked to the note or source lines it draws on. */
export const CitationSchema = z.object({
  start: int(),
  end: int(),
  refs: z.array(z.object({ in: z.enum(["notes", "source"]), line: z.number().check(z.int(), z.positive()) })),
});

export const GenerationResponseSchema = z.object({
  id: z.uuid(),
  task: z.enum(TASK_IDS),
  template: z.optional(z.enum(TEMPLATE_IDS)),
  draft: z.string(),
  prePrompt: z.object({
    id: z.string(),
    version: z.number().check(z.int(), z.positive()),
    sha256: z.optional(z.string()),
  }),
  provider: z.object({ name: z.string(), model: z.string(), region: z.string() }),
  degraded: z.boolean(),
  usage: z.object({ inputTokens: count(), outputTokens: count() }),
  footprint: z.object({ energyWh: z.number().check(z.nonnegative()), gco2eq: z.number().check(z.nonnegative()) }),
  ungrounded: z.array(UngroundedFigureSchema),
  pseudonymised: count(),
  /** Each sentence of the draft linked to the note or source lines it draws on. */
  citations: z.optional(z.array(CitationSchema)),
  /** For document-extraction: the fields, each with the quote of the document it comes from. */
  extraction: z.optional(ExtractionSchema),
  /** Set on an AI edit: the generation it revises. */
  parentId: z.optional(z.uuid()),
  /** Set when the source is a recorded interview: the transcription and when the member consented to the recording. */
  transcription: z.optional(z.object({ id: z.uuid(), consentAt: z.string() })),
  /** False when no generative model is configured: an AI edit of this draft would be refused (503). */
  canRevise: z.optional(z.boolean()),
  latencyMs: z.optional(z.number().check(z.nonnegative())),
  createdAt: z.optional(z.string()),
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
