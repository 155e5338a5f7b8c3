// Owns the Générer button: why it is disabled, and the question asked before a new draft replaces an edited one.
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { SparkleRegular } from "@fluentui/react-icons";
import { useId, type ReactNode } from "react";
import { InlineNotice } from "../../components/InlineNotice";
import { useI18n } from "../../hooks/use-i18n";
import type { Generate } from "./use-generate";

const useStyles = makeStyles({
  actions: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  hint: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
});

/** The generation's state; `blocker` says why Générer cannot run now (null when it can, or while generating). */
export interface GenerateActionsProps {
  readonly generate: Generate;
  readonly canGenerate: boolean;
  readonly blocker: string | null;
  readonly hasDraft: boolean;
}

/** The replace question when asked, the submit button, and the hint it is described by. */
export function GenerateActions({ generate, canGenerate, blocker, hasDraft }: GenerateActionsProps): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const hintId = useId();
  return (
    <div className={styles.actions}>
      {generate.isConfirmingReplace ? (
        <InlineNotice
          intent="warning"
          isUrgent
          data-testid="confirm-replace"
          actions={
            <>
              <Button size="small" appearance="primary" onClick={generate.run} data-testid="confirm-replace-yes">
                {t("ui.generate.replace")}
              </Button>
              <Button size="small" onClick={generate.cancelReplace}>
                {t("ui.generate.keep")}
              </Button>
            </>
          }
        >
          {t("ui.generate.confirm_replace")}
        </InlineNotice>
      ) : null}
      <Button
        type="submit"
        appearance={hasDraft ? "secondary" : "primary"}
        icon={<SparkleRegular />}
        disabledFocusable={!canGenerate}
        aria-describedby={blocker ? hintId : undefined}
        data-testid="generate"
      >
        {hasDraft ? t("ui.generate.again") : t("ui.generate")}
      </Button>
      {blocker ? (
        <p id={hintId} className={styles.hint} data-testid="generate-hint">
          {blocker}
        </p>
      ) : null}
    </div>
  );
}
