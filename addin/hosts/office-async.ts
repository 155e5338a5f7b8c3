// Owns the one wrapper every Office callback API goes through: a Promise that rejects with a HostError, never a throw
// in a callback.
/// <reference types="office-js" />
import { hostError, type HostErrorCode } from "./host-adapter";

/**
 * Wraps an Office callback API in a Promise that rejects on failure (never throws inside the callback).
 * Callers await one call after the other: Outlook on the web allows only 3 in flight.
 * @param fn - Starts the Office call with the callback it is given.
 * @param code - The HostError code a failure is reported as.
 * @returns The call's value.
 * @throws HostError `code`, with Office's error as `cause`.
 */
export function call<T>(
  fn: (callback: (result: Office.AsyncResult<T>) => void) => void,
  code: HostErrorCode,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    fn((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
      else reject(hostError(code, { cause: result.error }));
    });
  });
}

/**
 * Whether the Outlook client implements a Mailbox requirement set.
 * @param version - The set's version, e.g. "1.11".
 * @returns False when office.js cannot tell (very old clients).
 */
export function isMailboxSetSupported(version: string): boolean {
  return Office.context.requirements?.isSetSupported("Mailbox", version) ?? false;
}
