// Owns the contract between the app and whatever hosts it (Outlook, Teams, a plain browser).
import type { Locale } from "../../src/i18n";
import type { GenerationContext } from "../../src/schemas/generation";
import type { Transparency } from "../../src/schemas/minutes";
import type { TaskId } from "../../src/tasks/catalogue";
import { AddinError, type HostErrorCode } from "../lib/errors";

export type { HostErrorCode };

/** Which host the pane runs in; chosen once at start-up. */
export type HostKind = "outlook" | "teams" | "browser";

/** Colour scheme the host shows, mapped to a Fluent theme by `addin/theme`. */
export type HostTheme = "light" | "dark" | "contrast";

/** What the pane is attached to; decides the autosave slot and the places the text can go. */
export type ItemKind =
  "message-read" | "message-compose" | "appointment-read" | "appointment-compose" | "meeting" | "session";

/** Where a validated text can be written, besides copy and .docx download which every host offers. */
export type WriteTarget = "insert" | "reply" | "append";

/** The item the adviser is working on, as the host sees it. */
export interface ItemContext {
  /** Stable key of the item (Outlook item, Teams meeting, browser session): the autosave slot. */
  readonly key: string;
  readonly kind: ItemKind;
  /** Prefill for the editable context fields; the adviser may change any of them. */
  readonly context: GenerationContext;
  /** Text the generation may read besides the notes (the mail being answered); never the adviser's notes. */
  readonly source?: string;
  /**
   * The address of the member who wrote the mail being read, when the host knows it: the mail-thread source uses it
   * to attribute each message to the member or the insurer.
   */
  readonly memberAddress?: string;
  /** Task that fits the item best (a mail to answer suggests `member-email`). */
  readonly suggestedTask?: TaskId;
  /** Write targets available for this item. */
  readonly targets: readonly WriteTarget[];
}

/** An AI draft the pane obtained for the current item, before the adviser validated it. */
export interface DraftRecord {
  /** Id of the generation (`GenerationResponse.id`). */
  readonly generationId: string;
  /** Pre-prompt in force, `task@version` (`GenerationResponse.prePrompt.id`, e.g. `member-email@1`). */
  readonly prePromptId: string;
}

/** A validated, saved text on its way into the item: the draft it came from and what the server decided. */
export interface ValidatedRecord extends DraftRecord {
  /** The transparency case and notice the server returned when the text was saved (`SaveMinutesResponse`). */
  readonly transparency: Transparency;
}

/** A host failure: an AddinError with a HostErrorCode, which picks the message shown (`messageOf`). */
export type HostError = AddinError & { readonly code: HostErrorCode };

/** The error a host raises when it cannot read or write (`cause` keeps the host's own error). */
export function hostError(code: HostErrorCode, options: { cause?: unknown } = {}): HostError {
  return new AddinError(code, options) as HostError;
}

/**
 * What a host offers the sign-in (`addin/auth`) besides MSAL's nested app authentication, which MSAL finds by
 * itself. Every member is optional: a host offers what it has.
 */
export interface HostAuth {
  /** Teams: whether the host recommends its nested app authentication channel (else use `getHostToken`). */
  isNestedAppAuthRecommended?(): boolean;
  /**
   * Teams without NAA: the host's own single sign-on token for the app's resource (`access_as_user`).
   * @throws Error from the host, whose message names the reason (e.g. consent required, cancelled).
   */
  getHostToken?(): Promise<string>;
  /**
   * Outlook: opens `url` (on the add-in's origin) in an Office dialog, resolves with the first message the page
   * sends back, and closes the dialog.
   * @throws AddinError `office_dialog`, Office's number as `status` (12006 closed by the user, 12007/12009/12011 not
   * opened).
   */
  openDialog?(url: string): Promise<string>;
}

/** The host's answer to a microphone request. */
export type MicrophonePermission = "granted" | "granted-reload" | "denied" | "unsupported";

/** A follow-up appointment for one commitment. */
export interface FollowUpAppointment {
  readonly subject: string;
  readonly start: Date;
  readonly end: Date;
  readonly body: string;
}

