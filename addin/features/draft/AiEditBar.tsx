// Owns the AI edit controls under the draft: three common instructions and a free one, each rewriting the current
// draft.
import { Button, Field, Input, makeStyles, tokens, Tooltip } from "@fluentui/react-components";
import { SparkleRegular } from "@fluentui/react-icons";
import { useId, useState, type ReactNode } from "react";
import type { MessageKey } from "../../../src/i18n/core";
import { useI18n } from "../../hooks/use-i18n";

const PRESETS: readonly { label: MessageKey; instruction: MessageKey; id: string }[] = [
  { id: "concise", label: "ui.revise.concise", instruction: "ui.revise.concise_instruction" },
  { id: "formal", label: "ui.revise.formal", instruction: "ui.revise.formal_instruction" },
  { id: "member", label: "ui.revise.member", instruction: "ui.revise.member_instruction" },
];

/** The contract's limit on an instruction. */
const MAX_INSTRUCTION_CHARS = 300;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  free: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  input: { flexGrow: 1, minWidth: 0 },
  hint: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
});

/** Where the adviser's instruction goes, and whether an edit may start now. */
export interface AiEditBarProps {
  /** Starts the AI edit with this instruction. */
  readonly onRevise: (instruction: string) => void;
  readonly isDisabled: boolean;
  /** Why the AI edit cannot run at all (no model): shown as the hint and as each button's tooltip. */
  readonly disabledReason?: string | undefined;
}

/** The AI edit section of the review. */
export function AiEditBar({ onRevise, isDisabled, disabledReason }: AiEditBarProps): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const headingId = useId();
  const hintId = useId();
  const [instruction, setInstruction] = useState("");
  const trimmed = instruction.trim();
  const apply = (): void => {
    if (trimmed === "" || isDisabled) return;
    onRevise(trimmed);
    setInstruction("");
  };
  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="revise">
      <h3 id={headingId} className={styles.heading}>
        {t("ui.revise.title")}
      </h3>
      <div className={styles.buttons}>
        {PRESETS.map((preset) => {
          const button = (
            <Button
              key={preset.id}
              size="small"
              icon={<SparkleRegular />}
              disabledFocusable={isDisabled}
              aria-describedby={hintId}
              onClick={() => {
                if (!isDisabled) onRevise(t(preset.instruction));
              }}
              data-testid={`revise-${preset.id}`}
            >
              {t(preset.label)}
            </Button>
          );
          // A disabled button says why on hover and focus; the same reason is the hint below, for screen readers.
          return disabledReason ? (
            <Tooltip key={preset.id} content={disabledReason} relationship="description">
              {button}
            </Tooltip>
          ) : (
            button
          );
        })}
      </div>
      <div className={styles.free}>
        <Field className={styles.input} label={t("ui.revise.free_label")} size="small">
          <Input
            size="small"
            value={instruction}
            disabled={disabledReason !== undefined}
            maxLength={MAX_INSTRUCTION_CHARS}
            placeholder={t("ui.revise.free_placeholder")}
            onChange={(_, data) => setInstruction(data.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                apply();
              }
            }}
            data-testid="revise-instruction"
          />
        </Field>
        <Button
          size="small"
          disabledFocusable={isDisabled || trimmed === ""}
          onClick={apply}
          data-testid="revise-apply"
        >
          {t("ui.revise.apply")}
        </Button>
      </div>
      <p id={hintId} className={styles.hint} data-testid="revise-hint">
        {disabledReason ?? t("ui.revise.hint")}
      </p>
    </section>
  );
}
