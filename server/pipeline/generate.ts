// Owns one generation, end to end: pseudonymise → pre-prompt → provider chain → re-identify → checks → store.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { estimateFootprint, offlineFootprint } from "../../src/checks/footprint";
import { findUngrounded } from "../../src/checks/groundedness";
import { AppError } from "../../src/errors";
import { msg } from "../../src/i18n/message";
import { restore, StreamRestorer } from "../../src/privacy";
import { citeSentences } from "../../src/provenance/citations";
import { renderExtraction, unquotedFields } from "../../src/extraction/fields";
import type { Extraction } from "../../src/schemas/extraction";
import type { PseudonymMapping } from "../../src/privacy";
import type { GenerationRequest, GenerationResponse, UngroundedFigure } from "../../src/schemas/generation";
import { variantOf } from "../../src/tasks/catalogue";
import type { User } from "../auth/user";
import type { ProviderChain } from "../llm/chain";
import { hasGenerativeModel } from "../llm/offline/engine";
import type { LlmCall } from "../llm/provider";
import { extractFields } from "./extract-fields";
import type { PrePromptRegistry } from "../prompts/registry";
import type { AuditRecorder } from "../audit/recorder";
import type { Db } from "../store/db";
import { findGenerationForUser, insertGeneration } from "../store/generations";
import { activePrePrompt, markPrePromptUsed } from "../store/pre-prompts";
import { buildMessages } from "./messages";
import { pseudonymiseForProvider } from "../privacy/pseudonymiser";
import type { TranscriptionConsent } from "../transcription/consent";

/** What a generation needs from the app. */
export interface GenerationDeps {
  readonly db: Db;
  readonly prePrompts: PrePromptRegistry;
  /** Providers in order, the offline engine last, so a draft always comes back. */
  readonly chain: ProviderChain;
  readonly audit: AuditRecorder;
}

/** The route's callbacks for a streamed generation; all optional, so a JSON answer passes none. */
export interface StreamHandlers {
  readonly signal?: AbortSignal | undefined;
  /** Text to append to the draft, already re-identified. */
  readonly onDelta?: ((text: string) => void) | undefined;
  /** The draft so far must be replaced by `text` (a fallback provider starts over). */
  readonly onReplace?: ((text: string, reason: string) => void) | undefined;
  /** Called once the request is ready to leave for the provider (for the gateway-overhead metric). */
  readonly onProviderCall?: (() => void) | undefined;
}

/**
 * Refuses what cannot be generated, before any stream starts.
 * @throws AppError notes_empty, invalid_request (a template of another task).
 */
export function assertGeneratable(request: GenerationRequest): void {
  if (request.notes.trim() === "") throw new AppError("notes_empty", { detail: msg("problem.notes_empty.detail") });
  if (!variantOf(request.task, request.template)) {
    throw new AppError("invalid_request", {
      detail: msg("server.generation.template_mismatch", { template: String(request.template), task: request.task }),
    });
  }
}

/** The generation an AI edit revises, looked up before any stream starts. */
export interface Lineage {
  readonly parentId: string;
  readonly rootId: string;
}

/**
 * Finds the generation an AI edit revises; it must be the adviser's own and of the same task.
 * @throws AppError generation_not_found, invalid_request.
 */
export async function resolveLineage(db: Db, request: GenerationRequest, user: User): Promise<Lineage | undefined> {
  if (!request.revise) return undefined;
  const parent = await findGenerationForUser(db, request.revise.generationId, user.id);
  if (!parent) throw new AppError("generation_not_found");
  if (parent.task !== request.task)
    throw new AppError("invalid_request", { detail: msg("server.generation.revise_other_task") });
  return { parentId: parent.id, rootId: parent.rootId };
}

/**
 * Refuses an AI edit when no generative model is configured: the offline engine cannot rewrite, and the adviser's
 * draft must stay as it is.
 * @throws AppError provider_unavailable (503).
 */
export function assertRevisable(chain: ProviderChain, request: GenerationRequest): void {
  if (request.revise && !hasGenerativeModel(chain))
    throw new AppError("provider_unavailable", { detail: msg("server.revise.needs_model") });
}

/**
 * Runs one generation (or AI edit, with `lineage`) for `user` and stores it.
 * @throws AppError notes_empty, provider_unavailable (every provider failed), or the abort reason.
 */
