// Owns the fake OpenAI-compatible provider of the test suite: JSON and SSE, recorded requests, scripted faults.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ChatMessage {
  role: string;
  content: string;
}

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage["headers"];
  body: { model?: string; messages: ChatMessage[]; stream?: boolean; [key: string]: unknown };
}

/** One scripted answer; unscripted requests get `{ kind: "ok" }` with the default text. */
export type FakeBehaviour =
  | {
      kind: "ok";
      text?: string;
      chunkSize?: number;
      chunkDelayMs?: number;
      usage?: { prompt_tokens: number; completion_tokens: number };
    }
  | { kind: "status"; status: number; retryAfterSeconds?: number; body?: string }
  | { kind: "hang" }
  | { kind: "cut"; afterChunks: number; text?: string; chunkSize?: number; chunkDelayMs?: number }
  | { kind: "malformed-chunk"; afterChunks: number; text?: string }
  /** Every chunk, then a clean end without a finish reason (a proxy closing the stream early). */
  | { kind: "no-finish"; text?: string; chunkSize?: number }
  | { kind: "wrong-content-type" };

export interface FakeOpenAi {
  readonly url: string;
  /** Base URL to give the SDK (`…/v1`). */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** Queue behaviours for the next requests, in order. */
  enqueue(...behaviours: FakeBehaviour[]): void;
  /** Text answered when a behaviour gives none; defaults to a minute built from the notes block. */
  setDefaultText(text: string | ((request: RecordedRequest) => string)): void;
  /** Behaviour of unscripted requests (default `{ kind: "ok" }`). */
  setDefaultBehaviour(behaviour: FakeBehaviour): void;
  /** Whether requests are kept in `requests` (off for long benchmarks). */
  setRecording(isOn: boolean): void;
  /** Calls to /v1/audio/transcriptions: form fields and the audio's size (issue 17). */
  readonly audioRequests: RecordedAudioRequest[];
  /** Queue behaviours for the next transcription calls (`ok` answers the default transcript). */
  enqueueAudio(...behaviours: FakeAudioBehaviour[]): void;
  /** Segments answered for a piece of audio, given its recorded request; default: a French interview spread over its length. */
  setTranscript(segments: (request: RecordedAudioRequest) => FakeSegment[]): void;
  close(): Promise<void>;
}

export interface RecordedAudioRequest {
  readonly fields: Record<string, string>;
  readonly filename: string;
  readonly audioBytes: number;
  /** Seconds of audio when the file is a WAV (from its header), else undefined. */
  readonly durationS: number | undefined;
}

export interface FakeSegment {
  start: number;
  end: number;
  text: string;
  speaker?: string;
}

/** A transcription answer: `ok` (verbose_json or json as asked), an error status, `no-verbose` (400 on verbose_json) or a hang. */
export type FakeAudioBehaviour =
  | { kind: "ok"; segments?: FakeSegment[]; delayMs?: number }
  | { kind: "status"; status: number; retryAfterSeconds?: number }
  | { kind: "no-verbose" }
  | { kind: "hang" };

const INTERVIEW_LINES = [
  "Bonjour, je vous appelle au sujet de votre déclaration de sinistre.",
  "Pouvez-vous me rappeler la date du dégât des eaux ?",
  "C'était le 12 mars, la fuite venait de chez le voisin du dessus.",
  "Très bien, je transmets le dossier à l'expert cette semaine.",
];

/** A WAV file's length from its header, to spread the default transcript over the audio. */
function wavSeconds(bytes: Buffer): number | undefined {
  if (bytes.length < 44 || bytes.toString("latin1", 0, 4) !== "RIFF") return undefined;
  let offset = 12;
  let byteRate = 0;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString("latin1", offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === "fmt ") byteRate = bytes.readUInt32LE(offset + 16);
    if (id === "data") return byteRate > 0 ? Math.min(size, bytes.length - offset - 8) / byteRate : undefined;
    offset += 8 + size + (size % 2);
  }
  return undefined;
}

function defaultSegments(request: RecordedAudioRequest): FakeSegment[] {
  const length = request.durationS ?? 20;
  const step = length / INTERVIEW_LINES.length;
  return INTERVIEW_LINES.map((text, i) => ({ start: i * step, end: (i + 1) * step, text }));
}

