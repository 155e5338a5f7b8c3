// Owns auth-redirect.html, msal-browser v5's redirect bridge: hands the answer Entra sent to a sign-in popup back to
// the pane that opened it.
import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";

// Nothing to show or log: the page only relays the answer, then MSAL closes it.
void broadcastResponseToMainFrame().catch(() => window.close());
