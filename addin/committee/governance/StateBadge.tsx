// Owns the badge that names a pre-prompt version's lifecycle state.
import { Badge } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { PrePromptState } from "../../api/committee";
import { useI18n } from "../../hooks/use-i18n";

const STATE_COLOURS: Record<PrePromptState, "informative" | "warning" | "success" | "brand" | "subtle"> = {
  draft: "subtle",
  evaluated: "informative",
  approved: "brand",
  active: "success",
  retired: "warning",
};

/** The lifecycle state as a badge. */
export function StateBadge({ state }: { state: PrePromptState }): ReactNode {
  const { t } = useI18n();
  return (
    <Badge appearance="tint" color={STATE_COLOURS[state]} size="small" data-testid="preprompt-state">
      {t(`governance.state.${state}`)}
    </Badge>
  );
}
