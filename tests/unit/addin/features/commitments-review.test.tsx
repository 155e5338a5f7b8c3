// The commitments review beside saved minutes: confirm, edit, drop; To Do tasks through Graph, appointments where Graph
// is refused, and a follow-up e-mail that goes through validation and carries the notice the server decided.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApiClient } from "../../../../addin/api/client";
import { CommitmentsReview } from "../../../../addin/features/commitments/CommitmentsReview";
import { provideGraphTokens } from "../../../../addin/features/commitments/graph-access";
import type { HostAdapter } from "../../../../addin/hosts/host-adapter";
import { HostProvider } from "../../../../addin/hooks/use-host";
import { createFakeHost } from "../../../support/fake-hosts";
import { generation, jsonResponse, sseResponse } from "../support/fake-fetch";
import { isolatePaneTests } from "../support/pane";

const MINUTES_ID = "33333333-3333-4333-8333-333333333333";
const EMAIL_LABEL =
  "E-mail rédigé avec l'aide d'une intelligence artificielle générative et validé par un collaborateur du groupe MAIF.";
const COMMITMENTS = [
  {
    what: "Rappeler le sociétaire pour fixer le passage de l'expert",
    owner: "conseiller",
    dueDate: "2026-03-12",
    memberId: "SOC-9",
    quote: "Rappeler le sociétaire le 12 mars",
  },
  { what: "Envoyer les photos du dégât", owner: "sociétaire", dueDate: null, memberId: "SOC-9" },
  { what: "Passage du plombier", owner: "tiers", dueDate: null, memberId: "SOC-9" },
];

interface Call {
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
}

/** A fetch routed by method and path: the API, and a fake Microsoft Graph To Do at graph.test. */
function routedFetch(options: { graphStatus?: number } = {}) {
  const calls: Call[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? "GET";
    const body = typeof init.body === "string" ? (JSON.parse(init.body) as unknown) : undefined;
    calls.push({ method, url, body });
    const path = new URL(url, "http://pane.test").pathname;
    if (path === "/api/generations") {
      const task = (body as { task: string }).task;
      const answer =
        task === "member-email"
          ? generation({
              id: "44444444-4444-4444-8444-444444444444",
              task: "member-email",
              draft: "Madame, suite à notre échange, nous vous rappellerons le 12/03/2026.",
              prePrompt: { id: "member-email@1", version: 1 },
            })
          : generation();
      return sseResponse([{ event: "done", data: answer }], init.signal);
    }
    if (path === "/api/minutes") {
      const isEmail = (body as { generationId: string }).generationId.startsWith("4444");
      return jsonResponse(201, {
        id: isEmail ? "55555555-5555-4555-8555-555555555555" : MINUTES_ID,
        transparency: isEmail ? { case: "ai-validated", label: EMAIL_LABEL } : { case: "human-with-ai", label: null },
      });
    }
    if (path === `/api/minutes/${MINUTES_ID}/commitments`)
      return jsonResponse(200, {
        minutesId: MINUTES_ID,
        commitments: COMMITMENTS,
        prePrompt: { id: "commitments@1", version: 1 },
        provider: { name: "offline", model: "offline" },
        degraded: true,
      });
    if (url.startsWith("https://graph.test/")) {
      if (options.graphStatus) return jsonResponse(options.graphStatus, { error: { code: "Forbidden" } });
      if (path === "/v1.0/me/todo/lists")
        return jsonResponse(200, {
          value: [
            { id: "other", wellknownListName: "none" },
            { id: "tasks-list", wellknownListName: "defaultList" },
          ],
        });
      if (path === "/v1.0/me/todo/lists/tasks-list/tasks") return jsonResponse(201, { id: `task-${calls.length}` });
    }
    return jsonResponse(
      404,
      { type: "about:blank", title: "Introuvable", status: 404, code: "not_found" },
      "application/problem+json",
    );
  });
  return Object.assign(fn, { calls });
}

/** The review as the pane shows it once minutes are saved (ReviewPanel renders it under the confirmation). */
function renderReview(host: HostAdapter = createFakeHost()) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <HostProvider host={host} api={createApiClient({ locale: "fr" })}>
        <CommitmentsReview minutesId={MINUTES_ID} memberId="SOC-9" />
      </HostProvider>
    </FluentProvider>,
  );
}

isolatePaneTests();
afterEach(() => provideGraphTokens(null));

