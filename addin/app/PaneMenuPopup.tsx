// Owns the pane header's menu once loaded: today one entry, proposing a new use of Greffier to the committee.
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { LightbulbRegular, MoreHorizontalRegular } from "@fluentui/react-icons";
import { lazy, Suspense, useState, type ReactNode } from "react";
import { useI18n } from "../hooks/use-i18n";

// The dialog is a chunk of its own: loading the menu does not fetch it.
const UseCaseDialog = lazy(() =>
  import(/* webpackChunkName: "use-case" */ "../features/feedback/UseCaseDialog").then((m) => ({
    default: m.UseCaseDialog,
  })),
);

/** Fluent's menu, open on mount (it replaces the placeholder the adviser just pressed), and the dialogs it opens. */
export function PaneMenuPopup(): ReactNode {
  const { t } = useI18n();
  const [isDialogOpen, setIsDialogOpen] = useState(false);
  // Mounted at the first opening and kept: a half-written proposal survives closing the dialog by mistake.
  const [hasOpened, setHasOpened] = useState(false);
  // The dialog is opened from a menu item that is gone once it closes: focus returns to the menu button instead.
  const restoreFocusTarget = useRestoreFocusTarget();

  return (
    <>
      <Menu defaultOpen>
        <MenuTrigger disableButtonEnhancement>
          <Button
            appearance="subtle"
            icon={<MoreHorizontalRegular />}
            aria-label={t("ui.menu.label")}
            title={t("ui.menu.label")}
            {...restoreFocusTarget}
            data-testid="pane-menu"
          />
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem
              icon={<LightbulbRegular />}
              onClick={() => {
                setHasOpened(true);
                setIsDialogOpen(true);
              }}
              data-testid="menu-use-case"
            >
              {t("ui.usecase.menu")}
            </MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      {hasOpened ? (
        <Suspense fallback={null}>
          <UseCaseDialog isOpen={isDialogOpen} onClose={() => setIsDialogOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
