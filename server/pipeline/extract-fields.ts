// Owns LLM field extraction: JSON under the document's schema, validated, repaired once, quotes checked against the
// source.
import { z } from "zod";
import { DOCUMENT_TYPE_LABELS, guessDocumentType, mapStrings } from "../../src/extraction/fields";
import { DOCUMENT_TYPES, EXTRACTION_SCHEMAS, type DocumentType, type Extraction } from "../../src/schemas/extraction";
import type { ChainResult, ChainHandlers, ProviderChain } from "../llm/chain";
import type { LlmCall } from "../llm/provider";
import { ProviderError } from "../llm/provider-error";
import { fieldsRepairRequest, fieldsRequest } from "../prompts/wording";

/** The chain's result with the validated fields and the document type they were read as. */
export interface ExtractionResult extends ChainResult {
  readonly extraction: Extraction;
  readonly documentType: DocumentType;
}

/** The JSON schema of each document type, built once: the zod schemas never change, so no request pays for it. */
const JSON_SCHEMAS = Object.fromEntries(
  DOCUMENT_TYPES.map((type) => [
    type,
    z.toJSONSchema(EXTRACTION_SCHEMAS[type], { target: "draft-7" }) as Record<string, unknown>,
  ]),
) as Readonly<Record<DocumentType, Record<string, unknown>>>;

/** Parses a model's answer as the schema's JSON, tolerating a Markdown code fence around it. */
export function parseExtraction(
  text: string,
  documentType: DocumentType,
): { ok: true; value: Extraction } | { ok: false; error: string } {
  const body = text
    .trim()
    .replace(/^```(?:json)?\s*/i, "")
    .replace(/\s*```$/, "");
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return { ok: false, error: `JSON illisible (${error instanceof Error ? error.message : "erreur"})` };
  }
  const parsed = EXTRACTION_SCHEMAS[documentType].safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data as Extraction };
  return {
    ok: false,
    error: parsed.error.issues
      .slice(0, 8)
      .map((i) => `${i.path.join(".") || "racine"} : ${i.message}`)
      .join(" ; "),
  };
}

/**
 * Asks the chain for the document's fields as JSON; an invalid answer is sent back once for repair, and a second
 * invalid answer is a provider failure, so the chain moves on (to the offline engine last).
 */
export async function extractFields(
  chain: ProviderChain,
  call: LlmCall,
  requested: DocumentType | undefined,
  sourceText: string,
  handlers: ChainHandlers,
  restoreText: (text: string) => string,
): Promise<ExtractionResult> {
  const documentType = requested ?? guessDocumentType(sourceText);
  const responseFormat = { name: documentType, schema: JSON_SCHEMAS[documentType] };
  // The schema also goes in the message, for endpoints that ignore response_format.
  const structured: LlmCall = {
    ...call,
    responseFormat,
    messages: [
      ...call.messages,
      { role: "user", content: fieldsRequest(DOCUMENT_TYPE_LABELS[documentType], responseFormat.schema) },
    ],
  };
  const first = await chain.generate(structured, { signal: handlers.signal });
  let parsed = parseExtraction(first.output.text, documentType);
  let result: ChainResult = first;
  if (!parsed.ok && !first.provider.info.isOffline) {
    const repairCall: LlmCall = {
      ...structured,
      messages: [
        ...structured.messages,
        { role: "assistant", content: first.output.text },
        { role: "user", content: fieldsRepairRequest(parsed.error) },
      ],
    };
    const repaired = await chain.generate(repairCall, { signal: handlers.signal });
    parsed = parseExtraction(repaired.output.text, documentType);
    result = {
      ...repaired,
      attempts: first.attempts + repaired.attempts,
      output: {
        ...repaired.output,
        usage: {
          inputTokens: first.output.usage.inputTokens + repaired.output.usage.inputTokens,
          outputTokens: first.output.usage.outputTokens + repaired.output.usage.outputTokens,
        },
      },
    };
  }
  if (!parsed.ok) {
    // Twice unusable: the offline engine's pattern extraction is better than nothing, and says it is degraded.
    const offline = await chain.generate(structured, { signal: handlers.signal, isLastResortOnly: true });
    parsed = parseExtraction(offline.output.text, documentType);
    if (!parsed.ok)
      throw new ProviderError("malformed", false, { message: `offline extraction invalid: ${parsed.error}` });
    result = { ...offline, attempts: result.attempts + offline.attempts, fallbacks: result.fallbacks + 1 };
  }
  return { ...result, documentType, extraction: mapStrings(parsed.value, restoreText) };
}
