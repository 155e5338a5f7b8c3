// Owns the contract of a commitment read from validated minutes: what, who, by when, for which member.
import * as z from "zod/mini";

/** Who must act: the adviser, the member, or someone else (expert, garage, another department). */
export const CommitmentOwnerSchema = z.enum(["conseiller", "sociétaire", "tiers"]);
export type CommitmentOwner = z.infer<typeof CommitmentOwnerSchema>;

/** One commitment or next step, as extracted (structured output under commitments@N) or as the adviser edited it. */
export const CommitmentSchema = z.strictObject({
  what: z
    .string()
    .check(z.trim(), z.minLength(1), z.maxLength(500), z.describe("Ce qui doit être fait, en une phrase")),
  owner: CommitmentOwnerSchema.check(z.describe("Qui doit le faire")),
  dueDate: z
    .nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)))
    .check(z.describe("Échéance au format AAAA-MM-JJ, null quand le texte n'en donne pas")),
  memberId: z
    .nullable(z.string().check(z.maxLength(100)))
    .check(z.describe("Référence du sociétaire concerné, null quand inconnue")),
  /** The words of the minutes it was read from, so the adviser sees why it was proposed. */
  quote: z.optional(z.string().check(z.maxLength(1000))),
});
export type Commitment = z.infer<typeof CommitmentSchema>;

/** The structured-output answer a provider must give under commitments@N. */
export const CommitmentsAnswerSchema = z.strictObject({
  commitments: z.array(CommitmentSchema).check(z.maxLength(50)),
});
export type CommitmentsAnswer = z.infer<typeof CommitmentsAnswerSchema>;

/** `POST /api/minutes/:id/commitments`: the commitments proposed from the caller's saved minutes, for review. */
export const CommitmentsResponseSchema = z.object({
  minutesId: z.uuid(),
  commitments: z.array(CommitmentSchema),
  prePrompt: z.object({ id: z.string(), version: z.number().check(z.int()) }),
  provider: z.object({ name: z.string(), model: z.string() }),
  /** True when the offline reading (no generative AI) proposed them. */
  degraded: z.boolean(),
});
export type CommitmentsResponse = z.infer<typeof CommitmentsResponseSchema>;
