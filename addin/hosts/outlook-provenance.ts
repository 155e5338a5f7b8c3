// Owns the Greffier state of an Outlook message being written, shared by the task pane and the OnMessageSend handler:
// pending and validated AI drafts, the provenance header, the notice in the body.
// Bundled into launchevent.js too, which classic Outlook runs in an ECMAScript 2016 runtime: no library call newer than
// that here.
/// <reference types="office-js" />
import type { TransparencyCase } from "../../src/schemas/minutes";
import type { DraftRecord, ValidatedRecord } from "./host-adapter";
import { escapeHtml } from "../lib/escape-html";
import { call, isMailboxSetSupported } from "./office-async";

/** Item state: id of the generation whose AI draft the adviser has not validated for this message yet. */
export const PENDING_PROPERTY = "greffierPending";

/** Item state: JSON of the validated text written into this message (a `StoredValidation`). */
export const VALIDATED_PROPERTY = "greffierValidated";

/** The internet header that records, machine-readably, where the text of a sent message came from. */
export const PROVENANCE_HEADER = "X-Greffier-Provenance";

/** The validation kept on the item. Compact: custom properties allow 2,500 characters per add-in and item. */
export interface StoredValidation {
  readonly generationId: string;
  /** `task@version` of the pre-prompt. */
  readonly prePromptId: string;
  readonly case: TransparencyCase;
  /** The transparency notice the server decided; null when none is owed (`human-with-ai`). */
  readonly label: string | null;
}

/** What the item says about Greffier drafts, as the send check reads it. */
export interface SendState {
  /** Generations whose AI draft was obtained for this message and not validated (normally none or one). */
  readonly pendingIds: readonly string[];
  /** The validated text last written into this message, if any. */
  readonly validated: StoredValidation | null;
}

/** One store's view of the state (custom properties or session data). */
interface StoredState {
  readonly pending: string | null;
  readonly validated: StoredValidation | null;
}

const CASES: readonly TransparencyCase[] = ["ai-only", "ai-validated", "human-with-ai"];

/**
 * The record kept on the item for a validated text.
 * @param record - What the pane knows when it writes the text.
 * @returns The compact form stored as JSON.
 */
export function toStoredValidation(record: ValidatedRecord): StoredValidation {
  return {
    generationId: record.generationId,
    prePromptId: record.prePromptId,
    case: record.transparency.case,
    label: record.transparency.label,
  };
}

/**
 * Reads a stored validation back; anything malformed counts as absent (an older or foreign value).
 * @param raw - The property's value (a JSON string).
 * @returns The validation, or null.
 */
export function parseStoredValidation(raw: unknown): StoredValidation | null {
  if (typeof raw !== "string" || raw === "") return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    // Not ours, or cut short: treated as no validation, so a pending draft still holds the mail.
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.generationId !== "string" || typeof v.prePromptId !== "string") return null;
  if (!CASES.includes(v.case as TransparencyCase)) return null;
  if (v.label !== null && typeof v.label !== "string") return null;
  return { generationId: v.generationId, prePromptId: v.prePromptId, case: v.case as TransparencyCase, label: v.label };
}

/** Keeps header parameters to a safe alphabet: no CR/LF, `;` or `=` can come from stored state into a header. */
const headerToken = (value: string): string => value.replace(/[^A-Za-z0-9@._-]/g, "");

/**
 * The `X-Greffier-Provenance` value of a validated text, e.g. `ai-validated; prompt=member-email@1; generation=<id>`.
 * @param validation - The stored validation.
 * @returns The header value (ASCII only).
 */
export function provenanceHeaderValue(validation: StoredValidation): string {
  return `${validation.case}; prompt=${headerToken(validation.prePromptId)}; generation=${headerToken(validation.generationId)}`;
}

/**
 * Merges the two stores. Every pending id either store holds counts (the careful reading: a failed clear in one
 * store keeps the mail held rather than letting it through); the validation prefers the store whose validation
 * matches a pending draft, then custom properties.
 */
export function mergeStoredStates(properties: StoredState, session: StoredState | null): SendState {
  const pendingIds = [
    ...new Set(
      [properties.pending, session?.pending].filter((id): id is string => typeof id === "string" && id !== ""),
    ),
  ];
  const candidates = [properties.validated, session?.validated ?? null].filter(
    (v): v is StoredValidation => v !== null,
  );
  const validated = candidates.find((v) => pendingIds.includes(v.generationId)) ?? candidates[0] ?? null;
  return { pendingIds, validated };
}

/** Text as Outlook may hand it back: its own spaces (nbsp, narrow nbsp), curly apostrophes, reflowed lines. */
function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();
}

/**
 * Whether `body` holds `notice` (compared with spacing and apostrophes normalised).
 * @param body - The message body as text.
 * @param notice - The transparency notice.
 */
export function bodyHoldsNotice(body: string, notice: string): boolean {
  return normalise(body).includes(normalise(notice));
}

// ── Office calls on one message being written ──

/** The store that survives the draft being saved and reopened. */
function loadProperties(item: Office.MessageCompose): Promise<Office.CustomProperties> {
  return call<Office.CustomProperties>((cb) => item.loadCustomPropertiesAsync(cb), "host_read_failed");
}

/**
 * Session data (Mailbox 1.11) is the store Microsoft documents for handing state from the task pane to an event
 * handler of the same compose session; custom properties are written too, since they also cover clients below
 * 1.11 and a draft reopened later.
 */
function sessionOf(item: Office.MessageCompose): Office.SessionData | null {
  return isMailboxSetSupported("1.11") && "sessionData" in item && item.sessionData ? item.sessionData : null;
}

