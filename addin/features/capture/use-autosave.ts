// Owns the saving of the adviser's work as they type: at most every few hundred ms, at once when the pane hides or
// unmounts.
import { useEffect, useRef, useState } from "react";
import { clearWork, saveWork, type SavedWork } from "../../lib/work-store";

/**
 * Longest a change waits before it is written. A throttle, not a debounce: a stream of changes (typing, a
 * draft arriving) still saves every interval instead of waiting for a pause that may never come.
 */
export const AUTOSAVE_DELAY_MS = 300;

/** What the form shows about local saving. */
export interface AutosaveStatus {
  /** When the last local save succeeded (ms since epoch), or null before the first. */
  readonly savedAt: number | null;
  /** True when the browser refused to store (quota, disabled storage). */
  readonly hasFailed: boolean;
}

/**
 * Nothing worth keeping: no notes, no draft, no source; or the minutes are saved, which clears the notes from the
 * device (they hold members' data, and the saved text is on the server, in "Mes comptes rendus").
 */
function isBlank(work: Omit<SavedWork, "updatedAt">): boolean {
  if (work.phase.kind === "saved") return true;
  return work.notes.trim() === "" && work.phase.kind === "idle" && !work.source;
}

/** Saves `work` under `key` shortly after each change, and at once when the page is hidden or the item changes. */
export function useAutosave(key: string, work: Omit<SavedWork, "updatedAt">, storage?: Storage): AutosaveStatus {
  const [status, setStatus] = useState<AutosaveStatus>({ savedAt: null, hasFailed: false });
  const latest = useRef(work);
  const isDirty = useRef(false);
  const isFirst = useRef(true);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = useRef<() => void>(() => undefined);
  latest.current = work;

  useEffect(() => {
    flush.current = (): void => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      if (!isDirty.current) return;
      isDirty.current = false;
      if (isBlank(latest.current)) {
        clearWork(key, storage);
        return;
      }
      const isSaved = saveWork(key, latest.current, storage);
      setStatus({ savedAt: isSaved ? Date.now() : null, hasFailed: !isSaved });
    };
    const onPageHide = (): void => flush.current();
    const onVisibility = (): void => {
      if (document.visibilityState === "hidden") flush.current();
    };
    window.addEventListener("pagehide", onPageHide);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", onPageHide);
      document.removeEventListener("visibilitychange", onVisibility);
      flush.current();
    };
  }, [key, storage]);

  useEffect(() => {
    // The first render shows what was restored: nothing new to save yet.
    if (isFirst.current) {
      isFirst.current = false;
      return;
    }
    isDirty.current = true;
    // Saved minutes (or notes emptied) clear the device at once: nothing of a member's data waits for the timer.
    if (isBlank(latest.current)) flush.current();
    else timer.current ??= setTimeout(() => flush.current(), AUTOSAVE_DELAY_MS);
  }, [
    work.notes,
    work.task,
    work.template,
    work.context,
    work.includeSource,
    work.source,
    work.documentType,
    work.phase,
  ]);

  return status;
}