interface JsonSchemaNode {
  type?: string | string[];
  const?: unknown;
  properties?: Record<string, JsonSchemaNode>;
  anyOf?: JsonSchemaNode[];
}

/** The emptiest instance a JSON schema accepts: nulls where allowed, empty lists, constants kept. */
function emptyInstance(schema: JsonSchemaNode): unknown {
  if (schema.const !== undefined) return schema.const;
  const types = [schema.type ?? [], ...(schema.anyOf ?? []).map((s) => s.type ?? [])].flat();
  if (types.includes("null")) return null;
  if (types.includes("array")) return [];
  if (types.includes("string")) return "";
  if (schema.properties)
    return Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, emptyInstance(v)]));
  return null;
}

/**
 * A plausible answer: for a structured request, the emptiest JSON its schema accepts; otherwise the lines of the
 * `<notes>` block echoed under a heading, so figures stay grounded.
 */
export function defaultDraft(request: RecordedRequest): string {
  const format = request.body.response_format as { json_schema?: { schema?: JsonSchemaNode } } | undefined;
  if (format?.json_schema?.schema) return JSON.stringify(emptyInstance(format.json_schema.schema));
  const user = request.body.messages.find((m) => m.role === "user")?.content ?? "";
  const notes = /<notes>\n?([\s\S]*?)\n?<\/notes>/.exec(user)?.[1] ?? "";
  const lines = notes
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return [
    "## Contexte",
    "Entretien avec le sociétaire.",
    "",
    "## Éléments échangés",
    ...lines.map((l) => `- ${l.replace(/^[-•*]\s*/, "")}`),
  ].join("\n");
}

function split(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks.length > 0 ? chunks : [""];
}

