// Owns what the pane reads its answers with, the schemas and the SSE reader, gathered in one chunk that loads after
// the first paint (prefetched): zod/mini and eventsource-parser in the first download would cost ~15 KB gz of 150.
export { CommitmentsResponseSchema } from "../../src/schemas/commitments";
export { FeedbackResponseSchema } from "../../src/schemas/feedback";
export { GenerationEventSchemas, GenerationResponseSchema } from "../../src/schemas/generation";
export { MinutesListSchema, MinutesSchema, SaveMinutesResponseSchema } from "../../src/schemas/minutes";
export { ProblemSchema } from "../../src/schemas/problem";
export { ScanEventSchemas, ScanSourceResponseSchema } from "../../src/schemas/scan";
export {
  DocumentSourceResponseSchema,
  MailThreadSourceResponseSchema,
  TranscriptSourceResponseSchema,
} from "../../src/schemas/sources";
export { DraftVersionsSchema, ManualVersionResponseSchema } from "../../src/schemas/versions";
export { readSse } from "./sse";
