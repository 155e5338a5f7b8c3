// Owns what follows a save: the confirmation with its notice, the commitments, delivery, the rating, and Recommencer.
import { Button } from "@fluentui/react-components";
import { ArrowResetRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import type { TaskId } from "../../../src/tasks/catalogue";
import type { WriteTarget } from "../../hosts/host-adapter";
import { useI18n } from "../../hooks/use-i18n";
import type { DraftAction, DraftPhase } from "../../lib/draft-session";
import { CommitmentsReview } from "../commitments/CommitmentsReview";
import { DeliveryActions } from "../delivery/DeliveryActions";
import type { SavedText } from "../delivery/use-delivery";
import { FeedbackPrompt } from "../feedback/FeedbackPrompt";
import { SaveConfirmation } from "./SaveConfirmation";

/** The saved draft, the text to deliver and where to, the member, and the workspace's restart. */
export interface SavedSectionProps {
  readonly phase: Extract<DraftPhase, { kind: "saved" }>;
  readonly saved: SavedText;
  readonly targets: readonly WriteTarget[];
  readonly memberId: string | null;
  readonly dispatch: (action: DraftAction) => void;
  readonly onRestart: () => void;
}

/** The saved text's next steps, in the order the adviser takes them. */
export function SavedSection({ phase, saved, targets, memberId, dispatch, onRestart }: SavedSectionProps): ReactNode {
  const { t } = useI18n();
  const task: TaskId = saved.task;
  return (
    <>
      <SaveConfirmation task={task} transparency={phase.saved.transparency} />
      {task !== "member-email" ? <CommitmentsReview minutesId={phase.saved.id} memberId={memberId} /> : null}
      <DeliveryActions targets={targets} saved={saved} />
      <FeedbackPrompt
        generationId={phase.generation.id}
        sent={phase.feedback}
        onSent={(rating) => dispatch({ type: "feedback-sent", rating })}
      />
      <div>
        <Button appearance="subtle" icon={<ArrowResetRegular />} onClick={onRestart} data-testid="restart">
          {t("ui.restart")}
        </Button>
      </div>
    </>
  );
}
