// Owns every Office.js call of the Outlook taskpane: read the item, write the validated text, record drafts for the
// send check, follow item and theme changes.
/// <reference types="office-js" />
import { t, toLocale, type Locale } from "../../src/i18n/core";
import type { GenerationContext } from "../../src/schemas/generation";
import { draftToSafeHtml } from "../lib/draft-html";
import { toPlainText } from "../lib/draft-blocks";
import {
  hostError,
  type DraftRecord,
  type HostAdapter,
  type HostTheme,
  type ItemContext,
  type ItemKind,
  type ValidatedRecord,
  type WriteTarget,
  type FollowUpAppointment,
} from "./host-adapter";
import { officeHostAuth } from "./office-dialog";
import { call, isMailboxSetSupported as isSetSupported } from "./office-async";
import { requestOutlookMicrophone } from "./outlook-microphone";
import { clearPending, markPending, markValidated } from "./outlook-provenance";

type AnyItem = Office.MessageRead | Office.MessageCompose | Office.AppointmentRead | Office.AppointmentCompose;

const currentItem = (): AnyItem | null => (Office.context.mailbox.item as AnyItem | null | undefined) ?? null;

const isAppointment = (item: AnyItem): boolean => item.itemType === Office.MailboxEnums.ItemType.Appointment;

/** Compose forms expose `subject` as an object with getAsync; read forms as a string. */
const isCompose = (item: AnyItem): item is Office.MessageCompose | Office.AppointmentCompose =>
  typeof item.subject !== "string";

/** Maps the Office body background to a colour scheme (officeTheme has no isDark in Outlook). */
export function themeFromBackground(background: string | undefined): HostTheme {
  if (!background || !/^#?[0-9a-f]{6}$/i.test(background)) return "light";
  const n = parseInt(background.replace("#", ""), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5 ? "dark" : "light";
}

function formatDate(date: Date | undefined, locale: Locale): string | undefined {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return undefined;
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "long", timeStyle: "short" }).format(
    date,
  );
}

function otherPerson(people: readonly Office.EmailAddressDetails[] | undefined): string | undefined {
  const me = Office.context.mailbox.userProfile?.emailAddress?.toLowerCase();
  const other = (people ?? []).find((p) => p.emailAddress?.toLowerCase() !== me);
  return other ? other.displayName || other.emailAddress : undefined;
}

/**
 * The member's address in a mail being read: the first of sender, then recipients, outside the adviser's own mail
 * domain (the insurer's). A colleague's mail quoting the member thus still names the member.
 */
function memberAddressOf(message: Office.MessageRead): string | undefined {
  const mine = Office.context.mailbox.userProfile?.emailAddress?.toLowerCase() ?? "";
  const ownDomain = mine.includes("@") ? mine.slice(mine.lastIndexOf("@")) : null;
  const people = [message.from, ...(message.to ?? []), ...(message.cc ?? [])];
  const member = people.find((p) => {
    const address = p?.emailAddress?.toLowerCase();
    return address && address.includes("@") && address !== mine && (ownDomain === null || !address.endsWith(ownDomain));
  });
  return member?.emailAddress;
}

/** Compose items have no id until saved: use it when there is one, else a key kept in the draft's session data. */
async function composeKey(item: Office.MessageCompose | Office.AppointmentCompose): Promise<string> {
  if (isSetSupported("1.8") && typeof item.getItemIdAsync === "function") {
    // An unsaved draft has no id yet and the call fails: that is expected, fall through to session data.
    const id = await call<string>((cb) => item.getItemIdAsync(cb), "host_read_failed").catch(() => "");
    if (id) return `outlook:${id}`;
  }
  if (isSetSupported("1.11") && "sessionData" in item && item.sessionData) {
    const data = item.sessionData;
    // A first open has no key stored yet (getAsync fails on a missing name): create one below.
    const saved = await call<string>((cb) => data.getAsync("greffierKey", cb), "host_read_failed").catch(() => "");
    if (saved) return saved;
    const created = `outlook:compose:${crypto.randomUUID()}`;
    await call<void>((cb) => data.setAsync("greffierKey", created, cb), "host_write_failed").catch((error: unknown) => {
      // Not fatal: the notes are still kept for this pane; they just will not be found again after it closes.
      console.warn("Could not remember the draft's key", error);
    });
    return created;
  }
  // Oldest clients: the conversation is the most stable thing a new draft has.
  const conversation = "conversationId" in item ? item.conversationId : undefined;
  return `outlook:compose:${conversation ?? "new"}`;
}

