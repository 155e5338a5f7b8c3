// Owns the editable context of a generation (member, date, channel…): a one-line summary that opens into fields.
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useState, type ReactNode } from "react";
import type { MessageKey } from "../../../src/i18n";
import type { GenerationContext } from "../../../src/schemas/generation";
import { TASKS, type ContextFields as ContextFieldMap, type TaskId } from "../../../src/tasks/catalogue";
import { useI18n } from "../../hooks/use-i18n";

type ContextFieldName = keyof ContextFieldMap;

const LABELS: Record<ContextFieldName, MessageKey> = {
  memberName: "ui.context.memberName",
  memberId: "ui.context.memberId",
  subject: "ui.context.subject",
  date: "ui.context.date",
  channel: "ui.context.channel",
  tone: "ui.context.tone",
  language: "ui.context.language",
};

const useStyles = makeStyles({
  head: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  summary: {
    margin: 0,
    marginTop: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  fields: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalS,
  },
});

/** The context fields the task uses (language excepted: the minutes are written in French). */
export function fieldsFor(task: TaskId): ContextFieldName[] {
  return TASKS[task].inputs.context.filter((name) => name !== "language");
}

/** The context of one task (member, date, channel…) and where edits to it go. */
export interface ContextFieldsProps {
  readonly task: TaskId;
  readonly value: GenerationContext;
  readonly onChange: (next: GenerationContext) => void;
  readonly isDisabled: boolean;
}

/** Context summary with an "Edit" disclosure, closed at first: the notes field is what the adviser needs first. */
export function ContextFields({ task, value, onChange, isDisabled }: ContextFieldsProps): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const names = fieldsFor(task);
  const filled = names.map((n) => value[n]?.trim()).filter((v): v is string => Boolean(v));
  const [isOpen, setIsOpen] = useState(false);
  const headingId = useId();
  const panelId = useId();

  return (
    <section aria-labelledby={headingId} data-testid="context">
      <div className={styles.head}>
        <h2 id={headingId} className={styles.heading}>
          {t("ui.context.title")}
        </h2>
        <Button
          appearance="transparent"
          size="small"
          aria-expanded={isOpen}
          aria-controls={panelId}
          onClick={() => setIsOpen((open) => !open)}
          data-testid="context-toggle"
        >
          {isOpen ? t("ui.context.hide") : t("ui.context.edit")}
        </Button>
      </div>
      {isOpen ? (
        <div id={panelId} className={styles.fields}>
          {names.map((name) => (
            <Field key={name} label={t(LABELS[name])} size="small">
              <Input
                size="small"
                value={value[name] ?? ""}
                disabled={isDisabled}
                maxLength={name === "subject" ? 500 : 200}
                onChange={(_, data) => onChange({ ...value, [name]: data.value })}
                data-testid={`context-${name}`}
              />
            </Field>
          ))}
        </div>
      ) : (
        <p id={panelId} className={styles.summary} data-testid="context-summary">
          {filled.length > 0 ? filled.join(" · ") : t("ui.context.empty")}
        </p>
      )}
    </section>
  );
}
