// Owns one figure to check: where it stands in the text, its status, and the adviser's buttons (confirm, correct,
// reopen).
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkRegular, EditRegular } from "@fluentui/react-icons";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useI18n } from "../../hooks/use-i18n";
import { isInText, type FlagState } from "../../lib/flags";
import { FlagCorrection } from "./FlagCorrection";
import { FlagFigure } from "./FlagFigure";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** The adviser's three decisions on a flagged figure. */
export interface FlagDecisions {
  readonly onConfirm: (id: number) => void;
  readonly onCorrect: (id: number, value: string) => void;
  readonly onReopen: (id: number) => void;
}

/** A list item for `flag`; the keyboard stays on the item as its buttons come and go. */
export function FlagItem({
  flag,
  text,
  isReadOnly,
  decisions,
}: {
  flag: FlagState;
  text: string;
  isReadOnly: boolean;
  decisions: FlagDecisions;
}): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const [isCorrecting, setIsCorrecting] = useState(false);
  const [value, setValue] = useState(flag.figure.text);
  const correctButton = useRef<HTMLButtonElement>(null);
  const wasCorrecting = useRef(false);
  const statusRef = useRef<HTMLSpanElement>(null);
  const returnFocus = useRef(false);
  const isPresent = isInText(flag, text);
  const isPending = flag.status === "pending";
  const figure = flag.figure.text;

  useEffect(() => {
    // Cancelled (Escape or Annuler): the field is gone, so put the keyboard back on "Corriger", not on the page top.
    if (!isCorrecting && wasCorrecting.current && flag.status === "pending") correctButton.current?.focus();
    wasCorrecting.current = isCorrecting;
    // After a decision the buttons disappear: keep the keyboard user on this item, not at the top of the page.
    if (returnFocus.current && flag.status !== "pending") {
      returnFocus.current = false;
      statusRef.current?.focus();
    }
  }, [isCorrecting, flag.status]);

  const decide = (decision: () => void): void => {
    returnFocus.current = true;
    decision();
  };
  const apply = (): void => {
    if (value.trim() === "") return;
    setIsCorrecting(false);
    decide(() => decisions.onCorrect(flag.id, value));
  };

  return (
    <li
      className={styles.item}
      data-testid={`flag-${flag.id}`}
      data-status={isPending && !isPresent ? "removed" : flag.status}
    >
      <FlagFigure flag={flag} text={text} statusRef={statusRef} />
      {!isReadOnly && isPending && isPresent && !isCorrecting ? (
        <div className={styles.buttons}>
          <Button
            size="small"
            icon={<CheckmarkRegular />}
            aria-label={t("ui.flags.confirm_aria", { text: figure })}
            onClick={() => decide(() => decisions.onConfirm(flag.id))}
            data-testid={`flag-${flag.id}-confirm`}
          >
            {t("ui.flags.confirm")}
          </Button>
          <Button
            ref={correctButton}
            size="small"
            icon={<EditRegular />}
            aria-label={t("ui.flags.correct_aria", { text: figure })}
            onClick={() => setIsCorrecting(true)}
            data-testid={`flag-${flag.id}-correct`}
          >
            {t("ui.flags.correct")}
          </Button>
        </div>
      ) : null}
      {isCorrecting ? (
        <FlagCorrection
          flagId={flag.id}
          figure={figure}
          value={value}
          onChange={setValue}
          onApply={apply}
          onCancel={() => setIsCorrecting(false)}
        />
      ) : null}
      {!isReadOnly && flag.status === "confirmed" ? (
        <div className={styles.buttons}>
          <Button
            size="small"
            appearance="subtle"
            onClick={() => decisions.onReopen(flag.id)}
            data-testid={`flag-${flag.id}-reopen`}
          >
            {t("ui.flags.reopen")}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
