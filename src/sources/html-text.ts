// Owns the reading of an HTML mail body as the text a mail client shows: blocks as lines, quotes as "> " lines.
import { decodeEntities } from "./html-entities";

const BLOCK_TAGS = new Set([
  "p",
  "div",
  "li",
  "tr",
  "table",
  "tbody",
  "thead",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "pre",
  "address",
  "section",
  "article",
  "header",
  "footer",
  "dd",
  "dt",
  "dl",
  "center",
  "form",
  "fieldset",
  "figure",
  "body",
  "html",
]);
// Elements whose content is never shown.
const HIDDEN_RE = /<(head|style|script|title|template|xml)\b[^>]*>[\s\S]*?<\/\1\s*>/giu;
// Quotes deeper than this are shown at this depth: the thread reader stops there too, and lines stay short.
const MAX_QUOTE_DEPTH = 40;
const TOKEN_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*>|<!--[\s\S]*?(?:-->|$)|<![^>]*>|[^<]+|</gu;

/**
 * Turns an HTML mail body into text the thread reader understands: paragraphs, divisions and line breaks become lines,
 * `<blockquote>` becomes "> " quoting (nested once per level), `<hr>` Outlook's rule of underscores, list items "- "
 * lines; styles, scripts and comments are dropped and character references decoded. Linear in the input.
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = "";
  let depth = 0;
  let isPre = false;
  const prefix = () => "> ".repeat(Math.min(depth, MAX_QUOTE_DEPTH));
  const flush = (force = false) => {
    const text = line.replace(/[ \t]+$/u, "");
    if (text !== "" || force) lines.push(`${prefix()}${text}`.trimEnd());
    line = "";
  };
  for (const m of html.replace(HIDDEN_RE, " ").matchAll(TOKEN_RE)) {
    const [token, slash, rawName] = m;
    if (rawName === undefined) {
      if (token.startsWith("<!") || token === "<") continue;
      const text = decodeEntities(isPre ? token : token.replace(/[ \t\r\n\f]+/gu, " "));
      if (isPre) {
        const parts = text.split(/\r?\n/u);
        parts.forEach((part, i) => {
          if (i > 0) flush(true);
          line += part;
        });
      } else {
        line += line === "" || line === "- " ? text.replace(/^ +/u, "") : text;
      }
      continue;
    }
    const name = rawName.toLowerCase();
    const isClosing = slash === "/";
    if (name === "br") {
      flush(true);
    } else if (name === "hr") {
      flush();
      lines.push(`${prefix()}________________________________`);
    } else if (name === "blockquote") {
      flush();
      depth = Math.max(0, depth + (isClosing ? -1 : 1));
    } else if (name === "pre") {
      flush();
      isPre = !isClosing;
    } else if (name === "td" || name === "th") {
      if (isClosing && line !== "") line += " ";
    } else if (BLOCK_TAGS.has(name)) {
      flush();
      if (name === "li" && !isClosing) line = "- ";
    }
  }
  flush();
  return lines
    .join("\n")
    .replace(/\u00a0/gu, " ")
    .replace(/[ \t]+$/gmu, "")
    .replace(/\n{3,}/gu, "\n\n")
    .trim();
}
