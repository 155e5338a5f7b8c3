// Covers the browser host and the start-up choice of host: no Office, Office outside Outlook, Outlook, Teams frames.
import { afterEach, describe, expect, it, vi } from "vitest";
import { browserLocale, createBrowserHost } from "../../../../addin/hosts/browser";
import { detectTaskpaneHost, detectTeamsHost } from "../../../../addin/hosts/detect";

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  sessionStorage.clear();
  localStorage.clear();
});

describe("browser host", () => {
  it("keys the work by a draft name kept in localStorage, never by the tab's session", async () => {
    const first = await createBrowserHost({ locale: "fr", search: "" }).readContext();
    expect(first.key).toBe("browser:draft:brouillon");
    expect(first.targets).toEqual([]);
    expect(first.context.date).toBeTruthy();

    const host = createBrowserHost({ locale: "fr", search: "" });
    let switches = 0;
    host.onItemChanged(() => switches++);
    host.draftName?.set("  Dossier   Lambert ");
    expect(switches).toBe(1);
    expect((await host.readContext()).key).toBe("browser:draft:dossier lambert");
    host.draftName?.set("Dossier Lambert");
    expect(switches).toBe(1);

    // A new tab (a new session) finds the last draft again; ?draft= picks another one.
    sessionStorage.clear();
    expect((await createBrowserHost({ locale: "fr", search: "" }).readContext()).key).toBe(
      "browser:draft:dossier lambert",
    );
    expect((await createBrowserHost({ locale: "fr", search: "?draft=Autre" }).readContext()).key).toBe(
      "browser:draft:autre",
    );
    expect(Object.keys(sessionStorage)).toEqual([]);
  });

  it("picks French unless English is asked for", () => {
    expect(browserLocale("", ["de-DE"])).toBe("fr");
    expect(browserLocale("", ["en-GB"])).toBe("en");
    expect(browserLocale("?lang=fr", ["en-GB"])).toBe("fr");
    expect(browserLocale("?lang=en", ["fr-FR"])).toBe("en");
  });

  it("cannot write into anything", async () => {
    await expect(createBrowserHost().write("insert", "x")).rejects.toMatchObject({ code: "host_unsupported" });
  });
});

describe("host detection", () => {
  it("uses the browser host when office.js is absent (CDN unreachable)", async () => {
    expect((await detectTaskpaneHost()).kind).toBe("browser");
  });

  it("uses the browser host when office.js runs outside Office", async () => {
    (globalThis as { Office?: unknown }).Office = {
      onReady: () => Promise.resolve({ host: null, platform: null }),
      HostType: { Outlook: "Outlook" },
    };
    expect((await detectTaskpaneHost()).kind).toBe("browser");
  });

  it("does not wait forever for an office.js that never answers", async () => {
    (globalThis as { Office?: unknown }).Office = {
      onReady: () => new Promise(() => undefined),
      HostType: { Outlook: "Outlook" },
    };
    expect((await detectTaskpaneHost(20)).kind).toBe("browser");
  });

  it("uses the Outlook host when Office reports Outlook with a mailbox", async () => {
    (globalThis as { Office?: unknown }).Office = {
      onReady: () => Promise.resolve({ host: "Outlook" }),
      HostType: { Outlook: "Outlook" },
      context: { displayLanguage: "en-US", mailbox: { item: undefined } },
    };
    const host = await detectTaskpaneHost();
    expect(host.kind).toBe("outlook");
    expect(host.locale).toBe("en");
  });

  it("never loads teams-js in a top-level window", async () => {
    const spy = vi.spyOn(console, "warn");
    expect((await detectTeamsHost()).kind).toBe("browser");
    expect(spy).not.toHaveBeenCalled();
  });
});
