// Covers the advisers' channel to the committee from the pane: the rating asked after saving, and "Proposer un usage"
// from the header menu.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { createFakeHost } from "../../../support/fake-hosts";
import { generation, jsonResponse, scriptedFetch, sseResponse, type FetchCall } from "../support/fake-fetch";
import { isolatePaneTests, renderPane } from "../support/pane";

const saved = { id: "5b8c1e3f-2b6a-4c1e-9f3a-1a2b3c4d5e6f", transparency: { case: "human-with-ai", label: null } };
const created = { id: "9d0c7a3e-1f2b-4c5d-8e9f-0a1b2c3d4e5f" };
const notFound = {
  type: "urn:greffier:problem:generation_not_found",
  title: "Génération introuvable",
  status: 404,
  detail: "La génération indiquée n'existe pas ou ne vous appartient pas.",
  code: "generation_not_found",
};

/** Notes → Générer → validate → Enregistrer, answered by the first two handlers of `fetch`. */
async function generateAndSave(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.type(await screen.findByRole("textbox", { name: /Notes/ }), "appel du sociétaire");
  await user.click(screen.getByRole("button", { name: "Générer" }));
  await user.click(await screen.findByRole("checkbox", { name: /valide/ }));
  await user.click(screen.getByRole("button", { name: "Enregistrer" }));
  await screen.findByTestId("confirmation");
}

isolatePaneTests();

describe("feedback after saving", () => {
  it("asks whether the draft helped, sends the rating and the comment, then thanks and moves the focus there", async () => {
    const user = userEvent.setup();
    const answer = generation({ draft: "Texte" });
    const fetch = scriptedFetch(
      ({ init }) => sseResponse([{ event: "done", data: answer }], init.signal),
      () => jsonResponse(201, saved),
      () => jsonResponse(201, created),
    );
    vi.stubGlobal("fetch", fetch);
    renderPane();
    await generateAndSave(user);

    const prompt = screen.getByTestId("feedback");
    expect(within(prompt).getByRole("heading", { name: "Ce brouillon vous a-t-il aidé ?" })).toBeInTheDocument();
    const group = within(prompt).getByRole("group", { name: "Ce brouillon vous a-t-il aidé ?" });
    const down = within(group).getByRole("button", { name: "Non, ce brouillon ne m'a pas aidé" });
    expect(down).toHaveAttribute("aria-pressed", "false");
    // Nothing is sent on the thumb alone: the comment is offered first.
    await user.click(down);
    expect(down).toHaveAttribute("aria-pressed", "true");
    expect(fetch.calls).toHaveLength(2);

    await user.type(
      within(prompt).getByRole("textbox", { name: "Un commentaire ? (facultatif)" }),
      "  Le ton était trop sec.  ",
    );
    await user.click(within(prompt).getByRole("button", { name: "Envoyer mon avis" }));

    const thanks = await screen.findByTestId("feedback-sent");
    expect(thanks).toHaveTextContent("Merci pour votre avis");
    expect(thanks).toHaveAttribute("role", "status");
    expect(thanks).toHaveFocus();
    const call = fetch.calls[2] as FetchCall;
    expect(call.url).toBe("/api/feedback");
    expect(call.init.method).toBe("POST");
    expect(call.body).toEqual({ generationId: answer.id, rating: "down", comment: "Le ton était trop sec." });
    expect(screen.queryByTestId("feedback-up")).not.toBeInTheDocument();
  });

  it("sends a rating without a comment when none is typed; once saved, nothing is left on the device to ask about again", async () => {
    const user = userEvent.setup();
    const host = createFakeHost({ item: { key: "outlook:rated" } });
    const fetch = scriptedFetch(
      ({ init }) => sseResponse([{ event: "done", data: generation({ draft: "Texte" }) }], init.signal),
      () => jsonResponse(201, saved),
      () => jsonResponse(201, created),
    );
    vi.stubGlobal("fetch", fetch);
    const view = renderPane(host);
    await generateAndSave(user);
    await user.click(screen.getByRole("button", { name: "Oui, ce brouillon m'a aidé" }));
    await user.click(screen.getByRole("button", { name: "Envoyer mon avis" }));
    await screen.findByTestId("feedback-sent");
    expect((fetch.calls[2] as FetchCall).body).toEqual({ generationId: generation().id, rating: "up" });

    // Saved minutes clear the notes from the device: reopening the pane starts afresh, without the question.
    expect(Object.keys(localStorage).filter((k) => k.includes("outlook:rated"))).toEqual([]);
    view.unmount();
    renderPane(host);
    expect(await screen.findByRole("textbox", { name: /Notes/ })).toHaveValue("");
    expect(screen.queryByRole("button", { name: "Oui, ce brouillon m'a aidé" })).not.toBeInTheDocument();
  });

  it("says clearly when the feedback was not sent, keeps the comment, and lets the adviser try again", async () => {
    const user = userEvent.setup();
    vi.stubGlobal(
      "fetch",
      scriptedFetch(
        ({ init }) => sseResponse([{ event: "done", data: generation({ draft: "Texte" }) }], init.signal),
        () => jsonResponse(201, saved),
        () => jsonResponse(404, notFound, "application/problem+json"),
        () => Promise.reject(new TypeError("Failed to fetch")),
        () => jsonResponse(201, created),
      ),
    );
    renderPane();
    await generateAndSave(user);
    await user.click(screen.getByRole("button", { name: "Oui, ce brouillon m'a aidé" }));
    await user.type(screen.getByRole("textbox", { name: "Un commentaire ? (facultatif)" }), "Très utile");
    await user.click(screen.getByRole("button", { name: "Envoyer mon avis" }));

    const error = await screen.findByRole("alert");
    expect(error).toHaveTextContent(
      "Votre avis n'a pas été envoyé : La génération indiquée n'existe pas ou ne vous appartient pas.",
    );
    expect(screen.getByRole("textbox", { name: "Un commentaire ? (facultatif)" })).toHaveValue("Très utile");

    await user.click(screen.getByRole("button", { name: "Envoyer mon avis" }));
    await waitFor(() => expect(screen.getByTestId("feedback-error")).toHaveTextContent("injoignable"));
    await user.click(screen.getByRole("button", { name: "Envoyer mon avis" }));
    expect(await screen.findByTestId("feedback-sent")).toBeInTheDocument();
    expect(screen.queryByTestId("feedback-error")).not.toBeInTheDocument();
  });
});