describe("commitments review", () => {
  it("creates To Do tasks for the confirmed commitments only, as edited, and a follow-up e-mail with the server's notice", async () => {
    const user = userEvent.setup();
    const fetch = routedFetch();
    vi.stubGlobal("fetch", fetch);
    const tokenFor = vi.fn(async () => "graph-token");
    provideGraphTokens(tokenFor, "https://graph.test/v1.0");
    renderReview();
    await user.click(screen.getByRole("button", { name: "Relever les engagements et prochaines étapes" }));

    const rows = await screen.findAllByTestId("commitment");
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByRole("combobox", { name: "Qui" })).toHaveValue("conseiller");
    // Confirm the first as it is; edit the second's text and date, then confirm it; drop the third.
    await user.click(within(rows[0]!).getByRole("button", { name: "Confirmer" }));
    const what = within(rows[1]!).getByRole("textbox", { name: "À faire" });
    await user.clear(what);
    await user.type(what, "Envoyer les photos et la facture du plombier");
    await user.type(within(rows[1]!).getByLabelText("Échéance"), "2026-03-20");
    await user.click(within(rows[1]!).getByRole("button", { name: "Confirmer" }));
    await user.click(within(rows[2]!).getByRole("button", { name: "Écarter" }));
    expect(rows.map((r) => r.getAttribute("data-state"))).toEqual(["confirmed", "confirmed", "dropped"]);

    await user.click(screen.getByRole("button", { name: "Créer les tâches confirmées" }));
    expect(await screen.findByTestId("commitments-status")).toHaveTextContent("2 tâche(s) créée(s) dans Outlook.");
    expect(tokenFor).toHaveBeenCalledWith(["Tasks.ReadWrite"]);
    const tasks = fetch.calls
      .filter((c) => c.method === "POST" && c.url.includes("/todo/lists/tasks-list/tasks"))
      .map((c) => c.body as { title: string; dueDateTime?: { dateTime: string } });
    expect(tasks.map((t) => t.title)).toEqual([
      "Rappeler le sociétaire pour fixer le passage de l'expert",
      "Envoyer les photos et la facture du plombier",
    ]);
    expect(tasks.map((t) => t.dueDateTime?.dateTime)).toEqual(["2026-03-12T09:00:00", "2026-03-20T09:00:00"]);

    await user.click(screen.getByRole("button", { name: "Préparer l'e-mail de suivi au sociétaire" }));
    const followUp = await screen.findByTestId("followup");
    const request = fetch.calls.filter((c) => c.url.endsWith("/api/generations")).at(-1)?.body as {
      task: string;
      notes: string;
    };
    expect(request.task).toBe("member-email");
    expect(request.notes).toMatch(
      /nous nous sommes engagés[\s\S]*Rappeler le sociétaire pour fixer le passage de l'expert \(12\/03\/2026\)/,
    );
    expect(request.notes).toMatch(
      /attendons de votre part[\s\S]*Envoyer les photos et la facture du plombier \(20\/03\/2026\)/,
    );
    expect(request.notes).not.toMatch(/Passage du plombier/);
    const save = within(followUp).getByRole("button", { name: "Enregistrer et insérer l'e-mail" });
    expect(save).toBeDisabled(); // nothing leaves without validation
    await user.click(within(followUp).getByRole("checkbox", { name: /valide/ }));
    await user.click(save);
    expect(await screen.findByTestId("followup-notice")).toHaveTextContent(EMAIL_LABEL);
    const emailSave = fetch.calls.filter((c) => c.url.endsWith("/api/minutes")).at(-1)?.body;
    expect(emailSave).toEqual({
      generationId: "44444444-4444-4444-8444-444444444444",
      text: "Madame, suite à notre échange, nous vous rappellerons le 12/03/2026.",
      validated: true,
    });
  });

  it("opens a follow-up appointment per confirmed commitment when Graph refuses To Do", async () => {
    const user = userEvent.setup();
    vi.stubGlobal("fetch", routedFetch({ graphStatus: 403 }));
    provideGraphTokens(async () => "graph-token", "https://graph.test/v1.0");
    const host = createFakeHost();
    const openAppointment = vi.fn(async () => undefined);
    renderReview(Object.assign(host, { openAppointment }));
    await user.click(screen.getByRole("button", { name: "Relever les engagements et prochaines étapes" }));
    const rows = await screen.findAllByTestId("commitment");
    await user.click(within(rows[0]!).getByRole("button", { name: "Confirmer" }));
    await user.click(screen.getByRole("button", { name: "Créer les tâches confirmées" }));
    await waitFor(() => expect(openAppointment).toHaveBeenCalledTimes(1));
    const [appointment] = openAppointment.mock.calls[0] as unknown as [{ subject: string; start: Date; end: Date }];
    expect(appointment.subject).toBe("Rappeler le sociétaire pour fixer le passage de l'expert");
    expect(appointment.start.getDate()).toBe(12);
    expect(appointment.end.getTime() - appointment.start.getTime()).toBe(30 * 60 * 1000);
    expect(await screen.findByTestId("commitments-status")).toHaveTextContent(/rendez-vous de suivi/);
  });
});
