// Owns the choice of what to write: the task, the insurer template of the task, the kind of document to extract.
import { Field, makeStyles, Select } from "@fluentui/react-components";
import type { ReactNode } from "react";
import {
  TASK_IDS,
  TASKS,
  TEMPLATE_IDS,
  TEMPLATES,
  isTaskId,
  type TaskId,
  type TemplateId,
} from "../../../src/tasks/catalogue";
import { useI18n } from "../../hooks/use-i18n";
import { DOCUMENT_TYPE_IDS } from "../../lib/extraction-form";
import type { Capture } from "./use-capture";

const useStyles = makeStyles({
  // A native select is as wide as its longest option ("Recueil des exigences et besoins…"): hold it to the pane.
  select: { width: "100%", minWidth: 0, maxWidth: "100%" },
  selectControl: { minWidth: 0, textOverflow: "ellipsis" },
});

/** The templates offered for `task` (the interview minutes have three), in catalogue order. */
export function templatesFor(task: TaskId): TemplateId[] {
  return TEMPLATE_IDS.filter((id) => TEMPLATES[id].task === task);
}

type TaskChoice = Pick<Capture, "task" | "setTask" | "template" | "setTemplate" | "documentType" | "setDocumentType">;

/** The task select, then the template select when the task has templates, or the document type for an extraction. */
export function TaskFields({
  capture,
  isDisabled,
}: {
  readonly capture: TaskChoice;
  readonly isDisabled: boolean;
}): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const templates = templatesFor(capture.task);
  const template = capture.template && templates.includes(capture.template) ? capture.template : "";
  return (
    <>
      <Field label={t("ui.task.label")}>
        <Select
          value={capture.task}
          disabled={isDisabled}
          onChange={(_, data) => {
            if (isTaskId(data.value)) capture.setTask(data.value);
          }}
          data-testid="task"
        >
          {TASK_IDS.map((id) => (
            <option key={id} value={id}>
              {t(TASKS[id].labelKey)}
            </option>
          ))}
        </Select>
      </Field>

      {templates.length > 0 ? (
        <Field label={t("ui.template.label")} hint={t("ui.template.hint")}>
          <Select
            className={styles.select}
            select={{ className: styles.selectControl }}
            value={template}
            disabled={isDisabled}
            onChange={(_, data) => capture.setTemplate(templates.find((id) => id === data.value))}
            data-testid="template"
          >
            <option value="">{t("ui.template.general")}</option>
            {templates.map((id) => (
              <option key={id} value={id}>
                {t(TEMPLATES[id].labelKey)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}

      {capture.task === "document-extraction" ? (
        <Field label={t("ui.extraction.type.label")}>
          <Select
            className={styles.select}
            select={{ className: styles.selectControl }}
            value={capture.documentType ?? ""}
            disabled={isDisabled}
            onChange={(_, data) => capture.setDocumentType(DOCUMENT_TYPE_IDS.find((id) => id === data.value))}
            data-testid="document-type"
          >
            <option value="">{t("ui.extraction.type.auto")}</option>
            {DOCUMENT_TYPE_IDS.map((id) => (
              <option key={id} value={id}>
                {t(`ui.extraction.type.${id}`)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
    </>
  );
}
