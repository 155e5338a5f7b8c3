// Owns the small notice used in the first screen, where Fluent's MessageBar would cost more download than it gives.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
  },
  warning: {
    backgroundColor: tokens.colorStatusWarningBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}`,
  },
  info: {
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** A bordered message with optional actions; `role="alert"` only for what needs immediate attention. */
export function InlineNotice(props: {
  intent: "warning" | "info";
  children: ReactNode;
  actions?: ReactNode;
  isUrgent?: boolean;
  "data-testid"?: string;
}): ReactNode {
  const styles = useStyles();
  return (
    <div
      role={props.isUrgent ? "alert" : "status"}
      className={mergeClasses(styles.root, styles[props.intent])}
      data-testid={props["data-testid"]}
    >
      <div>{props.children}</div>
      {props.actions ? <div className={styles.actions}>{props.actions}</div> : null}
    </div>
  );
}
