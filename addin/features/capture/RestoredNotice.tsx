// Owns the notice shown when the pane opens on notes kept from earlier: when they date from, and a way to discard them.
import { Button } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { InlineNotice } from "../../components/InlineNotice";
import { useI18n } from "../../hooks/use-i18n";

/** "Notes restaurées du 05/12 à 14:32", with Effacer and Garder. */
export function RestoredNotice({
  savedAt,
  onDiscard,
  onKeep,
}: {
  readonly savedAt: number;
  readonly onDiscard: () => void;
  readonly onKeep: () => void;
}): ReactNode {
  const { t, locale } = useI18n();
  const tag = locale === "en" ? "en-GB" : "fr-FR";
  const when = new Date(savedAt);
  const date = when.toLocaleDateString(tag, { day: "2-digit", month: "2-digit" });
  const time = when.toLocaleTimeString(tag, { hour: "2-digit", minute: "2-digit" });
  return (
    <InlineNotice
      intent="info"
      data-testid="restored"
      actions={
        <>
          <Button size="small" onClick={onDiscard} data-testid="restored-discard">
            {t("ui.restore.discard")}
          </Button>
          <Button size="small" appearance="subtle" onClick={onKeep} data-testid="restored-keep">
            {t("ui.restore.keep")}
          </Button>
        </>
      }
    >
      {t("ui.restore.notice", { date, time })}
    </InlineNotice>
  );
}
