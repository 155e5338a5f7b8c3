// Owns what the review says about the stream: the live announcement, and the banners for a replaced, failed, cancelled
// or offline draft.
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useI18n } from "../../hooks/use-i18n";
import type { DraftPhase } from "../../lib/draft-session";

const useStyles = makeStyles({
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

/** The phase, what the live region says, and how to generate again. */
export interface StreamNoticesProps {
  readonly phase: DraftPhase;
  readonly announcement: string;
  readonly onRetry: () => void;
}

/** The announcer, then at most the banners that apply to this phase. */
export function StreamNotices({ phase, announcement, onRetry }: StreamNoticesProps): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const retry = (
    <MessageBarActions>
      <Button size="small" onClick={onRetry} data-testid="retry">
        {t("ui.retry")}
      </Button>
    </MessageBarActions>
  );
  const isDegraded = (phase.kind === "review" || phase.kind === "saved") && phase.generation.degraded;
  return (
    <>
      <div className={styles.visuallyHidden} role="status" aria-live="polite" data-testid="announcer">
        {announcement}
      </div>
      {phase.kind === "streaming" && phase.replacedReason !== undefined ? (
        <MessageBar intent="info" data-testid="replaced">
          <MessageBarBody>{t("ui.stream.replaced")}</MessageBarBody>
        </MessageBar>
      ) : null}
      {phase.kind === "failed" ? (
        <MessageBar intent="error" layout="multiline" politeness="assertive" data-testid="stream-error">
          <MessageBarBody>
            <MessageBarTitle>{t("ui.stream.error_title")}</MessageBarTitle> {phase.problem.detail} {t("ui.stream.kept")}
          </MessageBarBody>
          {retry}
        </MessageBar>
      ) : null}
      {phase.kind === "cancelled" ? (
        <MessageBar intent="info" layout="multiline" data-testid="cancelled">
          <MessageBarBody>{t("ui.stream.cancelled")}</MessageBarBody>
          {retry}
        </MessageBar>
      ) : null}
      {isDegraded ? (
        <MessageBar intent="warning" layout="multiline" data-testid="offline-banner">
          <MessageBarBody>
            <MessageBarTitle>{t("ui.facts.offline_title")}</MessageBarTitle> {t("offline.notice")}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
