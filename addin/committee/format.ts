// Owns how the committee page writes its figures: numbers, shares, months, dates and the names of tasks and templates.
import type { Locale, Translate } from "../../src/i18n/core";
import { isTaskId, TASKS, TEMPLATE_IDS, TEMPLATES, type TemplateId } from "../../src/tasks/catalogue";

const tag = (locale: Locale): string => (locale === "en" ? "en-GB" : "fr-FR");

/** A count or a ratio, with at most `digits` decimals ("1 250", "0,4"). */
export function formatNumber(value: number, locale: Locale, digits = 0): string {
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: digits }).format(value);
}

/** A share of 0..1 as a whole percentage ("83 %"). */
export function formatShare(share: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale), { style: "percent", maximumFractionDigits: 0 }).format(share);
}

/** "2026-11" as "novembre 2026" / "November 2026"; anything else is returned as it came. */
export function formatMonth(month: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  // Noon UTC on the 1st: the same month in every time zone.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1, 12));
  return new Intl.DateTimeFormat(tag(locale), { month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

/** The short form of a month for chart axes ("nov. 2026"). */
export function formatMonthShort(month: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1, 12));
  return new Intl.DateTimeFormat(tag(locale), { month: "short", year: "2-digit", timeZone: "UTC" }).format(date);
}

/** An ISO instant as a date and time in the reader's zone ("14 oct. 2026, 09:30"). */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** The name of a task id ("interview-minutes" → "Compte-rendu d'entretien"); an unknown id is shown as it is. */
export function taskLabel(task: string, t: Translate): string {
  return isTaskId(task) ? t(TASKS[task].labelKey) : task;
}

function isTemplateId(value: string): value is TemplateId {
  return (TEMPLATE_IDS as readonly string[]).includes(value);
}

/**
 * The name of a pre-prompt key: a task ("member-email") or a task's template ("interview-minutes.complaint" →
 * "Compte-rendu d'entretien — Entretien de réclamation").
 */
export function variantLabel(key: string, t: Translate): string {
  const [task = key, template] = key.split(".");
  if (template && isTemplateId(template)) return `${taskLabel(task, t)} — ${t(TEMPLATES[template].labelKey)}`;
  return taskLabel(task, t);
}

/** "interview-minutes.complaint@2" → its variant key "interview-minutes.complaint". */
export function variantKeyOf(prePromptId: string): string {
  return prePromptId.replace(/@\d+$/, "");
}

/** An id usable in the page for a pre-prompt version (anchors from the task cards to the registry). */
export function prePromptAnchor(prePromptId: string): string {
  return `preprompt-${prePromptId.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}
