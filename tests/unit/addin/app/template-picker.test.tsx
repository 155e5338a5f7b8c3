// Covers the template picker of the interview minutes: offered for that task only, sent as `template`, kept with the
// autosaved work.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { createFakeHost } from "../../../support/fake-hosts";
import { generation, scriptedFetch, sseResponse, type FetchCall } from "../support/fake-fetch";
import { isolatePaneTests, renderPane } from "../support/pane";

const templateSelect = () => screen.findByRole("combobox", { name: "Modèle de compte-rendu" });

isolatePaneTests();

describe("template picker", () => {
  it("offers the general minutes and the three insurer templates, and sends the one chosen", async () => {
    const user = userEvent.setup();
    const fetch = scriptedFetch(({ init }) => sseResponse([{ event: "done", data: generation() }], init.signal));
    vi.stubGlobal("fetch", fetch);
    renderPane(createFakeHost());

    const select = await templateSelect();
    expect([...(select as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      "Entretien général",
      "Entretien de déclaration de sinistre",
      "Entretien de réclamation",
      "Recueil des exigences et besoins (devoir de conseil)",
    ]);
    expect(select).toHaveValue("");
    await user.selectOptions(select, "Entretien de réclamation");
    await user.type(screen.getByRole("textbox", { name: /Notes/ }), "réclamation sur un remboursement");
    await user.click(screen.getByRole("button", { name: "Générer" }));

    await waitFor(() => expect(fetch.calls).toHaveLength(1));
    expect((fetch.calls[0] as FetchCall).body).toEqual({
      task: "interview-minutes",
      template: "complaint",
      notes: "réclamation sur un remboursement",
    });
  });

  it("sends no template for the general minutes", async () => {
    const user = userEvent.setup();
    const fetch = scriptedFetch(({ init }) => sseResponse([{ event: "done", data: generation() }], init.signal));
    vi.stubGlobal("fetch", fetch);
    renderPane(createFakeHost());
    await templateSelect();
    await user.type(screen.getByRole("textbox", { name: /Notes/ }), "notes");
    await user.click(screen.getByRole("button", { name: "Générer" }));
    await waitFor(() => expect(fetch.calls).toHaveLength(1));
    expect((fetch.calls[0] as FetchCall).body).not.toHaveProperty("template");
  });

  it("is hidden for the other tasks, which never send the minutes' template", async () => {
    const user = userEvent.setup();
    const fetch = scriptedFetch(({ init }) =>
      sseResponse([{ event: "done", data: generation({ task: "member-email" }) }], init.signal),
    );
    vi.stubGlobal("fetch", fetch);
    renderPane(createFakeHost());
    await user.selectOptions(await templateSelect(), "duty-to-advise");
    await user.selectOptions(screen.getByRole("combobox", { name: "Tâche" }), "member-email");
    expect(screen.queryByRole("combobox", { name: "Modèle de compte-rendu" })).not.toBeInTheDocument();

    await user.type(screen.getByRole("textbox", { name: /Notes/ }), "réponse au sociétaire");
    await user.click(screen.getByRole("button", { name: "Générer" }));
    await waitFor(() => expect(fetch.calls).toHaveLength(1));
    expect((fetch.calls[0] as FetchCall).body).toEqual({ task: "member-email", notes: "réponse au sociétaire" });

    // Back to the minutes: the choice made earlier is still there.
    await user.selectOptions(screen.getByRole("combobox", { name: "Tâche" }), "interview-minutes");
    expect(await templateSelect()).toHaveValue("duty-to-advise");
  });

  it("keeps the chosen template with the autosaved work of the item", async () => {
    const user = userEvent.setup();
    vi.stubGlobal("fetch", scriptedFetch());
    const host = createFakeHost({ item: { key: "outlook:template" } });
    const first = renderPane(host);
    await user.selectOptions(await templateSelect(), "claim-declaration");
    await user.type(screen.getByRole("textbox", { name: /Notes/ }), "bris de glace");
    await waitFor(() =>
      expect(localStorage.getItem("greffier:work:v2:local|outlook:template")).toContain(
        '"template":"claim-declaration"',
      ),
    );
    first.unmount();

    renderPane(host);
    expect(await templateSelect()).toHaveValue("claim-declaration");
  });
});
