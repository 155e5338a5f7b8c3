// Covers the OnMessageSend check end to end against office-addin-mock: what the task pane records on the message, then
// what launchevent.js decides when the adviser presses Send.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { COMPOSE_TASKPANE_COMMAND_ID, ON_MESSAGE_SEND_ACTION_ID } from "../../../../manifest/pages";
import { t } from "../../../../src/i18n";
import type { HostAdapter, ValidatedRecord } from "../../../../addin/hosts/host-adapter";
import { PENDING_PROPERTY, PROVENANCE_HEADER, VALIDATED_PROPERTY } from "../../../../addin/hosts/outlook-provenance";
import { MAX_ALERT_CHARS } from "../../../../addin/commands/on-send";
import {
  fakeComposeOffice,
  installOffice,
  sendMessage,
  uninstallOffice,
  type ComposeState,
  type FakeComposeOptions,
} from "../../../support/fake-outlook-compose";

const GENERATION = "0b9d3c7e-4a57-4d1e-9c55-7f3f2b1e8a10";
const OTHER_GENERATION = "5f2c1a9b-8e7d-4c6b-a5f4-3e2d1c0b9a87";
const NOTICE =
  "Réponse produite par une intelligence artificielle générative et validée par un collaborateur du groupe MAIF.";

const validated = (overrides: Partial<ValidatedRecord> = {}): ValidatedRecord => ({
  generationId: GENERATION,
  prePromptId: "member-email@1",
  transparency: { case: "ai-validated", label: NOTICE },
  ...overrides,
});

let state: ComposeState;

/** A fresh message and fresh copies of the task pane's host and launchevent.js, as Outlook loads them. */
async function setUp(options: FakeComposeOptions = {}): Promise<HostAdapter> {
  const fake = fakeComposeOffice(options);
  state = fake.state;
  installOffice(fake.office);
  vi.resetModules();
  await import("../../../../addin/commands/launchevent");
  const { createOutlookHost } = await import("../../../../addin/hosts/outlook");
  return createOutlookHost();
}

const send = (): Promise<Record<string, unknown>> => sendMessage(state, ON_MESSAGE_SEND_ACTION_ID);

beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
});

afterEach(() => {
  uninstallOffice();
  vi.restoreAllMocks();
});

describe("launchevent.js registers the handler", () => {
  it("under the manifest's function name, as soon as the script is evaluated", async () => {
    await setUp();
    expect([...state.actions.keys()]).toEqual([ON_MESSAGE_SEND_ACTION_ID]);
  });
});

describe("a message with no Greffier state", () => {
  it("goes out as it is: nothing written to it", async () => {
    await setUp();
    expect(await send()).toEqual({ allowEvent: true });
    expect(state.headers).toEqual({});
    expect(state.body).toBe("<p>&gt; Bonjour, où en est mon dossier ?</p>");
  });
});

describe("an AI draft the adviser has not validated", () => {
  it("holds the mail with a French message of at most 150 characters and a button that opens the task pane", async () => {
    const host = await setUp();
    await host.recordDraft?.({ generationId: GENERATION, prePromptId: "member-email@1" });
    expect(state.properties[PENDING_PROPERTY]).toBe(GENERATION);
    expect(state.session[PENDING_PROPERTY]).toBe(GENERATION);

    const completion = await send();
    expect(completion).toEqual({
      allowEvent: false,
      errorMessage: t("send.held.pending"),
      cancelLabel: "Ouvrir Greffier",
      commandId: COMPOSE_TASKPANE_COMMAND_ID,
    });
    expect(String(completion.errorMessage).length).toBeLessThanOrEqual(MAX_ALERT_CHARS);
    expect(completion.errorMessage).toMatch(/pas validé/);
  });

  it("leaves the button out where Outlook cannot show it (Mailbox below 1.14), still holding the mail", async () => {
    const host = await setUp({ sets: ["1.5", "1.8", "1.9", "1.11", "1.12"] });
    await host.recordDraft?.({ generationId: GENERATION, prePromptId: "member-email@1" });
    expect(await send()).toEqual({ allowEvent: false, errorMessage: t("send.held.pending") });
  });

  it("speaks the adviser's language", async () => {
    const host = await setUp({ displayLanguage: "en-GB" });
    await host.recordDraft?.({ generationId: GENERATION, prePromptId: "member-email@1" });
    const completion = await send();
    expect(completion.errorMessage).toBe(t("send.held.pending", {}, "en"));
    expect(completion.cancelLabel).toBe("Open Greffier");
  });

  it("is found through custom properties alone, on clients without session data (below 1.11)", async () => {
    const host = await setUp({ sets: ["1.5", "1.8", "1.9", "1.12"] });
    await host.recordDraft?.({ generationId: GENERATION, prePromptId: "member-email@1" });
    expect(state.session).toEqual({});
    expect((await send()).allowEvent).toBe(false);
  });

  it("is found through session data alone (custom properties not saved yet)", async () => {
    await setUp();
    state.session[PENDING_PROPERTY] = GENERATION;
    expect((await send()).allowEvent).toBe(false);
  });

  it("stops holding the mail once discarded", async () => {
    const host = await setUp();
    await host.recordDraft?.({ generationId: GENERATION, prePromptId: "member-email@1" });
    await host.discardDraft?.();
    expect(state.properties).toEqual({});
    expect(state.session).toEqual({});
    expect(await send()).toEqual({ allowEvent: true });
  });
});

