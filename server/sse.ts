// Owns the Server-Sent Events framing of a streamed answer.
import type { ServerResponse } from "node:http";
import type { GenerationEventName } from "../src/schemas/generation";

/** Whether the client asked for a stream. */
export function wantsEventStream(accept: string | undefined): boolean {
  return (accept ?? "").split(",").some((part) => part.trim().startsWith("text/event-stream"));
}

/** A writer of SSE events on a raw response; writes after close are dropped. */
export interface EventStream {
  send(event: GenerationEventName, data: unknown): void;
  end(): void;
  readonly isClosed: boolean;
}

/** How often a silent stream gets a comment line, under the 60 s idle timeout of common proxies. */
export const HEARTBEAT_MS = 15_000;

/**
 * Starts the stream: headers that stop proxies from buffering, then events as they come, and a `: heartbeat`
 * comment every `heartbeatMs` (clients ignore comments) so a proxy never cuts a stream waiting on a slow provider.
 */
export function openEventStream(
  raw: ServerResponse,
  headers: Record<string, string> = {},
  heartbeatMs = HEARTBEAT_MS,
): EventStream {
  raw.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
    ...headers,
  });
  raw.flushHeaders();
  let isClosed = false;
  const heartbeat = setInterval(() => {
    if (!isClosed) raw.write(": heartbeat\n\n");
  }, heartbeatMs);
  heartbeat.unref();
  raw.on("close", () => {
    isClosed = true;
    clearInterval(heartbeat);
  });
  return {
    send(event, data) {
      if (isClosed) return;
      raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      clearInterval(heartbeat);
      if (isClosed) return;
      isClosed = true;
      raw.end();
    },
    get isClosed() {
      return isClosed;
    },
  };
}
