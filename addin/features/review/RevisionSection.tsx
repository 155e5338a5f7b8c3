// Owns what the review offers to rework the draft: the AI edit bar, why the last edit failed, and the version history.
import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { HistoryRegular } from "@fluentui/react-icons";
import { lazy, Suspense, useId, type ReactNode } from "react";
import { useI18n } from "../../hooks/use-i18n";
import type { DraftPhase } from "../../lib/draft-session";
import { AiEditBar } from "../draft/AiEditBar";
import type { VersionsState } from "./use-review";

// The history is opened now and then: its own chunk, fetched when asked for.
const VersionsPanel = lazy(() =>
  import(/* webpackChunkName: "versions" */ "../versions/VersionsPanel").then((m) => ({ default: m.VersionsPanel })),
);

const useStyles = makeStyles({
  revision: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  hint: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
});

/** The draft under review, its text, the history's state, and where an AI edit goes. */
export interface RevisionSectionProps {
  readonly phase: Extract<DraftPhase, { kind: "review" }>;
  readonly text: string;
  readonly versions: VersionsState;
  readonly onRevise: (instruction: string) => void;
}

/** AI edit, then "Historique des versions" with its panel and the restore status. */
export function RevisionSection({ phase, text, versions, onRevise }: RevisionSectionProps): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const versionsId = useId();
  const cannotRevise = phase.generation.canRevise === false;
  return (
    <div className={styles.revision}>
      <AiEditBar
        isDisabled={phase.isSaving || cannotRevise}
        disabledReason={cannotRevise ? t("ui.revise.needs_model") : undefined}
        onRevise={onRevise}
      />
      {phase.reviseProblem ? (
        <MessageBar intent="error" layout="multiline" politeness="assertive" data-testid="revise-error">
          <MessageBarBody>{t("ui.revise.failed", { reason: phase.reviseProblem.detail })}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div>
        <Button
          size="small"
          appearance="subtle"
          icon={<HistoryRegular />}
          aria-expanded={versions.isOpen}
          aria-controls={versionsId}
          onClick={versions.toggle}
          data-testid="versions-toggle"
        >
          {t("ui.versions.open")}
        </Button>
      </div>
      <div id={versionsId}>
        {versions.isOpen ? (
          <Suspense fallback={<p className={styles.hint}>{t("ui.versions.loading")}</p>}>
            <VersionsPanel
              generationId={phase.generation.id}
              currentText={text}
              isReadOnly={phase.isSaving}
              onRestore={versions.restore}
            />
          </Suspense>
        ) : null}
      </div>
      <p className={styles.hint} role="status" data-testid="versions-status">
        {versions.notice}
      </p>
    </div>
  );
}
