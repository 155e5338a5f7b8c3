// Owns what the sign-in dialog page sends back to the task pane: a token or an error code, as one JSON string.
import { isAuthErrorCode, type AuthErrorCode } from "./auth-error";

/** The one message the dialog page sends through `messageParent`. */
export type DialogMessage =
  | { readonly kind: "token"; readonly accessToken: string; readonly expiresOnMs: number | null }
  | { readonly kind: "error"; readonly code: AuthErrorCode };

/** Serialises a dialog message. */
export function encodeDialogMessage(message: DialogMessage): string {
  return JSON.stringify(message);
}

/**
 * Reads a dialog message; anything else (another page's message, a truncated string) is null.
 * @param raw - The string `DialogMessageReceived` delivered.
 */
export function decodeDialogMessage(raw: string): DialogMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    // Not JSON: not a message of ours.
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.kind === "token" && typeof v.accessToken === "string" && v.accessToken !== "") {
    return {
      kind: "token",
      accessToken: v.accessToken,
      expiresOnMs: typeof v.expiresOnMs === "number" ? v.expiresOnMs : null,
    };
  }
  if (v.kind === "error" && isAuthErrorCode(v.code)) return { kind: "error", code: v.code };
  return null;
}
