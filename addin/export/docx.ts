// Owns the .docx export of a validated text (loaded on demand: the docx library is the pane's heaviest dependency).
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from "docx";
import { toBlocks, type Run } from "../lib/draft-blocks";

/** What the Word export puts around the draft: title, subtitle and transparency notice. */
export interface DocxMeta {
  /** Document title (the task's name). */
  readonly title: string;
  /** One line under the title: member, date. */
  readonly subtitle?: string;
  /** The transparency notice decided by the server, printed at the end when there is one. */
  readonly notice?: string | null;
  /** Section titles of the task: lines of the clean text that are headings. */
  readonly headings?: readonly string[];
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
const BULLETS = ["•", "◦", "▪"];
const INDENT_TWIPS = 360;

function runs(list: readonly Run[]): TextRun[] {
  return list.map((r) => new TextRun({ text: r.text, bold: r.isBold, italics: r.isItalic === true }));
}

/** Word lists: real numbering definitions (w:numPr), bulleted and numbered, three levels each. */
const NUMBERING = {
  config: [
    {
      reference: "greffier-bullets",
      levels: BULLETS.map((text, level) => ({
        level,
        format: LevelFormat.BULLET,
        text,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: INDENT_TWIPS * (level + 1), hanging: INDENT_TWIPS / 2 } } },
      })),
    },
    {
      reference: "greffier-numbers",
      levels: (["%1.", "%2.", "%3."] as const).map((text, level) => ({
        level,
        format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level] ?? LevelFormat.DECIMAL,
        text,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: INDENT_TWIPS * (level + 1), hanging: INDENT_TWIPS / 2 } } },
      })),
    },
  ],
};

/**
 * Builds the Word document of `text` (Markdown or the editor's clean text) as a Blob ready to download: Word
 * heading styles, real bulleted and numbered lists, the notice at the end, and no Markdown marker left.
 */
export async function draftToDocx(text: string, meta: DocxMeta): Promise<Blob> {
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(meta.title)] })];
  if (meta.subtitle) children.push(new Paragraph({ children: [new TextRun({ text: meta.subtitle, italics: true })] }));
  let listInstance = 0;
  for (const block of toBlocks(text, { headings: meta.headings ?? [] })) {
    if (block.type === "heading") {
      children.push(
        new Paragraph({ heading: HEADINGS[block.level - 1] ?? HeadingLevel.HEADING_3, children: runs(block.runs) }),
      );
    } else if (block.type === "paragraph") {
      children.push(
        new Paragraph({
          children: block.lines.flatMap((line, i) =>
            i === 0 ? runs(line) : [new TextRun({ break: 1 }), ...runs(line)],
          ),
        }),
      );
    } else {
      // Each list numbers from 1 again.
      listInstance += 1;
      const reference = block.isOrdered ? "greffier-numbers" : "greffier-bullets";
      block.items.forEach((item, i) => {
        children.push(
          new Paragraph({
            numbering: { reference, level: block.levels?.[i] ?? 0, instance: listInstance },
            children: runs(item),
          }),
        );
      });
    }
  }
  if (meta.notice)
    children.push(
      new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: meta.notice, italics: true })] }),
    );
  const document = new Document({
    creator: "Greffier",
    title: meta.title,
    numbering: NUMBERING,
    sections: [{ children }],
  });
  return Packer.toBlob(document);
}
