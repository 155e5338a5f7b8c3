// Owns the Générer action: it asks before a new draft replaces one the adviser worked on, then starts the stream.
import { useState } from "react";
import type { GenerationRequest } from "../../../src/schemas/generation";
import type { DraftSession } from "../../hooks/use-draft-session";
import { hasReviewWork } from "./request";

/** Whether the replace question is asked, and the actions of the button and the question. */
export interface Generate {
  readonly isConfirmingReplace: boolean;
  /** Générer (or "Remplacer" in the question): asks first when the draft under review holds the adviser's work. */
  readonly run: () => void;
  readonly cancelReplace: () => void;
}

/** Générer for `session`, with the request `build` makes at the time of the click. */
export function useGenerate(session: DraftSession, build: () => GenerationRequest): Generate {
  const [isConfirmingReplace, setIsConfirmingReplace] = useState(false);
  return {
    isConfirmingReplace,
    run: () => {
      if (hasReviewWork(session.phase) && !isConfirmingReplace) {
        setIsConfirmingReplace(true);
        return;
      }
      setIsConfirmingReplace(false);
      void session.generate(build());
    },
    cancelReplace: () => setIsConfirmingReplace(false),
  };
}
