// Owns "download as .docx" for any validated text: the Word chunk loaded on demand, a French file name, the task's
// headings.
import type { TemplateId, TaskId } from "../../src/tasks/catalogue";
import { downloadBlob } from "../lib/clipboard";
import { exportFileName, sectionTitles } from "../lib/export-name";

/** A validated text to export and what surrounds it in the document. */
export interface DocxExport {
  readonly text: string;
  readonly task: TaskId;
  readonly template?: TemplateId | null | undefined;
  /** Document title (the task's name, in the pane's language). */
  readonly title: string;
  readonly subtitle?: string;
  readonly notice: string | null;
  /** The file name's prefix for the task ("compte-rendu"). */
  readonly filePrefix: string;
  /** The day the file is named after: the save's, or today for a text just saved. */
  readonly date: Date;
}

/** Builds the .docx and offers it as a download; resolves with the file name. */
export async function downloadDocx(options: DocxExport): Promise<string> {
  const { draftToDocx } = await import(/* webpackChunkName: "export-docx" */ "./docx");
  const blob = await draftToDocx(options.text, {
    title: options.title,
    ...(options.subtitle ? { subtitle: options.subtitle } : {}),
    notice: options.notice,
    headings: sectionTitles(options.task, options.template),
  });
  const name = exportFileName(options.filePrefix, options.date);
  downloadBlob(blob, name);
  return name;
}
