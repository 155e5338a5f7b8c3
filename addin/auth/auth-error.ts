// Owns the sign-in failures the adviser can be told about: stable codes and their French messages (small: it is in the pane's first download).
import type { MessageKey } from "../../src/i18n";

/** Why no token could be obtained; each code has a message under `auth.error.*`. */
export type AuthErrorCode = "auth_cancelled" | "auth_popup_blocked" | "auth_network" | "auth_consent_required" | "auth_unavailable" | "auth_failed";

/** A failed sign-in. The code is the contract; `cause` keeps the library's error (never shown, never logged). */
export class AuthError extends Error {
  readonly code: AuthErrorCode;

  constructor(code: AuthErrorCode, options: { cause?: unknown } = {}) {
    super(code, { cause: options.cause });
    this.name = "AuthError";
    this.code = code;
  }
}

const AUTH_ERROR_CODES: readonly AuthErrorCode[] = ["auth_cancelled", "auth_popup_blocked", "auth_network", "auth_consent_required", "auth_unavailable", "auth_failed"];

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
