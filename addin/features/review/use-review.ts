// Owns the review's state and what it derives from the draft session: the draft area, what to announce, why saving
// waits, the saved text's provenance for the host, and the panel's own toggles (versions, discard confirmation).
import { useEffect, useId, useRef, useState, type RefObject } from "react";
import type { MessageKey } from "../../../src/i18n/core";
import type { GenerationContext } from "../../../src/schemas/generation";
import type { TaskId } from "../../../src/tasks/catalogue";
import type { DraftSession } from "../../hooks/use-draft-session";
import { useI18n } from "../../hooks/use-i18n";
import { presentableText } from "../../lib/clean-generation";
import { saveBlocker, type SaveBlocker } from "../../lib/draft-session";
import { pendingCount } from "../../lib/flags";
import type { SavedText } from "../delivery/use-delivery";
import { useDraftView, type CitedInputs, type DraftView } from "../draft/use-draft-view";

const BLOCKERS: Partial<Record<SaveBlocker, MessageKey>> = {
  empty: "ui.save.blocked_empty",
  validation: "ui.save.blocked_validation",
  saving: "ui.save.saving",
};

/** The version history's toggle and what a restore says. */
export interface VersionsState {
  readonly isOpen: boolean;
  toggle(): void;
  /** "Version restaurée", until the next AI edit. */
  readonly notice: string;
  restore(text: string): void;
}

/** Everything the review panel shows, derived, with its own state. */
export interface Review {
  readonly draft: DraftView;
  readonly headingId: string;
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  readonly flagsSummaryId: string;
  /** Said by the live region as the draft streams, stops or is ready. */
  readonly announcement: string;
  /** Why Enregistrer is disabled, in words; empty when it is not. */
  readonly blockerText: string;
  /** The saved text for delivery (with its notice and provenance); null before saving. */
  readonly saved: SavedText | null;
  readonly versions: VersionsState;
  readonly isConfirmingDiscard: boolean;
  setConfirmingDiscard(isConfirming: boolean): void;
  /** Starts an AI edit (the restore notice goes). */
  revise(instruction: string): void;
}

/** What the review reads from the workspace. */
export interface ReviewInputs {
  readonly session: DraftSession;
  readonly task: TaskId;
  readonly context: GenerationContext;
  readonly cited: CitedInputs;
  readonly onRevise: (instruction: string) => void;
}

/** Derives the review of `session`'s phase. */
export function useReview({ session, task, context, cited, onRevise }: ReviewInputs): Review {
  const { t } = useI18n();
  const { phase, dispatch } = session;
  const headingId = useId();
  const flagsSummaryId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [isConfirmingDiscard, setConfirmingDiscard] = useState(false);
  const [isVersionsOpen, setIsVersionsOpen] = useState(false);
  const [restoredNotice, setRestoredNotice] = useState("");
  const draft = useDraftView(phase, task, cited);
  const isStreaming = phase.kind === "streaming";

  useEffect(() => {
    // Bring the draft into view as it starts streaming, without taking the focus from where the adviser is.
    if (isStreaming) headingRef.current?.scrollIntoView?.({ block: "start", behavior: "smooth" });
  }, [isStreaming]);

  const remaining = pendingCount(draft.flags, draft.text);
  let announcement = "";
  if (phase.kind === "streaming") announcement = t("ui.stream.progress");
  else if (phase.kind === "review")
    announcement = remaining > 0 ? t("ui.stream.ready_flags", { count: remaining }) : t("ui.stream.ready");
  else if (phase.kind === "cancelled") announcement = t("ui.stream.cancelled");

  const blocker = saveBlocker(phase);
  const blockerKey = blocker ? BLOCKERS[blocker] : undefined;
  const blockerText =
    blocker === "flags" ? t("ui.save.blocked_flags", { count: remaining }) : blockerKey ? t(blockerKey) : "";

  // What the host records with the text (send check, provenance header): which draft, under which pre-prompt, and
  // the transparency the server decided.
  const saved: SavedText | null =
    phase.kind === "saved"
      ? {
          text: draft.text,
          task,
          template: phase.generation.template,
          notice: phase.saved.transparency.label,
          provenance: {
            generationId: phase.generation.id,
            prePromptId: phase.generation.prePrompt.id,
            transparency: phase.saved.transparency,
          },
          subtitle: [context.memberName, context.date].filter(Boolean).join(" · "),
        }
      : null;

  return {
    draft,
    headingId,
    headingRef,
    flagsSummaryId,
    announcement,
    blockerText,
    saved,
    versions: {
      isOpen: isVersionsOpen,
      toggle: () => setIsVersionsOpen(!isVersionsOpen),
      notice: restoredNotice,
      restore: (text) => {
        dispatch({ type: "edit", text: presentableText(text) });
        setRestoredNotice(t("ui.versions.restored"));
      },
    },
    isConfirmingDiscard,
    setConfirmingDiscard,
    revise: (instruction) => {
      setRestoredNotice("");
      onRevise(instruction);
    },
  };
}
