// Owns the React root of an entry page: render at once (the shell paints first), the host resolves behind it.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { browserLocale } from "../hosts/browser";
import type { HostAdapter } from "../hosts/host-adapter";
import { Root } from "./Root";

/**
 * Renders the pane into `#root`.
 * @throws Error when the page has no `#root` element (a broken HTML template).
 */
export function mountPane(loadHost: () => Promise<HostAdapter>): void {
  const container = document.getElementById("root");
  if (!container) throw new Error("#root missing from the page");
  createRoot(container).render(
    <StrictMode>
      <Root loadHost={loadHost} initialLocale={browserLocale()} />
    </StrictMode>,
  );
}
