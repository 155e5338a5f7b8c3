// Owns the RFC 9457 problem+json shape that every error, HTTP or SSE, is written as.
import * as z from "zod/mini";

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int()),
  detail: z.string(),
  /** Our stable error code (snake_case), so clients can show their own text. */
  code: z.optional(z.string()),
  instance: z.optional(z.string()),
});
export type Problem = z.infer<typeof ProblemSchema>;
