// Owns a proposal to the committee ("Proposer un usage"): its text and kind, the check on its length, and the send
// (POST /api/feedback), keeping the text when it failed.
import { useState } from "react";
import type { ProposalKind } from "../../../src/schemas/feedback";
import { MAX_COMMENT_CHARS } from "../../../src/schemas/limits";
import { useApi } from "../../api/use-api";
import { useI18n } from "../../hooks/use-i18n";
import { hasProblem, messageOf } from "../../lib/errors";

type Outcome = { readonly kind: "sent" } | { readonly kind: "failed"; readonly reason: string } | null;

/** The proposal being written, what the field says under it, and the dialog's actions. */
export interface UseCaseState {
  readonly comment: string;
  readonly proposal: ProposalKind;
  readonly isSending: boolean;
  readonly isTooLong: boolean;
  readonly isSent: boolean;
  /** Why the send failed, in words; null otherwise. */
  readonly failure: string | null;
  /** The field's message (the count, or what is wrong) and whether it is an error. */
  readonly message: string;
  readonly validationState: "error" | "none";
  setComment(comment: string): void;
  setProposal(proposal: ProposalKind): void;
  send(): void;
  /** Closes the dialog; once a proposal went through, the next opening starts from a blank form. */
  close(): void;
}

/** The dialog's state; `onClose` is the owner's way to hide it. */
export function useUseCase(onClose: () => void): UseCaseState {
  const { t, locale } = useI18n();
  const api = useApi();
  const [comment, setComment] = useState("");
  // A new use, or (issue 19) a change to a template or a new template: all reach the committee's one queue.
  const [proposal, setProposal] = useState<ProposalKind>("use-case");
  const [isSending, setIsSending] = useState(false);
  const [hasTriedEmpty, setHasTriedEmpty] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const number = (n: number): string => n.toLocaleString(locale === "en" ? "en-GB" : "fr-FR");
  const isEmpty = comment.trim() === "";
  const isTooLong = comment.length > MAX_COMMENT_CHARS;
  const isSent = outcome?.kind === "sent";

  let message = t("ui.usecase.count", { count: number(comment.length), max: number(MAX_COMMENT_CHARS) });
  if (isTooLong) message = t("ui.usecase.too_long", { max: number(MAX_COMMENT_CHARS) });
  else if (hasTriedEmpty && isEmpty) message = t("ui.usecase.empty");

  const send = async (): Promise<void> => {
    if (isSending) return;
    if (isEmpty) {
      setHasTriedEmpty(true);
      return;
    }
    if (isTooLong) return;
    setIsSending(true);
    setOutcome(null);
    try {
      await api.sendFeedback({
        kind: "use-case",
        comment: comment.trim(),
        ...(proposal === "use-case" ? {} : { proposal }),
      });
      setOutcome({ kind: "sent" });
      setHasTriedEmpty(false);
    } catch (error) {
      if (!hasProblem(error)) console.error("Use case not sent", error);
      setOutcome({ kind: "failed", reason: messageOf(error, t, "problem.internal.detail") });
    } finally {
      setIsSending(false);
    }
  };

  const close = (): void => {
    if (isSent) {
      setComment("");
      setOutcome(null);
    }
    onClose();
  };

  return {
    comment,
    proposal,
    isSending,
    isTooLong,
    isSent,
    failure: outcome?.kind === "failed" ? outcome.reason : null,
    message,
    validationState: isTooLong || (hasTriedEmpty && isEmpty) ? "error" : "none",
    setComment,
    setProposal,
    send: () => void send(),
    close,
  };
}
