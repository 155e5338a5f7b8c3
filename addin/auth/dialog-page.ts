// Owns auth-dialog.html, the Office dialog fallback: a standard MSAL redirect sign-in in the dialog, then the token (or
// an error code) sent back to the task pane.
import { createStandardPublicClientApplication } from "@azure/msal-browser";
import { t, toLocale, type Locale } from "../../src/i18n";
import { sendToOpener, whenOfficeReady } from "../hosts/office-dialog";
import { AUTH_DIALOG_PAGE, authPageUrl, buildAuthConfig } from "./auth-config";
import { authCodeOfMsal, classifyMsalError } from "./error-mapping";
import { encodeDialogMessage, type DialogMessage } from "./dialog-message";
import { msalConfiguration } from "./sign-in";

// The browser's language until office.js gives Office's own.
let locale: Locale = toLocale(navigator.language);

function show(text: string): void {
  const root = document.getElementById("root");
  if (root) root.textContent = text;
}

function finish(message: DialogMessage): void {
  show(t(message.kind === "token" ? "auth.dialog.done" : "auth.dialog.failed", {}, locale));
  sendToOpener(encodeDialogMessage(message));
}

/**
 * First visit: start the redirect to Entra. Back from Entra (same page, the redirect URI): read the answer and hand
 * the token to the pane. Redirects work in the dialog where popups do not, which is why this page exists.
 */
async function run(): Promise<void> {
  show(t("auth.dialog.progress", {}, locale));
  locale = toLocale((await whenOfficeReady()) ?? navigator.language);
  const config = buildAuthConfig();
  if (!config) {
    finish({ kind: "error", code: "auth_unavailable" });
    return;
  }
  const client = await createStandardPublicClientApplication(
    msalConfiguration(config, authPageUrl(AUTH_DIALOG_PAGE, window.location.origin)),
  );
  const result = await client.handleRedirectPromise();
  if (result) {
    finish({
      kind: "token",
      accessToken: result.accessToken,
      expiresOnMs: result.expiresOn instanceof Date ? result.expiresOn.getTime() : null,
    });
    return;
  }
  await client.acquireTokenRedirect({ scopes: [config.apiScope] });
}

run().catch((error: unknown) => finish({ kind: "error", code: authCodeOfMsal(classifyMsalError(error)) }));
