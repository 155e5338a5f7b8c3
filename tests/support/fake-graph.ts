// Owns a local fake of the Microsoft Graph routes the Teams host uses for meeting transcripts: chat, online meetings,
// transcripts, content.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

export interface FakeGraphOptions {
  /** The meeting chat id and its join URL. */
  readonly chatId: string;
  readonly joinWebUrl: string;
  readonly meetingId: string;
  /** Transcripts of the meeting, with their WebVTT content. */
  readonly transcripts: { id: string; createdDateTime: string; vtt: string }[];
  /** The token Graph accepts; anything else is a 401. */
  readonly token: string;
}

export interface FakeGraph {
  readonly baseUrl: string;
  /** Every request path (with query), in order. */
  readonly requests: string[];
  /** Answers every following request with this status (403 tenant policy, 404 expired meeting), or null to serve normally. */
  failWith(status: number | null): void;
  close(): Promise<void>;
}

/** Starts the fake on a free loopback port. */
export async function startFakeGraph(options: FakeGraphOptions): Promise<FakeGraph> {
  const requests: string[] = [];
  let failure: number | null = null;
  const send = (res: ServerResponse, status: number, body: unknown, type = "application/json"): void => {
    res.writeHead(status, { "content-type": type, "access-control-allow-origin": "*" });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  };
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? "/", "http://graph.local");
    requests.push(decodeURIComponent(url.pathname + url.search));
    if (req.headers.authorization !== `Bearer ${options.token}`)
      return send(res, 401, { error: { code: "InvalidAuthenticationToken" } });
    if (failure !== null)
      return send(res, failure, {
        error: {
          code: failure === 403 ? "Forbidden" : "NotFound",
          innerError: { code: failure === 403 ? "GraphAccessToTranscriptsDisabled" : "" },
        },
      });
    const path = decodeURIComponent(url.pathname);
    if (path === `/v1.0/chats/${options.chatId}`)
      return send(res, 200, { id: options.chatId, onlineMeetingInfo: { joinWebUrl: options.joinWebUrl } });
    if (path === "/v1.0/me/onlineMeetings") {
      const filter = url.searchParams.get("$filter");
      const match = filter === `JoinWebUrl eq '${options.joinWebUrl}'`;
      return send(res, 200, { value: match ? [{ id: options.meetingId }] : [] });
    }
    if (path === `/v1.0/me/onlineMeetings/${options.meetingId}/transcripts`) {
      return send(res, 200, { value: options.transcripts.map(({ id, createdDateTime }) => ({ id, createdDateTime })) });
    }
    const content = new RegExp(`^/v1\\.0/me/onlineMeetings/${options.meetingId}/transcripts/([^/]+)/content$`).exec(
      path,
    );
    const transcript = content ? options.transcripts.find((t) => t.id === content[1]) : undefined;
    if (transcript && url.searchParams.get("$format") === "text/vtt") return send(res, 200, transcript.vtt, "text/vtt");
    return send(res, 404, { error: { code: "NotFound" } });
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1.0`,
    requests,
    failWith(status) {
      failure = status;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
