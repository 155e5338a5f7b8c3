// Owns the send rule of Outlook messages: AI text the adviser has not validated in the task pane does not go out,
// validated text goes out with its notice and provenance header.
import { COMPOSE_TASKPANE_COMMAND_ID } from "../../manifest/pages";
import type { Locale } from "../../src/i18n";
import { en } from "../../src/i18n/en";
import { fr } from "../../src/i18n/fr";
import type { SendCompletion, SendContext, SendItemPort } from "../hosts/outlook-send";
import { provenanceHeaderValue, type SendState } from "../hosts/outlook-provenance";

/** Outlook shows at most this many characters of a Smart Alerts message. */
export const MAX_ALERT_CHARS = 150;

/** The messages the send check can show. */
export type SendMessageKey =
  "send.held.pending" | "send.held.notice_restored" | "send.held.check_failed" | "send.open_pane";

/**
 * The message for `key`. Looked up directly rather than through `t()`: classic Outlook on Windows runs this code in
 * an ECMAScript 2016 runtime, and `t()`'s interpolation uses `Object.hasOwn` (ES2022); these messages have no
 * placeholders anyway.
 */
export function sendMessageText(key: SendMessageKey, locale: Locale): string {
  return (locale === "en" ? en : fr)[key];
}

/** Why a send was held, for tests and for whoever reads the rule. */
export type SendOutcome =
  | { readonly kind: "allowed"; readonly isProvenanceRecorded: boolean | null }
  | { readonly kind: "held"; readonly reason: "pending" | "notice_restored" | "check_failed" };

/** The outcome and what `event.completed` receives. */
export interface SendDecision {
  readonly outcome: SendOutcome;
  readonly completion: SendCompletion;
}

/**
 * Whether the message has an AI draft the adviser has not validated: a pending generation that is not the one
 * whose validated text was written.
 */
export function hasUnvalidatedDraft(state: SendState): boolean {
  return state.pendingIds.some((id) => id !== state.validated?.generationId);
}

function held(reason: "pending" | "notice_restored" | "check_failed", context: SendContext): SendDecision {
  const key: SendMessageKey =
    reason === "pending"
      ? "send.held.pending"
      : reason === "notice_restored"
        ? "send.held.notice_restored"
        : "send.held.check_failed";
  const completion: SendCompletion = {
    allowEvent: false,
    errorMessage: sendMessageText(key, context.locale).slice(0, MAX_ALERT_CHARS),
    // Only the pending case has something to do in the pane; the button needs Mailbox 1.14.
    ...(reason === "pending" && context.canOpenPane
      ? { cancelLabel: sendMessageText("send.open_pane", context.locale), commandId: COMPOSE_TASKPANE_COMMAND_ID }
      : {}),
  };
  return { outcome: { kind: "held", reason }, completion };
}

/** The completion used when the check itself failed: held, since the insurer's block mode means "not without Greffier". */
export function checkFailed(context: SendContext): SendCompletion {
  return held("check_failed", context).completion;
}

/**
 * Decides what happens when the adviser presses Send. Never rejects.
 *
 * - No Greffier state: allowed (the add-in has nothing to say about mail it did not help write).
 * - A draft obtained and not validated (`greffierPending` not settled by `greffierValidated`): held, with a button
 *   that opens the task pane where the adviser validates or discards it.
 * - Validated text whose notice the adviser deleted: the notice is put back at the top of the message and the send is
 *   held once, so the adviser sees the change before the mail leaves; the next Send goes through. Putting it back
 *   (rather than only refusing) keeps the notice even where the send mode lets the adviser override the alert.
 * - Validated text: allowed; the provenance header is (re)written when missing or stale. Failing to write it does
 *   not hold the mail: the notice the member reads is guaranteed above, the header is metadata.
 * - The item cannot be read: held (block mode's "not without the check"; soft block lets the adviser send anyway).
 *
 * @param port - The message being sent.
 * @param context - Locale and client capabilities.
 * @returns The decision, with the completion for `event.completed`.
 */
export async function decideMessageSend(port: SendItemPort, context: SendContext): Promise<SendDecision> {
  let state: SendState;
  try {
    state = await port.readState();
  } catch {
    return held("check_failed", context);
  }
  if (hasUnvalidatedDraft(state)) return held("pending", context);
  const validated = state.validated;
  if (!validated) return { outcome: { kind: "allowed", isProvenanceRecorded: null }, completion: { allowEvent: true } };

  if (validated.label) {
    try {
      if (!(await port.holdsNotice(validated.label))) {
        await port.restoreNotice(validated.label);
        return held("notice_restored", context);
      }
    } catch {
      return held("check_failed", context);
    }
  }

  const expected = provenanceHeaderValue(validated);
  const isProvenanceRecorded = await port
    .readProvenanceHeader()
    .then((current) => (current === expected ? undefined : port.writeProvenanceHeader(expected)))
    .then(
      () => true,
      () => false,
    );
  return { outcome: { kind: "allowed", isProvenanceRecorded }, completion: { allowEvent: true } };
}
