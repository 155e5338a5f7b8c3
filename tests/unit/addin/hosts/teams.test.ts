// Covers the Teams host with a mocked teams-js: initialise once, context to locale/theme/key, theme changes.
import { beforeEach, describe, expect, it, vi } from "vitest";

const sdk = vi.hoisted(() => {
  const state = {
    initialized: false,
    themeHandler: undefined as ((t: string) => void) | undefined,
    context: {} as Record<string, unknown>,
  };
  return {
    state,
    app: {
      isInitialized: vi.fn(() => state.initialized),
      initialize: vi.fn(() => {
        state.initialized = true;
        return Promise.resolve();
      }),
      getContext: vi.fn(() => Promise.resolve(state.context)),
      registerOnThemeChangeHandler: vi.fn((handler: (t: string) => void) => {
        state.themeHandler = handler;
      }),
    },
  };
});
vi.mock("@microsoft/teams-js", () => ({ app: sdk.app }));

const { connectTeamsHost, themeFromTeams } = await import("../../../../addin/hosts/teams");

beforeEach(() => {
  sdk.state.initialized = false;
  sdk.state.context = {
    app: { locale: "en-us", theme: "dark", host: { name: "Teams", clientType: "web" } },
    page: { id: "tab-1", frameContext: "sidePanel" },
    meeting: { id: "MCMxOTptZWV0aW5n" },
    chat: { id: "19:meeting_abc@thread.v2" },
  };
  vi.clearAllMocks();
});

describe("teams host", () => {
  it("initialises the SDK once and reads locale, theme, frame and the meeting as the autosave key", async () => {
    const host = await connectTeamsHost();
    expect(sdk.app.initialize).toHaveBeenCalledTimes(1);
    expect(host.kind).toBe("teams");
    expect(host.locale).toBe("en");
    expect(host.theme()).toBe("dark");
    expect((host as unknown as { frame: string }).frame).toBe("sidePanel");
    const item = await host.readContext();
    expect(item).toMatchObject({
      key: "teams:MCMxOTptZWV0aW5n",
      kind: "meeting",
      suggestedTask: "interview-minutes",
      targets: [],
    });
    expect(item.context.channel).toBe("Teams meeting");

    await connectTeamsHost();
    expect(sdk.app.initialize).toHaveBeenCalledTimes(1);
  });

  it("falls back to the chat or page for the key outside a meeting, in French", async () => {
    sdk.state.context = { app: { locale: "fr-fr", theme: "default" }, page: { id: "tab-9", frameContext: "content" } };
    const host = await connectTeamsHost();
    expect(host.locale).toBe("fr");
    expect(host.theme()).toBe("light");
    expect(await host.readContext()).toMatchObject({ key: "teams:tab-9", kind: "session" });
    await expect(host.write("insert", "x")).rejects.toMatchObject({ code: "host_unsupported" });
  });

  it("follows the Teams theme, including high contrast", async () => {
    const host = await connectTeamsHost();
    const seen: string[] = [];
    host.onThemeChanged((t) => seen.push(t));
    sdk.state.themeHandler?.("contrast");
    sdk.state.themeHandler?.("default");
    expect(seen).toEqual(["contrast", "light"]);
    expect(themeFromTeams("glass")).toBe("light");
  });

  it("offers the meeting transcript only in a meeting and with Graph access, reading it through the meeting chat", async () => {
    expect((await connectTeamsHost()).readMeetingTranscript).toBeUndefined();
    const requests: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      const url = decodeURIComponent(String(input));
      requests.push(url);
      if (url.endsWith("/chats/19:meeting_abc@thread.v2"))
        return Response.json({ onlineMeetingInfo: { joinWebUrl: "https://teams.microsoft.com/l/meetup-join/x" } });
      if (url.includes("/me/onlineMeetings?")) return Response.json({ value: [{ id: "M1" }] });
      if (url.endsWith("/transcripts"))
        return Response.json({ value: [{ id: "T1", createdDateTime: "2026-11-25T09:00:00Z" }] });
      return new Response("WEBVTT\n", { headers: { "content-type": "text/vtt" } });
    }) as typeof globalThis.fetch;
    const host = await connectTeamsHost({
      graph: { getToken: () => Promise.resolve("t"), baseUrl: "https://graph.test/v1.0", fetch },
    });
    expect(await host.readMeetingTranscript?.()).toBe("WEBVTT\n");
    expect(requests[0]).toBe("https://graph.test/v1.0/chats/19:meeting_abc@thread.v2");

    sdk.state.context = { app: { locale: "fr-fr", theme: "default" }, page: { id: "tab-9", frameContext: "content" } };
    expect(
      (await connectTeamsHost({ graph: { getToken: () => Promise.resolve("t") } })).readMeetingTranscript,
    ).toBeUndefined();
  });
});
