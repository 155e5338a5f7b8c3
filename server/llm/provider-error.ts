// Owns the classification of provider failures: what may be retried, after how long, and what to call it.
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";

/** How a provider call failed; a metric label, never any text of the call. */
export type ProviderFailureKind = "timeout" | "status" | "network" | "malformed" | "empty" | "stalled" | "cut";

/** A failed call to one provider; `isRetryable` says whether the same provider may be asked again. */
export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderFailureKind,
    readonly isRetryable: boolean,
    options: { status?: number | undefined; retryAfterMs?: number | undefined; cause?: unknown; message?: string } = {},
  ) {
    super(options.message ?? `provider ${kind}${options.status ? ` ${options.status}` : ""}`, { cause: options.cause });
    this.name = "ProviderError";
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
}

const RETRYABLE_STATUS = new Set([408, 409, 425, 429, 500, 502, 503, 504, 529]);

/** Reads `retry-after-ms` or `retry-after` (seconds or an HTTP date) into milliseconds. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers.get("retry-after-ms"));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Turns whatever the SDK or our own checks threw into a ProviderError. */
export function toProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  if (error instanceof APIUserAbortError) return new ProviderError("timeout", true, { cause: error });
  // The timeout is a subclass of the connection error: test it first.
  if (error instanceof APIConnectionTimeoutError) return new ProviderError("timeout", true, { cause: error });
  if (error instanceof APIConnectionError) return new ProviderError("network", true, { cause: error });
  if (error instanceof APIError && typeof error.status === "number") {
    return new ProviderError("status", RETRYABLE_STATUS.has(error.status), {
      status: error.status,
      retryAfterMs: retryAfterMs(error.headers),
      cause: error,
    });
  }
  if (error instanceof SyntaxError) return new ProviderError("malformed", true, { cause: error });
  return new ProviderError("network", true, { cause: error });
}
