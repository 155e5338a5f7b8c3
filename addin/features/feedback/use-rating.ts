// Owns the adviser's rating of one generation: thumbs up or down, an optional comment, sent once (POST /api/feedback).
import { useEffect, useRef, useState, type RefObject } from "react";
import { MAX_COMMENT_CHARS } from "../../../src/schemas/limits";
import { useApi } from "../../api/use-api";
import { useI18n } from "../../hooks/use-i18n";
import { hasProblem, messageOf } from "../../lib/errors";

/** The adviser's answer to "Ce brouillon vous a-t-il aidé ?". */
export type Rating = "up" | "down";

/** The rating being written and how to send it. */
export interface RatingState {
  readonly rating: Rating | null;
  readonly comment: string;
  readonly isSending: boolean;
  readonly isTooLong: boolean;
  /** Why the last send failed, in words. */
  readonly error: string | null;
  /** The thanks shown once sent, which take the focus when sent from here. */
  readonly thanksRef: RefObject<HTMLParagraphElement | null>;
  setRating(rating: Rating): void;
  setComment(comment: string): void;
  send(): void;
}

/** Rates `generationId`; `onSent` records the rating once the server stored it. */
export function useRating(
  generationId: string,
  sent: Rating | undefined,
  onSent: (rating: Rating) => void,
): RatingState {
  const { t } = useI18n();
  const api = useApi();
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState("");
  const [isSending, setIsSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const thanksRef = useRef<HTMLParagraphElement>(null);
  const wasSentHere = useRef(false);
  const isTooLong = comment.length > MAX_COMMENT_CHARS;

  useEffect(() => {
    // The buttons are gone once sent: move the keyboard (and the screen reader) to the thanks, not to the top of the
    // page.
    if (sent && wasSentHere.current) thanksRef.current?.focus();
  }, [sent]);

  /** The reason the rating was not stored, in words, or null once stored. */
  const submit = async (chosen: Rating, text: string): Promise<string | null> => {
    try {
      await api.sendFeedback({ generationId, rating: chosen, ...(text !== "" ? { comment: text } : {}) });
      onSent(chosen);
      return null;
    } catch (error) {
      if (!hasProblem(error)) console.error("Feedback failed", error);
      return messageOf(error, t, "problem.internal.detail");
    }
  };

  const send = async (): Promise<void> => {
    if (!rating || isSending || isTooLong) return;
    setIsSending(true);
    setError(null);
    const reason = await submit(rating, comment.trim());
    setIsSending(false);
    if (reason === null) wasSentHere.current = true;
    else setError(t("ui.feedback.failed", { reason }));
  };

  return { rating, comment, isSending, isTooLong, error, thanksRef, setRating, setComment, send: () => void send() };
}
