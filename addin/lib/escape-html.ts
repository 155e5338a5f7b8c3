// Owns HTML escaping with no dependency, so launchevent.js (no DOM, no DOMPurify) can share it with the taskpane.

/**
 * Escapes text for an HTML text node or attribute.
 * @param text - Any text, model output included.
 * @returns The text with `& < > " '` as entities.
 */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}
