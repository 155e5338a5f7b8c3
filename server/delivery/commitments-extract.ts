// Owns the extraction of commitments from validated minutes: structured output under commitments@N, the offline reading
// otherwise.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { restore } from "../../src/privacy";
import { CommitmentsAnswerSchema, type Commitment } from "../../src/schemas/commitments";
import type { ProviderChain } from "../llm/chain";
import { pseudonymiseForProvider } from "../privacy/pseudonymiser";
import { commitmentsRequest } from "../prompts/wording";
import { readCommitmentsOffline } from "./commitments";

/** The commitments pre-prompt in force: its id, version and hash, like every task's. */
export const COMMITMENTS_PROMPT = (() => {
  const text = readFileSync(new URL("../prompts/commitments@1.md", import.meta.url), "utf8").trim();
  return { id: "commitments@1", version: 1, sha256: createHash("sha256").update(text).digest("hex"), text };
})();

const JSON_SCHEMA = z.toJSONSchema(CommitmentsAnswerSchema, { target: "draft-7" }) as Record<string, unknown>;

/** What the review in the pane receives. */
export interface CommitmentsExtraction {
  readonly commitments: Commitment[];
  readonly prePrompt: { readonly id: string; readonly version: number };
  readonly provider: { readonly name: string; readonly model: string };
  /** True when the offline reading answered (no provider, or no valid structured answer). */
  readonly degraded: boolean;
}

/** Parses the model's answer (tolerating a code fence), or null when it does not match the schema. */
export function parseCommitmentsAnswer(text: string): Commitment[] | null {
  try {
    const parsed = CommitmentsAnswerSchema.safeParse(
      JSON.parse(
        text
          .trim()
          .replace(/^```(?:json)?\s*/i, "")
          .replace(/\s*```$/, ""),
      ),
    );
    return parsed.success ? parsed.data.commitments : null;
  } catch {
    return null;
  }
}

/**
 * The commitments of `text`: the text is pseudonymised (member id and names masked), sent under commitments@1 with a
 * strict JSON schema, and the answer's placeholders restored; any failure, or the offline engine answering, gives
 * the offline reading ("À faire", "rappeler le …", dates read by the figures lexer).
 */
export async function extractCommitments(
  chain: ProviderChain | undefined,
  text: string,
  memberId: string | null,
  today: Date,
): Promise<CommitmentsExtraction> {
  const offline = (): CommitmentsExtraction => ({
    commitments: readCommitmentsOffline(text, memberId, today),
    prePrompt: { id: COMMITMENTS_PROMPT.id, version: 1 },
    provider: { name: "offline", model: "offline" },
    degraded: true,
  });
  if (!chain) return offline();
  try {
    const masked = pseudonymiseForProvider({ notes: text, context: { memberId: memberId ?? undefined } });
    const day = today.toISOString().slice(0, 10);
    const user = commitmentsRequest(day, masked.context?.memberId, masked.notes, JSON_SCHEMA);
    const result = await chain.generate({
      task: "interview-minutes",
      messages: [
        { role: "system", content: COMMITMENTS_PROMPT.text },
        { role: "user", content: user },
      ],
      input: { task: "interview-minutes", notes: masked.notes },
      responseFormat: { name: "commitments", schema: JSON_SCHEMA },
    });
    if (result.provider.info.isOffline) return offline();
    const commitments = parseCommitmentsAnswer(result.output.text);
    if (!commitments) return offline();
    // The adviser confirms each one, so a miss costs more than a candidate too many: a model that finds nothing where
    // the text has an "À faire" line or a commitment verb is not taken at its word.
    if (commitments.length === 0 && readCommitmentsOffline(text, memberId, today).length > 0) return offline();
    const back = (s: string) => restore(s, masked.mapping);
    return {
      commitments: commitments.map((c) => ({
        ...c,
        what: back(c.what),
        memberId: memberId ?? (c.memberId ? back(c.memberId) : null),
        ...(c.quote ? { quote: back(c.quote) } : {}),
      })),
      prePrompt: { id: COMMITMENTS_PROMPT.id, version: COMMITMENTS_PROMPT.version },
      provider: { name: result.provider.info.name, model: result.provider.info.model },
      degraded: false,
    };
  } catch {
    return offline();
  }
}