async function readItem(item: AnyItem, locale: Locale): Promise<ItemContext> {
  const appointment = isAppointment(item);
  const bodyText = (): Promise<string> =>
    call<string>((cb) => item.body.getAsync(Office.CoercionType.Text, cb), "host_read_failed");
  if (!isCompose(item)) {
    if (appointment) {
      const appt = item as Office.AppointmentRead;
      const context: GenerationContext = clean({
        subject: appt.subject,
        date: formatDate(appt.start, locale),
        memberName: otherPerson([...(appt.requiredAttendees ?? []), ...(appt.optionalAttendees ?? [])]),
        channel: t("ui.channel.meeting", {}, locale),
      });
      return {
        key: `outlook:${appt.itemId}`,
        kind: "appointment-read",
        context,
        suggestedTask: "interview-minutes",
        targets: [],
      };
    }
    const message = item as Office.MessageRead;
    const context: GenerationContext = clean({
      subject: message.subject,
      date: formatDate(message.dateTimeCreated, locale),
      memberName: message.from?.displayName || message.from?.emailAddress,
      channel: t("ui.channel.email", {}, locale),
    });
    const source = await bodyText();
    const memberAddress = memberAddressOf(message);
    return {
      key: `outlook:${message.itemId}`,
      kind: "message-read",
      context,
      source,
      ...(memberAddress ? { memberAddress } : {}),
      suggestedTask: "member-email",
      targets: ["reply"],
    };
  }
  const key = await composeKey(item);
  const subject = await call<string>((cb) => item.subject.getAsync(cb), "host_read_failed");
  if (appointment) {
    const appt = item as Office.AppointmentCompose;
    const start = await call<Date>((cb) => appt.start.getAsync(cb), "host_read_failed");
    const attendees = await call<Office.EmailAddressDetails[]>(
      (cb) => appt.requiredAttendees.getAsync(cb),
      "host_read_failed",
    );
    const context = clean({
      subject,
      date: formatDate(start, locale),
      memberName: otherPerson(attendees),
      channel: t("ui.channel.meeting", {}, locale),
    });
    return { key, kind: "appointment-compose", context, suggestedTask: "interview-minutes", targets: ["append"] };
  }
  const message = item as Office.MessageCompose;
  const to = await call<Office.EmailAddressDetails[]>((cb) => message.to.getAsync(cb), "host_read_failed");
  // A reply's body holds the quoted message being answered: the best source there is.
  const source = (await bodyText()).trim();
  const context = clean({ subject, memberName: otherPerson(to), channel: t("ui.channel.email", {}, locale) });
  return {
    key,
    kind: "message-compose",
    context,
    ...(source ? { source } : {}),
    suggestedTask: "member-email",
    targets: ["insert"],
  };
}

function clean(context: Record<string, string | undefined>): GenerationContext {
  return Object.fromEntries(
    Object.entries(context).filter(([, v]) => typeof v === "string" && v.trim() !== ""),
  ) as GenerationContext;
}

const targetsByKind: Record<ItemKind, readonly WriteTarget[]> = {
  "message-read": ["reply"],
  "message-compose": ["insert"],
  "appointment-read": [],
  "appointment-compose": ["append"],
  meeting: [],
  session: [],
};

function kindOf(item: AnyItem): ItemKind {
  if (isAppointment(item)) return isCompose(item) ? "appointment-compose" : "appointment-read";
  return isCompose(item) ? "message-compose" : "message-read";
}

async function insertAtCursor(
  item: Office.MessageCompose,
  text: string,
  notice: string | null | undefined,
): Promise<void> {
  const type = await call<Office.CoercionType>((cb) => item.body.getTypeAsync(cb), "host_write_failed");
  if (type === Office.CoercionType.Html) {
    const html = draftToSafeHtml(text, notice);
    await call<void>(
      (cb) => item.body.setSelectedDataAsync(html, { coercionType: Office.CoercionType.Html }, cb),
      "host_write_failed",
    );
  } else {
    const plain = toPlainText(text, notice);
    await call<void>(
      (cb) => item.body.setSelectedDataAsync(plain, { coercionType: Office.CoercionType.Text }, cb),
      "host_write_failed",
    );
  }
}

async function reply(item: Office.MessageRead, text: string, notice: string | null | undefined): Promise<void> {
  const htmlBody = draftToSafeHtml(text, notice);
  if (isSetSupported("1.9")) {
    await call<void>((cb) => item.displayReplyFormAsync({ htmlBody }, cb), "host_write_failed");
    return;
  }
  try {
    item.displayReplyForm({ htmlBody });
  } catch (cause) {
    throw hostError("host_write_failed", { cause });
  }
}

