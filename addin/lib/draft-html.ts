// Owns the only path from a draft to HTML: every character escaped, a fixed tag set, then DOMPurify as a second lock.
import DOMPurify from "dompurify";
import { toBlocks, type Run } from "./draft-blocks";
import { escapeHtml } from "./escape-html";

const ALLOWED_TAGS = ["p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em"];

function runsToHtml(runs: readonly Run[]): string {
  return runs
    .map((r) => {
      const text = r.isItalic ? `<em>${escapeHtml(r.text)}</em>` : escapeHtml(r.text);
      return r.isBold ? `<strong>${text}</strong>` : text;
    })
    .join("");
}

/**
 * Turns a validated plain-text draft into safe HTML for a mail or appointment body. The model's output is
 * treated as text: any markup in it is escaped, never interpreted; DOMPurify then strips anything outside the
 * fixed tag set and every attribute, in case an escaping bug ever slips through.
 */
export function draftToSafeHtml(draft: string, footer?: string | null): string {
  const parts = toBlocks(draft).map((block) => {
    switch (block.type) {
      case "heading":
        return `<h${block.level + 1}>${runsToHtml(block.runs)}</h${block.level + 1}>`;
      case "paragraph":
        return `<p>${block.lines.map(runsToHtml).join("<br>")}</p>`;
      case "list":
        return block.isOrdered
          ? `<ol>${block.items.map((item) => `<li>${runsToHtml(item)}</li>`).join("")}</ol>`
          : `<ul>${block.items.map((item) => `<li>${runsToHtml(item)}</li>`).join("")}</ul>`;
    }
  });
  if (footer) parts.push(`<p><em>${escapeHtml(footer)}</em></p>`);
  return DOMPurify.sanitize(parts.join(""), { ALLOWED_TAGS, ALLOWED_ATTR: [] });
}
