// Owns the draft's version history: first generation, manual edits, AI edits, each restorable into the editor.
import { useId, type ReactNode } from "react";
import { usePanelCardStyles } from "../../components/panel-card";
import { useI18n } from "../../hooks/use-i18n";
import { useVersions } from "./use-versions";
import { VersionItem } from "./VersionItem";
import { useVersionsStyles } from "./versions-styles";

/** Which history to list, the text it is compared with, and where a restored version goes. */
export interface VersionsPanelProps {
  /** Any generation of the draft's history (the server walks from its root). */
  readonly generationId: string;
  /** The text in the editor, to mark the version it matches. */
  readonly currentText: string;
  readonly isReadOnly: boolean;
  /** Puts a version's text back into the editor. */
  readonly onRestore: (text: string) => void;
}

/** The history of the draft, oldest first, fetched when opened. Loaded as its own chunk. */
export function VersionsPanel({ generationId, currentText, isReadOnly, onRestore }: VersionsPanelProps): ReactNode {
  const { t } = useI18n();
  const styles = useVersionsStyles();
  const card = usePanelCardStyles();
  const headingId = useId();
  const { versions, problem } = useVersions(generationId);

  return (
    <section className={card.root} aria-labelledby={headingId} data-testid="versions">
      <h3 id={headingId} className={card.heading}>
        {t("ui.versions.title")}
      </h3>
      {problem ? (
        <p className={styles.meta} role="alert">
          {problem}
        </p>
      ) : null}
      {versions === null && !problem ? (
        <p className={styles.meta} role="status">
          {t("ui.versions.loading")}
        </p>
      ) : null}
      {versions?.length === 0 ? <p className={styles.meta}>{t("ui.versions.empty")}</p> : null}
      {versions && versions.length > 0 ? (
        <ol className={styles.list}>
          {versions.map((version, i) => (
            <VersionItem
              key={`${version.at}-${i}`}
              version={version}
              isCurrent={version.text === currentText}
              onRestore={isReadOnly ? undefined : onRestore}
            />
          ))}
        </ol>
      ) : null}
    </section>
  );
}
