// Owns what the provider is sent: the pre-prompt alone in the system role, the adviser's data in delimited blocks.
import type { GenerationContext } from "../../src/schemas/generation";
import { variantOf, type TaskId, type TemplateId } from "../../src/tasks/catalogue";
import type { PrePrompt } from "../prompts/registry";
import { DATA_NOTICE, revisionRequest, taskLine } from "../prompts/wording";

/** One chat message as the provider receives it. */
export interface ChatMessage {
  readonly role: "system" | "user" | "assistant";
  readonly content: string;
}

/** The pseudonymised data of a generation, before it is formatted into messages. */
export interface PromptInput {
  readonly task: TaskId;
  /** An AI edit: the current draft and the adviser's instruction. */
  readonly revision?: { readonly draft: string; readonly instruction: string } | undefined;
  readonly template?: TemplateId | undefined;
  readonly notes: string;
  readonly source?: string | undefined;
  readonly context?: GenerationContext | undefined;
}

const BLOCK_TAG = /<\s*\/?\s*(notes|source|contexte|brouillon|system|instructions?)\b[^>]*>/gi;

/** Defuses anything in the data that looks like one of our block tags, so data cannot close its own block. */
export function neutraliseTags(text: string): string {
  return text.replace(BLOCK_TAG, (tag) => tag.replace("<", "‹").replace(">", "›"));
}

function contextLines(context: GenerationContext | undefined): string {
  if (!context) return "";
  return Object.entries(context)
    .filter(([, value]) => value !== undefined && value.trim() !== "")
    .map(([key, value]) => `${key}: ${neutraliseTags(String(value).replace(/\s+/g, " "))}`)
    .join("\n");
}

/**
 * Builds the chat messages: the task's pre-prompt is always the first and only system message;
 * nothing from the request ever reaches the system role.
 */
export function buildMessages(prePrompt: PrePrompt, input: PromptInput): ChatMessage[] {
  const variant = variantOf(input.task, input.template);
  const sections = variant?.sections ?? [];
  const blocks = [
    taskLine(
      variant?.key ?? input.task,
      sections.map((s) => s.title),
    ),
    DATA_NOTICE,
  ];
  const context = contextLines(input.context);
  if (context) blocks.push(`<contexte>\n${context}\n</contexte>`);
  blocks.push(`<notes>\n${neutraliseTags(input.notes)}\n</notes>`);
  if (input.source && input.source.trim() !== "") blocks.push(`<source>\n${neutraliseTags(input.source)}\n</source>`);
  if (input.revision) {
    blocks.push(`<brouillon>\n${neutraliseTags(input.revision.draft)}\n</brouillon>`);
    // The adviser's own request: it shapes the rewrite but stays in the user role, under the pre-prompt's rules.
    blocks.push(revisionRequest(neutraliseTags(input.revision.instruction.replace(/\s+/g, " "))));
  }
  return [
    { role: "system", content: prePrompt.text },
    { role: "user", content: blocks.join("\n\n") },
  ];
}
