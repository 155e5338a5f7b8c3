// Owns the message shown when the pane itself failed to render.
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useI18n } from "../hooks/use-i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground1,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  body: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
});

/** "Something went wrong, your notes are safe", with a reload button. */
export function ErrorNotice({ onReload }: { onReload: () => void }): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div role="alert" className={styles.root} data-testid="crash-notice">
      <h1 className={styles.title}>{t("ui.crash.title")}</h1>
      <p className={styles.body}>{t("ui.crash.body")}</p>
      <div>
        <Button appearance="primary" onClick={onReload}>
          {t("ui.crash.reload")}
        </Button>
      </div>
    </div>
  );
}
