// Owns adding a source to the work (a Teams .vtt, a document, a scan or photo by OCR, a recording, the meeting's
// transcript), read by the server before it replaces anything; then its removal.
import { useRef, useState, type ChangeEvent, type RefObject } from "react";
import { useApi } from "../../api/use-api";
import { useHost } from "../../hooks/use-host";
import { useI18n } from "../../hooks/use-i18n";
import { messageOf } from "../../lib/errors";
import type { WorkSource } from "../../lib/work-source";
import { readDocument, readTranscript } from "./read-source";
import { isForOcr, KIND_KEYS } from "./source-facts";

/** The state of adding a source, and the handlers of the panel's buttons and file inputs. */
export interface SourceImport {
  readonly inputs: { readonly [K in "vtt" | "document" | "scan"]: RefObject<HTMLInputElement | null> };
  /** "Ajouter une source": focus returns to it when what it opened is gone. */
  readonly addButton: RefObject<HTMLButtonElement | null>;
  readonly isAdding: boolean;
  readonly toggleAdding: () => void;
  /** Set while the server reads an import. */
  readonly isBusy: boolean;
  /** Whether the card shows the source's text. */
  readonly isOpen: boolean;
  readonly toggleOpen: () => void;
  readonly problem: string | null;
  readonly status: string;
  /** A file being read by OCR, then reviewed: it becomes the source only once the adviser has checked its text. */
  readonly scanFile: File | null;
  /** The recording panel (issue 17) is open: consent, recording, transcript. */
  readonly isRecordingVoice: boolean;
  readonly openVoice: () => void;
  readonly onFile: (kind: "vtt" | "document" | "scan") => (event: ChangeEvent<HTMLInputElement>) => void;
  /** Imports the meeting's transcript; absent when the host has none to read. */
  readonly addMeeting: (() => void) | undefined;
  readonly onScanUsed: (next: WorkSource) => void;
  /** The scan review closed: cancelled, or reading failed for `reason`. */
  readonly onScanCancelled: (reason?: string) => void;
  readonly onVoiceUsed: (next: WorkSource) => void;
  readonly onVoiceCancelled: () => void;
  readonly remove: () => void;
}

/** Adds and removes the source through `onChange` (the workspace owns and saves it). */
export function useSourceImport(onChange: (source: WorkSource | null) => void): SourceImport {
  const { t } = useI18n();
  const api = useApi();
  const host = useHost();
  const inputs = {
    vtt: useRef<HTMLInputElement>(null),
    document: useRef<HTMLInputElement>(null),
    scan: useRef<HTMLInputElement>(null),
  };
  const addButton = useRef<HTMLButtonElement>(null);
  const [scanFile, setScanFile] = useState<File | null>(null);
  const [isRecordingVoice, setIsRecordingVoice] = useState(false);
  const [isAdding, setIsAdding] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [isOpen, setIsOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  // What held the focus is gone: keep the keyboard user where the source was.
  const refocus = (): void => void requestAnimationFrame(() => addButton.current?.focus());
  const added = (next: WorkSource, message: string): void => {
    onChange(next);
    setIsAdding(false);
    setStatus(message);
  };
  const addedMessage = (next: WorkSource): string =>
    t("ui.source.added", { what: next.name || t(KIND_KEYS[next.kind]) });
  const toOcr = (file: File): void => {
    setProblem(null);
    setScanFile(file);
  };

  /** Runs one import; the source replaces nothing until the server answered. `null`: handed over to OCR. */
  const add = async (load: () => Promise<WorkSource | null>): Promise<void> => {
    setIsBusy(true);
    setProblem(null);
    setStatus(t("ui.source.reading"));
    try {
      const next = await load();
      if (next === null) setStatus("");
      else added(next, addedMessage(next));
    } catch (error) {
      console.warn("Source import failed", error);
      // The server's detail, or the host's message (a meeting transcript refused).
      setProblem(t("ui.source.failed", { reason: messageOf(error, t) }));
      setStatus("");
    } finally {
      setIsBusy(false);
    }
  };

  const onFile: SourceImport["onFile"] = (kind) => (event) => {
    const file = event.target.files?.[0];
    // Emptied, so picking the same file again still fires.
    event.target.value = "";
    if (!file) return;
    if (kind === "vtt") void add(async () => readTranscript(api, file, "transcript", file.name));
    else if (kind === "scan" || isForOcr(file)) toOcr(file);
    else
      void add(async () => {
        const next = await readDocument(api, file);
        // A PDF with no text at all is a scan: read it by OCR rather than refuse it.
        if (next === null) setScanFile(file);
        return next;
      });
  };

  const readMeeting = host.readMeetingTranscript?.bind(host);

  return {
    inputs,
    addButton,
    isAdding,
    toggleAdding: () => setIsAdding(!isAdding),
    isBusy,
    isOpen,
    toggleOpen: () => setIsOpen(!isOpen),
    problem,
    status,
    scanFile,
    isRecordingVoice,
    openVoice: () => setIsRecordingVoice(true),
    onFile,
    addMeeting: readMeeting
      ? () => void add(async () => readTranscript(api, await readMeeting(), "meeting-transcript", ""))
      : undefined,
    onScanUsed: (next) => {
      setScanFile(null);
      added(next, addedMessage(next));
    },
    onScanCancelled: (reason) => {
      setScanFile(null);
      if (reason) setProblem(t("ui.source.failed", { reason }));
      refocus();
    },
    onVoiceUsed: (next) => {
      setIsRecordingVoice(false);
      added(next, t("ui.voice.used"));
    },
    onVoiceCancelled: () => {
      setIsRecordingVoice(false);
      refocus();
    },
    remove: () => {
      onChange(null);
      setIsOpen(false);
      setStatus(t("ui.source.removed"));
      refocus();
    },
  };
}
