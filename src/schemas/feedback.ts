// Owns the contract of POST /api/feedback: a rating on a generation, or a proposed new use case.
import * as z from "zod/mini";

import { MAX_COMMENT_CHARS } from "./limits";

export { MAX_COMMENT_CHARS };

export const RatingFeedbackSchema = z.strictObject({
  generationId: z.uuid(),
  rating: z.enum(["up", "down"]),
  comment: z.optional(z.string().check(z.maxLength(MAX_COMMENT_CHARS))),
});

/** What an adviser proposes from the pane: a new use, a change to a template, or a new template (issue 19). */
export const PROPOSAL_KINDS = ["use-case", "template-change", "new-template"] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export const UseCaseFeedbackSchema = z.strictObject({
  kind: z.literal("use-case"),
  comment: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_COMMENT_CHARS)),
  /** Absent: a new use case, as before. */
  proposal: z.optional(z.enum(PROPOSAL_KINDS)),
});

export type RatingFeedback = z.infer<typeof RatingFeedbackSchema>;
export type UseCaseFeedback = z.infer<typeof UseCaseFeedbackSchema>;
export type FeedbackRequest = RatingFeedback | UseCaseFeedback;

export const FeedbackResponseSchema = z.object({ id: z.uuid() });
