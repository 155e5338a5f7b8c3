// Owns the review's heading and the status line under it: progress with Annuler while streaming, then the provider.
import { Button, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { ReactNode, RefObject } from "react";
import { useI18n } from "../../hooks/use-i18n";
import type { DraftPhase } from "../../lib/draft-session";

const useStyles = makeStyles({
  head: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  // Same height whether it shows progress, the provider or nothing: the editor below never moves.
  statusRow: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    minHeight: "32px",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  progress: { flexGrow: 1, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  provider: { overflowWrap: "anywhere" },
});

/** The phase to describe, the heading's id and ref (the panel scrolls to it), and how to stop the stream. */
export interface ReviewHeaderProps {
  readonly phase: DraftPhase;
  readonly headingId: string;
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  readonly onCancel: () => void;
}

/** "Brouillon" and its status line. */
export function ReviewHeader({ phase, headingId, headingRef, onCancel }: ReviewHeaderProps): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const generation = phase.kind === "review" || phase.kind === "saved" ? phase.generation : null;
  let status: ReactNode = null;
  if (phase.kind === "streaming") {
    status = (
      <>
        <div className={styles.progress}>
          <span>{t("ui.stream.progress")}</span>
          <ProgressBar thickness="medium" aria-label={t("ui.stream.progress")} data-testid="progress" />
        </div>
        <Button size="small" icon={<DismissRegular />} onClick={onCancel} data-testid="cancel">
          {t("ui.stream.cancel")}
        </Button>
      </>
    );
  } else if (generation) {
    const { name, model, region } = generation.provider;
    status = (
      <span className={styles.provider} data-testid="provider">
        {generation.degraded ? t("ui.facts.provider_offline") : t("ui.facts.provider", { name, model, region })}
      </span>
    );
  }
  return (
    <div className={styles.head}>
      <h2 id={headingId} ref={headingRef} className={styles.heading}>
        {t("ui.draft.label")}
      </h2>
      <div className={styles.statusRow} data-testid="status-row">
        {status}
      </div>
    </div>
  );
}
