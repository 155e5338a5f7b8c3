// Owns the reading of text/event-stream bodies into events, for the pane and the tests alike: eventsource-parser
// applies the WHATWG rules (EventSource itself cannot POST). Web-standard streams only, so Node runs it too.
import { createParser, type EventSourceParser } from "eventsource-parser";

/** One server-sent event: its name (`message` when unnamed) and its data lines joined by "\n". */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
}

/** A parser handing each complete event to `onEvent`, named as EventSource names them. */
function parserFor(onEvent: (event: SseEvent) => void): EventSourceParser {
  return createParser({ onEvent: (message) => onEvent({ event: message.event ?? "message", data: message.data }) });
}

/** The events of an SSE body already read in full; a last event without its blank line is not one. */
export function parseSseText(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  parserFor((event) => events.push(event)).feed(text);
  return events;
}

/** Yields the events of an SSE body as they arrive (line ends and UTF-8 characters may be split across chunks). */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const ready: SseEvent[] = [];
  const parser = parserFor((event) => ready.push(event));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      parser.feed(done ? decoder.decode() : decoder.decode(value, { stream: true }));
      yield* ready.splice(0);
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}
