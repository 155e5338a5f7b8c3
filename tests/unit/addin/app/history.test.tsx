// Covers "Mes comptes rendus" in the pane and the offer of a member's earlier texts as a source (added only on the
// adviser's choice).
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { createFakeHost } from "../../../support/fake-hosts";
import { generation, jsonResponse, scriptedFetch, sseResponse, type FetchCall } from "../support/fake-fetch";
import { isolatePaneTests, renderPane } from "../support/pane";

isolatePaneTests();

const ID = "0f5b7a8e-3c2d-4e1f-9a8b-7c6d5e4f3a2b";
const item = {
  id: ID,
  task: "interview-minutes",
  template: null,
  createdAt: "2026-11-03T09:15:00.000Z",
  memberId: "SOC-4471",
  firstLine: "Dégât des eaux chez M. Lefèvre",
  transparency: { case: "ai-validated" },
};
const minutes = {
  id: ID,
  generationId: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
  task: "interview-minutes",
  text: "Contexte\nDégât des eaux chez M. Lefèvre, fuite du chauffe-eau.\n\nProchaines étapes\n• Expert mandaté",
  transparency: {
    case: "ai-validated",
    label:
      "Compte-rendu produit par une intelligence artificielle générative et validé par un collaborateur du groupe MAIF.",
  },
  aiShare: 0.92,
  validatedBy: "dev:local",
  validatedAt: "2026-11-03T09:15:00.000Z",
  prePrompt: { id: "interview-minutes@1", version: 1 },
  template: null,
  memberId: "SOC-4471",
};

describe("Mes comptes rendus", () => {
  it("lists, searches and reopens a saved text read-only with its notice, then starts a new draft from it", async () => {
    const user = userEvent.setup();
    const fetch = scriptedFetch(
      () => jsonResponse(200, { items: [item], nextCursor: null }),
      () => jsonResponse(200, { items: [item], nextCursor: null }),
      () => jsonResponse(200, minutes),
    );
    vi.stubGlobal("fetch", fetch);
    renderPane(createFakeHost());
    await user.click(await screen.findByRole("button", { name: "Mes comptes rendus" }));
    const list = await screen.findByTestId("history-list");
    expect(within(list).getByRole("button")).toHaveTextContent(
      /Dégât des eaux chez M. Lefèvre.*Compte-rendu d'entretien.*Sociétaire SOC-4471/,
    );
    expect((fetch.calls[0] as FetchCall).url).toBe("/api/minutes");

    await user.type(screen.getByRole("searchbox", { name: "Rechercher dans mes textes" }), "chauffe-eau");
    await user.click(screen.getByRole("button", { name: "Rechercher" }));
    await waitFor(() => expect(fetch.calls).toHaveLength(2));
    expect((fetch.calls[1] as FetchCall).url).toBe("/api/minutes?q=chauffe-eau");

    await user.click(within(await screen.findByTestId("history-list")).getByRole("button"));
    expect(await screen.findByTestId("history-text")).toHaveTextContent("fuite du chauffe-eau");
    expect(screen.getByTestId("history-notice")).toHaveTextContent(minutes.transparency.label);
    expect(screen.getByTestId("history-provenance")).toHaveTextContent(/interview-minutes@1.*92 %/);
    // Read only: nothing in the history view can be typed into.
    expect(within(screen.getByTestId("history-open")).queryByRole("textbox")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Nouveau brouillon à partir de celui-ci" }));
    expect(await screen.findByRole("textbox", { name: /Notes/ })).toHaveValue(minutes.text);
  });
});

describe("earlier texts of the member", () => {
  it("offers them once a member reference is typed, and adds one to the source only when chosen", async () => {
    const user = userEvent.setup();
    const fetch = scriptedFetch(
      () => jsonResponse(200, { items: [item], nextCursor: null }),
      ({ init }) => sseResponse([{ event: "done", data: generation() }], init.signal),
    );
    vi.stubGlobal("fetch", fetch);
    renderPane(createFakeHost());
    await user.click(await screen.findByTestId("context-toggle"));
    await user.type(await screen.findByRole("textbox", { name: "N° de sociétaire" }), "SOC-4471");
    const offer = await screen.findByTestId("earlier-minutes", {}, { timeout: 3000 });
    expect((fetch.calls[0] as FetchCall).url).toBe("/api/minutes?memberId=SOC-4471&limit=5");
    expect(offer).toHaveTextContent("Dégât des eaux chez M. Lefèvre");

    // Not chosen: the generation goes without it.
    await user.type(screen.getByRole("textbox", { name: /Notes/ }), "rappel du sociétaire");
    await user.click(screen.getByRole("button", { name: "Générer" }));
    await waitFor(() => expect(fetch.calls).toHaveLength(2));
    expect((fetch.calls[1] as FetchCall).body).not.toHaveProperty("source");
  });

  it("sends the earlier text as the source once the adviser adds it", async () => {
    const user = userEvent.setup();
    const fetch = scriptedFetch(
      () => jsonResponse(200, { items: [item], nextCursor: null }),
      () => jsonResponse(200, minutes),
      ({ init }) => sseResponse([{ event: "done", data: generation() }], init.signal),
    );
    vi.stubGlobal("fetch", fetch);
    renderPane(createFakeHost());
    await user.click(await screen.findByTestId("context-toggle"));
    await user.type(await screen.findByRole("textbox", { name: "N° de sociétaire" }), "SOC-4471");
    await user.click(await screen.findByRole("button", { name: "Ajouter comme source" }, { timeout: 3000 }));
    await waitFor(() => expect(fetch.calls).toHaveLength(2));
    expect((fetch.calls[1] as FetchCall).url).toBe(`/api/minutes/${ID}`);
    await user.type(screen.getByRole("textbox", { name: /Notes/ }), "rappel du sociétaire");
    await user.click(screen.getByRole("button", { name: "Générer" }));
    await waitFor(() => expect(fetch.calls).toHaveLength(3));
    expect(((fetch.calls[2] as FetchCall).body as { source?: string }).source).toContain("fuite du chauffe-eau");
  });
});