describe("validated text inserted from the task pane", () => {
  it("goes out, with the provenance header set at insertion and the notice in the body", async () => {
    const host = await setUp();
    await host.recordDraft?.({ generationId: GENERATION, prePromptId: "member-email@1" });
    await host.write("insert", "Bonjour Monsieur,\nVotre dossier avance.", NOTICE, validated());

    expect(state.headers[PROVENANCE_HEADER]).toBe(`ai-validated; prompt=member-email@1; generation=${GENERATION}`);
    expect(state.properties[PENDING_PROPERTY]).toBeUndefined();
    expect(JSON.parse(String(state.properties[VALIDATED_PROPERTY]))).toEqual({
      generationId: GENERATION,
      prePromptId: "member-email@1",
      case: "ai-validated",
      label: NOTICE,
    });
    expect(state.body).toContain(NOTICE);

    expect(await send()).toEqual({ allowEvent: true });
    expect(state.headers[PROVENANCE_HEADER]).toBe(`ai-validated; prompt=member-email@1; generation=${GENERATION}`);
  });

  it("writes the header again at send when it went missing", async () => {
    const host = await setUp();
    await host.write("insert", "Bonjour Monsieur,", NOTICE, validated());
    delete state.headers[PROVENANCE_HEADER];
    expect(await send()).toEqual({ allowEvent: true });
    expect(state.headers[PROVENANCE_HEADER]).toBe(`ai-validated; prompt=member-email@1; generation=${GENERATION}`);
  });

  it("still lets validated text go when the header cannot be written at send (the notice is what the member reads)", async () => {
    const host = await setUp();
    await host.write("insert", "Bonjour Monsieur,", NOTICE, validated());
    delete state.headers[PROVENANCE_HEADER];
    state.failures.add("setHeaders");
    expect(await send()).toEqual({ allowEvent: true });
  });

  it("puts a deleted notice back at the top and holds the mail once, so the adviser sees it before it leaves", async () => {
    const host = await setUp();
    await host.write("insert", "Bonjour Monsieur,", NOTICE, validated());
    state.body = "<p>Bonjour Monsieur,</p><p>&gt; Bonjour, où en est mon dossier ?</p>";

    const first = await send();
    expect(first).toEqual({ allowEvent: false, errorMessage: t("send.held.notice_restored") });
    expect(String(first.errorMessage).length).toBeLessThanOrEqual(MAX_ALERT_CHARS);
    expect(state.body.startsWith(`<p><em>${NOTICE}</em></p>`)).toBe(true);

    expect(await send()).toEqual({ allowEvent: true });
  });

  it("recognises the notice whatever spaces and apostrophes Outlook turned it into", async () => {
    const host = await setUp();
    await host.write("insert", "Bonjour,", NOTICE, validated());
    state.body = `<p>Bonjour,</p><p><em>${NOTICE.replace(/ /g, "&nbsp;").replace("l'", "l\u2019")}</em></p>`;
    expect(await send()).toEqual({ allowEvent: true });
  });

  it("puts the notice back as text in a plain-text message", async () => {
    const host = await setUp({ bodyType: "text", body: "> Bonjour" });
    await host.write("insert", "Bonjour,", NOTICE, validated());
    state.body = "Bonjour,\n> Bonjour";
    expect((await send()).allowEvent).toBe(false);
    expect(state.body.startsWith(`${NOTICE}\n\n`)).toBe(true);
  });

  it("needs no notice for a text mostly written by the adviser (human-with-ai), and says so in the header", async () => {
    const host = await setUp();
    await host.write(
      "insert",
      "Bonjour Monsieur,",
      null,
      validated({ transparency: { case: "human-with-ai", label: null } }),
    );
    expect(await send()).toEqual({ allowEvent: true });
    expect(state.headers[PROVENANCE_HEADER]).toBe(`human-with-ai; prompt=member-email@1; generation=${GENERATION}`);
  });

  it("holds the mail again when a new draft is generated after the validated one", async () => {
    const host = await setUp();
    await host.recordDraft?.({ generationId: GENERATION, prePromptId: "member-email@1" });
    await host.write("insert", "Bonjour Monsieur,", NOTICE, validated());
    await host.recordDraft?.({ generationId: OTHER_GENERATION, prePromptId: "member-email@1" });
    expect((await send()).allowEvent).toBe(false);
    await host.discardDraft?.();
    expect(await send()).toEqual({ allowEvent: true });
  });
});