export async function runGeneration(
  deps: GenerationDeps,
  request: GenerationRequest,
  user: User,
  handlers: StreamHandlers = {},
  lineage?: Lineage,
  consent?: TranscriptionConsent,
): Promise<GenerationResponse> {
  assertGeneratable(request);
  assertRevisable(deps.chain, request);
  const started = performance.now();
  const key = variantOf(request.task, request.template)?.key ?? request.task;
  // The version the committee put in force (server/governance); the files only seed the first versions.
  const prePrompt = (await activePrePrompt(deps.db, key)) ?? deps.prePrompts.get(key);
  if (!prePrompt) throw new AppError("internal", { detail: msg("problem.internal.detail") }); // unreachable: checked at start-up

  const revise = request.revise;
  // One pass over everything that leaves the server, the AI-edit instruction included, so a name gets one placeholder.
  const masked = pseudonymiseForProvider({
    notes: request.notes,
    source: request.source,
    context: request.context,
    extraTexts: revise ? [revise.instruction, revise.draft] : [],
  });
  const [maskedInstruction, maskedDraft] = masked.extraTexts;
  const input = {
    task: request.task,
    template: request.template,
    notes: masked.notes,
    source: masked.source,
    context: masked.context,
    revision: revise ? { draft: maskedDraft ?? "", instruction: maskedInstruction ?? "" } : undefined,
  };
  const call = { task: request.task, messages: buildMessages(prePrompt, input), input };

  handlers.onProviderCall?.();
  const { output, provider, draft, extraction, attempts } =
    request.task === "document-extraction"
      ? await extract(deps, call, request, masked.mapping, handlers)
      : await write(deps, call, masked.mapping, handlers);
  const latencyMs = performance.now() - started;

  const contextValues = Object.values(request.context ?? {}).filter((v): v is string => typeof v === "string");
  const sources = [request.notes, request.source ?? "", ...contextValues];
  // Extracted fields are checked against their own quotes; free text against the notes, source and context.
  // The offline engine writes no figure of its own (it copies the adviser's lines): there is nothing to check.
  const ungrounded = extraction
    ? unquotedFlags(extraction, draft, sources)
    : provider.info.isOffline
      ? []
      : findUngrounded(draft, sources);
  // Text left the server when a remote provider was called, even one that failed before the offline engine answered.
  const hasLeftServer = !provider.info.isOffline || attempts > 1;
  const citations = citeSentences(draft, request.notes, request.source ?? "");
  const footprint = provider.info.isOffline
    ? offlineFootprint({ region: provider.info.region })
    : estimateFootprint({
        inputTokens: output.usage.inputTokens,
        outputTokens: output.usage.outputTokens,
        model: { activeParamsB: provider.info.activeParamsB, totalParamsB: provider.info.totalParamsB },
        region: provider.info.region,
        latencyMs,
      });

  const response: GenerationResponse = {
    id: randomUUID(),
    task: request.task,
    ...(request.template ? { template: request.template } : {}),
    draft,
    prePrompt: { id: prePrompt.id, version: prePrompt.version, sha256: prePrompt.sha256 },
    provider: { name: provider.info.name, model: provider.info.model, region: provider.info.region },
    degraded: provider.info.isOffline,
    usage: output.usage,
    footprint: { energyWh: footprint.energyWh, gco2eq: footprint.gco2eq },
    ungrounded,
    pseudonymised: hasLeftServer ? masked.count : 0,
    canRevise: hasGenerativeModel(deps.chain),
    citations: citations.map((c) => ({ start: c.start, end: c.end, refs: [...c.refs] })),
    ...(extraction ? { extraction } : {}),
    ...(lineage ? { parentId: lineage.parentId } : {}),
    // The member's consent to the recording the source was transcribed from (issue 17), checked by the route.
    ...(consent ? { transcription: { id: consent.id, consentAt: consent.consentAt } } : {}),
    latencyMs: Math.round(latencyMs),
  };
  // The generation and its audit event are one fact: both are written or neither is.
  await deps.db.transaction(async (tx) => {
    await insertGeneration(tx, {
      ...response,
      userId: user.id,
      prePromptSha256: prePrompt.sha256,
      latencyMs,
      hasHealthData: masked.hasHealthData,
      notes: request.notes,
      source: request.source,
      context: request.context,
      pseudonymMap: masked.mapping,
      parentId: lineage?.parentId,
      rootId: lineage?.rootId ?? response.id,
      reviseInstruction: revise?.instruction,
    });
    await markPrePromptUsed(tx, prePrompt);
    await deps.audit.generation(tx, user.id, response, { hasHealthData: masked.hasHealthData, latencyMs });
  });
  return response;
}

/** Free text, streamed: placeholders may be split across chunks, so a restorer holds back a partial one. */
async function write(deps: GenerationDeps, call: LlmCall, mapping: PseudonymMapping, handlers: StreamHandlers) {
  let restorer = new StreamRestorer(mapping);
  const { output, provider, attempts } = await deps.chain
    .generate(call, {
      signal: handlers.signal,
      onDelta: handlers.onDelta
        ? (piece) => {
            const text = restorer.push(piece);
            if (text) handlers.onDelta?.(text);
          }
        : undefined,
      onRestart: (reason) => {
        restorer = new StreamRestorer(mapping);
        handlers.onReplace?.("", reason);
      },
    })
    .catch((error: unknown) => {
      // Every model failed on an AI edit: the offline engine refused it, so the draft is unchanged; say why.
      if (call.input.revision && error instanceof AppError && error.code === "provider_unavailable") {
        throw new AppError("provider_unavailable", { detail: msg("server.revise.needs_model"), cause: error });
      }
      throw error;
    });
  const tail = restorer.flush();
  if (tail) handlers.onDelta?.(tail);
  return { output, provider, attempts, draft: restore(output.text, mapping), extraction: undefined };
}

/** Structured fields: JSON is not streamed; a stream gets the rendered fields in one piece. */
async function extract(
  deps: GenerationDeps,
  call: LlmCall,
  request: GenerationRequest,
  mapping: PseudonymMapping,
  handlers: StreamHandlers,
) {
  const result = await extractFields(
    deps.chain,
    call,
    request.documentType,
    request.source ?? request.notes,
    { signal: handlers.signal },
    (text) => restore(text, mapping),
  );
  const draft = renderExtraction(result.extraction);
  handlers.onDelta?.(draft);
  return {
    output: result.output,
    provider: result.provider,
    attempts: result.attempts,
    draft,
    extraction: result.extraction,
  };
}

/** Extracted values whose quote is not in the document, flagged like ungrounded figures, at their line of the draft. */
function unquotedFlags(extraction: Extraction, draft: string, sources: readonly string[]): UngroundedFigure[] {
  return unquotedFields(extraction, sources).map(({ path, label, field }) => {
    const line = `- ${label} : ${field.value ?? ""}`;
    const start = draft.indexOf(line);
    const valueStart = start < 0 ? -1 : start + line.length - (field.value ?? "").length;
    return {
      text: field.value ?? "",
      kind: "quote" as const,
      field: path,
      ...(valueStart >= 0 ? { start: valueStart, end: valueStart + (field.value ?? "").length } : {}),
    };
  });
}
