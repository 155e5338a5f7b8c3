// Owns the pane header's "…" button: a plain button at first, the real menu (its own chunk) from the first press on.
import { Button } from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import { lazy, Suspense, useState, type ReactNode } from "react";
import { useI18n } from "../hooks/use-i18n";

// Fluent's Menu brings positioning and motion code (about 45 KB gzipped): it would take a third of the pane's
// first-download budget for a button most advisers seldom press. It is prefetched while the browser is idle.
const PaneMenuPopup = lazy(() =>
  import(/* webpackChunkName: "pane-menu", webpackPrefetch: true */ "./PaneMenuPopup").then((m) => ({
    default: m.PaneMenuPopup,
  })),
);

/** The header's menu button. Pressing it loads the menu, which opens at once with the focus on its first item. */
export function PaneMenu(): ReactNode {
  const { t } = useI18n();
  const [isWanted, setIsWanted] = useState(false);
  const placeholder = (
    <Button
      appearance="subtle"
      icon={<MoreHorizontalRegular />}
      aria-label={t("ui.menu.label")}
      aria-haspopup="menu"
      aria-expanded={false}
      title={t("ui.menu.label")}
      onClick={() => setIsWanted(true)}
      data-testid="pane-menu"
    />
  );
  if (!isWanted) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <PaneMenuPopup />
    </Suspense>
  );
}
