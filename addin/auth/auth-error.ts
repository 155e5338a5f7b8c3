// Owns the sign-in failures the adviser can be told about: stable codes (carried by an AddinError) and their messages.
import type { MessageKey } from "../../src/i18n/core";

/** Why no token could be obtained; each code has a message under `auth.error.*`. */
export type AuthErrorCode =
  | "auth_cancelled"
  | "auth_popup_blocked"
  | "auth_network"
  | "auth_consent_required"
  | "auth_unavailable"
  | "auth_failed";

const AUTH_ERROR_CODES: readonly AuthErrorCode[] = [
  "auth_cancelled",
  "auth_popup_blocked",
  "auth_network",
  "auth_consent_required",
  "auth_unavailable",
  "auth_failed",
];

/** Whether a value (e.g. from a dialog message) is one of the codes. */
export function isAuthErrorCode(value: unknown): value is AuthErrorCode {
  return AUTH_ERROR_CODES.includes(value as AuthErrorCode);
}

/** The i18n key of a code's message. */
export function authMessageKey(code: AuthErrorCode): MessageKey {
  const keys: Record<AuthErrorCode, MessageKey> = {
    auth_cancelled: "auth.error.cancelled",
    auth_popup_blocked: "auth.error.popup_blocked",
    auth_network: "auth.error.network",
    auth_consent_required: "auth.error.consent_required",
    auth_unavailable: "auth.error.unavailable",
    auth_failed: "auth.error.failed",
  };
  return keys[code];
}
