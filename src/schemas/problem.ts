// Owns the RFC 9457 problem+json shape that every error, HTTP or SSE, is written as.
import { z } from "zod";

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  /** Our stable error code (snake_case), so clients can show their own text. */
  code: z.string().optional(),
  instance: z.string().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
