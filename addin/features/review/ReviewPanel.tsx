// Owns the review half of the pane: streamed draft, figures to check, validation, save, then where the text goes.
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { GenerationContext } from "../../../src/schemas/generation";
import type { TaskId } from "../../../src/tasks/catalogue";
import type { WriteTarget } from "../../hosts/host-adapter";
import type { DraftSession } from "../../hooks/use-draft-session";
import { DraftArea } from "../draft/DraftArea";
import type { CitedInputs } from "../draft/use-draft-view";
import { DiscardControl } from "./DiscardControl";
import { FlagList } from "./FlagList";
import { GenerationFacts } from "./GenerationFacts";
import { ReviewHeader } from "./ReviewHeader";
import { RevisionSection } from "./RevisionSection";
import { SavedSection } from "./SavedSection";
import { StreamNotices } from "./StreamNotices";
import { useReview } from "./use-review";
import { ValidationBox } from "./ValidationBox";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** The draft session to review and the workspace's handlers for what the panel cannot decide alone. */
export interface ReviewPanelProps {
  readonly session: DraftSession;
  readonly task: TaskId;
  readonly context: GenerationContext;
  readonly targets: readonly WriteTarget[];
  readonly onRetry: () => void;
  readonly onRestart: () => void;
  /** Drops the draft under review (the notes stay); the host forgets it for the send check. */
  readonly onDiscard: () => void;
  /** Rewrites the draft under review by an instruction (AI edit). */
  readonly onRevise: (instruction: string) => void;
  /** The notes and source the draft was written from, whose lines its citations number. */
  readonly cited: CitedInputs;
}

/** Everything after Générer. Loaded as its own chunk. */
export function ReviewPanel(props: ReviewPanelProps): ReactNode {
  const styles = useStyles();
  const { session } = props;
  const { phase, dispatch } = session;
  const review = useReview(props);
  const { draft } = review;
  const generation = phase.kind === "review" || phase.kind === "saved" ? phase.generation : null;
  const isReadOnly = phase.kind !== "review" || phase.isSaving;
  return (
    <section aria-labelledby={review.headingId} className={styles.root} data-testid="review" data-phase={phase.kind}>
      <ReviewHeader
        phase={phase}
        headingId={review.headingId}
        headingRef={review.headingRef}
        onCancel={session.cancel}
      />
      <DraftArea
        view={draft}
        isReadOnly={isReadOnly}
        isStreaming={phase.kind === "streaming"}
        dispatch={dispatch}
        labelledBy={review.headingId}
        summaryId={review.flagsSummaryId}
      />
      <StreamNotices phase={phase} announcement={review.announcement} onRetry={props.onRetry} />
      {generation ? <GenerationFacts generation={generation} /> : null}
      {draft.flags.length > 0 && !draft.fieldValues ? (
        <FlagList
          flags={draft.flags}
          text={draft.text}
          isReadOnly={isReadOnly}
          summaryId={review.flagsSummaryId}
          decisions={{
            onConfirm: (id) => dispatch({ type: "confirm-flag", id }),
            onCorrect: (id, value) => dispatch({ type: "correct-flag", id, value }),
            onReopen: (id) => dispatch({ type: "reopen-flag", id }),
          }}
        />
      ) : null}
      {phase.kind === "review" && !draft.fieldValues ? (
        <RevisionSection phase={phase} text={draft.text} versions={review.versions} onRevise={review.revise} />
      ) : null}
      {phase.kind === "review" ? (
        <ValidationBox
          phase={phase}
          blockerText={review.blockerText}
          dispatch={dispatch}
          onSave={() => void session.save()}
          discard={
            <DiscardControl
              isConfirming={review.isConfirmingDiscard}
              isDisabled={phase.isSaving}
              onConfirmingChange={review.setConfirmingDiscard}
              onDiscard={props.onDiscard}
            />
          }
        />
      ) : null}
      {phase.kind === "saved" && review.saved ? (
        <SavedSection
          phase={phase}
          saved={review.saved}
          targets={props.targets}
          memberId={props.context.memberId ?? null}
          dispatch={dispatch}
          onRestart={props.onRestart}
        />
      ) : null}
    </section>
  );
}
