// Owns the local copy of the adviser's work (notes, context, draft) per item, so a closed pane or a crash loses
// nothing.
import type { GenerationContext } from "../../src/schemas/generation";
import type { DocumentType } from "../../src/schemas/extraction";
import { isTaskId, TEMPLATE_IDS, type TaskId, type TemplateId } from "../../src/tasks/catalogue";
import { isDocumentType } from "./extraction-form";
import type { DraftPhase } from "./draft-session";
import { isWorkSource, type WorkSource } from "./work-source";

/** What is kept for one item. */
export interface SavedWork {
  readonly task: TaskId;
  /** Insurer template chosen for the task (interview minutes), absent for the general one. */
  readonly template?: TemplateId | undefined;
  readonly notes: string;
  /** Document extraction: the kind chosen, absent for automatic detection. */
  readonly documentType?: DocumentType | undefined;
  readonly context: GenerationContext;
  readonly includeSource: boolean;
  /** The source added (transcript, document, mail thread); null once the adviser removed it, absent before any. */
  readonly source?: WorkSource | null | undefined;
  /** The draft as the adviser left it; streaming is stored as cancelled (the stream does not survive a reload). */
  readonly phase: DraftPhase;
  readonly updatedAt: number;
}

const PREFIX = "greffier:work:v2:";
/** Copies written before notes were keyed by user: not attributable to anyone, so removed at start. */
const LEGACY_PREFIX = "greffier:work:v1:";

/**
 * How long a copy stays on the device. Notes hold personal data about members: long enough to survive a closed
 * pane, a restarted Outlook or the next morning's interview, not longer.
 */
export const RETENTION_MS = 24 * 3_600_000;

/**
 * The slot of one item's work: the signed-in user (Outlook mailbox, Teams user; "local" in a plain browser) and
 * the item (mail, appointment, Teams meeting, named browser draft), so two items, or two people sharing a device,
 * never mix notes.
 */
export function workKey(userKey: string | undefined, itemKey: string): string {
  return `${encodeURIComponent(userKey ?? "local")}|${itemKey}`;
}

/** Browser storage, or undefined where it is disabled (policy, private mode). */
export function defaultStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === "string" && (TEMPLATE_IDS as readonly string[]).includes(value);
}

function storable(phase: DraftPhase): DraftPhase {
  // An AI edit in flight is stored as the draft it started from: that one is whole.
  if (phase.kind === "streaming") return phase.previous ?? { kind: "cancelled", text: phase.text };
  if (phase.kind === "review" && phase.isSaving) return { ...phase, isSaving: false };
  return phase;
}

/** Reads the work saved for `key`, or null (nothing saved, unreadable, or older than the retention). */
export function loadWork(
  key: string,
  storage: Storage | undefined = defaultStorage(),
  now: number = Date.now(),
  maxAgeMs: number = RETENTION_MS,
): SavedWork | null {
  const raw = readItem(storage, PREFIX + key);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<SavedWork>;
    if (typeof parsed.notes !== "string" || !isTaskId(parsed.task) || typeof parsed.updatedAt !== "number") return null;
    if (now - parsed.updatedAt > maxAgeMs) {
      clearWork(key, storage);
      return null;
    }
    return {
      task: parsed.task,
      // A template the catalogue no longer has (renamed in a release) falls back to the general minutes.
      template: isTemplateId(parsed.template) ? parsed.template : undefined,
      notes: parsed.notes,
      documentType: isDocumentType(parsed.documentType) ? parsed.documentType : undefined,
      context: parsed.context ?? {},
      includeSource: parsed.includeSource ?? true,
      source: parsed.source === null ? null : isWorkSource(parsed.source) ? parsed.source : undefined,
      phase:
        parsed.phase && typeof parsed.phase === "object" && "kind" in parsed.phase ? parsed.phase : { kind: "idle" },
      updatedAt: parsed.updatedAt,
    };
  } catch (error) {
    // A corrupt copy must not block the pane; say so for support and start from the host's context.
    console.warn("Unreadable saved work ignored", error);
    return null;
  }
}

/**
 * Writes the work for `key`. Returns false when the browser refused (quota, disabled storage) so the pane can warn.
 */
export function saveWork(
  key: string,
  work: Omit<SavedWork, "updatedAt">,
  storage: Storage | undefined = defaultStorage(),
  now: number = Date.now(),
): boolean {
  if (!storage) return false;
  try {
    storage.setItem(PREFIX + key, JSON.stringify({ ...work, phase: storable(work.phase), updatedAt: now }));
    return true;
  } catch (error) {
    console.warn("Work could not be saved locally", error);
    return false;
  }
}

/** Forgets the work for `key` (the adviser started afresh). */
export function clearWork(key: string, storage: Storage | undefined = defaultStorage()): void {
  try {
    storage?.removeItem(PREFIX + key);
  } catch (error) {
    console.warn("Saved work could not be removed", error);
  }
}

/** Removes copies older than the retention; run once at start-up. */
export function pruneWork(
  storage: Storage | undefined = defaultStorage(),
  now: number = Date.now(),
  maxAgeMs: number = RETENTION_MS,
): number {
  if (!storage) return 0;
  const stale: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const name = storage.key(i);
    if (name?.startsWith(LEGACY_PREFIX)) stale.push(name);
    if (!name?.startsWith(PREFIX)) continue;
    try {
      const updatedAt = (JSON.parse(storage.getItem(name) ?? "{}") as { updatedAt?: unknown }).updatedAt;
      if (typeof updatedAt !== "number" || now - updatedAt > maxAgeMs) stale.push(name);
    } catch {
      stale.push(name);
    }
  }
  try {
    for (const name of stale) storage.removeItem(name);
  } catch (error) {
    console.warn("Expired work could not be removed", error);
  }
  return stale.length;
}

function readItem(storage: Storage | undefined, name: string): string | null {
  try {
    return storage?.getItem(name) ?? null;
  } catch (error) {
    console.warn("Saved work could not be read", error);
    return null;
  }
}
