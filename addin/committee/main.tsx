// Owns the committee page entry (committee.html): language (?lang=en or the browser's), the sign-in hook, then render.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createAccessTokenSource } from "../auth/access-token";
import { buildAuthConfig } from "../auth/auth-config";
import { browserLocale, createBrowserHost } from "../hosts/browser";
import { CommitteeRoot } from "./CommitteeRoot";
// Both catalogues at once: the committee switches language in place (the pane loads English on demand instead).
import "../../src/i18n";

const container = document.getElementById("root");
if (!container) throw new Error("#root missing from the page");
const initialLocale = browserLocale();
// The committee reads the page in a plain browser: the browser host drives the same sign-in as the pane
// (none in a build without a client id, where the server runs in dev mode).
const getAccessToken = createAccessTokenSource({
  config: buildAuthConfig(),
  host: Promise.resolve(createBrowserHost({ locale: initialLocale })),
  origin: window.location.origin,
});
createRoot(container).render(
  <StrictMode>
    <CommitteeRoot initialLocale={initialLocale} getAccessToken={getAccessToken} />
  </StrictMode>,
);