/** Appends after the existing body (agenda, join link), which Office has no direct call for: read, then set. */
async function appendToAppointment(
  item: Office.AppointmentCompose,
  text: string,
  notice: string | null | undefined,
): Promise<void> {
  const type = await call<Office.CoercionType>((cb) => item.body.getTypeAsync(cb), "host_write_failed");
  const isHtml = type === Office.CoercionType.Html;
  const coercionType = isHtml ? Office.CoercionType.Html : Office.CoercionType.Text;
  const existing = await call<string>((cb) => item.body.getAsync(coercionType, cb), "host_write_failed");
  const addition = isHtml ? `<hr>${draftToSafeHtml(text, notice)}` : `\n\n${toPlainText(text, notice)}`;
  await call<void>((cb) => item.body.setAsync(existing + addition, { coercionType }, cb), "host_write_failed");
}

/** The Outlook host. Call only after `Office.onReady` reported Outlook. */
export function createOutlookHost(): HostAdapter {
  const locale = toLocale(Office.context.displayLanguage);
  const itemListeners = new Set<() => void>();
  const themeListeners = new Set<(theme: HostTheme) => void>();
  let isItemHandlerAdded = false;
  let isThemeHandlerAdded = false;
  const theme = (): HostTheme => themeFromBackground(Office.context.officeTheme?.bodyBackgroundColor);

  return {
    kind: "outlook",
    locale,
    theme,
    requestMicrophone: requestOutlookMicrophone,
    ...(Office.context.mailbox.userProfile?.emailAddress
      ? { userKey: Office.context.mailbox.userProfile.emailAddress.toLowerCase() }
      : {}),
    async readContext(): Promise<ItemContext> {
      const item = currentItem();
      // A pinned pane with a folder selected has no item: notes then go to a per-mailbox slot.
      if (!item) return { key: "outlook:no-item", kind: "session", context: {}, targets: [] };
      return readItem(item, locale);
    },
    async write(
      target: WriteTarget,
      text: string,
      notice?: string | null,
      provenance?: ValidatedRecord,
    ): Promise<void> {
      const item = currentItem();
      if (!item || !targetsByKind[kindOf(item)].includes(target)) throw hostError("host_unsupported");
      if (target === "insert") {
        const message = item as Office.MessageCompose;
        await insertAtCursor(message, text, notice);
        // After the text is in, never before: a record without the text would stamp a mail Greffier did not write.
        if (provenance) await markValidated(message, provenance);
      } else if (target === "reply") await reply(item as Office.MessageRead, text, notice);
      else await appendToAppointment(item as Office.AppointmentCompose, text, notice);
    },
    async recordDraft(draft: DraftRecord): Promise<void> {
      // Only a message being written can be sent; reads and appointments have nothing for the send check to hold.
      const item = currentItem();
      if (item && kindOf(item) === "message-compose") await markPending(item as Office.MessageCompose, draft);
    },
    async recordValidated(record: ValidatedRecord): Promise<void> {
      const item = currentItem();
      if (item && kindOf(item) === "message-compose") await markValidated(item as Office.MessageCompose, record);
    },
    async discardDraft(): Promise<void> {
      const item = currentItem();
      if (item && kindOf(item) === "message-compose") await clearPending(item as Office.MessageCompose);
    },
    async openAppointment(appointment: FollowUpAppointment): Promise<void> {
      try {
        // Mailbox 1.1: a form the adviser saves or discards; the body is plain text (the form escapes it).
        Office.context.mailbox.displayNewAppointmentForm({
          requiredAttendees: [],
          optionalAttendees: [],
          start: appointment.start,
          end: appointment.end,
          location: "",
          resources: [],
          subject: appointment.subject,
          body: appointment.body,
        });
      } catch (cause) {
        throw hostError("host_write_failed", { cause });
      }
    },
    auth: officeHostAuth,
    onItemChanged(listener: () => void): () => void {
      itemListeners.add(listener);
      if (!isItemHandlerAdded) {
        isItemHandlerAdded = true;
        // The handler runs after mailbox.item already points to the new item (which may be null).
        Office.context.mailbox.addHandlerAsync(
          Office.EventType.ItemChanged,
          () => {
            for (const l of itemListeners) l();
          },
          (result) => {
            // Without the handler a pinned pane keeps the old item: let the next subscriber try again.
            if (result.status === Office.AsyncResultStatus.Failed) isItemHandlerAdded = false;
          },
        );
      }
      return () => itemListeners.delete(listener);
    },
    onThemeChanged(listener: (next: HostTheme) => void): () => void {
      themeListeners.add(listener);
      if (!isThemeHandlerAdded && isSetSupported("1.14")) {
        isThemeHandlerAdded = true;
        Office.context.mailbox.addHandlerAsync(
          Office.EventType.OfficeThemeChanged,
          () => {
            const next = theme();
            for (const l of themeListeners) l(next);
          },
          (result) => {
            // The pane keeps its current theme; the next subscriber tries again.
            if (result.status === Office.AsyncResultStatus.Failed) isThemeHandlerAdded = false;
          },
        );
      }
      return () => themeListeners.delete(listener);
    },
  };
}
