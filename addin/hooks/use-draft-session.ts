// Owns the network side of a draft: start the stream, cancel it, save the validated text; state lives in draft-session.
import { useCallback, useEffect, useReducer, useRef } from "react";
import type { GenerationRequest, GenerationResponse } from "../../src/schemas/generation";
import type { Problem } from "../../src/schemas/problem";
import { newIdempotencyKey } from "../api/client";
import { hasProblem } from "../lib/errors";
import { canSave, draftReducer, type DraftAction, type DraftPhase } from "../lib/draft-session";
import { useApi } from "../api/use-api";
import { useHost } from "./use-host";
import { useI18n } from "./use-i18n";

/** One draft's state and the actions that change it, network included. */
export interface DraftSession {
  readonly phase: DraftPhase;
  readonly dispatch: (action: DraftAction) => void;
  /** Starts a generation; any running one is aborted first. */
  generate(request: GenerationRequest): Promise<void>;
  /**
   * Rewrites the draft under review by `instruction` (an AI edit of the adviser's current text, under the same
   * pre-prompt). A hand-edited draft is first recorded in the version history. On failure the draft is kept.
   */
  revise(request: GenerationRequest, instruction: string): Promise<void>;
  /** Stops the stream; the text so far is kept. */
  cancel(): void;
  /** Saves the reviewed text (only when canSave). */
  save(): Promise<void>;
}

/** Drives one draft; aborts the stream when the component unmounts (item switched, pane closed). */
export function useDraftSession(initial: DraftPhase): DraftSession {
  const api = useApi();
  const host = useHost();
  const { t } = useI18n();
  const [phase, dispatch] = useReducer(draftReducer, initial);
  const controller = useRef<AbortController | null>(null);
  const latest = useRef(phase);
  latest.current = phase;

  useEffect(() => () => controller.current?.abort(), []);

  const toProblem = useCallback(
    (error: unknown): Problem => {
      if (hasProblem(error)) return error.problem;
      console.error("Unexpected failure", error);
      return {
        type: "about:blank",
        title: t("problem.internal.title"),
        status: 500,
        detail: t("problem.internal.detail"),
        code: "internal",
      };
    },
    [t],
  );

  const run = useCallback(
    async (request: GenerationRequest, isRevision: boolean, before?: (signal: AbortSignal) => Promise<void>) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      dispatch({ type: "start", isRevision });
      try {
        await before?.(current.signal);
        const generation = await api.streamGeneration(
          request,
          {
            onDelta: (text) => dispatch({ type: "delta", text }),
            onReplace: (text, reason) => dispatch({ type: "replace", text, reason }),
          },
          current.signal,
        );
        // The model's Markdown becomes the clean text the editor shows (headings, bullets, no `##` or `**`); the
        // cleaner lives in the review chunk, loaded by the time a stream ends.
        const presentable = await import(/* webpackChunkName: "review" */ "../lib/clean-generation").then(
          (m) => m.presentable,
          // A chunk that fails to load must not cost the draft: it is then reviewed as the model wrote it.
          () => (g: GenerationResponse) => g,
        );
        if (!current.signal.aborted) {
          dispatch({ type: "done", generation: generation.extraction ? generation : presentable(generation) });
          // The send check (Outlook compose) now holds the mail until this draft is validated and written, or
          // discarded.
          host
            .recordDraft?.({ generationId: generation.id, prePromptId: generation.prePrompt.id })
            .catch((error: unknown) => {
              console.warn("The draft could not be recorded for the send check", error);
            });
        }
      } catch (error) {
        // A cancel already moved the phase on; the abort error it causes is expected.
        if (!current.signal.aborted) dispatch({ type: "fail", problem: toProblem(error) });
      } finally {
        if (controller.current === current) controller.current = null;
      }
    },
    [api, host, toProblem],
  );

  const generate = useCallback((request: GenerationRequest) => run(request, false), [run]);

  // The hand edit last recorded in the history, so a retried AI edit does not record it twice.
  const recorded = useRef<{ generationId: string; text: string } | null>(null);
  const revise = useCallback(
    async (request: GenerationRequest, instruction: string) => {
      const review = latest.current;
      if (review.kind !== "review" || review.isSaving) return;
      const { id } = review.generation;
      const text = review.text;
      const last = recorded.current;
      const isRecorded = text === review.generation.draft || (last?.generationId === id && last.text === text);
      // The history must show what the adviser wrote before the AI rewrote it (the transparency decision reads it):
      // when that record fails, the AI edit fails with its problem (draft kept) and the adviser can try again.
      const recordEdit = async (signal: AbortSignal) => {
        await api.recordManualVersion(id, text, signal);
        recorded.current = { generationId: id, text };
      };
      await run(
        { ...request, revise: { generationId: id, instruction, draft: text } },
        true,
        isRecorded ? undefined : recordEdit,
      );
    },
    [api, run],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    dispatch({ type: "cancel" });
  }, []);

  const saveAct = useRef<{ generationId: string; text: string; key: string } | null>(null);
  const isSending = useRef(false);
  const save = useCallback(async () => {
    const review = latest.current;
    // A double click lands before the re-render that disables the button: the ref stops the second one.
    if (review.kind !== "review" || !canSave(review) || isSending.current) return;
    // One validation act, one Idempotency-Key: clicking again on the same text reuses it, so the server stores one
    // record.
    const act =
      saveAct.current?.generationId === review.generation.id && saveAct.current.text === review.text
        ? saveAct.current
        : { generationId: review.generation.id, text: review.text, key: newIdempotencyKey() };
    saveAct.current = act;
    isSending.current = true;
    dispatch({ type: "save-start" });
    try {
      const saved = await api.saveMinutes(
        { generationId: act.generationId, text: act.text, validated: true },
        undefined,
        { idempotencyKey: act.key },
      );
      dispatch({ type: "save-done", saved });
    } catch (error) {
      // The text stays in the editor (the review phase keeps it) until the server acknowledges a save.
      dispatch({ type: "save-fail", problem: toProblem(error) });
    } finally {
      isSending.current = false;
    }
  }, [api, toProblem]);

  return { phase, dispatch, generate, revise, cancel, save };
}