describe("Proposer un usage", () => {
  // Role queries over a whole pane are slow in jsdom; under a loaded machine the default second is not always enough.
  const slow = { timeout: 5_000 };

  async function openDialog(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
    await user.click(await screen.findByRole("button", { name: "Plus d'options" }, slow));
    await user.click(await screen.findByRole("menuitem", { name: "Proposer un usage" }, slow));
    return screen.findByRole("dialog", { name: "Proposer un usage de Greffier" }, slow);
  }

  it("opens from the header menu (Enter on its button), sends the proposal and confirms it", async () => {
    const user = userEvent.setup();
    const fetch = scriptedFetch(() => jsonResponse(201, created));
    vi.stubGlobal("fetch", fetch);
    renderPane();

    const trigger = await screen.findByRole("button", { name: "Plus d'options" });
    trigger.focus();
    await user.keyboard("{Enter}");
    // The menu (its own chunk) opens at once; where the focus lands needs layout, so the Chromium suite checks it.
    await user.click(await screen.findByRole("menuitem", { name: "Proposer un usage" }, slow));

    const dialog = await screen.findByRole("dialog", { name: "Proposer un usage de Greffier" }, slow);
    expect(dialog).toHaveAccessibleDescription(/comité d'éthique et de contrôle, sans votre nom/);
    const field = within(dialog).getByRole("textbox", { name: /Votre proposition/ });
    await user.type(field, "  Préparer les relances de pièces manquantes.  ");
    await user.click(within(dialog).getByRole("button", { name: "Envoyer" }));

    expect(await within(dialog).findByTestId("use-case-sent")).toHaveTextContent(
      "Merci ! Votre proposition a été transmise au comité d'éthique et de contrôle.",
    );
    const call = fetch.calls[0] as FetchCall;
    expect(call.url).toBe("/api/feedback");
    expect(call.body).toEqual({ kind: "use-case", comment: "Préparer les relances de pièces manquantes." });

    await user.click(within(dialog).getByRole("button", { name: "Fermer" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("refuses an empty proposal without calling the server, and keeps the text when sending fails", async () => {
    const user = userEvent.setup();
    const detail = "La requête est invalide : comment";
    const fetch = scriptedFetch(() =>
      jsonResponse(
        400,
        { type: "about:blank", title: "Requête invalide", status: 400, detail, code: "invalid_request" },
        "application/problem+json",
      ),
    );
    vi.stubGlobal("fetch", fetch);
    renderPane();
    const dialog = await openDialog(user);

    await user.click(within(dialog).getByRole("button", { name: "Envoyer" }));
    expect(within(dialog).getByText("Décrivez l'usage avant d'envoyer.")).toBeInTheDocument();
    expect(fetch.calls).toHaveLength(0);

    await user.type(
      within(dialog).getByRole("textbox", { name: /Votre proposition/ }),
      "Résumer les fils de courriels",
    );
    await user.click(within(dialog).getByRole("button", { name: "Envoyer" }));
    expect(await within(dialog).findByTestId("use-case-error")).toHaveTextContent(
      `La proposition n'a pas été envoyée : ${detail} Votre texte est conservé.`,
    );
    expect(within(dialog).getByRole("textbox", { name: /Votre proposition/ })).toHaveValue(
      "Résumer les fils de courriels",
    );

    // Annuler closes it (reopening keeps the text: checked in Chromium, where focus and motion behave as in Outlook).
    await user.click(within(dialog).getByRole("button", { name: "Annuler" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument(), slow);
    expect(fetch.calls).toHaveLength(1);
  });
});
