// Owns how one flagged figure reads: the figure, its kind, its status once decided, and the words around it in the
// text.
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode, RefObject } from "react";
import type { MessageKey } from "../../../src/i18n/core";
import { useI18n } from "../../hooks/use-i18n";
import { contextOf, isInText, type FlagState } from "../../lib/flags";

const KIND_KEYS: Record<string, MessageKey> = {
  amount: "ui.flags.kind.amount",
  percentage: "ui.flags.kind.percentage",
  date: "ui.flags.kind.date",
  time: "ui.flags.kind.time",
  phone: "ui.flags.kind.phone",
  plate: "ui.flags.kind.plate",
  reference: "ui.flags.kind.reference",
  number: "ui.flags.kind.number",
};

const useStyles = makeStyles({
  line: { display: "flex", alignItems: "baseline", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  figure: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorPaletteYellowBackground2,
    borderRadius: tokens.borderRadiusSmall,
    paddingLeft: tokens.spacingHorizontalXXS,
    paddingRight: tokens.spacingHorizontalXXS,
  },
  figureDone: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  kind: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  snippet: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  status: { fontSize: tokens.fontSizeBase200, color: tokens.colorStatusSuccessForeground1, overflowWrap: "anywhere" },
});

/** The figure's line and, while it waits for a decision, its context; `statusRef` takes the focus after a decision. */
export function FlagFigure({
  flag,
  text,
  statusRef,
}: {
  flag: FlagState;
  text: string;
  statusRef: RefObject<HTMLSpanElement | null>;
}): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const isPresent = isInText(flag, text);
  const snippet = flag.status === "pending" ? contextOf(flag, text) : null;

  let status: string | null = null;
  if (flag.status === "confirmed") status = t("ui.flags.confirmed");
  else if (flag.status === "corrected") status = t("ui.flags.corrected", { value: flag.correction ?? "" });
  else if (!isPresent) status = t("ui.flags.removed");

  return (
    <>
      <div className={styles.line}>
        <span className={flag.status === "pending" && isPresent ? styles.figure : styles.figureDone}>
          {flag.figure.text}
        </span>
        <span className={styles.kind}>{t(KIND_KEYS[flag.figure.kind] ?? "ui.flags.kind.number")}</span>
        {status ? (
          <span className={styles.status} ref={statusRef} tabIndex={-1} data-testid={`flag-${flag.id}-status`}>
            {status}
          </span>
        ) : null}
      </div>
      {snippet ? (
        <p className={styles.snippet}>
          {snippet.before}
          <strong>{snippet.match}</strong>
          {snippet.after}
        </p>
      ) : null}
    </>
  );
}
