// Owns one item's capture: its task, context, notes and source, restored from the device and saved back as they change.
import { useEffect, useMemo, useState } from "react";
import type { GenerationContext } from "../../../src/schemas/generation";
import type { DocumentType } from "../../../src/schemas/extraction";
import type { TaskId, TemplateId } from "../../../src/tasks/catalogue";
import type { ItemContext } from "../../hosts/host-adapter";
import { useHost } from "../../hooks/use-host";
import type { DraftPhase } from "../../lib/draft-session";
import { clearWork, loadWork, workKey, type SavedWork } from "../../lib/work-store";
import type { WorkSource } from "../../lib/work-source";
import type { DraftSeed } from "../versions/use-history";
import { useAutosave, type AutosaveStatus } from "./use-autosave";

/** The capture's state, its setters, and what was restored from the device. */
export interface Capture {
  readonly storageKey: string;
  /** The copy read from the device when the item opened, or null. */
  readonly restored: SavedWork | null;
  /** When the restored copy was saved, while its notice is shown; null once kept or discarded. */
  readonly restoredAt: number | null;
  readonly keepRestored: () => void;
  readonly task: TaskId;
  readonly setTask: (task: TaskId) => void;
  /** Insurer template of the task; undefined for the general one. */
  readonly template: TemplateId | undefined;
  readonly setTemplate: (template: TemplateId | undefined) => void;
  /** Document extraction: the kind of document, undefined to let the server guess it. */
  readonly documentType: DocumentType | undefined;
  readonly setDocumentType: (documentType: DocumentType | undefined) => void;
  readonly context: GenerationContext;
  readonly setContext: (context: GenerationContext) => void;
  readonly notes: string;
  readonly setNotes: (notes: string) => void;
  /** Whether the host's text goes with the request, when it is offered with the checkbox. */
  readonly includeSource: boolean;
  readonly setIncludeSource: (include: boolean) => void;
  /** The source added or accepted; null once the adviser removed it, undefined before any. */
  readonly source: WorkSource | null | undefined;
  readonly setSource: (source: WorkSource | null) => void;
  /** An earlier text the adviser chose: the source, or appended to the one already there (a transcript is kept). */
  readonly addEarlier: (earlier: WorkSource) => void;
  /** Starts again: the device's copy, the notes and the source go, the context is the item's again. */
  readonly clear: () => void;
  /** The task, template and document type the item opens with. */
  readonly resetChoices: () => void;
}

/** Whether a copy read back from the device holds anything the adviser would miss. */
function hasWork(work: SavedWork): boolean {
  return work.notes.trim() !== "" || work.phase.kind !== "idle" || Boolean(work.source);
}

/** The capture of `item`, started from the device's copy; a seed (a saved text reused) adds to its notes. */
export function useCapture(item: ItemContext, seed: (DraftSeed & { readonly at: number }) | null | undefined): Capture {
  const host = useHost();
  // Keyed by who is signed in and by the item: two items, or two people on one device, never share notes.
  const storageKey = workKey(host.userKey, item.key);
  const restored = useMemo(() => loadWork(storageKey), [storageKey]);
  const [restoredAt, setRestoredAt] = useState<number | null>(() =>
    restored && hasWork(restored) ? restored.updatedAt : null,
  );
  const [task, setTask] = useState<TaskId>(restored?.task ?? item.suggestedTask ?? "interview-minutes");
  const [template, setTemplate] = useState<TemplateId | undefined>(restored?.template);
  const [documentType, setDocumentType] = useState<DocumentType | undefined>(restored?.documentType);
  const [context, setContext] = useState<GenerationContext>(() => ({ ...item.context, ...restored?.context }));
  const [notes, setNotes] = useState(restored?.notes ?? "");
  const [includeSource, setIncludeSource] = useState(restored?.includeSource ?? true);
  const [source, setSource] = useState<WorkSource | null | undefined>(restored?.source);

  useEffect(() => {
    // "Nouveau brouillon à partir de celui-ci": the saved text becomes notes of a new draft of the same task; notes
    // already typed are kept above it, nothing is thrown away.
    if (!seed) return;
    setTask(seed.task);
    setTemplate(seed.template);
    setNotes((previous) => (previous.trim() === "" ? seed.text : `${previous.trimEnd()}\n\n${seed.text}`));
    // Only a new seed (its time) applies; the workspace's own edits are not undone by a re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the seed's time on purpose (see above)
  }, [seed?.at]);

  return {
    storageKey,
    restored,
    restoredAt,
    keepRestored: () => setRestoredAt(null),
    task,
    setTask,
    template,
    setTemplate,
    documentType,
    setDocumentType,
    context,
    setContext,
    notes,
    setNotes,
    includeSource,
    setIncludeSource,
    source,
    setSource,
    addEarlier: (earlier) => {
      setSource((current) =>
        current ? { ...current, text: `${current.text.trimEnd()}\n\n${earlier.name}\n${earlier.text}` } : earlier,
      );
    },
    clear: () => {
      clearWork(storageKey);
      setRestoredAt(null);
      setNotes("");
      setSource(undefined);
      setContext({ ...item.context });
    },
    resetChoices: () => {
      setTask(item.suggestedTask ?? "interview-minutes");
      setTemplate(undefined);
      setDocumentType(undefined);
    },
  };
}

/** Saves the capture and the draft's phase to the device as they change (see useAutosave). */
export function useCaptureAutosave(capture: Capture, phase: DraftPhase): AutosaveStatus {
  const { task, template, documentType, notes, context, includeSource, source } = capture;
  const work = useMemo(
    () => ({ task, template, documentType, notes, context, includeSource, source, phase }),
    [task, template, documentType, notes, context, includeSource, source, phase],
  );
  return useAutosave(capture.storageKey, work);
}
