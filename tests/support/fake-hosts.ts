// Owns the test doubles of the hosts: a scriptable HostAdapter for component tests, a fake Office for browser tests.
import type {
  DraftRecord,
  HostAdapter,
  HostTheme,
  ItemContext,
  ValidatedRecord,
  WriteTarget,
} from "../../addin/hosts/host-adapter";
import { hostError } from "../../addin/hosts/host-adapter";

export interface FakeHost extends HostAdapter {
  /** Every write the app asked for, in order. */
  readonly writes: {
    target: WriteTarget;
    text: string;
    notice: string | null | undefined;
    provenance?: ValidatedRecord | undefined;
  }[];
  /** Every send-check record the app made (`recordDraft`, `recordValidated`, `discardDraft`), in order. */
  readonly records: (
    { type: "draft"; draft: DraftRecord } | { type: "validated"; record: ValidatedRecord } | { type: "discard" }
  )[];
  /** Switches to another item and fires ItemChanged, as a pinned Outlook pane does. */
  switchItem(next: Partial<ItemContext>): void;
  /** Changes the host theme and tells the listeners. */
  setTheme(theme: HostTheme): void;
  /** Makes the next write fail with host_write_failed. */
  failNextWrite(): void;
}

/** A HostAdapter whose item, theme and write outcome the test controls (live-share's TestLiveShareHost idea). */
export function createFakeHost(
  options: { kind?: HostAdapter["kind"]; item?: Partial<ItemContext>; locale?: "fr" | "en" } = {},
): FakeHost {
  let item: ItemContext = { key: "fake:item-1", kind: "session", context: {}, targets: [], ...options.item };
  let theme: HostTheme = "light";
  let shouldFail = false;
  const itemListeners = new Set<() => void>();
  const themeListeners = new Set<(t: HostTheme) => void>();
  const writes: FakeHost["writes"] = [];
  const records: FakeHost["records"] = [];
  return {
    kind: options.kind ?? "browser",
    locale: options.locale ?? "fr",
    writes,
    records,
    theme: () => theme,
    readContext: () => Promise.resolve(item),
    write(target, text, notice, provenance) {
      if (shouldFail) {
        shouldFail = false;
        return Promise.reject(hostError("host_write_failed"));
      }
      if (!item.targets.includes(target)) return Promise.reject(hostError("host_unsupported"));
      writes.push(provenance ? { target, text, notice, provenance } : { target, text, notice });
      return Promise.resolve();
    },
    recordDraft(draft) {
      records.push({ type: "draft", draft });
      return Promise.resolve();
    },
    recordValidated(record) {
      records.push({ type: "validated", record });
      return Promise.resolve();
    },
    discardDraft() {
      records.push({ type: "discard" });
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
  /** Recipients of a mail being read. */
  readonly to?: { displayName: string; emailAddress: string }[];
}

/**
 * Script for `page.addInitScript` that installs a minimal Outlook `Office` global before office.js would run
 * (abort the CDN route in the test). Records inserted HTML on `window.__greffierInserted`, the send check's custom
 * properties on `window.__greffierProperties` and internet headers on `window.__greffierHeaders`.
 * Serialisable: it is sent to the browser as source.
 */
export function fakeOfficeScript(item: FakeOfficeItem): { content: string } {
  const install = (spec: FakeOfficeItem): void => {
    const ok = (value?: unknown) => ({ status: "succeeded", value });
    const w = window as unknown as Record<string, unknown>;
    w.__greffierInserted = [];
    const asyncValue = (value: unknown) => ({
      getAsync: (a: unknown, b?: unknown) => (typeof a === "function" ? a : (b as (r: unknown) => void))(ok(value)),
    });
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
    // The send check's stores: custom properties and internet headers, recorded for the test to read.
    const properties: Record<string, unknown> = {};
    const headers: Record<string, string> = {};
    w.__greffierProperties = properties;
    w.__greffierHeaders = headers;
    const customProperties = {
      get: (name: string) => properties[name],
      set: (name: string, value: unknown) => {
        properties[name] = value;
      },
      remove: (name: string) => {
        delete properties[name];
      },
      saveAsync: (cb: (r: unknown) => void) => cb(ok()),
    };
    const mailItem = {
      itemType: spec.itemType,
      itemId: isCompose ? undefined : "AAMkFakeItem1",
      subject: isCompose ? asyncValue(spec.subject) : spec.subject,
      from: spec.from,
      to: isCompose ? asyncValue([]) : (spec.to ?? []),
      requiredAttendees: isCompose ? asyncValue([]) : [],
      start: isCompose ? asyncValue(new Date()) : new Date(),
      dateTimeCreated: new Date(),
      conversationId: "conv-1",
      body,
      loadCustomPropertiesAsync: (cb: (r: unknown) => void) => cb(ok(customProperties)),
      internetHeaders: {
        getAsync: (names: string[], cb: (r: unknown) => void) =>
          cb(ok(Object.fromEntries(names.filter((n) => n in headers).map((n) => [n, headers[n]])))),
        setAsync: (values: Record<string, string>, cb: (r: unknown) => void) => {
          Object.assign(headers, values);
          cb(ok());
        },
      },
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
        mailbox: {
          item: mailItem,
          userProfile: { emailAddress: "conseiller@maif.fr" },
          addHandlerAsync: (_t: unknown, _h: unknown, cb?: (r: unknown) => void) => cb?.(ok()),
        },
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
