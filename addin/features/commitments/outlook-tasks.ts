// Owns turning confirmed commitments into Outlook tasks: Graph To Do when it is granted, else one follow-up
// appointment form each; says what was done in words.
import type { Commitment } from "../../../src/schemas/commitments";
import type { HostAdapter } from "../../hosts/host-adapter";
import type { Translate } from "../../hooks/use-i18n";
import { AddinError } from "../../lib/errors";
import { graphTokens } from "./graph-access";
import { createTodoTasks, GRAPH_TODO_SCOPES } from "./graph-todo";

/** What the review says after an action on commitments. */
export interface Status {
  readonly intent: "success" | "warning" | "error";
  readonly text: string;
}

/** A follow-up at 9:00 on the due date (the next working morning when there is none), for 30 minutes. */
function appointmentTimes(dueDate: string | null): { start: Date; end: Date } {
  const start = dueDate ? new Date(`${dueDate}T09:00:00`) : new Date(Date.now() + 24 * 3600 * 1000);
  if (!dueDate) start.setHours(9, 0, 0, 0);
  return { start, end: new Date(start.getTime() + 30 * 60 * 1000) };
}

/** Opens an appointment form per commitment; false when the host has none. */
async function openAppointments(confirmed: readonly Commitment[], host: HostAdapter): Promise<boolean> {
  if (!host.openAppointment) return false;
  for (const c of confirmed)
    await host.openAppointment({ subject: c.what, ...appointmentTimes(c.dueDate), body: c.quote ?? c.what });
  return true;
}

/** Creates the tasks for `confirmed`; throws what neither To Do nor the appointment forms could get past. */
export async function createOutlookTasks(
  confirmed: readonly Commitment[],
  host: HostAdapter,
  t: Translate,
): Promise<Status> {
  const appointed: Status = { intent: "warning", text: t("commitments.appointment") };
  const graph = graphTokens();
  if (graph) {
    try {
      const count = await createTodoTasks(
        { getToken: () => graph.tokenFor(GRAPH_TODO_SCOPES), baseUrl: graph.baseUrl },
        confirmed,
        t("commitments.member_label"),
      );
      return { intent: "success", text: t("commitments.created", { count }) };
    } catch (error) {
      // Not granted (or no token at all): the appointment form is the way left; other refusals are said.
      const isNotGranted = !(error instanceof AddinError && error.code === "graph_todo_failed");
      if (isNotGranted && (await openAppointments(confirmed, host))) return appointed;
      throw error;
    }
  }
  if (await openAppointments(confirmed, host)) return appointed;
  return { intent: "error", text: t("commitments.unavailable") };
}
