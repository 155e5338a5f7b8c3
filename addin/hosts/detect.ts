// Owns the choice of host at start-up, once: Outlook when office.js says so, Teams on the tab page, the browser
// otherwise.
/// <reference types="office-js" />
import { createBrowserHost } from "./browser";
import type { HostAdapter } from "./host-adapter";

/** How long to wait for office.js before deciding we are in a plain browser (it answers in ~60 ms there). */
export const OFFICE_READY_TIMEOUT_MS = 4_000;
/** How long to wait for Teams to answer app.initialize inside a frame (teams-js itself waits 60 s). */
export const TEAMS_READY_TIMEOUT_MS = 8_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * The taskpane page's host: Outlook when office.js is loaded and reports Outlook with a mailbox, else the
 * browser. office.js missing (CDN unreachable) or silent is not an error: the page works without a host.
 */
export async function detectTaskpaneHost(timeoutMs: number = OFFICE_READY_TIMEOUT_MS): Promise<HostAdapter> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return createBrowserHost();
  const info = await withTimeout(Office.onReady(), timeoutMs).catch((error: unknown) => {
    console.warn("office.js did not start; continuing without a host", error);
    return undefined;
  });
  if (info?.host === Office.HostType.Outlook && Office.context?.mailbox) {
    const { createOutlookHost } = await import(/* webpackChunkName: "host-outlook" */ "./outlook");
    return createOutlookHost();
  }
  return createBrowserHost();
}

/**
 * The Teams tab page's host. teams-js is loaded only here, and only inside a frame: in a top-level window
 * there is no Teams to talk to, and a frame that is not Teams would make app.initialize wait a minute.
 * @param options - `getTokenFor`: delegated tokens for Graph (meeting transcripts), when the build signs in.
 */
export async function detectTeamsHost(
  timeoutMs: number = TEAMS_READY_TIMEOUT_MS,
  options: { readonly getTokenFor?: (scopes: readonly string[]) => Promise<string> } = {},
): Promise<HostAdapter> {
  if (window.parent === window) return createBrowserHost();
  const [{ connectTeamsHost }, { GRAPH_TRANSCRIPT_SCOPES }] = await Promise.all([
    import(/* webpackChunkName: "host-teams" */ "./teams"),
    import(/* webpackChunkName: "host-teams" */ "./teams-graph"),
  ]);
  const getTokenFor = options.getTokenFor;
  // With a sign-in, the meeting's transcript is read from Graph with the adviser's delegated token.
  const graph = getTokenFor ? { getToken: () => getTokenFor(GRAPH_TRANSCRIPT_SCOPES) } : undefined;
  const host = await withTimeout(connectTeamsHost(graph ? { graph } : {}), timeoutMs).catch((error: unknown) => {
    console.warn("Teams did not answer; continuing without a host", error);
    return undefined;
  });
  return host ?? createBrowserHost();
}
