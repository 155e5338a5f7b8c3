// Owns the pane's frame (header, main region) and the placeholder painted before the host answers.
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useI18n } from "../hooks/use-i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    boxSizing: "border-box",
    maxWidth: "720px",
    marginLeft: "auto",
    marginRight: "auto",
  },
  header: {
    display: "flex",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
  },
  // Title and tagline share a line when the pane is wide enough, and wrap under each other when it is not.
  titles: {
    display: "flex",
    alignItems: "baseline",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    flexGrow: 1,
    minWidth: 0,
  },
  actions: { flexShrink: 0, marginTop: `calc(-1 * ${tokens.spacingVerticalXXS})` },
  tagline: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXXL,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
  },
  bone: {
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/**
 * Header plus main region; with `isBusy`, grey blocks shaped like the form hold its place (no jump when it arrives).
 * `actions` sit at the header's end (the pane menu, once the API is there to serve it).
 */
export function PaneShell({
  isBusy = false,
  actions,
  children,
}: {
  isBusy?: boolean;
  actions?: ReactNode;
  children?: ReactNode;
}): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <div className={styles.titles}>
          <h1 className={styles.title}>{t("ui.app.title")}</h1>
          <p className={styles.tagline}>{t("ui.app.tagline")}</p>
        </div>
        {actions ? <div className={styles.actions}>{actions}</div> : null}
      </header>
      <main className={styles.main} aria-busy={isBusy} data-testid="pane-main">
        {isBusy ? (
          <div role="status" aria-label={t("ui.app.loading")} data-testid="pane-loading">
            <div className={styles.bone} style={{ height: 52, marginBottom: 16 }} />
            <div className={styles.bone} style={{ height: 40, marginBottom: 16 }} />
            <div className={styles.bone} style={{ height: 220, marginBottom: 16 }} />
            <div className={styles.bone} style={{ height: 32 }} />
          </div>
        ) : (
          children
        )}
      </main>
    </div>
  );
}
