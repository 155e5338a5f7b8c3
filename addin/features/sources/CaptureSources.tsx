// Owns where the capture form's sources load: the member's earlier texts and the source panel, each a chunk of its own.
import { makeStyles } from "@fluentui/react-components";
import { lazy, Suspense, type ReactNode } from "react";
import type { WorkSource } from "../../lib/work-source";
import type { ThreadSource } from "./use-thread-source";

// A member's earlier texts are offered once a member reference is typed: a chunk of its own, fetched then.
const EarlierMinutes = lazy(() =>
  import(/* webpackChunkName: "earlier-minutes" */ "./EarlierMinutes").then((m) => ({ default: m.EarlierMinutes })),
);

// Adding a source is not needed for the first notes: its panel is a chunk of its own, fetched at idle time.
const SourcePanel = lazy(() =>
  import(/* webpackChunkName: "sources", webpackPrefetch: true */ "./SourcePanel").then((m) => ({
    default: m.SourcePanel,
  })),
);

const useStyles = makeStyles({
  sourcePlaceholder: { minHeight: "88px" },
});

/** The work's source and where it goes, the host's thread, the member typed, and whether a draft is streaming. */
export interface CaptureSourcesProps {
  readonly source: WorkSource | null | undefined;
  readonly onChange: (source: WorkSource | null) => void;
  readonly onAddEarlier: (source: WorkSource) => void;
  readonly thread: ThreadSource;
  /** The member reference typed in the context, "" for none. */
  readonly memberId: string;
  readonly isDisabled: boolean;
}

/** The earlier texts (when a member is typed) above the source panel, with a placeholder while they load. */
export function CaptureSources({
  source,
  onChange,
  onAddEarlier,
  thread,
  memberId,
  isDisabled,
}: CaptureSourcesProps): ReactNode {
  const styles = useStyles();
  return (
    <Suspense fallback={<div className={styles.sourcePlaceholder} aria-hidden />}>
      {memberId !== "" ? (
        <Suspense fallback={null}>
          <EarlierMinutes memberId={memberId} onAdd={onAddEarlier} isDisabled={isDisabled} />
        </Suspense>
      ) : null}
      <SourcePanel
        source={source}
        onChange={onChange}
        isReadingThread={thread.isReading}
        threadProblem={thread.problem}
        onUseThread={thread.isThreadItem ? thread.read : undefined}
        isDisabled={isDisabled}
      />
    </Suspense>
  );
}
