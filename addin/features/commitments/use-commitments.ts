// Owns the commitments read from saved minutes and what becomes of them: each row's edits and state (proposed,
// confirmed, dropped), the Outlook tasks or appointments for the confirmed ones, and the follow-up e-mail from
// drafting to saving into the mail.
import { useState } from "react";
import type { Commitment } from "../../../src/schemas/commitments";
import type { Transparency } from "../../../src/schemas/minutes";
import { newIdempotencyKey } from "../../api/client";
import { useApi } from "../../api/use-api";
import { useHost } from "../../hooks/use-host";
import { useI18n } from "../../hooks/use-i18n";
import { followUpNotes } from "./followup";
import { createOutlookTasks, type Status } from "./outlook-tasks";

export type RowState = "proposed" | "confirmed" | "dropped";
export interface Row {
  readonly key: number;
  readonly commitment: Commitment;
  readonly state: RowState;
}
export type FollowUp =
  | { kind: "none" }
  | { kind: "drafting" }
  | { kind: "review"; generationId: string; prePromptId: string; text: string; isValidated: boolean }
  | { kind: "saved"; text: string; transparency: Transparency };

/** The saved minutes whose commitments are reviewed, and the member they concern. */
export interface CommitmentsReviewProps {
  readonly minutesId: string;
  readonly memberId?: string | null | undefined;
}

/** Everything the commitments review shows and does. */
export interface Commitments {
  /** Whether the API can read commitments at all; the review is hidden when not. */
  readonly isAvailable: boolean;
  /** The rows, or null before the adviser asked for them. */
  readonly rows: readonly Row[] | null;
  readonly isLoading: boolean;
  load(): Promise<void>;
  edit(key: number, patch: Partial<Commitment>): void;
  /** Sets the row's state to `state`, or back to proposed when it already is. */
  toggle(key: number, state: Exclude<RowState, "proposed">): void;
  readonly confirmed: readonly Commitment[];
  readonly status: Status | null;
  readonly isCreating: boolean;
  createTasks(): Promise<void>;
  readonly followUp: FollowUp;
  draftFollowUp(): Promise<void>;
  /** Edits the follow-up under review: a new text is validated again. */
  editFollowUp(patch: { text: string } | { isValidated: boolean }): void;
  saveFollowUp(): Promise<void>;
}

/** The review's state for the saved minutes `minutesId`. */
export function useCommitments({ minutesId, memberId }: CommitmentsReviewProps): Commitments {
  const api = useApi();
  const host = useHost();
  const { t } = useI18n();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [isCreating, setIsCreating] = useState(false);
  const [followUp, setFollowUp] = useState<FollowUp>({ kind: "none" });
  const [isLoading, setIsLoading] = useState(false);
  const failed = (error: unknown): Status => ({
    intent: "error",
    text: t("commitments.failed", { reason: error instanceof Error ? error.message : String(error) }),
  });

  // Read on the adviser's request, not on every save: most saves carry no commitment worth a task.
  const load = async () => {
    if (!api.commitmentsOf) return;
    setIsLoading(true);
    try {
      const answer = await api.commitmentsOf(minutesId);
      setRows(answer.commitments.map((commitment, key) => ({ key, commitment, state: "proposed" })));
    } catch (error) {
      setRows([]);
      setStatus(failed(error));
    } finally {
      setIsLoading(false);
    }
  };

  const confirmed = (rows ?? []).filter((r) => r.state === "confirmed").map((r) => r.commitment);
  const update = (key: number, change: (row: Row) => Row) =>
    setRows((current) => (current ?? []).map((r) => (r.key === key ? change(r) : r)));

  const createTasks = async () => {
    setIsCreating(true);
    setStatus(null);
    try {
      setStatus(await createOutlookTasks(confirmed, host, t));
    } catch (error) {
      setStatus(failed(error));
    } finally {
      setIsCreating(false);
    }
  };

  const draftFollowUp = async () => {
    setFollowUp({ kind: "drafting" });
    try {
      const notes = followUpNotes(confirmed, t);
      const generation = await api.streamGeneration(
        { task: "member-email", notes, ...(memberId ? { context: { memberId } } : {}) },
        { onDelta: () => undefined, onReplace: () => undefined },
      );
      setFollowUp({
        kind: "review",
        generationId: generation.id,
        prePromptId: generation.prePrompt.id,
        text: generation.draft,
        isValidated: false,
      });
    } catch (error) {
      setFollowUp({ kind: "none" });
      setStatus(failed(error));
    }
  };

  const saveFollowUp = async () => {
    if (followUp.kind !== "review" || !followUp.isValidated) return;
    const saved = await api.saveMinutes(
      { generationId: followUp.generationId, text: followUp.text, validated: true },
      undefined,
      { idempotencyKey: newIdempotencyKey() },
    );
    setFollowUp({ kind: "saved", text: followUp.text, transparency: saved.transparency });
    // Into the mail being written (or a reply), with the notice the server decided; the pane shows it either way.
    const target = (await host.readContext().catch(() => null))?.targets.find((x) => x === "insert" || x === "reply");
    if (target)
      await host
        .write(target, followUp.text, saved.transparency.label, {
          generationId: followUp.generationId,
          prePromptId: followUp.prePromptId,
          transparency: saved.transparency,
        })
        .catch(() => undefined);
  };

  return {
    isAvailable: Boolean(api.commitmentsOf),
    rows,
    isLoading,
    load,
    edit: (key, patch) => update(key, (r) => ({ ...r, commitment: { ...r.commitment, ...patch } })),
    toggle: (key, state) => update(key, (r) => ({ ...r, state: r.state === state ? "proposed" : state })),
    confirmed,
    status,
    isCreating,
    createTasks,
    followUp,
    draftFollowUp,
    editFollowUp: (patch) => {
      if (followUp.kind !== "review") return;
      setFollowUp({ ...followUp, ...("text" in patch ? { text: patch.text, isValidated: false } : patch) });
    },
    saveFollowUp,
  };
}
