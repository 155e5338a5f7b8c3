// Owns the test doubles of the hosts: a scriptable HostAdapter for component tests, a fake Office for browser tests.
import type { HostAdapter, HostTheme, ItemContext, WriteTarget } from "../../addin/hosts/host-adapter";
import { HostError } from "../../addin/hosts/host-adapter";

export interface FakeHost extends HostAdapter {
  /** Every write the app asked for, in order. */
  readonly writes: { target: WriteTarget; text: string; notice: string | null | undefined }[];
  /** Switches to another item and fires ItemChanged, as a pinned Outlook pane does. */
  switchItem(next: Partial<ItemContext>): void;
  /** Changes the host theme and tells the listeners. */
  setTheme(theme: HostTheme): void;
  /** Makes the next write fail with host_write_failed. */
  failNextWrite(): void;
}

/** A HostAdapter whose item, theme and write outcome the test controls (live-share's TestLiveShareHost idea). */
export function createFakeHost(options: { kind?: HostAdapter["kind"]; item?: Partial<ItemContext>; locale?: "fr" | "en" } = {}): FakeHost {
  let item: ItemContext = { key: "fake:item-1", kind: "session", context: {}, targets: [], ...options.item };
  let theme: HostTheme = "light";
  let shouldFail = false;
  const itemListeners = new Set<() => void>();
  const themeListeners = new Set<(t: HostTheme) => void>();
  const writes: FakeHost["writes"] = [];
  return {
    kind: options.kind ?? "browser",
    locale: options.locale ?? "fr",
    writes,
    theme: () => theme,
    readContext: () => Promise.resolve(item),
    write(target, text, notice) {
      if (shouldFail) {
        shouldFail = false;
        return Promise.reject(new HostError("host_write_failed"));
      }
      if (!item.targets.includes(target)) return Promise.reject(new HostError("host_unsupported"));
      writes.push({ target, text, notice });
      return Promise.resolve();
    },
    onItemChanged(listener) {
      itemListeners.add(listener);
      return () => itemListeners.delete(listener);
    },
    onThemeChanged(listener) {
      themeListeners.add(listener);
      return () => themeListeners.delete(listener);
    },
    switchItem(next) {
      item = { key: `fake:${Math.random().toString(36).slice(2)}`, kind: "session", context: {}, targets: [], ...next };
      for (const l of itemListeners) l();
    },
    setTheme(next) {
      theme = next;
      for (const l of themeListeners) l(next);
    },
    failNextWrite() {
      shouldFail = true;
    },
  };
}

/** A mail item as a fake Office global should present it in a browser test. */
export interface FakeOfficeItem {
  readonly mode: "read" | "compose";
  readonly itemType: "message" | "appointment";
  readonly subject: string;
  readonly body: string;
  readonly from?: { displayName: string; emailAddress: string };
}

/**
 * Script for `page.addInitScript` that installs a minimal Outlook `Office` global before office.js would run
 * (abort the CDN route in the test). Records inserted HTML on `window.__greffierInserted`.
 * Serialisable: it is sent to the browser as source.
 */
export function fakeOfficeScript(item: FakeOfficeItem): { content: string } {
  const install = (spec: FakeOfficeItem): void => {
    const ok = (value?: unknown) => ({ status: "succeeded", value });
    const w = window as unknown as Record<string, unknown>;
    w.__greffierInserted = [];
    const asyncValue = (value: unknown) => ({ getAsync: (a: unknown, b?: unknown) => (typeof a === "function" ? a : b as (r: unknown) => void)(ok(value)) });
    const body = {
      getAsync: (_type: string, cb: (r: unknown) => void) => cb(ok(spec.body)),
      getTypeAsync: (cb: (r: unknown) => void) => cb(ok("html")),
      setSelectedDataAsync: (data: string, _o: unknown, cb: (r: unknown) => void) => {
        (w.__greffierInserted as string[]).push(data);
        cb(ok());
      },
      setAsync: (data: string, _o: unknown, cb: (r: unknown) => void) => {
        (w.__greffierInserted as string[]).push(data);
        cb(ok());
      },
    };
    const isCompose = spec.mode === "compose";
    const mailItem = {
      itemType: spec.itemType,
      itemId: isCompose ? undefined : "AAMkFakeItem1",
      subject: isCompose ? asyncValue(spec.subject) : spec.subject,
      from: spec.from,
      to: isCompose ? asyncValue([]) : [],
      requiredAttendees: isCompose ? asyncValue([]) : [],
      start: isCompose ? asyncValue(new Date()) : new Date(),
      dateTimeCreated: new Date(),
      conversationId: "conv-1",
      body,
      displayReplyFormAsync: (form: { htmlBody: string }, cb: (r: unknown) => void) => {
        (w.__greffierInserted as string[]).push(form.htmlBody);
        cb(ok());
      },
    };
    w.Office = {
      onReady: (cb?: (info: unknown) => void) => {
        const info = { host: "Outlook", platform: "OfficeOnline" };
        cb?.(info);
        return Promise.resolve(info);
      },
      context: {
        displayLanguage: "fr-FR",
        requirements: { isSetSupported: () => false },
        mailbox: { item: mailItem, userProfile: { emailAddress: "conseiller@maif.fr" }, addHandlerAsync: (_t: unknown, _h: unknown, cb?: (r: unknown) => void) => cb?.(ok()) },
      },
      HostType: { Outlook: "Outlook" },
      CoercionType: { Text: "text", Html: "html" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      EventType: { ItemChanged: "olkItemSelectedChanged", OfficeThemeChanged: "officeThemeChanged" },
      MailboxEnums: { ItemType: { Message: "message", Appointment: "appointment" } },
    };
  };
  return { content: `(${install.toString()})(${JSON.stringify(item)});` };
}
