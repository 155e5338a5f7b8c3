// Owns the registry's state: the list (refreshed here after an action), its groups, the open items, and following a
// link to `#preprompt-…` to the version it names.
import type { AccordionToggleEventHandler } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { CommitteeClient, PrePromptVersion } from "../../api/committee";
import { prePromptAnchor } from "../format";
import { groupPrePrompts } from "./group";

export interface PromptRegistry {
  readonly groups: [string, PrePromptVersion[]][];
  readonly openItems: string[];
  readonly onToggle: AccordionToggleEventHandler<string>;
  /** Loads the list again, after an action changed it. */
  refresh(): void;
}

/** The registry of `loaded`, kept apart from the page's data once an action refreshed it. */
export function usePromptRegistry(loaded: readonly PrePromptVersion[], client?: CommitteeClient): PromptRegistry {
  // Actions refresh the list here, so open panels stay open while the rest of the page keeps its data.
  const [list, setList] = useState(loaded);
  useEffect(() => setList(loaded), [loaded]);
  const refresh = (): void => {
    client?.prePrompts().then(setList, () => undefined);
  };
  const groups = useMemo(() => groupPrePrompts(list), [list]);
  const [openItems, setOpenItems] = useState<string[]>([]);
  const [target, setTarget] = useState<string | null>(null);

  useEffect(() => {
    const follow = (): void => {
      const hash = decodeURIComponent(window.location.hash.slice(1));
      const group = groups.find(([, versions]) => versions.some((v) => prePromptAnchor(v.id) === hash));
      if (!group) return;
      setOpenItems((open) => (open.includes(group[0]) ? open : [...open, group[0]]));
      setTarget(hash);
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [groups]);

  useEffect(() => {
    // Once the panel is rendered (its opening is animated, so it may take a frame or two), bring the version into
    // view and give it the focus, so reading continues there.
    if (!target) return undefined;
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reach = (): void => {
      const element = document.getElementById(target);
      if (element) {
        element.scrollIntoView?.({ block: "start" });
        element.focus({ preventScroll: true });
        setTarget(null);
      } else if (++tries < 20) {
        timer = setTimeout(reach, 25);
      }
    };
    reach();
    return () => clearTimeout(timer);
  }, [target, openItems]);

  const onToggle: AccordionToggleEventHandler<string> = (_, data) => setOpenItems(data.openItems);

  return { groups, openItems, onToggle, refresh };
}
