// Owns the reading of a text/event-stream body into events (EventSource cannot POST, so we parse it ourselves).

/** One server-sent event: its name (`message` when unnamed) and its data lines joined by "\n". */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
}

/**
 * Yields the events of an SSE body as they arrive, following the WHATWG parsing rules that matter here:
 * CRLF, LF or CR line ends (even split across chunks), `:` comments, multi-line `data`, blank-line dispatch.
 */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let event = "";
  let data: string[] = [];

  function* takeLines(isFinal: boolean): Generator<SseEvent> {
    for (;;) {
      const match = /\r\n|\r|\n/.exec(buffer);
      // A trailing CR may be the first half of a CRLF split across chunks: wait for the next one.
      if (!match || (!isFinal && match[0] === "\r" && match.index === buffer.length - 1)) return;
      const line = buffer.slice(0, match.index);
      buffer = buffer.slice(match.index + match[0].length);
      if (line === "") {
        if (data.length > 0) yield { event: event || "message", data: data.join("\n") };
        event = "";
        data = [];
        continue;
      }
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? "" : line.slice(colon + 1);
      if (value.startsWith(" ")) value = value.slice(1);
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
    }
  }

  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      yield* takeLines(false);
    }
    buffer += decoder.decode();
    yield* takeLines(true);
  } finally {
    reader.releaseLock();
  }
}
