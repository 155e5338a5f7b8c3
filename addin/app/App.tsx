// Owns the link between the host's current item and the workspace: read it, follow item switches, reset per item.
import { useEffect, useState, type ReactNode } from "react";
import { InlineNotice } from "../components/InlineNotice";
import type { ItemContext } from "../hosts/host-adapter";
import { useHost } from "../hooks/use-host";
import { useI18n } from "../hooks/use-i18n";
import { pruneWork } from "../lib/work-store";
import { DraftNameField } from "./DraftNameField";
import { PaneMenu } from "./PaneMenu";
import { PaneShell } from "./PaneShell";
import { Workspace } from "./Workspace";

/** The pane once the host is known. A new item remounts the workspace: its stream is cancelled, its work saved. */
export function App(): ReactNode {
  const host = useHost();
  const { t } = useI18n();
  const [item, setItem] = useState<ItemContext | null>(null);
  const [hasReadFailed, setHasReadFailed] = useState(false);

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
      read();
    });
    return () => {
      generation++;
      off();
    };
  }, [host]);

  return (
    <PaneShell isBusy={item === null} actions={<PaneMenu />}>
      {hasReadFailed ? (
        <InlineNotice intent="warning" data-testid="host-read-failed">
          {t("ui.host.read_failed")}
        </InlineNotice>
      ) : null}
      {host.draftName ? <DraftNameField draftName={host.draftName} /> : null}
      {item ? <Workspace key={item.key} item={item} /> : null}
    </PaneShell>
  );
}
