// Owns the list of figures to check: each one confirmed or corrected by the adviser, keyboard first.
import { Button, Field, Input, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CheckmarkRegular, EditRegular } from "@fluentui/react-icons";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { MessageKey } from "../../src/i18n";
import { contextOf, isInText, pendingCount, type FlagState } from "../lib/flags";
import { useI18n } from "../hooks/use-i18n";
import { usePanelCardStyles } from "./panel-card";

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
  intro: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
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
  snippet: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  status: { fontSize: tokens.fontSizeBase200, color: tokens.colorStatusSuccessForeground1, overflowWrap: "anywhere" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  correction: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/** The flagged figures, the text they are checked against, and the adviser's three decisions. */
export interface FlagListProps {
  readonly flags: readonly FlagState[];
  readonly text: string;
  readonly isReadOnly: boolean;
  readonly onConfirm: (id: number) => void;
  readonly onCorrect: (id: number, value: string) => void;
  readonly onReopen: (id: number) => void;
  /** Id given to the heading's count, so the editor can point at it. */
  readonly summaryId: string;
}

/** Every flagged figure with its place in the text and its two ways out: confirm or correct. */
export function FlagList(props: FlagListProps): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const card = usePanelCardStyles();
  const headingId = useId();
  const remaining = pendingCount(props.flags, props.text);
  return (
    <section aria-labelledby={headingId} className={mergeClasses(card.root, card.tinted)} data-testid="flags">
      <h3 id={headingId} className={card.heading}>
        {t("ui.flags.title")}{" "}
        <span id={props.summaryId} data-testid="flags-remaining">
          {remaining > 0 ? t("ui.flags.remaining", { count: remaining }) : t("ui.flags.all_done")}
        </span>
      </h3>
      <p className={styles.intro}>{t("ui.flags.intro")}</p>
      <ul className={styles.list}>
        {props.flags.map((flag) => (
          <FlagItem key={flag.id} flag={flag} {...props} />
        ))}
      </ul>
    </section>
  );
}

function FlagItem({ flag, text, isReadOnly, onConfirm, onCorrect, onReopen }: FlagListProps & { flag: FlagState }): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const [isCorrecting, setIsCorrecting] = useState(false);
  const [value, setValue] = useState(flag.figure.text);
  const input = useRef<HTMLInputElement>(null);
  const correctButton = useRef<HTMLButtonElement>(null);
  const wasCorrecting = useRef(false);
  const statusRef = useRef<HTMLSpanElement>(null);
  const returnFocus = useRef(false);
  const isPresent = isInText(flag, text);
  const snippet = flag.status === "pending" ? contextOf(flag, text) : null;
  const figure = flag.figure.text;

  useEffect(() => {
    if (isCorrecting) input.current?.focus();
    // Cancelled (Escape or Annuler): the field is gone, so put the keyboard back on "Corriger", not on the page top.
    else if (wasCorrecting.current && flag.status === "pending") correctButton.current?.focus();
    wasCorrecting.current = isCorrecting;
  }, [isCorrecting, flag.status]);
  useEffect(() => {
    // After a decision the buttons disappear: keep the keyboard user on this item, not at the top of the page.
    if (returnFocus.current && flag.status !== "pending") {
      returnFocus.current = false;
      statusRef.current?.focus();
    }
  }, [flag.status]);

  const apply = (): void => {
    if (value.trim() === "") return;
    returnFocus.current = true;
    setIsCorrecting(false);
    onCorrect(flag.id, value);
  };

  let status: ReactNode = null;
  if (flag.status === "confirmed") status = t("ui.flags.confirmed");
  else if (flag.status === "corrected") status = t("ui.flags.corrected", { value: flag.correction ?? "" });
  else if (!isPresent) status = t("ui.flags.removed");

  return (
    <li className={styles.item} data-testid={`flag-${flag.id}`} data-status={flag.status === "pending" && !isPresent ? "removed" : flag.status}>
      <div className={styles.line}>
        <span className={flag.status === "pending" && isPresent ? styles.figure : styles.figureDone}>{figure}</span>
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
      {!isReadOnly && flag.status === "pending" && isPresent && !isCorrecting ? (
        <div className={styles.buttons}>
          <Button
            size="small"
            icon={<CheckmarkRegular />}
            aria-label={t("ui.flags.confirm_aria", { text: figure })}
            onClick={() => {
              returnFocus.current = true;
              onConfirm(flag.id);
            }}
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
        <div className={styles.correction}>
          <Field label={t("ui.flags.correction_label", { text: figure })} size="small">
            <Input
              ref={input}
              size="small"
              value={value}
              onChange={(_, data) => setValue(data.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  apply();
                } else if (event.key === "Escape") {
                  setIsCorrecting(false);
                }
              }}
              data-testid={`flag-${flag.id}-value`}
            />
          </Field>
          <div className={styles.buttons}>
            <Button size="small" appearance="primary" disabledFocusable={value.trim() === ""} onClick={apply} data-testid={`flag-${flag.id}-apply`}>
              {t("ui.flags.apply")}
            </Button>
            <Button size="small" onClick={() => setIsCorrecting(false)}>
              {t("ui.flags.cancel")}
            </Button>
          </div>
        </div>
      ) : null}
      {!isReadOnly && flag.status === "confirmed" ? (
        <div className={styles.buttons}>
          <Button size="small" appearance="subtle" onClick={() => onReopen(flag.id)} data-testid={`flag-${flag.id}-reopen`}>
            {t("ui.flags.reopen")}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
