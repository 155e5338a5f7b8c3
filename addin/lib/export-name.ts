// Owns the name and headings of an exported document: French, task and date, never a person's name.
import { TASKS, variantOf, type TaskId, type TemplateId } from "../../src/tasks/catalogue";

/** `YYYY-MM-DD` of `date` in the adviser's own time zone (a minute saved at 00:30 belongs to that day). */
export function localDay(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The file name of an export: the task's French prefix and the day ("compte-rendu-2026-12-05.docx"). Nothing
 * from the text or the context goes in it: a file name travels in mails and download folders.
 */
export function exportFileName(prefix: string, date: Date, extension = "docx"): string {
  const safe =
    prefix
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "document";
  return `${safe}-${localDay(date)}.${extension}`;
}

/** The section titles of a task (and of its template), which are the headings of its clean text. */
export function sectionTitles(task: TaskId, template?: TemplateId | null): string[] {
  const variant = variantOf(task, template ?? undefined);
  return (variant?.sections ?? TASKS[task].sections).map((s) => s.title);
}
