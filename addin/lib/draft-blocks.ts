// Owns the reading of a plain-text draft (light Markdown: headings, bullets, bold) into blocks every exporter shares.

/** A run of text inside a block; `isBold` comes from `**…**`. */
export interface Run {
  readonly text: string;
  readonly isBold: boolean;
}

/** One block of the draft, in reading order. */
export type Block =
  | { readonly type: "heading"; readonly level: 1 | 2 | 3; readonly runs: readonly Run[] }
  | { readonly type: "paragraph"; readonly lines: readonly (readonly Run[])[] }
  | { readonly type: "list"; readonly items: readonly (readonly Run[])[] };

const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^\s*(?:[-*•])\s+(.*)$/;

/** Splits `**bold**` markers into runs; unmatched markers stay as typed. */
export function toRuns(line: string): Run[] {
  const runs: Run[] = [];
  const pattern = /\*\*(.+?)\*\*/g;
  let last = 0;
  for (const match of line.matchAll(pattern)) {
    if (match.index > last) runs.push({ text: line.slice(last, match.index), isBold: false });
    runs.push({ text: match[1] ?? "", isBold: true });
    last = match.index + match[0].length;
  }
  if (last < line.length) runs.push({ text: line.slice(last), isBold: false });
  return runs;
}

/** Reads the draft into headings, paragraphs (lines kept) and bullet lists. */
export function toBlocks(draft: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Run[][] | null = null;
  let list: Run[][] | null = null;
  const flush = (): void => {
    if (paragraph) blocks.push({ type: "paragraph", lines: paragraph });
    if (list) blocks.push({ type: "list", items: list });
    paragraph = null;
    list = null;
  };
  for (const raw of draft.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trimEnd();
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    if (line.trim() === "") {
      flush();
    } else if (heading) {
      flush();
      const level = Math.min(Math.max((heading[1] ?? "#").length - 1, 1), 3) as 1 | 2 | 3;
      blocks.push({ type: "heading", level, runs: toRuns((heading[2] ?? "").trim()) });
    } else if (bullet) {
      if (paragraph) flush();
      list ??= [];
      list.push(toRuns(bullet[1] ?? ""));
    } else {
      if (list) flush();
      paragraph ??= [];
      paragraph.push(toRuns(line.trim()));
    }
  }
  flush();
  return blocks;
}

/** The text a reader sees, without Markdown markers (plain-text bodies, clipboard). */
export function toPlainText(draft: string, footer?: string | null): string {
  const lines = toBlocks(draft).map((block) => {
    const text = (runs: readonly Run[]): string => runs.map((r) => r.text).join("");
    switch (block.type) {
      case "heading":
        return text(block.runs);
      case "paragraph":
        return block.lines.map(text).join("\n");
      case "list":
        return block.items.map((item) => `• ${text(item)}`).join("\n");
    }
  });
  if (footer) lines.push(footer);
  return lines.join("\n\n");
}
