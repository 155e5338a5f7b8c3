// Covers the Outlook host against office-addin-mock: read, compose and appointment items, escaping, item and theme
// changes.
import { OfficeMockObject } from "office-addin-mock";
import { afterEach, describe, expect, it } from "vitest";
import { createOutlookHost, themeFromBackground } from "../../../../addin/hosts/outlook";
import { AddinError } from "../../../../addin/lib/errors";

type Callback = (result: { status: string; value?: unknown; error?: unknown }) => void;
const ok = (value?: unknown) => ({ status: "succeeded", value });
const failed = () => ({ status: "failed", error: { code: 9002, message: "boom" } });

interface Recorder {
  inserted: { data: string; coercionType: string }[];
  replies: string[];
  set: string[];
  handlers: Record<string, () => void>;
}

function officeWith(
  item: Record<string, unknown>,
  options: { sets?: string[]; theme?: string } = {},
): { office: OfficeMockObject; rec: Recorder } {
  const rec: Recorder = { inserted: [], replies: [], set: [], handlers: {} };
  const sets = options.sets ?? ["1.5", "1.8", "1.9", "1.14"];
  const office = new OfficeMockObject({
    host: "outlook",
    CoercionType: { Text: "text", Html: "html" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { ItemChanged: "olkItemSelectedChanged", OfficeThemeChanged: "officeThemeChanged" },
    MailboxEnums: { ItemType: { Message: "message", Appointment: "appointment" } },
    context: {
      displayLanguage: "fr-FR",
      ...(options.theme ? { officeTheme: { bodyBackgroundColor: options.theme } } : {}),
      requirements: { isSetSupported: (_name: string, version: string) => sets.includes(version) },
      mailbox: {
        userProfile: { emailAddress: "conseiller@maif.fr" },
        addHandlerAsync: (type: string, handler: () => void, cb?: Callback) => {
          rec.handlers[type] = handler;
          cb?.(ok());
        },
        item,
      },
    },
  });
  return { office, rec };
}

function install(office: OfficeMockObject): void {
  (globalThis as unknown as { Office: unknown }).Office = office;
}

afterEach(() => {
  delete (globalThis as unknown as { Office?: unknown }).Office;
});

function composeBody(rec: Recorder, type = "html", existing = "") {
  return {
    getTypeAsync: (cb: Callback) => cb(ok(type)),
    getAsync: (_t: string, cb: Callback) => cb(ok(existing)),
    setSelectedDataAsync: (data: string, options: { coercionType: string }, cb: Callback) => {
      rec.inserted.push({ data, coercionType: options.coercionType });
      cb(ok());
    },
    setAsync: (data: string, _o: unknown, cb: Callback) => {
      rec.set.push(data);
      cb(ok());
    },
  };
}

describe("outlook host: message read", () => {
  const readItem = () => ({
    itemType: "message",
    itemId: "AAMkRead1",
    subject: "Sinistre auto du 12/10",
    from: { displayName: "Karim Benali", emailAddress: "k.benali@example.fr" },
    to: [{ displayName: "Conseiller", emailAddress: "conseiller@maif.fr" }],
    dateTimeCreated: new Date("2026-10-14T09:30:00Z"),
    body: {
      getAsync: (type: string, cb: Callback) =>
        cb(ok(type === "text" ? "Bonjour, je vous écris au sujet de mon sinistre." : "<p>Bonjour</p>")),
    },
    displayReplyFormAsync: function (this: { replies?: string[] }, form: { htmlBody: string }, cb: Callback) {
      cb(ok(form.htmlBody));
    },
  });

  it("reads subject, sender and body text as the source, keyed by the item id", async () => {
    const { office } = officeWith(readItem());
    install(office);
    const host = createOutlookHost();
    const item = await host.readContext();
    expect(host.kind).toBe("outlook");
    expect(host.locale).toBe("fr");
    expect(item.key).toBe("outlook:AAMkRead1");
    expect(item.kind).toBe("message-read");
    expect(item.context).toMatchObject({
      subject: "Sinistre auto du 12/10",
      memberName: "Karim Benali",
      channel: "Courriel",
    });
    expect(item.context.date).toMatch(/2026/);
    expect(item.source).toBe("Bonjour, je vous écris au sujet de mon sinistre.");
    expect(item.suggestedTask).toBe("member-email");
    expect(item.targets).toEqual(["reply"]);
  });

  it("opens a reply with escaped HTML and the transparency notice", async () => {
    const item = readItem();
    const replies: string[] = [];
    item.displayReplyFormAsync = (form: { htmlBody: string }, cb: Callback) => {
      replies.push(form.htmlBody);
      cb(ok());
    };
    install(officeWith(item).office);
    await createOutlookHost().write("reply", "Bonjour <b>Monsieur</b>,", "Réponse produite par IA.");
    expect(replies).toEqual(["<p>Bonjour &lt;b&gt;Monsieur&lt;/b&gt;,</p><p><em>Réponse produite par IA.</em></p>"]);
  });

  it("refuses to insert into a message being read", async () => {
    install(officeWith(readItem()).office);
    await expect(createOutlookHost().write("insert", "texte")).rejects.toMatchObject({ code: "host_unsupported" });
  });
});

describe("outlook host: message compose", () => {
  const composeItem = (rec: Recorder, bodyType = "html") => ({
    itemType: "message",
    subject: { getAsync: (cb: Callback) => cb(ok("RE: Sinistre auto")) },
    to: { getAsync: (cb: Callback) => cb(ok([{ displayName: "Karim Benali", emailAddress: "k.benali@example.fr" }])) },
    getItemIdAsync: (cb: Callback) => cb(ok("AAMkDraft7")),
    body: composeBody(rec, bodyType, "> message cité"),
  });

  it("reads subject and recipient, keys the draft by its id, offers insert", async () => {
    const { office, rec } = officeWith({});
    (office.context.mailbox as Record<string, unknown>).item = composeItem(rec);
    install(office);
    const item = await createOutlookHost().readContext();
    expect(item).toMatchObject({
      key: "outlook:AAMkDraft7",
      kind: "message-compose",
      targets: ["insert"],
      source: "> message cité",
    });
    expect(item.context).toMatchObject({ subject: "RE: Sinistre auto", memberName: "Karim Benali" });
  });

  it("inserts the validated text at the cursor as sanitised HTML, never as raw model markup", async () => {
    const rec: Recorder = { inserted: [], replies: [], set: [], handlers: {} };
    const { office } = officeWith({});
    (office.context.mailbox as Record<string, unknown>).item = composeItem(rec);
    install(office);
    const hostile = [
      "## Votre dossier",
      'Montant: <img src=x onerror="alert(1)">',
      "<script>alert('xss')</script>",
      "- **Franchise** : 380 €",
      '<a href="javascript:alert(2)">clic</a>',
    ].join("\n");
    await createOutlookHost().write("insert", hostile, "Mention IA");

    expect(rec.inserted).toHaveLength(1);
    const { data, coercionType } = rec.inserted[0]!;
    expect(coercionType).toBe("html");
    expect(data).not.toMatch(/<img|<script|<a\b|<iframe/i);
    const doc = new DOMParser().parseFromString(data, "text/html");
    expect(doc.querySelectorAll("img, script, a, iframe, style")).toHaveLength(0);
    expect([...doc.querySelectorAll("*")].flatMap((el) => [...el.attributes].map((a) => a.name))).toEqual([]);
    // The text is still there, shown literally for the adviser to notice.
    expect(doc.body.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(data).toContain("<h2>Votre dossier</h2>");
    expect(data).toContain("<li><strong>Franchise</strong> : 380 €</li>");
    expect(data).toContain("<p><em>Mention IA</em></p>");
  });

  it("inserts plain text into a plain-text body", async () => {
    const rec: Recorder = { inserted: [], replies: [], set: [], handlers: {} };
    const { office } = officeWith({});
    (office.context.mailbox as Record<string, unknown>).item = composeItem(rec, "text");
    install(office);
    await createOutlookHost().write("insert", "## Objet\n- **Point** <b>un</b>");
    expect(rec.inserted).toEqual([{ data: "Objet\n\n• Point <b>un</b>", coercionType: "text" }]);
  });

  it("rejects with host_write_failed when Outlook refuses the write", async () => {
    const rec: Recorder = { inserted: [], replies: [], set: [], handlers: {} };
    const item = composeItem(rec);
    item.body.setSelectedDataAsync = (_d: string, _o: { coercionType: string }, cb: Callback) => cb(failed());
    const { office } = officeWith({});
    (office.context.mailbox as Record<string, unknown>).item = item;
    install(office);
    const error: unknown = await createOutlookHost()
      .write("insert", "texte")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AddinError);
    expect(error).toMatchObject({ code: "host_write_failed" });
  });
});

describe("outlook host: appointment", () => {
  it("reads subject, start and attendees of an appointment being read, with no write target", async () => {
    const { office } = officeWith({
      itemType: "appointment",
      itemId: "AAMkAppt1",
      subject: "Entretien M. Benali",
      start: new Date("2026-10-14T08:00:00Z"),
      organizer: { displayName: "Conseiller", emailAddress: "conseiller@maif.fr" },
      requiredAttendees: [
        { displayName: "Conseiller", emailAddress: "conseiller@maif.fr" },
        { displayName: "Karim Benali", emailAddress: "k.benali@example.fr" },
      ],
      optionalAttendees: [],
      body: { getAsync: (_t: string, cb: Callback) => cb(ok("ordre du jour")) },
    });
    install(office);
    const item = await createOutlookHost().readContext();
    expect(item).toMatchObject({
      key: "outlook:AAMkAppt1",
      kind: "appointment-read",
      suggestedTask: "interview-minutes",
      targets: [],
    });
    expect(item.context).toMatchObject({
      subject: "Entretien M. Benali",
      memberName: "Karim Benali",
      channel: "Rendez-vous",
    });
    expect(item.context.date).toMatch(/octobre 2026/);
  });

  it("appends the minutes after the organiser's existing body", async () => {
    const rec: Recorder = { inserted: [], replies: [], set: [], handlers: {} };
    const { office } = officeWith({
      itemType: "appointment",
      subject: { getAsync: (cb: Callback) => cb(ok("Entretien")) },
      start: { getAsync: (cb: Callback) => cb(ok(new Date("2026-10-14T08:00:00Z"))) },
      requiredAttendees: {
        getAsync: (cb: Callback) => cb(ok([{ displayName: "Karim Benali", emailAddress: "k@example.fr" }])),
      },
      getItemIdAsync: (cb: Callback) => cb(ok("AAMkAppt2")),
      body: composeBody(rec, "html", "<p>Lien Teams</p>"),
    });
    install(office);
    const host = createOutlookHost();
    const item = await host.readContext();
    expect(item).toMatchObject({ kind: "appointment-compose", targets: ["append"] });
    await host.write("append", "## Compte-rendu\n<script>x</script>");
    expect(rec.set).toEqual(["<p>Lien Teams</p><hr><h2>Compte-rendu</h2><p>&lt;script&gt;x&lt;/script&gt;</p>"]);
  });
});

describe("outlook host: events and theme", () => {
  it("follows ItemChanged, including to no item", async () => {
    const { office, rec } = officeWith({
      itemType: "message",
      itemId: "A",
      subject: "A",
      body: { getAsync: (_t: string, cb: Callback) => cb(ok("")) },
    });
    install(office);
    const host = createOutlookHost();
    let calls = 0;
    const off = host.onItemChanged(() => calls++);
    rec.handlers.olkItemSelectedChanged?.();
    expect(calls).toBe(1);
    (office.context.mailbox as Record<string, unknown>).item = undefined;
    expect(await host.readContext()).toMatchObject({ key: "outlook:no-item", targets: [] });
    off();
    rec.handlers.olkItemSelectedChanged?.();
    expect(calls).toBe(1);
  });

  it("maps the Office body colour to a scheme and follows theme changes", () => {
    const { office, rec } = officeWith({}, { theme: "#1f1f1f" });
    install(office);
    const host = createOutlookHost();
    expect(host.theme()).toBe("dark");
    const seen: string[] = [];
    host.onThemeChanged((t) => seen.push(t));
    (office.context as Record<string, unknown>).officeTheme = { bodyBackgroundColor: "#ffffff" };
    rec.handlers.officeThemeChanged?.();
    expect(seen).toEqual(["light"]);
    expect(themeFromBackground(undefined)).toBe("light");
    expect(themeFromBackground("not-a-colour")).toBe("light");
  });
});