describe("validated text copied from the task pane and pasted by the adviser", () => {
  it("goes out once the pane records the validation, with its notice checked like an inserted one", async () => {
    const host = await setUp();
    await host.recordDraft?.({ generationId: GENERATION, prePromptId: "member-email@1" });
    await host.recordValidated?.(validated());
    expect(state.headers[PROVENANCE_HEADER]).toBe(`ai-validated; prompt=member-email@1; generation=${GENERATION}`);
    // Pasted with its notice: nothing to add.
    state.body = `<p>Bonjour Monsieur,</p><p><em>${NOTICE}</em></p>${state.body}`;
    expect(await send()).toEqual({ allowEvent: true });
  });
});

describe("when the message cannot be checked", () => {
  it("holds the mail and says to try again (the insurer's block mode: not without the check)", async () => {
    await setUp();
    state.failures.add("loadCustomProperties");
    const completion = await send();
    expect(completion).toEqual({ allowEvent: false, errorMessage: t("send.held.check_failed") });
  });

  it("holds the mail when the body cannot be read to look for the notice", async () => {
    const host = await setUp();
    await host.write("insert", "Bonjour Monsieur,", NOTICE, validated());
    state.failures.add("getBody");
    expect((await send()).errorMessage).toBe(t("send.held.check_failed"));
  });
});

describe("the task pane's records", () => {
  it("reports host_record_failed when the text went in but its validation could not be recorded", async () => {
    const host = await setUp();
    state.failures.add("saveCustomProperties");
    await expect(host.write("insert", "Bonjour Monsieur,", NOTICE, validated())).rejects.toMatchObject({
      code: "host_record_failed",
    });
    expect(state.body).toContain("Bonjour Monsieur,");
  });

  it("refuses a draft record it cannot save, so the pane knows the send check is not armed", async () => {
    const host = await setUp();
    state.failures.add("saveCustomProperties");
    await expect(host.recordDraft?.({ generationId: GENERATION, prePromptId: "member-email@1" })).rejects.toMatchObject(
      { code: "host_record_failed" },
    );
  });

  it("records nothing when the insertion itself failed", async () => {
    const host = await setUp();
    state.failures.add("insertBody");
    await expect(host.write("insert", "Bonjour Monsieur,", NOTICE, validated())).rejects.toMatchObject({
      code: "host_write_failed",
    });
    expect(state.properties).toEqual({});
    expect(state.headers).toEqual({});
  });

  it("inserts without recording when the pane gives no provenance (copy of an older flow)", async () => {
    const host = await setUp();
    await host.write("insert", "Bonjour Monsieur,", NOTICE);
    expect(state.properties).toEqual({});
    expect(state.headers).toEqual({});
  });
});