async function readSession(session: Office.SessionData): Promise<StoredState> {
  // getAsync fails for a name never set: that is "absent", not an error.
  const get = (name: string): Promise<string | null> =>
    call<string>((cb) => session.getAsync(name, cb), "host_read_failed").catch(() => null);
  const pending = await get(PENDING_PROPERTY);
  const validated = parseStoredValidation(await get(VALIDATED_PROPERTY));
  return { pending, validated };
}

/**
 * Reads what both stores say about Greffier drafts on the message.
 * @param item - The message being written.
 * @returns The merged state.
 * @throws HostError host_read_failed when the custom properties cannot be loaded.
 */
export async function readSendState(item: Office.MessageCompose): Promise<SendState> {
  const properties = await loadProperties(item);
  const pending = properties.get(PENDING_PROPERTY) as unknown;
  const fromProperties: StoredState = {
    pending: typeof pending === "string" ? pending : null,
    validated: parseStoredValidation(properties.get(VALIDATED_PROPERTY)),
  };
  const session = sessionOf(item);
  return mergeStoredStates(fromProperties, session ? await readSession(session) : null);
}

type Change = { readonly set?: Readonly<Record<string, string>>; readonly remove?: readonly string[] };

/**
 * Applies one change to both stores, one Office call after the other. (Object.keys, not Object.entries: this file
 * also runs in classic Outlook's ECMAScript 2016 event runtime.)
 */
async function applyChange(item: Office.MessageCompose, change: Change): Promise<void> {
  const set = change.set ?? {};
  const properties = await loadProperties(item);
  for (const name of Object.keys(set)) properties.set(name, set[name] ?? "");
  for (const name of change.remove ?? []) properties.remove(name);
  await call<void>((cb) => properties.saveAsync(cb), "host_record_failed");
  const session = sessionOf(item);
  if (!session) return;
  for (const name of Object.keys(set)) {
    await call<void>((cb) => session.setAsync(name, set[name] ?? "", cb), "host_record_failed");
  }
  for (const name of change.remove ?? []) {
    // Removing a name that was never set fails on some clients: nothing was there to remove.
    await call<void>((cb) => session.removeAsync(name, cb), "host_record_failed").catch(() => undefined);
  }
}

/**
 * Records that an AI draft of `draft.generationId` exists for the message and is not validated.
 * @throws HostError host_read_failed or host_record_failed.
 */
export function markPending(item: Office.MessageCompose, draft: DraftRecord): Promise<void> {
  return applyChange(item, { set: { [PENDING_PROPERTY]: draft.generationId } });
}

/**
 * Forgets the pending draft; a validation already recorded stays.
 * @throws HostError host_read_failed or host_record_failed.
 */
export function clearPending(item: Office.MessageCompose): Promise<void> {
  return applyChange(item, { remove: [PENDING_PROPERTY] });
}

/**
 * Records a validated text written into the message: the validation, the pending draft it settles, and the
 * provenance header.
 * @throws HostError host_read_failed or host_record_failed.
 */
export async function markValidated(item: Office.MessageCompose, record: ValidatedRecord): Promise<void> {
  const validation = toStoredValidation(record);
  const state = await readSendState(item);
  // Only the draft this text comes from is settled; another one still pending keeps holding the mail.
  const settles = state.pendingIds.includes(validation.generationId);
  await applyChange(item, {
    set: { [VALIDATED_PROPERTY]: JSON.stringify(validation) },
    ...(settles ? { remove: [PENDING_PROPERTY] } : {}),
  });
  await writeProvenanceHeader(item, provenanceHeaderValue(validation));
}

/**
 * The message's `X-Greffier-Provenance` header, if set.
 * @throws HostError host_read_failed.
 */
export async function readProvenanceHeader(item: Office.MessageCompose): Promise<string | null> {
  const headers = await call<Record<string, string>>(
    (cb) => item.internetHeaders.getAsync([PROVENANCE_HEADER], cb),
    "host_read_failed",
  );
  const name = Object.keys(headers ?? {}).find((key) => key.toLowerCase() === PROVENANCE_HEADER.toLowerCase());
  return name ? (headers[name] ?? null) : null;
}

/**
 * Sets the `X-Greffier-Provenance` header (Mailbox 1.8).
 * @throws HostError host_record_failed.
 */
export function writeProvenanceHeader(item: Office.MessageCompose, value: string): Promise<void> {
  return call<void>((cb) => item.internetHeaders.setAsync({ [PROVENANCE_HEADER]: value }, cb), "host_record_failed");
}

/**
 * Whether the message body holds the notice.
 * @throws HostError host_read_failed.
 */
export async function messageHoldsNotice(item: Office.MessageCompose, notice: string): Promise<boolean> {
  const body = await call<string>((cb) => item.body.getAsync(Office.CoercionType.Text, cb), "host_read_failed");
  return bodyHoldsNotice(body, notice);
}

/**
 * Puts the notice back at the top of the message body, in the body's own format.
 * @throws HostError host_read_failed or host_write_failed.
 */
export async function prependNotice(item: Office.MessageCompose, notice: string): Promise<void> {
  const type = await call<Office.CoercionType>((cb) => item.body.getTypeAsync(cb), "host_read_failed");
  const isHtml = type === Office.CoercionType.Html;
  const content = isHtml ? `<p><em>${escapeHtml(notice)}</em></p>` : `${notice}\n\n`;
  const coercionType = isHtml ? Office.CoercionType.Html : Office.CoercionType.Text;
  await call<void>((cb) => item.body.prependAsync(content, { coercionType }, cb), "host_write_failed");
}
