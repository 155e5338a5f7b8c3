// Covers the Teams host's meeting transcript over a local fake Graph: the way from the chat to the VTT, and 403/404 in
// words.
// @vitest-environment node
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { t } from "../../../../src/i18n";
import { readMeetingTranscript } from "../../../../addin/hosts/teams-graph";
import { startFakeGraph, type FakeGraph } from "../../../support/fake-graph";

const VTT = readFileSync(new URL("../../../fixtures/sources/teams-sinistre-habitation.vtt", import.meta.url), "utf8");
const CHAT = "19:meeting_NjQ5@thread.v2";
const JOIN =
  "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ5%40thread.v2/0?context=%7b%22Tid%22%3a%22t%27%22%7d";

let graph: FakeGraph;
beforeAll(async () => {
  graph = await startFakeGraph({
    chatId: CHAT,
    joinWebUrl: JOIN,
    meetingId: "MSpkYzE3",
    token: "graph-token",
    transcripts: [
      {
        id: "old",
        createdDateTime: "2026-11-24T09:00:00Z",
        vtt: "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v A>ancienne</v>",
      },
      { id: "latest", createdDateTime: "2026-11-25T09:00:00Z", vtt: VTT },
    ],
  });
});
afterAll(() => graph.close());
beforeEach(() => {
  graph.requests.length = 0;
  graph.failWith(null);
});

const access = (token = "graph-token") => ({
  getToken: () => Promise.resolve(token),
  baseUrl: graph.baseUrl,
  fetch: globalThis.fetch,
});

describe("meeting transcript through Graph", () => {
  it("resolves the meeting from the chat's join URL and downloads its latest transcript as WebVTT", async () => {
    const vtt = await readMeetingTranscript(access(), { chatId: CHAT });
    expect(vtt).toBe(VTT);
    expect(graph.requests).toEqual([
      `/v1.0/chats/${CHAT}`,
      `/v1.0/me/onlineMeetings?$filter=JoinWebUrl eq '${JOIN}'`,
      "/v1.0/me/onlineMeetings/MSpkYzE3/transcripts",
      "/v1.0/me/onlineMeetings/MSpkYzE3/transcripts/latest/content?$format=text/vtt",
    ]);
  });

  it("maps a tenant's refusal (403) and an absent or expired meeting (404) to clear French messages", async () => {
    graph.failWith(403);
    const forbidden = await readMeetingTranscript(access(), { chatId: CHAT }).catch((e: unknown) => e);
    expect(forbidden).toMatchObject({ code: "host_transcript_forbidden" });
    expect(t("ui.host.host_transcript_forbidden")).toMatch(/ne permet pas.*importez-le/);

    graph.failWith(404);
    expect(await readMeetingTranscript(access(), { chatId: CHAT }).catch((e: unknown) => e)).toMatchObject({
      code: "host_transcript_not_found",
    });
    expect(t("ui.host.host_transcript_not_found")).toMatch(/aucune transcription/);
  });

  it("says there is no transcript when the join URL matches no meeting, and fails plainly without a token", async () => {
    await expect(
      readMeetingTranscript(access(), { joinWebUrl: "https://teams.microsoft.com/l/other" }),
    ).rejects.toMatchObject({ code: "host_transcript_not_found" });
    await expect(readMeetingTranscript(access("wrong"), { chatId: CHAT })).rejects.toMatchObject({
      code: "host_read_failed",
    });
    await expect(
      readMeetingTranscript(
        { getToken: () => Promise.reject(new Error("consent")), baseUrl: graph.baseUrl },
        { chatId: CHAT },
      ),
    ).rejects.toMatchObject({
      code: "host_read_failed",
    });
  });
});
