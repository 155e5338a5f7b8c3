// Owns a new pre-prompt version being written: whether the editor is open, its text, and saving it as a draft.
import { useState } from "react";
import type { CommitteeClient, PrePromptVersion } from "../../api/committee";
import { problemText } from "./problem-text";

export interface DraftEditorState {
  readonly isOpen: boolean;
  readonly text: string;
  readonly error: string | null;
  /** False while saving, or when the text is empty or the active one's. */
  readonly canSave: boolean;
  /** Opens the editor on the active text. */
  open(): void;
  close(): void;
  setText(text: string): void;
  save(): Promise<void>;
}

/** The editor of a version based on `active`; `onSaved` runs once the draft is recorded. */
export function useDraftEditor(
  client: CommitteeClient,
  active: PrePromptVersion,
  onSaved: () => void,
): DraftEditorState {
  const [isOpen, setIsOpen] = useState(false);
  const [text, setText] = useState(active.text);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const save = async (): Promise<void> => {
    setIsSaving(true);
    setError(null);
    try {
      await client.governance?.("POST", "/api/committee/preprompts", {
        task: active.task,
        ...(active.template ? { template: active.template } : {}),
        text,
        basedOn: active.id,
      });
      setIsOpen(false);
      onSaved();
    } catch (e) {
      setError(problemText(e));
    } finally {
      setIsSaving(false);
    }
  };
  return {
    isOpen,
    text,
    error,
    canSave: !isSaving && text.trim() !== "" && text.trim() !== active.text.trim(),
    open: () => {
      setText(active.text);
      setIsOpen(true);
    },
    close: () => setIsOpen(false),
    setText,
    save,
  };
}
