// Owns one entry of the version history: its kind and time, its excerpt, and the button that restores it.
import { Button } from "@fluentui/react-components";
import { HistoryRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import type { MessageKey } from "../../../src/i18n";
import type { DraftVersion } from "../../../src/schemas/versions";
import { useI18n } from "../../hooks/use-i18n";
import { useVersionsStyles } from "./versions-styles";

const KIND_KEYS: Record<DraftVersion["kind"], MessageKey> = {
  generation: "ui.versions.kind.generation",
  "manual-edit": "ui.versions.kind.manual-edit",
  "ai-edit": "ui.versions.kind.ai-edit",
};

/** A version; `onRestore` is left out when it cannot be restored (read-only draft). */
export interface VersionItemProps {
  readonly version: DraftVersion;
  /** Whether the editor holds this version's text. */
  readonly isCurrent: boolean;
  readonly onRestore?: ((text: string) => void) | undefined;
}

/** "Modification manuelle · à 14:05", the text's first lines, then "Restaurer" or "Version actuelle". */
export function VersionItem({ version, isCurrent, onRestore }: VersionItemProps): ReactNode {
  const { t, locale } = useI18n();
  const styles = useVersionsStyles();
  const kind = t(KIND_KEYS[version.kind]);
  const time = new Date(version.at).toLocaleTimeString(locale === "en" ? "en-GB" : "fr-FR", {
    hour: "2-digit",
    minute: "2-digit",
  });
  const at = t("ui.versions.at", { time });
  return (
    <li className={styles.item} data-testid="version" data-kind={version.kind}>
      <div className={styles.line}>
        <span className={styles.kind}>{kind}</span>
        <span className={styles.meta}>{at}</span>
      </div>
      {version.instruction ? (
        <p className={styles.meta}>{t("ui.versions.instruction", { instruction: version.instruction })}</p>
      ) : null}
      {version.text === null ? (
        <p className={styles.meta}>{t("ui.versions.purged")}</p>
      ) : (
        <p className={styles.excerpt}>{version.text}</p>
      )}
      <div>
        {isCurrent ? (
          <span className={styles.meta}>{t("ui.versions.current")}</span>
        ) : version.text !== null && onRestore ? (
          <Button
            size="small"
            icon={<HistoryRegular />}
            aria-label={t("ui.versions.restore_aria", { kind, at })}
            onClick={() => onRestore(version.text ?? "")}
            data-testid="version-restore"
          >
            {t("ui.versions.restore")}
          </Button>
        ) : null}
      </div>
    </li>
  );
}
