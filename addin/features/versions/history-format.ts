// Owns how the history names a saved text's task and dates it, in the pane's language.
import type { MessageKey } from "../../../src/i18n";
import { TASKS, TEMPLATES, type TaskId, type TemplateId } from "../../../src/tasks/catalogue";

/** The template's label when there is one, else the task's. */
export function taskLabel(task: TaskId, template: TemplateId | null | undefined): MessageKey {
  return template ? TEMPLATES[template].labelKey : TASKS[task].labelKey;
}

/** Day and time of `iso` as the locale writes them ("05/12/2026", "14:05"). */
export function when(iso: string, locale: string): { date: string; time: string } {
  const tag = locale === "en" ? "en-GB" : "fr-FR";
  const d = new Date(iso);
  return {
    date: d.toLocaleDateString(tag, { day: "2-digit", month: "2-digit", year: "numeric" }),
    time: d.toLocaleTimeString(tag, { hour: "2-digit", minute: "2-digit" }),
  };
}