/**
 * One host behind one interface (live-share's `ILiveShareHost` pattern): components receive it through
 * context, tests pass a fake. Adapters take the validated **plain text** and do their own escaping, so no
 * caller can hand raw model HTML to a mail body.
 */
export interface HostAdapter {
  readonly kind: HostKind;
  /** UI language the host runs in. */
  readonly locale: Locale;
  /** Current colour scheme. */
  theme(): HostTheme;
  /**
   * Reads the current item.
   * @throws HostError host_read_failed when the host refuses.
   */
  readContext(): Promise<ItemContext>;
  /**
   * Writes the validated text to `target` (escaped and sanitised by the adapter), followed by the
   * transparency notice the server decided, when there is one. With `provenance`, an Outlook message being
   * written also records the validation (item state read by the OnMessageSend check) and the
   * `X-Greffier-Provenance` internet header.
   * @throws HostError host_write_failed or host_unsupported.
   */
  write(target: WriteTarget, text: string, notice?: string | null, provenance?: ValidatedRecord): Promise<void>;
  /**
   * Records that an AI draft exists for the current item and is not validated yet. In an Outlook message being
   * written, the OnMessageSend check then holds the mail until validated text from this generation is written
   * with `write(…, provenance)`, or the draft is discarded. Hosts with no send step to guard leave it out; call it
   * as `host.recordDraft?.(…)` once the generation is done.
   * @throws HostError host_write_failed when the item refuses the record.
   */
  recordDraft?(draft: DraftRecord): Promise<void>;
  /**
   * Records that validated text left Greffier for the current item by another way than `write` (the adviser copied
   * it to paste it in): the same record `write(…, provenance)` makes, without writing anything. Outlook message being
   * written only; other hosts leave it out.
   * @throws HostError host_read_failed or host_record_failed.
   */
  recordValidated?(record: ValidatedRecord): Promise<void>;
  /**
   * Forgets the pending draft of the current item (the adviser starts again without using it), so the send check
   * no longer holds the mail for it. Text already validated and written stays recorded.
   * @throws HostError host_write_failed when the item refuses the change.
   */
  discardDraft?(): Promise<void>;
  /**
   * The current meeting's latest transcript as WebVTT, read with the adviser's own (delegated) rights. Teams meetings
   * only, where the tenant allows it; other hosts leave it out.
   * @throws HostError host_transcript_forbidden, host_transcript_not_found or host_read_failed.
   */
  readMeetingTranscript?(): Promise<string>;
  /**
   * Asks the host for the microphone before getUserMedia (Outlook's Office.devicePermission). "granted-reload": the
   * first grant, the pane must reload before recording. Hosts without such an API leave it out (browser, Teams, whose
   * manifest declares the media permission).
   */
  requestMicrophone?(): Promise<MicrophonePermission>;
  /**
   * Opens a new appointment form filled in for a follow-up (Outlook `displayNewAppointmentForm`), for a commitment
   * when Microsoft Graph (To Do) is not granted. The adviser saves or discards it; nothing is created without them.
   * Hosts without an agenda leave it out.
   * @throws HostError host_write_failed when the host refuses to open the form.
   */
  openAppointment?(appointment: FollowUpAppointment): Promise<void>;
  /** Calls `listener` when the host switches item (pinned Outlook pane); returns the unsubscribe function. */
  onItemChanged(listener: () => void): () => void;
  /** Calls `listener` when the host theme changes; returns the unsubscribe function. */
  onThemeChanged(listener: (theme: HostTheme) => void): () => void;
  /** Sign-in help the host offers (Office dialog, Teams SSO); absent in a plain browser. */
  readonly auth?: HostAuth;
  /**
   * Who is signed in to the host (Outlook mailbox address, Teams user id): the notes kept on the device are keyed
   * by it as well as by the item, so two people sharing a device never see each other's notes. Absent in a browser.
   */
  readonly userKey?: string;
  /**
   * Browser only: the name of the draft the notes are kept under (there is no Office item). `set` switches draft,
   * which the pane sees as an item change.
   */
  readonly draftName?: { current(): string; set(name: string): void };
}
