// Owns the office-addin-mock double of Outlook around a message being written: body, custom properties, session data,
// internet headers, Office.actions, with failures on demand.
import { OfficeMockObject } from "office-addin-mock";

type Callback = (result: { status: string; value?: unknown; error?: unknown }) => void;

/** The operations a test can make fail, one Office call each. */
export type ComposeFailure =
  | "loadCustomProperties"
  | "saveCustomProperties"
  | "sessionSet"
  | "getHeaders"
  | "setHeaders"
  | "getBody"
  | "prependBody"
  | "insertBody";

/** What the fake message holds; the test reads and changes it directly. */
export interface ComposeState {
  /** The body as HTML (the fake's body type is HTML unless `bodyType` says text). */
  body: string;
  bodyType: "html" | "text";
  readonly properties: Record<string, unknown>;
  readonly session: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly failures: Set<ComposeFailure>;
  /** Handlers registered with Office.actions.associate, by name. */
  readonly actions: Map<string, (event: unknown) => void>;
}

export interface FakeComposeOptions {
  /** Mailbox requirement sets the client reports. */
  readonly sets?: readonly string[];
  readonly body?: string;
  readonly bodyType?: "html" | "text";
  readonly displayLanguage?: string;
}

const ok = (value?: unknown) => ({ status: "succeeded", value });
const failed = (name: string) => ({ status: "failed", error: { code: 9002, name, message: `${name} failed` } });

/** The body as Outlook's `getAsync(Text)` would give it: tags dropped, entities read, paragraphs on their own line. */
export function bodyText(html: string): string {
  return html
    .replace(/<\/(p|h\d|li)>|<br\s*\/?>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/**
 * An office-addin-mock `Office` whose `mailbox.item` is a message being written, as both the task pane and the
 * OnMessageSend event runtime see it (same item, same stores).
 */
export function fakeComposeOffice(options: FakeComposeOptions = {}): { office: OfficeMockObject; state: ComposeState } {
  const sets = options.sets ?? ["1.5", "1.8", "1.9", "1.11", "1.12", "1.13", "1.14"];
  const state: ComposeState = {
    body: options.body ?? "<p>&gt; Bonjour, où en est mon dossier ?</p>",
    bodyType: options.bodyType ?? "html",
    properties: {},
    session: {},
    headers: {},
    failures: new Set(),
    actions: new Map(),
  };
  const fails = (name: ComposeFailure): boolean => state.failures.has(name);

  const item = {
    itemType: "message",
    subject: { getAsync: (cb: Callback) => cb(ok("RE: Sinistre auto")) },
    to: { getAsync: (cb: Callback) => cb(ok([{ displayName: "Karim Benali", emailAddress: "k.benali@example.fr" }])) },
    getItemIdAsync: (cb: Callback) => cb(ok("AAMkDraft7")),
    body: {
      getTypeAsync: (cb: Callback) => cb(ok(state.bodyType)),
      getAsync: (type: string, cb: Callback) => {
        if (fails("getBody")) return cb(failed("getBody"));
        return cb(ok(type === "text" ? bodyText(state.body) : state.body));
      },
      // The cursor of a reply is at the top, above the quoted message.
      setSelectedDataAsync: (data: string, _options: unknown, cb: Callback) => {
        if (fails("insertBody")) return cb(failed("insertBody"));
        state.body = data + state.body;
        return cb(ok());
      },
      prependAsync: (data: string, _options: unknown, cb: Callback) => {
        if (fails("prependBody")) return cb(failed("prependBody"));
        state.body = data + state.body;
        return cb(ok());
      },
    },
    loadCustomPropertiesAsync: (cb: Callback) => {
      if (fails("loadCustomProperties")) return cb(failed("loadCustomProperties"));
      // Outlook hands out a copy: changes count only once saveAsync succeeds.
      const copy: Record<string, unknown> = { ...state.properties };
      return cb(
        ok({
          get: (name: string) => copy[name],
          set: (name: string, value: unknown) => {
            copy[name] = value;
          },
          remove: (name: string) => {
            delete copy[name];
          },
          saveAsync: (done: Callback) => {
            if (fails("saveCustomProperties")) return done(failed("saveCustomProperties"));
            for (const key of Object.keys(state.properties)) delete state.properties[key];
            Object.assign(state.properties, copy);
            return done(ok());
          },
        }),
      );
    },
    sessionData: {
      getAsync: (name: string, cb: Callback) =>
        name in state.session ? cb(ok(state.session[name])) : cb(failed("sessionGet")),
      setAsync: (name: string, value: string, cb: Callback) => {
        if (fails("sessionSet")) return cb(failed("sessionSet"));
        state.session[name] = value;
        return cb(ok());
      },
      removeAsync: (name: string, cb: Callback) => {
        delete state.session[name];
        return cb(ok());
      },
    },
    internetHeaders: {
      getAsync: (names: string[], cb: Callback) => {
        if (fails("getHeaders")) return cb(failed("getHeaders"));
        const found = Object.fromEntries(names.filter((n) => n in state.headers).map((n) => [n, state.headers[n]]));
        return cb(ok(found));
      },
      setAsync: (headers: Record<string, string>, cb: Callback) => {
        if (fails("setHeaders")) return cb(failed("setHeaders"));
        Object.assign(state.headers, headers);
        return cb(ok());
      },
    },
  };

  const office = new OfficeMockObject({
    host: "outlook",
    CoercionType: { Text: "text", Html: "html" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { ItemChanged: "olkItemSelectedChanged", OfficeThemeChanged: "officeThemeChanged" },
    MailboxEnums: { ItemType: { Message: "message", Appointment: "appointment" } },
    actions: {
      associate: (name: string, handler: (event: unknown) => void) => {
        state.actions.set(name, handler);
      },
    },
    context: {
      displayLanguage: options.displayLanguage ?? "fr-FR",
      requirements: { isSetSupported: (name: string, version: string) => name === "Mailbox" && sets.includes(version) },
      mailbox: {
        userProfile: { emailAddress: "conseiller@maif.fr" },
        addHandlerAsync: (_type: string, _handler: () => void, cb?: Callback) => cb?.(ok()),
        item,
      },
    },
  });
  return { office, state };
}

/** Installs the fake as the global `Office`, as office.js would. */
export function installOffice(office: OfficeMockObject): void {
  (globalThis as unknown as { Office: unknown }).Office = office;
}

/** Removes the global `Office`. */
export function uninstallOffice(): void {
  delete (globalThis as unknown as { Office?: unknown }).Office;
}

/**
 * Runs the registered OnMessageSend handler the way Outlook does and resolves with what it passed to
 * `event.completed`.
 */
export function sendMessage(state: ComposeState, actionId: string): Promise<Record<string, unknown>> {
  const handler = state.actions.get(actionId);
  if (!handler) throw new Error(`no handler registered as ${actionId}`);
  return new Promise((resolve) => handler({ completed: (options: Record<string, unknown>) => resolve(options) }));
}
