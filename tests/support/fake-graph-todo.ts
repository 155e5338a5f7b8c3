// Owns a local fake of the Microsoft Graph To Do routes the pane uses for commitments: task lists and task creation.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

/** A task as Graph received it, with the list it was posted to. */
export interface ReceivedTask {
  readonly listId: string;
  readonly title: string;
  readonly body?: { content: string; contentType: string };
  readonly dueDateTime?: { dateTime: string; timeZone: string };
}

export interface FakeGraphTodo {
  /** Graph's root on loopback (`.../v1.0`). */
  readonly baseUrl: string;
  /** The id of the adviser's default list ("Tâches"), where tasks belong. */
  readonly defaultListId: string;
  /** Every request as `METHOD path`, in order. */
  readonly requests: string[];
  /** Every task created, in order. */
  readonly tasks: ReceivedTask[];
  close(): Promise<void>;
}

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "authorization, content-type, accept",
  "access-control-allow-methods": "GET, POST, OPTIONS",
};

/** Starts the fake on a free loopback port; only `Bearer <token>` is accepted, anything else is a 401 as Graph does. */
export async function startFakeGraphTodo(options: { readonly token: string }): Promise<FakeGraphTodo> {
  const defaultListId = "AAMkAGI2-defaultList";
  // A user list first: the pane must pick the well-known default list, not the first one.
  const lists = [
    { id: "AAMkAGI2-courses", displayName: "Courses", wellknownListName: "none" },
    { id: defaultListId, displayName: "Tâches", wellknownListName: "defaultList" },
  ];
  const requests: string[] = [];
  const tasks: ReceivedTask[] = [];
  const send = (res: ServerResponse, status: number, body?: unknown): void => {
    res.writeHead(status, { ...CORS, ...(body === undefined ? {} : { "content-type": "application/json" }) });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://graph.local");
    const path = decodeURIComponent(url.pathname);
    if (req.method === "OPTIONS") return send(res, 204);
    requests.push(`${req.method ?? "GET"} ${path}`);
    let raw = "";
    for await (const chunk of req) raw += String(chunk);
    if (req.headers.authorization !== `Bearer ${options.token}`)
      return send(res, 401, { error: { code: "InvalidAuthenticationToken" } });
    if (req.method === "GET" && path === "/v1.0/me/todo/lists") return send(res, 200, { value: lists });
    const post = /^\/v1\.0\/me\/todo\/lists\/([^/]+)\/tasks$/.exec(path);
    if (req.method === "POST" && post?.[1] && lists.some((l) => l.id === post[1])) {
      const task = JSON.parse(raw) as Omit<ReceivedTask, "listId">;
      if (typeof task.title !== "string" || task.title === "")
        return send(res, 400, { error: { code: "invalidRequest" } });
      tasks.push({ listId: post[1], ...task });
      return send(res, 201, { id: `task-${tasks.length}`, status: "notStarted", ...task });
    }
    return send(res, 404, { error: { code: "NotFound" } });
  };
  const server = createServer(
    (req, res) => void handle(req, res).catch(() => send(res, 500, { error: { code: "generalException" } })),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1.0`,
    defaultListId,
    requests,
    tasks,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
