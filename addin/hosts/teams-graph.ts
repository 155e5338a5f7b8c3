// Owns the Microsoft Graph calls behind the Teams host: from the meeting chat to its latest transcript, as WebVTT, with
// the adviser's delegated token.
import { hostError, type HostError } from "./host-adapter";

/** Microsoft Graph v1.0, unless a test points elsewhere. */
export const GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0";

/**
 * The delegated scopes the transcript needs: the chat's join URL, the online meeting behind it, its transcripts.
 * `OnlineMeetingTranscript.Read.All` needs the tenant's consent; without it Graph answers 403.
 */
export const GRAPH_TRANSCRIPT_SCOPES = [
  "Chat.ReadBasic",
  "OnlineMeetings.Read",
  "OnlineMeetingTranscript.Read.All",
] as const;

/** How the Teams host reaches Graph. */
export interface GraphAccess {
  /**
   * A delegated Graph token carrying `GRAPH_TRANSCRIPT_SCOPES` for the signed-in adviser.
   * @throws Error when no token can be had (the adviser is then told the transcript cannot be read).
   */
  getToken(): Promise<string>;
  /** Graph's root; `GRAPH_BASE_URL` by default. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
}

/** Where the meeting is, as teams-js gives it: the meeting chat (`ctx.chat.id`), or its join URL when already known. */
export interface MeetingRef {
  readonly chatId?: string;
  readonly joinWebUrl?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The HostError a Graph status stands for: 403 is the tenant's or meeting's refusal, 404 an absent or expired meeting. */
export function graphStatusError(status: number): HostError {
  if (status === 403) return hostError("host_transcript_forbidden");
  if (status === 404) return hostError("host_transcript_not_found");
  return hostError("host_read_failed");
}

/**
 * Reads the meeting's latest transcript (Graph: chat → join URL → online meeting → transcripts → content).
 * `ctx.meeting.id` from teams-js is not the Graph id, hence the way through the chat's join URL.
 * @returns The transcript as WebVTT text, with speaker voices.
 * @throws HostError host_transcript_forbidden (403), host_transcript_not_found (404, no meeting, no transcript),
 *   host_read_failed (no token, network, any other answer).
 */
export async function readMeetingTranscript(graph: GraphAccess, meeting: MeetingRef): Promise<string> {
  const base = (graph.baseUrl ?? GRAPH_BASE_URL).replace(/\/$/, "");
  const doFetch = graph.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let token: string;
  try {
    token = await graph.getToken();
  } catch (cause) {
    throw hostError("host_read_failed", { cause });
  }

  const get = async (path: string, accept = "application/json"): Promise<Response> => {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}`, accept } });
    } catch (cause) {
      throw hostError("host_read_failed", { cause });
    }
    if (!response.ok) throw graphStatusError(response.status);
    return response;
  };
  const getJson = async (path: string): Promise<Record<string, unknown>> => {
    const body: unknown = await (await get(path)).json().catch(() => null);
    if (!isRecord(body)) throw hostError("host_read_failed");
    return body;
  };

  let joinWebUrl = meeting.joinWebUrl;
  if (!joinWebUrl && meeting.chatId) {
    const chat = await getJson(`/chats/${encodeURIComponent(meeting.chatId)}`);
    const info = chat.onlineMeetingInfo;
    joinWebUrl = isRecord(info) && typeof info.joinWebUrl === "string" ? info.joinWebUrl : undefined;
  }
  if (!joinWebUrl) throw hostError("host_transcript_not_found");

  // OData string literal: single quotes are doubled.
  const filter = encodeURIComponent(`JoinWebUrl eq '${joinWebUrl.replace(/'/g, "''")}'`);
  const meetings = await getJson(`/me/onlineMeetings?$filter=${filter}`);
  const first = Array.isArray(meetings.value) ? meetings.value[0] : undefined;
  const meetingId = isRecord(first) && typeof first.id === "string" ? first.id : undefined;
  if (!meetingId) throw hostError("host_transcript_not_found");

  const list = await getJson(`/me/onlineMeetings/${encodeURIComponent(meetingId)}/transcripts`);
  const transcripts = (Array.isArray(list.value) ? list.value : [])
    .filter((v): v is { id: string; createdDateTime?: string } => isRecord(v) && typeof v.id === "string")
    .sort((a, b) => String(a.createdDateTime ?? "").localeCompare(String(b.createdDateTime ?? "")));
  const latest = transcripts.at(-1);
  if (!latest) throw hostError("host_transcript_not_found");

  const content = await get(
    `/me/onlineMeetings/${encodeURIComponent(meetingId)}/transcripts/${encodeURIComponent(latest.id)}/content?$format=text/vtt`,
    "text/vtt",
  );
  return content.text();
}
