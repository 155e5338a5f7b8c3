// Owns the .docx export of a validated text (loaded on demand: the docx library is the pane's heaviest dependency).
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { toBlocks, type Run } from "../lib/draft-blocks";

/** What the Word export puts around the draft: title, subtitle and transparency notice. */
export interface DocxMeta {
  /** Document title (the task's name). */
  readonly title: string;
  /** One line under the title: member, date. */
  readonly subtitle?: string;
  /** The transparency notice decided by the server, printed at the end when there is one. */
  readonly notice?: string | null;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

function runs(list: readonly Run[]): TextRun[] {
  return list.map((r) => new TextRun({ text: r.text, bold: r.isBold }));
}

/** Builds the Word document of `text` (headings, paragraphs, bullets), as a Blob ready to download. */
export async function draftToDocx(text: string, meta: DocxMeta): Promise<Blob> {
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(meta.title)] })];
  if (meta.subtitle) children.push(new Paragraph({ children: [new TextRun({ text: meta.subtitle, italics: true })] }));
  for (const block of toBlocks(text)) {
    if (block.type === "heading") {
      children.push(new Paragraph({ heading: HEADINGS[block.level - 1] ?? HeadingLevel.HEADING_3, children: runs(block.runs) }));
    } else if (block.type === "paragraph") {
      children.push(new Paragraph({ children: block.lines.flatMap((line, i) => (i === 0 ? runs(line) : [new TextRun({ break: 1 }), ...runs(line)])) }));
    } else {
      for (const item of block.items) children.push(new Paragraph({ bullet: { level: 0 }, children: runs(item) }));
    }
  }
  if (meta.notice) children.push(new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: meta.notice, italics: true })] }));
  const document = new Document({ creator: "Greffier", title: meta.title, sections: [{ children }] });
  return Packer.toBlob(document);
}