function chunkEvent(model: string, content: string | null, finish: string | null = null): string {
  const delta = content === null ? {} : { content };
  return `data: ${JSON.stringify({ id: "chatcmpl-fake", object: "chat.completion.chunk", created: 0, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the fake provider on a free loopback port. */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: RecordedRequest[] = [];
  const queue: FakeBehaviour[] = [];
  let defaultText: string | ((r: RecordedRequest) => string) = defaultDraft;
  let defaultBehaviour: FakeBehaviour = { kind: "ok" };
  let isRecording = true;
  const open = new Set<ServerResponse>();

  const audioRequests: RecordedAudioRequest[] = [];
  const audioQueue: FakeAudioBehaviour[] = [];
  let transcriptOf: (request: RecordedAudioRequest) => FakeSegment[] = defaultSegments;

  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => {
      const body = Buffer.concat(parts);
      if (req.method === "POST" && req.url?.endsWith("/audio/transcriptions")) void handleAudio(req, res, body);
      else void handle(req, res, body.toString("utf8"));
    });
  });

  /** /v1/audio/transcriptions as OpenAI, Voxtral and faster-whisper speak it: multipart in, json or verbose_json out. */
  async function handleAudio(req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
    const form = await new Response(new Uint8Array(raw), {
      headers: { "content-type": req.headers["content-type"] ?? "" },
    }).formData();
    const fields: Record<string, string> = {};
    let file: File | undefined;
    for (const [key, value] of form.entries()) {
      if (typeof value === "string") fields[key] = value;
      else file = value;
    }
    const bytes = file ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    const recorded: RecordedAudioRequest = {
      fields,
      filename: file?.name ?? "",
      audioBytes: bytes.length,
      durationS: wavSeconds(bytes),
    };
    if (isRecording) audioRequests.push(recorded);
    const behaviour = audioQueue.shift() ?? { kind: "ok" };
    const json = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
    };
    if (!file) return json(400, { error: { message: "file is required" } });
    switch (behaviour.kind) {
      case "status":
        return json(
          behaviour.status,
          { error: { message: `fake ${behaviour.status}` } },
          behaviour.retryAfterSeconds !== undefined ? { "retry-after": String(behaviour.retryAfterSeconds) } : {},
        );
      case "hang":
        open.add(res);
        res.on("close", () => open.delete(res));
        return;
      case "no-verbose":
        if (fields.response_format === "verbose_json")
          return json(400, { error: { message: "response_format verbose_json is not supported" } });
        break;
      default:
        if (behaviour.delayMs) await sleep(behaviour.delayMs);
    }
    const segments = (behaviour.kind === "ok" ? behaviour.segments : undefined) ?? transcriptOf(recorded);
    const text = segments.map((s) => s.text).join(" ");
    if (fields.response_format === "verbose_json") {
      return json(200, {
        task: "transcribe",
        language: "french",
        duration: recorded.durationS ?? segments.at(-1)?.end ?? 0,
        text,
        segments: segments.map((s, id) => ({ id, seek: 0, ...s })),
      });
    }
    return json(200, { text });
  }

  async function handle(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res
        .writeHead(404, { "content-type": "application/json" })
        .end(JSON.stringify({ error: { message: "not found" } }));
      return;
    }
    const body = JSON.parse(raw) as RecordedRequest["body"];
    const recorded: RecordedRequest = { path: req.url, headers: req.headers, body };
    if (isRecording) requests.push(recorded);
    const behaviour = queue.shift() ?? defaultBehaviour;
    const model = body.model ?? "fake-model";
    const textOf = (t?: string) => t ?? (typeof defaultText === "function" ? defaultText(recorded) : defaultText);

    switch (behaviour.kind) {
      case "status": {
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (behaviour.retryAfterSeconds !== undefined) headers["retry-after"] = String(behaviour.retryAfterSeconds);
        res
          .writeHead(behaviour.status, headers)
          .end(behaviour.body ?? JSON.stringify({ error: { message: `fake ${behaviour.status}`, type: "fake" } }));
        return;
      }
      case "hang":
        open.add(res);
        res.on("close", () => open.delete(res));
        return; // never answers
      case "wrong-content-type":
        res.writeHead(200, { "content-type": "text/html" }).end("<html><body>Bad gateway page</body></html>");
        return;
      default:
        break;
    }

    const text = textOf("text" in behaviour ? behaviour.text : undefined);
    const usage =
      behaviour.kind === "ok" && behaviour.usage
        ? behaviour.usage
        : { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: Math.ceil(text.length / 4) };
    if (!body.stream) {
      // A paced provider takes as long to answer in one piece as it would to stream every chunk.
      if (behaviour.kind === "ok" && behaviour.chunkDelayMs)
        await sleep(behaviour.chunkDelayMs * Math.ceil(text.length / (behaviour.chunkSize ?? 12)));
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          id: "chatcmpl-fake",
          object: "chat.completion",
          created: 0,
          model,
          choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
          usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
        }),
      );
      return;
    }
    const chunkSize = "chunkSize" in behaviour && behaviour.chunkSize ? behaviour.chunkSize : 12;
    const chunks = split(text, chunkSize);
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    open.add(res);
    res.on("close", () => open.delete(res));
    res.write(
      `data: ${JSON.stringify({ id: "chatcmpl-fake", object: "chat.completion.chunk", created: 0, model, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] })}\n\n`,
    );
    for (const [index, chunk] of chunks.entries()) {
      if (behaviour.kind === "cut" && index === behaviour.afterChunks) {
        res.destroy();
        return;
      }
      if (behaviour.kind === "malformed-chunk" && index === behaviour.afterChunks) {
        res.write("data: {not json\n\n");
        res.end();
        return;
      }
      res.write(chunkEvent(model, chunk));
      if ((behaviour.kind === "ok" || behaviour.kind === "cut") && behaviour.chunkDelayMs)
        await sleep(behaviour.chunkDelayMs);
    }
    if (behaviour.kind === "no-finish") {
      res.end();
      return;
    }
    res.write(chunkEvent(model, null, "stop"));
    if (body.stream_options && (body.stream_options as { include_usage?: boolean }).include_usage) {
      res.write(
        `data: ${JSON.stringify({ id: "chatcmpl-fake", object: "chat.completion.chunk", created: 0, model, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } })}\n\n`,
      );
    }
    res.write("data: [DONE]\n\n");
    res.end();
    open.delete(res);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseUrl: `${url}/v1`,
    requests,
    enqueue: (...b) => queue.push(...b),
    setDefaultText: (t) => {
      defaultText = t;
    },
    setDefaultBehaviour: (b) => {
      defaultBehaviour = b;
    },
    setRecording: (isOn) => {
      isRecording = isOn;
    },
    audioRequests,
    enqueueAudio: (...b) => audioQueue.push(...b),
    setTranscript: (f) => {
      transcriptOf = f;
    },
    close: async () => {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
