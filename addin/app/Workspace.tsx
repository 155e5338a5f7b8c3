// Owns one item's work: its notes, context and draft, restored from and saved to the device, and the request built from them.
import { makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import type { GenerationContext, GenerationRequest } from "../../src/schemas/generation";
import type { DocumentType } from "../../src/extraction/schemas";
import { MAX_SOURCE_CHARS } from "../../src/schemas/limits";
import { variantOf, type TaskId, type TemplateId } from "../../src/tasks/catalogue";
import type { ItemContext } from "../hosts/host-adapter";
import { useAutosave } from "../hooks/use-autosave";
import { ApiError } from "../api/client";
import { useApi, useHost } from "../hooks/use-host";
import { useI18n } from "../hooks/use-i18n";
import { useDraftSession } from "../hooks/use-draft-session";
import { idlePhase, type DraftPhase } from "../lib/draft-session";
import { formFields, initialValues, renderForm } from "../lib/extraction-form";
import { clearWork, loadWork, workKey, type SavedWork } from "../lib/work-store";
import { attributionOf, sourceForRequest, transcriptionForRequest, type WorkSource } from "../lib/work-source";
import { fieldsFor } from "./ContextFields";
import { CaptureForm } from "./CaptureForm";
import type { DraftSeed } from "./HistoryPanel";
import { RestoredNotice } from "./RestoredNotice";

// The review half (editor, flags, save, export) is its own chunk, fetched while the adviser types notes.
const ReviewPanel = lazy(() =>
  import(/* webpackChunkName: "review", webpackPrefetch: true */ "../features/review/ReviewPanel").then((m) => ({ default: m.ReviewPanel })),
);

// A member's earlier texts are offered once a member reference is typed: a chunk of its own, fetched then.
const EarlierMinutes = lazy(() => import(/* webpackChunkName: "earlier-minutes" */ "./EarlierMinutes").then((m) => ({ default: m.EarlierMinutes })));

// Adding a source is not needed for the first notes: its panel is a chunk of its own, fetched at idle time.
const SourcePanel = lazy(() =>
  import(/* webpackChunkName: "sources", webpackPrefetch: true */ "./SourcePanel").then((m) => ({ default: m.SourcePanel })),
);

const useStyles = makeStyles({
  sourcePlaceholder: { minHeight: "88px" },
  placeholder: { minHeight: "420px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
});

/** Whether a copy read back from the device holds anything the adviser would miss. */
function hasWork(work: SavedWork): boolean {
  return work.notes.trim() !== "" || work.phase.kind !== "idle" || Boolean(work.source);
}

/** Whether starting again would throw away something the adviser did to the draft. */
export function hasReviewWork(phase: DraftPhase): boolean {
  if (phase.kind !== "review") return false;
  // An extraction's text is its form's: compare with the form as the model filled it, not with its Markdown draft.
  const form = phase.fields ? formFields(phase.generation.extraction) : [];
  const initial = phase.fields ? renderForm(form, initialValues(form)) : phase.generation.draft;
  return phase.text !== initial || phase.isValidated || phase.flags.some((f) => f.status !== "pending");
}

/** Only the fields of the task, trimmed, empty ones left out (the server rejects nothing optional, but sends less). */
export function requestContext(task: TaskId, context: GenerationContext): GenerationContext | undefined {
  const entries = fieldsFor(task)
    .map((name) => [name, context[name]?.trim() ?? ""] as const)
    .filter(([, value]) => value !== "");
  return entries.length > 0 ? (Object.fromEntries(entries) as GenerationContext) : undefined;
}

/** The workspace of the current item; remounted (by key) when the host switches item. */
export function Workspace({ item, seed }: { item: ItemContext; seed?: (DraftSeed & { readonly at: number }) | null }): ReactNode {
  const styles = useStyles();
  const host = useHost();
  // Keyed by who is signed in and by the item: two items, or two people on one device, never share notes.
  const storageKey = workKey(host.userKey, item.key);
  const restored = useMemo(() => loadWork(storageKey), [storageKey]);
  const [restoredAt, setRestoredAt] = useState<number | null>(() => (restored && hasWork(restored) ? restored.updatedAt : null));
  const [task, setTask] = useState<TaskId>(restored?.task ?? item.suggestedTask ?? "interview-minutes");
  const [template, setTemplate] = useState<TemplateId | undefined>(restored?.template);
  const [documentType, setDocumentType] = useState<DocumentType | undefined>(restored?.documentType);
  const [context, setContext] = useState<GenerationContext>(() => ({ ...item.context, ...restored?.context }));
  const [notes, setNotes] = useState(restored?.notes ?? "");
  const [includeSource, setIncludeSource] = useState(restored?.includeSource ?? true);
  const [addedSource, setAddedSource] = useState<WorkSource | null | undefined>(restored?.source);
  const [isReadingThread, setIsReadingThread] = useState(false);
  const [threadProblem, setThreadProblem] = useState<string | null>(null);
  const api = useApi();
  const { t } = useI18n();
  const [isConfirmingReplace, setIsConfirmingReplace] = useState(false);
  const session = useDraftSession(restored?.phase ?? idlePhase);
  const { phase } = session;
  const work = useMemo(
    () => ({ task, template, documentType, notes, context, includeSource, source: addedSource, phase }),
    [task, template, documentType, notes, context, includeSource, addedSource, phase],
  );
  const autosave = useAutosave(storageKey, work);

  const hostSource = item.source ? item.source.slice(0, MAX_SOURCE_CHARS) : null;
  // In Outlook read mode the mail being read is a thread: the server splits and attributes it, and it becomes the
  // source card. Should that fail, the message is offered as it is, with the checkbox, as in compose mode.
  const isThreadItem = item.kind === "message-read" && hostSource !== null;
  const isHostSourceManaged = isThreadItem && threadProblem === null;

  const readThread = useCallback((): (() => void) => {
    if (!item.source) return () => undefined;
    const controller = new AbortController();
    setIsReadingThread(true);
    setThreadProblem(null);
    api
      .mailThreadSource({ text: item.source, ...(item.memberAddress ? { memberAddress: item.memberAddress } : {}) }, controller.signal)
      .then(
        (answer) => {
          // The item was switched meanwhile: this thread's source belongs to a workspace that is gone.
          if (controller.signal.aborted) return;
          setAddedSource({ kind: "mail-thread", name: "", text: answer.source, facts: { messages: answer.messages, ...attributionOf(answer.source) } });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          console.warn("Mail thread not analysed", error);
          setThreadProblem(t("ui.source.thread_failed", { reason: error instanceof ApiError ? error.problem.detail : t("ui.deliver.failed_generic") }));
        },
      )
      .finally(() => {
        if (!controller.signal.aborted) setIsReadingThread(false);
      });
    return () => controller.abort();
  }, [api, item.source, item.memberAddress, t]);

  useEffect(() => {
    // Once per item: a restored source (or one the adviser removed) stays as the adviser left it.
    if (isThreadItem && restored?.source === undefined) return readThread();
    return undefined;
    // On mount only: the workspace is remounted for each item.
  }, []);

  useEffect(() => {
    // "Nouveau brouillon à partir de celui-ci": the saved text becomes notes of a new draft of the same task; notes
    // already typed are kept above it, nothing is thrown away.
    if (!seed) return;
    setTask(seed.task);
    setTemplate(seed.template);
    setNotes((previous) => (previous.trim() === "" ? seed.text : `${previous.trimEnd()}\n\n${seed.text}`));
    // Only a new seed (its time) applies; the workspace's own edits are not undone by a re-render.
  }, [seed?.at]);

  const memberId = context.memberId?.trim() ?? "";
  /** An earlier text the adviser chose: the source, or appended to the one already there (a transcript is kept). */
  const addEarlier = (earlier: WorkSource): void => {
    setAddedSource((current) => (current ? { ...current, text: `${current.text.trimEnd()}\n\n${earlier.name}\n${earlier.text}` } : earlier));
  };

  const buildRequest = useCallback((): GenerationRequest => {
    const ctx = requestContext(task, context);
    // The choice is kept when the adviser switches task and back, but only sent with the task it belongs to.
    const chosen = variantOf(task, template)?.template?.id;
    // A source the adviser added or accepted wins; else the host's text when it is offered with the checkbox.
    const source = addedSource ? sourceForRequest(addedSource) : !isHostSourceManaged && hostSource && includeSource ? hostSource : undefined;
    const kind = task === "document-extraction" ? documentType : undefined;
    // A recorded interview: the transcription goes with it, so the member's consent is recorded with the draft.
    const transcriptionId = transcriptionForRequest(addedSource);
    return {
      task,
      ...(chosen ? { template: chosen } : {}),
      ...(kind ? { documentType: kind } : {}),
      notes,
      ...(source ? { source } : {}),
      ...(ctx ? { context: ctx } : {}),
      ...(transcriptionId ? { transcriptionId } : {}),
    };
  }, [task, template, documentType, notes, context, addedSource, isHostSourceManaged, hostSource, includeSource]);

  const onGenerate = (): void => {
    if (hasReviewWork(phase) && !isConfirmingReplace) {
      setIsConfirmingReplace(true);
      return;
    }
    setIsConfirmingReplace(false);
    void session.generate(buildRequest());
  };

  /** Tells the host the pending draft will not be used, so its send check stops holding the mail for it. */
  const discardInHost = (): void => {
    host.discardDraft?.().catch((error: unknown) => console.warn("The host kept the discarded draft", error));
  };

  const onRestart = (): void => {
    discardInHost();
    clearWork(storageKey);
    setRestoredAt(null);
    setNotes("");
    setAddedSource(undefined);
    setContext({ ...item.context });
    session.dispatch({ type: "reset" });
  };

  /** Drops the draft under review; the notes and context stay for another try. */
  const onDiscard = (): void => {
    discardInHost();
    session.dispatch({ type: "reset" });
  };

  return (
    <>
      {restoredAt !== null ? (
        <RestoredNotice
          savedAt={restoredAt}
          onDiscard={() => {
            onRestart();
            setTask(item.suggestedTask ?? "interview-minutes");
            setTemplate(undefined);
            setDocumentType(undefined);
          }}
          onKeep={() => setRestoredAt(null)}
        />
      ) : null}
      <CaptureForm
        task={task}
        onTaskChange={setTask}
        template={template}
        onTemplateChange={setTemplate}
        documentType={documentType}
        onDocumentTypeChange={setDocumentType}
        context={context}
        onContextChange={setContext}
        notes={notes}
        onNotesChange={setNotes}
        sourceLength={hostSource && !isHostSourceManaged && !addedSource ? hostSource.length : null}
        sourceSlot={
          <Suspense fallback={<div className={styles.sourcePlaceholder} aria-hidden />}>
            {memberId !== "" ? (
              <Suspense fallback={null}>
                <EarlierMinutes memberId={memberId} onAdd={addEarlier} isDisabled={phase.kind === "streaming"} />
              </Suspense>
            ) : null}
            <SourcePanel
              source={addedSource}
              onChange={setAddedSource}
              isReadingThread={isReadingThread}
              threadProblem={threadProblem}
              onUseThread={isThreadItem ? () => void readThread() : undefined}
              isDisabled={phase.kind === "streaming"}
            />
          </Suspense>
        }
        includeSource={includeSource}
        onIncludeSourceChange={setIncludeSource}
        autosave={autosave}
        isGenerating={phase.kind === "streaming"}
        hasDraft={phase.kind !== "idle"}
        isConfirmingReplace={isConfirmingReplace}
        onGenerate={onGenerate}
        onCancelReplace={() => setIsConfirmingReplace(false)}
      />
      {phase.kind !== "idle" ? (
        <Suspense fallback={<div className={styles.placeholder} aria-hidden />}>
          <ReviewPanel
            session={session}
            task={task}
            context={context}
            targets={item.targets}
            onRetry={() => void session.generate(buildRequest())}
            onRestart={onRestart}
            onDiscard={onDiscard}
            onRevise={(instruction) => void session.revise(buildRequest(), instruction)}
            cited={{ notes, source: buildRequest().source }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
