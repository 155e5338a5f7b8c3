// Owns the link between the host's current item and the workspace: read it, follow item switches, reset per item.
import { Button } from "@fluentui/react-components";
import { HistoryRegular } from "@fluentui/react-icons";
import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { InlineNotice } from "../components/InlineNotice";
import type { ItemContext } from "../hosts/host-adapter";
import { useHost } from "../hooks/use-host";
import { useI18n } from "../hooks/use-i18n";
import { pruneWork } from "../lib/work-store";
import type { DraftSeed } from "../features/versions/use-history";
import { PaneMenu } from "./PaneMenu";
import { PaneShell } from "./PaneShell";
import { Workspace } from "./Workspace";

// Only the plain-browser host names its drafts: the field is a chunk of its own, not in Outlook's or Teams' first
// download.
const DraftNameField = lazy(() =>
  import(/* webpackChunkName: "draft-name" */ "../features/capture/DraftNameField").then((m) => ({
    default: m.DraftNameField,
  })),
);

// "Mes comptes rendus" is opened now and then: its own chunk, fetched when asked for.
const HistoryPanel = lazy(() =>
  import(/* webpackChunkName: "history" */ "../features/versions/HistoryPanel").then((m) => ({
    default: m.HistoryPanel,
  })),
);

/** The pane once the host is known. A new item remounts the workspace: its stream is cancelled, its work saved. */
export function App(): ReactNode {
  const host = useHost();
  const { t } = useI18n();
  const [item, setItem] = useState<ItemContext | null>(null);
  const [hasReadFailed, setHasReadFailed] = useState(false);
  const [isHistoryOpen, setIsHistoryOpen] = useState(false);
  const [seed, setSeed] = useState<(DraftSeed & { readonly at: number }) | null>(null);

  useEffect(() => {
    pruneWork();
  }, []);

  useEffect(() => {
    let generation = 0;
    const read = (): void => {
      const mine = ++generation;
      host.readContext().then(
        (next) => {
          if (mine !== generation) return;
          setHasReadFailed(false);
          setItem(next);
        },
        (error: unknown) => {
          if (mine !== generation) return;
          console.warn("Item could not be read", error);
          // Typing by hand still works: fall back to a slot of its own so notes are still kept.
          setHasReadFailed(true);
          setItem({ key: `${host.kind}:unreadable`, kind: "session", context: {}, targets: [] });
        },
      );
    };
    read();
    // Clear at once on a switch, so nothing typed in the meantime lands on the previous item.
    const off = host.onItemChanged(() => {
      setItem(null);
      // A draft started from a saved text belongs to the item it was started on.
      setSeed(null);
      read();
    });
    return () => {
      generation++;
      off();
    };
  }, [host]);

  const historyButton = (
    <Button
      appearance="subtle"
      icon={<HistoryRegular />}
      aria-label={t("ui.history.open")}
      title={t("ui.history.open")}
      aria-pressed={isHistoryOpen}
      onClick={() => setIsHistoryOpen(!isHistoryOpen)}
      data-testid="history-open-button"
    />
  );

  return (
    <PaneShell
      isBusy={item === null}
      actions={
        <>
          {historyButton}
          <PaneMenu />
        </>
      }
    >
      {isHistoryOpen ? (
        <Suspense fallback={<p>{t("ui.history.loading")}</p>}>
          <HistoryPanel
            onClose={() => setIsHistoryOpen(false)}
            onSeed={(next) => {
              setSeed({ ...next, at: Date.now() });
              setIsHistoryOpen(false);
            }}
          />
        </Suspense>
      ) : null}
      {hasReadFailed ? (
        <InlineNotice intent="warning" data-testid="host-read-failed">
          {t("ui.host.read_failed")}
        </InlineNotice>
      ) : null}
      {/* Hidden, not unmounted, while the history is open: a running stream and the form's state carry on. */}
      <div hidden={isHistoryOpen} style={{ display: isHistoryOpen ? "none" : "contents" }}>
        {host.draftName ? (
          <Suspense fallback={null}>
            <DraftNameField draftName={host.draftName} />
          </Suspense>
        ) : null}
        {item ? <Workspace key={item.key} item={item} seed={seed} /> : null}
      </div>
    </PaneShell>
  );
}
