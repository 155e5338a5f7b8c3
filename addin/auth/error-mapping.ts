// Owns the mapping of MSAL, Office dialog and Teams errors onto the sign-in codes (loaded with the sign-in, not in the
// pane's first download).
import { AddinError } from "../lib/errors";
import type { AuthErrorCode } from "./auth-error";

/** How MSAL failed, as far as the next step of the ladder cares. */
export type MsalFailure = "cancelled" | "popup_unavailable" | "network" | "consent_required" | "unavailable" | "other";

// MSAL v5 puts a link in `message`: its `errorCode` is what to branch on.
const CANCELLED = new Set(["user_cancelled", "user_canceled", "interrupted_user"]);
const POPUP_UNAVAILABLE = new Set([
  "popup_window_error",
  "empty_window_error",
  "block_nested_popups",
  "redirect_bridge_empty_response",
]);
const NETWORK = new Set([
  "no_network_connectivity",
  "network_error",
  "endpoints_resolution_error",
  "openid_config_error",
  "post_request_failed",
  "get_request_failed",
]);
const CONSENT = new Set(["consent_required", "access_denied", "invalid_resource", "unauthorized_client"]);
const UNAVAILABLE = new Set(["nested_app_auth_bridge_disabled", "non_browser_environment"]);

/**
 * Sorts an MSAL error by its `errorCode`.
 * @param error - Anything an MSAL call rejected with.
 */
export function classifyMsalError(error: unknown): MsalFailure {
  const code = typeof error === "object" && error !== null ? (error as { errorCode?: unknown }).errorCode : undefined;
  if (typeof code !== "string") return "other";
  if (CANCELLED.has(code)) return "cancelled";
  if (POPUP_UNAVAILABLE.has(code)) return "popup_unavailable";
  if (NETWORK.has(code)) return "network";
  if (CONSENT.has(code)) return "consent_required";
  if (UNAVAILABLE.has(code)) return "unavailable";
  return "other";
}

/** The code shown for an MSAL failure. */
export function authCodeOfMsal(failure: MsalFailure): AuthErrorCode {
  const codes: Record<MsalFailure, AuthErrorCode> = {
    cancelled: "auth_cancelled",
    popup_unavailable: "auth_popup_blocked",
    network: "auth_network",
    consent_required: "auth_consent_required",
    unavailable: "auth_unavailable",
    other: "auth_failed",
  };
  return codes[failure];
}

/**
 * The code for a failed Office dialog (an `office_dialog` error, Office's number as `status`): 12006 closed by the
 * user, 12007 one already
 * open, 12009 the user ignored or blocked it, 12011 the browser blocked it.
 */
export function authCodeOfDialog(error: unknown): AuthErrorCode {
  const code = error instanceof AddinError && error.code === "office_dialog" ? error.status : undefined;
  if (code === 12006) return "auth_cancelled";
  if (code === 12007 || code === 12009 || code === 12011) return "auth_popup_blocked";
  return "auth_failed";
}

/** The code for a failed Teams `authentication.getAuthToken` (teams-js rejects with a reason in the message). */
export function authCodeOfTeams(error: unknown): AuthErrorCode {
  const reason = error instanceof Error ? error.message : String(error);
  if (/cancel/i.test(reason)) return "auth_cancelled";
  if (/consent/i.test(reason)) return "auth_consent_required";
  if (/FailedToOpenWindow|popup/i.test(reason)) return "auth_popup_blocked";
  if (/network|offline/i.test(reason)) return "auth_network";
  return "auth_failed";
}
