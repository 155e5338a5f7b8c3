// Owns the Microsoft Graph To Do calls that turn confirmed commitments into the adviser's Outlook tasks
// (Tasks.ReadWrite).
import type { Commitment } from "../../../src/schemas/commitments";
import { AddinError } from "../../lib/errors";

/** Microsoft Graph v1.0, unless a test points elsewhere. */
export const GRAPH_TODO_BASE_URL = "https://graph.microsoft.com/v1.0";

/** The delegated permission To Do needs, asked through nested app authentication. */
export const GRAPH_TODO_SCOPES: readonly string[] = ["Tasks.ReadWrite"];

/** How the pane reaches Graph for tasks. */
export interface GraphTodoAccess {
  /** A delegated token with `Tasks.ReadWrite` for the signed-in adviser. */
  getToken(): Promise<string>;
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
}

/**
 * A Graph refusal, with Graph's status: `graph_todo_not_granted` for 401/403 (the pane then offers appointments
 * instead), `graph_todo_failed` otherwise.
 */
function graphTodoError(status: number): AddinError {
  const code = status === 401 || status === 403 ? "graph_todo_not_granted" : "graph_todo_failed";
  return new AddinError(code, { status, message: `graph_todo_${status}` });
}

/** The task body: what was agreed, for whom, with the member reference the CRM knows. */
function taskBody(c: Commitment, memberLabel: string): string {
  return [c.quote ?? c.what, c.memberId ? `${memberLabel} : ${c.memberId}` : ""].filter(Boolean).join("\n");
}

/**
 * Creates one task per commitment in the adviser's default To Do list ("Tâches" in Outlook), due on its date.
 * @returns How many tasks were created.
 * @throws AddinError `graph_todo_*` on any Graph refusal; tasks created before it stay.
 */
export async function createTodoTasks(
  access: GraphTodoAccess,
  commitments: readonly Commitment[],
  memberLabel: string,
): Promise<number> {
  const base = (access.baseUrl ?? GRAPH_TODO_BASE_URL).replace(/\/$/, "");
  const doFetch = access.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const token = await access.getToken();
  const headers = { authorization: `Bearer ${token}`, accept: "application/json" };
  const lists = await doFetch(`${base}/me/todo/lists`, { headers });
  if (!lists.ok) throw graphTodoError(lists.status);
  const { value } = (await lists.json()) as { value?: { id: string; wellknownListName?: string }[] };
  const list = value?.find((l) => l.wellknownListName === "defaultList") ?? value?.[0];
  if (!list) throw graphTodoError(404);
  let created = 0;
  for (const c of commitments) {
    const task = {
      title: c.what,
      body: { content: taskBody(c, memberLabel), contentType: "text" },
      ...(c.dueDate ? { dueDateTime: { dateTime: `${c.dueDate}T09:00:00`, timeZone: "Europe/Paris" } } : {}),
    };
    const response = await doFetch(`${base}/me/todo/lists/${encodeURIComponent(list.id)}/tasks`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify(task),
    });
    if (!response.ok) throw graphTodoError(response.status);
    created += 1;
  }
  return created;
}
