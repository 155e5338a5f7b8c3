// Owns the messages between the main thread and the PGlite worker: requests, replies, and errors that keep their
// PostgreSQL fields.

/** `tx` 0 runs outside any transaction (queued behind an open one, as PGlite does). */
export type WorkerRequest =
  | {
      readonly id: number;
      readonly op: "query";
      readonly sql: string;
      readonly params: readonly unknown[];
      readonly tx: number;
    }
  | { readonly id: number; readonly op: "exec"; readonly sql: string; readonly tx: number }
  | { readonly id: number; readonly op: "begin" }
  | { readonly id: number; readonly op: "end"; readonly tx: number; readonly commit: boolean }
  | { readonly id: number; readonly op: "close" };

/** Id 0 answers the opening of the database. */
export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly value?: unknown }
  | { readonly id: number; readonly ok: false; readonly error: WireError };

/** An error as it crosses the thread boundary: its message and the string fields of a PostgreSQL error. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly fields: Readonly<Record<string, string>>;
}

// The fields node-postgres and PGlite both set on a DatabaseError; callers branch on `code` (23505, 22P05…).
const PG_FIELDS = [
  "code",
  "severity",
  "detail",
  "hint",
  "position",
  "where",
  "schema",
  "table",
  "column",
  "dataType",
  "constraint",
  "routine",
] as const;

/** What of `error` survives postMessage: structured clone would drop every field but the message. */
export function toWire(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: "Error", message: String(error), fields: {} };
  const fields: Record<string, string> = {};
  for (const key of PG_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[key];
    if (typeof value === "string") fields[key] = value;
  }
  return { name: error.name, message: error.message, fields };
}

/** The error a caller on the main thread sees: an Error with the same message, name and PostgreSQL fields. */
export function fromWire(wire: WireError): Error {
  const error = new Error(wire.message);
  error.name = wire.name;
  return Object.assign(error, wire.fields);
}
