// Owns the convention's transparency rule: which saved texts carry the "produced by AI" notice.
import { t } from "../i18n";
import type { Transparency } from "../schemas/minutes";
import type { TaskId } from "../tasks/catalogue";
import { TASKS } from "../tasks/catalogue";

/**
 * Default share of AI words above which a validated text counts as produced by AI (`ai-validated`).
 * Below it, the employee wrote the text with AI suggestions (`human-with-ai`, no notice).
 * Half is the convention's reading of "produced by": most of the words are the model's.
 */
export const DEFAULT_AI_SHARE_THRESHOLD = 0.5;

export interface TransparencyInput {
  readonly task: TaskId;
  /** Share of the final text kept from the AI draft, 0..1 (see provenance/ai-share). */
  readonly aiShare: number;
  /** Always true in this tool: the server refuses unvalidated saves. */
  readonly isValidated: boolean;
  readonly orgName: string;
  readonly threshold?: number;
  /**
   * False when no generative AI wrote any version of the text: the offline engine only sorted the adviser's own note
   * lines under headings, so no AI notice is owed whatever the share. Absent means true (today's rule).
   */
  readonly hasGenerativeAi?: boolean;
}

/** Decides the transparency case and its notice (null when no notice is owed). */
export function decideTransparency(input: TransparencyInput): Transparency {
  const threshold = input.threshold ?? DEFAULT_AI_SHARE_THRESHOLD;
  // A text only the offline engine prepared is the employee's own words, sorted by a tool without generative AI: it
  // is filed as the employee's text ("human-with-ai", the contract's one case without a notice), never as AI output.
  if (input.hasGenerativeAi === false) return { case: "human-with-ai", label: null };
  if (input.aiShare < threshold) return { case: "human-with-ai", label: null };
  if (!input.isValidated) {
    return { case: "ai-only", label: t("transparency.ai-only") };
  }
  const key =
    TASKS[input.task].audience === "member" ? "transparency.ai-validated" : "transparency.ai-validated.minutes";
  return { case: "ai-validated", label: t(key, { org: input.orgName }) };
}
