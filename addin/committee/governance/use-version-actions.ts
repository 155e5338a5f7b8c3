// Owns what can be done to one pre-prompt version: its evaluation (started, then polled until done), the approval
// form (reason, and a justification when the version scores worse than the active one), activation and rollback.
import { useEffect, useRef, useState } from "react";
import type { CommitteeClient, PrePromptEvaluation, PrePromptVersion } from "../../api/committee";
import { useI18n } from "../../hooks/use-i18n";
import { problemText } from "./problem-text";

/** How often a running evaluation is asked for its progress. */
const POLL_MS = 400;

export interface VersionActionsState {
  /** The evaluation under way, with its progress; null when none runs. */
  readonly running: PrePromptEvaluation | null;
  readonly error: string | null;
  readonly isBusy: boolean;
  /** This version's scores, and the active version's when it is another one. */
  readonly scores: Record<string, number> | null;
  readonly activeScores: Record<string, number> | null;
  /** Scores worse overall than the active version: approving needs a justification. */
  readonly isWorse: boolean;
  readonly canEvaluate: boolean;
  readonly canApprove: boolean;
  /** Approved, or retired after having been approved or active (a rollback). */
  readonly canActivate: boolean;
  readonly isApproving: boolean;
  readonly reason: string;
  readonly justification: string;
  setIsApproving(isApproving: boolean): void;
  setReason(reason: string): void;
  setJustification(justification: string): void;
  evaluate(): Promise<void>;
  /** Approves with the reason (and justification when worse). */
  approve(): Promise<void>;
  activate(): Promise<void>;
}

/** The actions on `version`; `onChanged` runs after each one that changes the registry. */
export function useVersionActions(
  client: CommitteeClient,
  version: PrePromptVersion,
  active: PrePromptVersion | undefined,
  onChanged: () => void,
): VersionActionsState {
  const { t } = useI18n();
  const [running, setRunning] = useState<PrePromptEvaluation | null>(
    version.evaluation?.status === "running" ? version.evaluation : null,
  );
  const [error, setError] = useState<string | null>(null);
  const [isApproving, setIsApproving] = useState(false);
  const [reason, setReason] = useState("");
  const [justification, setJustification] = useState("");
  const [isBusy, setIsBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const governance = client.governance;
  const base = `/api/committee/preprompts/${encodeURIComponent(version.id)}`;

  const poll = (evaluation: PrePromptEvaluation): void => {
    setRunning(evaluation);
    if (evaluation.status !== "running") {
      setRunning(null);
      if (evaluation.status === "failed") setError(t("governance.ui.evaluation_failed"));
      onChanged();
      return;
    }
    timer.current = setTimeout(() => {
      governance?.("GET", `${base}/evaluations/${evaluation.id}`).then(
        (r) => poll(r.body as PrePromptEvaluation),
        (e: unknown) => {
          setRunning(null);
          setError(problemText(e));
        },
      );
    }, POLL_MS);
  };
  const evaluate = async (): Promise<void> => {
    if (!governance) return;
    setError(null);
    try {
      const r = await governance("POST", `${base}/evaluations?wait=0`);
      poll(r.body as PrePromptEvaluation);
    } catch (e) {
      setError(problemText(e));
    }
  };
  const act = async (path: string, body?: unknown): Promise<void> => {
    if (!governance) return;
    setIsBusy(true);
    setError(null);
    try {
      await governance("POST", `${base}/${path}`, body);
      setIsApproving(false);
      onChanged();
    } catch (e) {
      setError(problemText(e));
    } finally {
      setIsBusy(false);
    }
  };

  const scores = version.evaluation?.status === "done" ? version.evaluation.scores : null;
  const activeScores =
    active && active.id !== version.id && active.evaluation?.status === "done" ? active.evaluation.scores : null;
  const isWorse =
    scores !== null && activeScores !== null && (scores.overall ?? 0) < (activeScores.overall ?? 0) - 0.005;
  return {
    running,
    error,
    isBusy,
    scores,
    activeScores,
    isWorse,
    canEvaluate: version.state === "draft" || version.state === "evaluated",
    canApprove: version.state === "evaluated",
    canActivate:
      version.state === "approved" ||
      (version.state === "retired" && (version.approvedBy !== undefined || (version.activatedAt ?? null) !== null)),
    isApproving,
    reason,
    justification,
    setIsApproving,
    setReason,
    setJustification,
    evaluate,
    approve: () => act("approve", { reason, ...(isWorse ? { justification } : {}) }),
    activate: () => act("activate"),
  };
}
