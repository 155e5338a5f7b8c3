// Owns one item's work: its notes, context and draft, restored from and saved to the device, and the request built from them.
import { makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from "react";
import type { GenerationContext, GenerationRequest } from "../../src/schemas/generation";
import { MAX_SOURCE_CHARS } from "../../src/schemas/limits";
import { variantOf, type TaskId, type TemplateId } from "../../src/tasks/catalogue";
import type { ItemContext } from "../hosts/host-adapter";
import { useAutosave } from "../hooks/use-autosave";
import { useDraftSession } from "../hooks/use-draft-session";
import { idlePhase, type DraftPhase } from "../lib/draft-session";
import { clearWork, loadWork } from "../lib/work-store";
import { fieldsFor } from "./ContextFields";
import { CaptureForm } from "./CaptureForm";

// The review half (editor, flags, save, export) is its own chunk, fetched while the adviser types notes.
const ReviewPanel = lazy(() =>
  import(/* webpackChunkName: "review", webpackPrefetch: true */ "./ReviewPanel").then((m) => ({ default: m.ReviewPanel })),
);

const useStyles = makeStyles({
  placeholder: { minHeight: "420px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
});

/** Whether starting again would throw away something the adviser did to the draft. */
export function hasReviewWork(phase: DraftPhase): boolean {
  return phase.kind === "review" && (phase.text !== phase.generation.draft || phase.isValidated || phase.flags.some((f) => f.status !== "pending"));
}

/** Only the fields of the task, trimmed, empty ones left out (the server rejects nothing optional, but sends less). */
export function requestContext(task: TaskId, context: GenerationContext): GenerationContext | undefined {
  const entries = fieldsFor(task)
    .map((name) => [name, context[name]?.trim() ?? ""] as const)
    .filter(([, value]) => value !== "");
  return entries.length > 0 ? (Object.fromEntries(entries) as GenerationContext) : undefined;
}

/** The workspace of the current item; remounted (by key) when the host switches item. */
export function Workspace({ item }: { item: ItemContext }): ReactNode {
  const styles = useStyles();
  const restored = useMemo(() => loadWork(item.key), [item.key]);
  const [task, setTask] = useState<TaskId>(restored?.task ?? item.suggestedTask ?? "interview-minutes");
  const [template, setTemplate] = useState<TemplateId | undefined>(restored?.template);
  const [context, setContext] = useState<GenerationContext>(() => ({ ...item.context, ...restored?.context }));
  const [notes, setNotes] = useState(restored?.notes ?? "");
  const [includeSource, setIncludeSource] = useState(restored?.includeSource ?? true);
  const [isConfirmingReplace, setIsConfirmingReplace] = useState(false);
  const session = useDraftSession(restored?.phase ?? idlePhase);
  const { phase } = session;
  const work = useMemo(() => ({ task, template, notes, context, includeSource, phase }), [task, template, notes, context, includeSource, phase]);
  const autosave = useAutosave(item.key, work);

  const source = item.source ? item.source.slice(0, MAX_SOURCE_CHARS) : null;

  const buildRequest = useCallback((): GenerationRequest => {
    const ctx = requestContext(task, context);
    // The choice is kept when the adviser switches task and back, but only sent with the task it belongs to.
    const chosen = variantOf(task, template)?.template?.id;
    return { task, ...(chosen ? { template: chosen } : {}), notes, ...(source && includeSource ? { source } : {}), ...(ctx ? { context: ctx } : {}) };
  }, [task, template, notes, context, source, includeSource]);

  const onGenerate = (): void => {
    if (hasReviewWork(phase) && !isConfirmingReplace) {
      setIsConfirmingReplace(true);
      return;
    }
    setIsConfirmingReplace(false);
    void session.generate(buildRequest());
  };

  const onRestart = (): void => {
    clearWork(item.key);
    setNotes("");
    setContext({ ...item.context });
    session.dispatch({ type: "reset" });
  };

  return (
    <>
      <CaptureForm
        task={task}
        onTaskChange={setTask}
        template={template}
        onTemplateChange={setTemplate}
        context={context}
        onContextChange={setContext}
        notes={notes}
        onNotesChange={setNotes}
        sourceLength={source ? source.length : null}
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
          />
        </Suspense>
      ) : null}
    </>
  );
}
