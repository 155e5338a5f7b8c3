// Owns one item's work: its capture, sources and draft put together, restored from and saved to the device.
import { makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense, type ReactNode } from "react";
import type { GenerationRequest } from "../../src/schemas/generation";
import { CaptureForm } from "../features/capture/CaptureForm";
import { RestoredNotice } from "../features/capture/RestoredNotice";
import { buildRequest } from "../features/capture/request";
import { useCapture, useCaptureAutosave } from "../features/capture/use-capture";
import { useGenerate } from "../features/capture/use-generate";
import { CaptureSources } from "../features/sources/CaptureSources";
import { useThreadSource } from "../features/sources/use-thread-source";
import type { DraftSeed } from "../features/versions/use-history";
import type { ItemContext } from "../hosts/host-adapter";
import { useDraftSession } from "../hooks/use-draft-session";
import { useHost } from "../hooks/use-host";
import { idlePhase } from "../lib/draft-session";

// The review half (editor, flags, save, export) is its own chunk, fetched while the adviser types notes.
const ReviewPanel = lazy(() =>
  import(/* webpackChunkName: "review", webpackPrefetch: true */ "../features/review/ReviewPanel").then((m) => ({
    default: m.ReviewPanel,
  })),
);

const useStyles = makeStyles({
  placeholder: {
    minHeight: "420px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

/** The workspace of the current item; remounted (by key) when the host switches item. */
export function Workspace({
  item,
  seed,
}: {
  item: ItemContext;
  seed?: (DraftSeed & { readonly at: number }) | null;
}): ReactNode {
  const styles = useStyles();
  const host = useHost();
  const capture = useCapture(item, seed);
  const session = useDraftSession(capture.restored?.phase ?? idlePhase);
  const { phase } = session;
  const autosave = useCaptureAutosave(capture, phase);
  const thread = useThreadSource(item, capture.restored?.source, capture.setSource);
  const request = (): GenerationRequest => buildRequest(capture, thread);
  const generate = useGenerate(session, request);
  const isStreaming = phase.kind === "streaming";

  /** Tells the host the pending draft will not be used, so its send check stops holding the mail for it. */
  const discardInHost = (): void => {
    host.discardDraft?.().catch((error: unknown) => console.warn("The host kept the discarded draft", error));
  };

  const onRestart = (): void => {
    discardInHost();
    capture.clear();
    session.dispatch({ type: "reset" });
  };

  /** Drops the draft under review; the notes and context stay for another try. */
  const onDiscard = (): void => {
    discardInHost();
    session.dispatch({ type: "reset" });
  };

  const sources = (
    <CaptureSources
      source={capture.source}
      onChange={capture.setSource}
      onAddEarlier={capture.addEarlier}
      thread={thread}
      memberId={capture.context.memberId?.trim() ?? ""}
      isDisabled={isStreaming}
    />
  );

  return (
    <>
      {capture.restoredAt !== null ? (
        <RestoredNotice
          savedAt={capture.restoredAt}
          onDiscard={() => {
            onRestart();
            capture.resetChoices();
          }}
          onKeep={capture.keepRestored}
        />
      ) : null}
      <CaptureForm
        capture={capture}
        autosave={autosave}
        sourceLength={thread.offered && !capture.source ? thread.offered.length : null}
        sourceSlot={sources}
        generate={generate}
        isGenerating={isStreaming}
        hasDraft={phase.kind !== "idle"}
      />
      {phase.kind !== "idle" ? (
        <Suspense fallback={<div className={styles.placeholder} aria-hidden />}>
          <ReviewPanel
            session={session}
            task={capture.task}
            context={capture.context}
            targets={item.targets}
            onRetry={() => void session.generate(request())}
            onRestart={onRestart}
            onDiscard={onDiscard}
            onRevise={(instruction) => void session.revise(request(), instruction)}
            cited={{ notes: capture.notes, source: request().source }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
