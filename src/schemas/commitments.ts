// Owns the contract of a commitment read from validated minutes: what, who, by when, for which member.
import { z } from "zod";

/** Who must act: the adviser, the member, or someone else (expert, garage, another department). */
export const CommitmentOwnerSchema = z.enum(["conseiller", "sociétaire", "tiers"]);
export type CommitmentOwner = z.infer<typeof CommitmentOwnerSchema>;

/** One commitment or next step, as extracted (structured output under commitments@N) or as the adviser edited it. */
export const CommitmentSchema = z.strictObject({
  what: z.string().trim().min(1).max(500).describe("Ce qui doit être fait, en une phrase"),
  owner: CommitmentOwnerSchema.describe("Qui doit le faire"),
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .describe("Échéance au format AAAA-MM-JJ, null quand le texte n'en donne pas"),
  memberId: z.string().max(100).nullable().describe("Référence du sociétaire concerné, null quand inconnue"),
  /** The words of the minutes it was read from, so the adviser sees why it was proposed. */
  quote: z.string().max(1000).optional(),
});
export type Commitment = z.infer<typeof CommitmentSchema>;

/** The structured-output answer a provider must give under commitments@N. */
export const CommitmentsAnswerSchema = z.strictObject({ commitments: z.array(CommitmentSchema).max(50) });
export type CommitmentsAnswer = z.infer<typeof CommitmentsAnswerSchema>;
