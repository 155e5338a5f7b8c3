// Owns the start of a pane page (taskpane.html, tab.html): one host detection, the API client with the sign-in hook,
// the React root.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createApiClient } from "./api/client";
import { Root } from "./app/Root";
import { createTokenSources } from "./auth/access-token";
import { buildAuthConfig } from "./auth/auth-config";
import { browserLocale } from "./hosts/browser";
import type { HostAdapter } from "./hosts/host-adapter";
import { provideGraphTokens } from "./features/commitments/graph-access";
import { loadCatalogue } from "./lib/catalogue";

/** What the page's host detection may use: a delegated token for other resources (Graph), when the build signs in. */
export interface HostServices {
  readonly getTokenFor: ((scopes: readonly string[]) => Promise<string>) | null;
}

/**
 * Renders the pane into `#root` at once (the shell paints first) and wires the API client's `getAccessToken` to the
 * sign-in of this build (none when it has no client id). The host is detected once and shared by the app and the
 * sign-in, which needs it to pick its ladder.
 * @param detectHost - The page's host detection.
 * @throws Error when the page has no `#root` element (a broken HTML template).
 */
export function bootPane(detectHost: (services: HostServices) => Promise<HostAdapter>): void {
  const container = document.getElementById("root");
  if (!container) throw new Error("#root missing from the page");
  // The sign-in waits for the host (its ladder depends on it) and the host may ask the sign-in for tokens later:
  // the host is given a promise of the sign-in's host, settled by the detection below.
  let settleHost: (host: Promise<HostAdapter>) => void = () => undefined;
  const hostForTokens = new Promise<HostAdapter>((resolve) => {
    settleHost = resolve;
  });
  const tokens = createTokenSources({ config: buildAuthConfig(), host: hostForTokens, origin: window.location.origin });
  // Commitments become To Do tasks with the same sign-in (Tasks.ReadWrite through nested app authentication).
  provideGraphTokens(tokens.forScopes);
  // The host's language may be one the page has not loaded yet: the pane meets the host once its messages are in.
  const hostReady = detectHost({ getTokenFor: tokens.forScopes }).then(async (host) => {
    await loadCatalogue(host.locale);
    return host;
  });
  settleHost(hostReady);
  const loadHost = (): Promise<HostAdapter> => hostReady;
  const getAccessToken = tokens.api;
  const initialLocale = browserLocale();
  const root = createRoot(container);
  const render = (locale: HostAdapter["locale"]): void =>
    root.render(
      <StrictMode>
        <Root loadHost={loadHost} initialLocale={initialLocale} api={createApiClient({ locale, getAccessToken })} />
      </StrictMode>,
    );
  // English is fetched before the first paint, never shown half-French; French needs no wait.
  const painted = loadCatalogue(initialLocale).then(() => render(initialLocale));
  // The client speaks the host's language (Accept-Language, its own messages): rebuild it once the host says which.
  // No request is made before the host is known, so nothing goes out in the wrong one.
  hostReady.then(
    async (host) => {
      await painted;
      if (host.locale !== initialLocale) render(host.locale);
    },
    () => undefined, // Root reports a host that failed to start; the client keeps the page's language.
  );
}
