// Owns the draft's version history: first generation, manual edits, AI edits, each restorable into the editor.
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { HistoryRegular } from "@fluentui/react-icons";
import { useEffect, useId, useState, type ReactNode } from "react";
import type { MessageKey } from "../../src/i18n";
import { ApiError, type DraftVersion } from "../api/client";
import { useApi } from "../hooks/use-host";
import { useI18n } from "../hooks/use-i18n";
import { usePanelCardStyles } from "../components/panel-card";

const KIND_KEYS: Record<DraftVersion["kind"], MessageKey> = {
  generation: "ui.versions.kind.generation",
  "manual-edit": "ui.versions.kind.manual-edit",
  "ai-edit": "ui.versions.kind.ai-edit",
};

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, paddingTop: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  line: { display: "flex", alignItems: "baseline", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  kind: { fontWeight: tokens.fontWeightSemibold },
  meta: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  excerpt: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
    overflow: "hidden",
    display: "-webkit-box",
    WebkitLineClamp: 2,
    WebkitBoxOrient: "vertical",
    overflowWrap: "anywhere",
  },
});

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
  const { t, locale } = useI18n();
  const styles = useStyles();
  const card = usePanelCardStyles();
  const api = useApi();
  const headingId = useId();
  const [versions, setVersions] = useState<DraftVersion[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setVersions(null);
    setProblem(null);
    api.listVersions(generationId, controller.signal).then(setVersions, (error: unknown) => {
      if (controller.signal.aborted) return;
      console.warn("Versions not loaded", error);
      setProblem(t("ui.versions.failed", { reason: error instanceof ApiError ? error.problem.detail : t("ui.deliver.failed_generic") }));
    });
    return () => controller.abort();
  }, [api, generationId, t]);

  const time = (iso: string): string =>
    new Date(iso).toLocaleTimeString(locale === "en" ? "en-GB" : "fr-FR", { hour: "2-digit", minute: "2-digit" });

  return (
    <section className={card.root} aria-labelledby={headingId} data-testid="versions">
      <h3 id={headingId} className={card.heading}>
        {t("ui.versions.title")}
      </h3>
      {problem ? <p className={styles.meta} role="alert">{problem}</p> : null}
      {versions === null && !problem ? (
        <p className={styles.meta} role="status">
          {t("ui.versions.loading")}
        </p>
      ) : null}
      {versions?.length === 0 ? <p className={styles.meta}>{t("ui.versions.empty")}</p> : null}
      {versions && versions.length > 0 ? (
        <ol className={styles.list}>
          {versions.map((version, i) => {
            const kind = t(KIND_KEYS[version.kind]);
            const at = t("ui.versions.at", { time: time(version.at) });
            const isCurrent = version.text === currentText;
            return (
              <li key={`${version.at}-${i}`} className={styles.item} data-testid="version" data-kind={version.kind}>
                <div className={styles.line}>
                  <span className={styles.kind}>{kind}</span>
                  <span className={styles.meta}>{at}</span>
                </div>
                {version.instruction ? <p className={styles.meta}>{t("ui.versions.instruction", { instruction: version.instruction })}</p> : null}
                {version.text === null ? (
                  <p className={styles.meta}>{t("ui.versions.purged")}</p>
                ) : (
                  <p className={styles.excerpt}>{version.text}</p>
                )}
                <div>
                  {isCurrent ? (
                    <span className={styles.meta}>{t("ui.versions.current")}</span>
                  ) : version.text !== null && !isReadOnly ? (
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
          })}
        </ol>
      ) : null}
    </section>
  );
}
