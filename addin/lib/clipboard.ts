// Owns copying text: the async Clipboard API where the frame allows it, the old selection trick where it does not.

/**
 * Copies `text` to the clipboard. Office and Teams frames do not always grant `clipboard-write`, hence the fallback.
 * @throws Error when neither way works.
 */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch (error) {
      console.warn("Clipboard API refused; trying the selection fallback", error);
    }
  }
  // Selecting the hidden area takes the focus: give it back to the button the adviser pressed.
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  const isCopied = typeof document.execCommand === "function" && document.execCommand("copy");
  area.remove();
  previous?.focus();
  if (!isCopied) throw new Error("copy refused");
}

/** Offers `blob` as a download named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
