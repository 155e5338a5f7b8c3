// Covers the taskpane's rules with a fake host and a scripted fetch: save gating, autosave, stream failure and cancel.
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { createFakeHost, type FakeHost } from "../../../support/fake-hosts";
import { generation, jsonResponse, scriptedFetch, sseResponse, type FetchCall } from "../support/fake-fetch";
import { isolatePaneTests, renderPane } from "../support/pane";

const LABEL =
  "Compte-rendu produit par une intelligence artificielle générative et validé par un collaborateur du groupe MAIF.";
const saved = { id: "5b8c1e3f-2b6a-4c1e-9f3a-1a2b3c4d5e6f", transparency: { case: "ai-validated", label: LABEL } };

const notesField = () => screen.findByRole("textbox", { name: /Notes/ });
const saveButton = () => screen.getByRole("button", { name: "Enregistrer" });
const validateBox = () => screen.findByRole("checkbox", { name: /valide/ });

async function typeNotesAndGenerate(user: ReturnType<typeof userEvent.setup>, notes = "franchise 380 €") {
  await user.type(await notesField(), notes);
  await user.click(screen.getByRole("button", { name: "Générer" }));
}

isolatePaneTests();

describe("taskpane flow", () => {
  it("keeps Enregistrer disabled until the text is validated and every flagged figure is handled", async () => {
    const user = userEvent.setup();
    const answer = generation({
      draft: "Franchise de 380 €, devis de 1 250 € et rappel sous 48 h.",
      ungrounded: [
        { text: "1 250 €", kind: "amount" },
        { text: "48 h", kind: "time" },
      ],
    });
    const fetch = scriptedFetch(
      ({ init }) =>
        sseResponse(
          [
            { event: "delta", data: { text: "Franchise de 380 €, " } },
            { event: "done", data: answer },
          ],
          init.signal,
        ),
      () => jsonResponse(201, saved),
    );
    vi.stubGlobal("fetch", fetch);
    renderPane(createFakeHost());

    await typeNotesAndGenerate(user);
    const box = await validateBox();
    expect(saveButton()).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByTestId("save-hint")).toHaveTextContent("reste 2");

    await user.click(box);
    expect(saveButton()).toHaveAttribute("aria-disabled", "true");

    await user.click(screen.getByRole("button", { name: "Confirmer « 1 250 € »" }));
    expect(saveButton()).toHaveAttribute("aria-disabled", "true");

    await user.click(screen.getByRole("button", { name: "Corriger « 48 h »" }));
    const value = screen.getByRole("textbox", { name: "Valeur correcte pour « 48 h »" });
    await user.clear(value);
    await user.type(value, "48 heures{Enter}");
    // The correction changed the words: the earlier validation no longer holds.
    expect(screen.getByTestId("validation-reset")).toBeInTheDocument();
    expect(box).not.toBeChecked();
    expect(saveButton()).toHaveAttribute("aria-disabled", "true");

    await user.click(box);
    expect(saveButton()).not.toHaveAttribute("aria-disabled", "true");
    await user.click(saveButton());

    const confirmation = await screen.findByTestId("confirmation");
    expect(confirmation).toHaveTextContent(/enregistré/);
    expect(confirmation).toHaveTextContent(LABEL);
    const call = fetch.calls[1] as FetchCall;
    expect(call.url).toBe("/api/minutes");
    expect(call.body).toEqual({
      generationId: answer.id,
      text: "Franchise de 380 €, devis de 1 250 € et rappel sous 48 heures.",
      validated: true,
    });
  });

  it("sends the notes, the task and the context, and shows provider, masked count and footprint", async () => {
    const user = userEvent.setup();
    const fetch = scriptedFetch(({ init }) =>
      sseResponse([{ event: "done", data: generation({ pseudonymised: 3, degraded: true }) }], init.signal),
    );
    vi.stubGlobal("fetch", fetch);
    renderPane(createFakeHost({ item: { context: { memberName: "Karim Benali", date: "14 octobre 2026" } } }));

    await typeNotesAndGenerate(user, "appel du sociétaire");
    await screen.findByTestId("offline-banner");
    const call = fetch.calls[0] as FetchCall;
    expect((call.init.headers as Record<string, string>).accept).toBe("text/event-stream");
    expect(call.body).toEqual({
      task: "interview-minutes",
      notes: "appel du sociétaire",
      context: { memberName: "Karim Benali", date: "14 octobre 2026" },
    });
    expect(screen.getByTestId("facts-masked")).toHaveTextContent("3 données personnelles masquées");
    expect(screen.getByTestId("facts-footprint")).toHaveTextContent(/Wh/);
    expect(screen.getByTestId("provider")).toHaveTextContent(/hors ligne/);
  });

  it("restores the notes after the pane is closed and reopened on the same item", async () => {
    const user = userEvent.setup();
    const host = createFakeHost({ item: { key: "outlook:AAMk-1" } });
    const first = renderPane(host);
    await user.type(await notesField(), "Le sociétaire signale un dégât des eaux");
    first.unmount();

    renderPane(host);
    expect(await notesField()).toHaveValue("Le sociétaire signale un dégât des eaux");
  });

  it("writes the notes to the device while a draft streams, without waiting for the stream to end", async () => {
    const user = userEvent.setup();
    vi.stubGlobal(
      "fetch",
      scriptedFetch(({ init }) =>
        sseResponse([{ event: "delta", data: { text: "Début" } }, { hang: true }], init.signal),
      ),
    );
    renderPane(createFakeHost({ item: { key: "outlook:crash" } }));
    await typeNotesAndGenerate(user, "ne rien perdre");
    await waitFor(() => expect(screen.getByTestId("draft")).toHaveValue("Début"));
    await waitFor(() =>
      expect(localStorage.getItem("greffier:work:v2:local|outlook:crash")).toContain("ne rien perdre"),
    );
  });

  it("keeps each item's notes apart when the host switches item", async () => {
    const user = userEvent.setup();
    const host: FakeHost = createFakeHost({ item: { key: "outlook:A" } });
    renderPane(host);
    await user.type(await notesField(), "notes de A");

    act(() => host.switchItem({ key: "outlook:B" }));
    await waitFor(async () => expect(await notesField()).toHaveValue(""));
    await user.type(await notesField(), "notes de B");

    act(() => host.switchItem({ key: "outlook:A" }));
    await waitFor(async () => expect(await notesField()).toHaveValue("notes de A"));
  });

  it("keeps the notes and the partial draft when the stream fails, and shows the server's detail", async () => {
    const user = userEvent.setup();
    const problem = {
      type: "about:blank",
      title: "Le service d'IA a échoué",
      status: 502,
      detail: "Le service d'IA n'a pas pu produire le brouillon. Vos notes sont conservées.",
      code: "provider_failed",
    };
    vi.stubGlobal(
      "fetch",
      scriptedFetch(({ init }) =>
        sseResponse(
          [
            { event: "delta", data: { text: "## Contexte\nEntretien " } },
            { event: "delta", data: { text: "téléphonique" } },
            { event: "error", data: problem },
          ],
          init.signal,
        ),
      ),
    );
    const host = createFakeHost({ item: { key: "outlook:fail" } });
    const view = renderPane(host);
    await typeNotesAndGenerate(user, "notes précieuses");

    const alert = await screen.findByTestId("stream-error");
    expect(alert).toHaveTextContent(problem.detail);
    // The partial draft is kept, shown as clean text like a finished one (no Markdown marker).
    expect(screen.getByTestId("draft")).toHaveValue("Contexte\nEntretien téléphonique");
    expect(await notesField()).toHaveValue("notes précieuses");
    expect(within(alert).getByRole("button", { name: "Réessayer" })).toBeInTheDocument();

    // And a reload after the failure still has both.
    view.unmount();
    renderPane(host);
    expect(await notesField()).toHaveValue("notes précieuses");
    expect(await screen.findByTestId("draft")).toHaveValue("Contexte\nEntretien téléphonique");
  });

  it("cancels a running generation: the request is aborted, the partial text stays, Générer works again", async () => {
    const user = userEvent.setup();
    let signal: AbortSignal | null | undefined;
    vi.stubGlobal(
      "fetch",
      scriptedFetch(({ init }) => {
        signal = init.signal;
        return sseResponse([{ event: "delta", data: { text: "Début du brouillon" } }, { hang: true }], init.signal);
      }),
    );
    renderPane(createFakeHost());
    await typeNotesAndGenerate(user);

    await waitFor(() => expect(screen.getByTestId("draft")).toHaveValue("Début du brouillon"));
    expect(screen.getByTestId("progress")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Annuler" }));

    expect(signal?.aborted).toBe(true);
    expect(await screen.findByTestId("cancelled")).toBeInTheDocument();
    expect(screen.getByTestId("draft")).toHaveValue("Début du brouillon");
    expect(screen.queryByTestId("progress")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Générer à nouveau" })).not.toHaveAttribute("aria-disabled", "true");
  });

  it("shows the French detail of a problem returned before the stream", async () => {
    const user = userEvent.setup();
    const detail = "Les notes sont vides : saisissez au moins une ligne avant de générer.";
    vi.stubGlobal(
      "fetch",
      scriptedFetch(() =>
        jsonResponse(
          422,
          { type: "about:blank", title: "Notes vides", status: 422, detail, code: "notes_empty" },
          "application/problem+json",
        ),
      ),
    );
    renderPane(createFakeHost());
    await typeNotesAndGenerate(user, "   x");
    expect(await screen.findByTestId("stream-error")).toHaveTextContent(detail);
  });

  it("says the server is unreachable when fetch itself fails, and keeps the notes", async () => {
    const user = userEvent.setup();
    vi.stubGlobal(
      "fetch",
      scriptedFetch(() => Promise.reject(new TypeError("Failed to fetch"))),
    );
    renderPane(createFakeHost());
    await typeNotesAndGenerate(user, "mes notes");
    expect(await screen.findByTestId("stream-error")).toHaveTextContent("injoignable");
    expect(await notesField()).toHaveValue("mes notes");
  });

  it("writes the saved text and its notice to the host's target, and reports a host failure", async () => {
    const user = userEvent.setup();
    vi.stubGlobal(
      "fetch",
      scriptedFetch(
        ({ init }) => sseResponse([{ event: "done", data: generation({ draft: "Bonjour Monsieur," }) }], init.signal),
        () => jsonResponse(201, saved),
      ),
    );
    const host = createFakeHost({ kind: "outlook", item: { kind: "message-compose", targets: ["insert"] } });
    renderPane(host);
    await typeNotesAndGenerate(user);
    await user.click(await validateBox());
    await user.click(saveButton());
    await screen.findByTestId("confirmation");

    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    host.failNextWrite();
    await user.click(screen.getByRole("button", { name: "Insérer dans le message" }));
    expect(await screen.findByTestId("deliver-status")).toHaveTextContent("n'a pas abouti");
    expect(warn).toHaveBeenCalledOnce();

    await user.click(screen.getByRole("button", { name: "Insérer dans le message" }));
    await waitFor(() =>
      expect(host.writes).toEqual([
        {
          target: "insert",
          text: "Bonjour Monsieur,",
          notice: LABEL,
          provenance: expect.objectContaining({ transparency: saved.transparency }),
        },
      ]),
    );
    expect(screen.getByTestId("deliver-status")).toHaveTextContent("Texte inséré");
  });

  it("says no notice is owed when the server decides the text is mostly the adviser's", async () => {
    const user = userEvent.setup();
    vi.stubGlobal(
      "fetch",
      scriptedFetch(
        ({ init }) => sseResponse([{ event: "done", data: generation({ draft: "Texte" }) }], init.signal),
        () => jsonResponse(201, { id: saved.id, transparency: { case: "human-with-ai", label: null } }),
      ),
    );
    renderPane(createFakeHost());
    await typeNotesAndGenerate(user);
    await user.click(await validateBox());
    await user.click(saveButton());
    expect(await screen.findByTestId("confirmation")).toHaveTextContent(/enregistré.*Aucune mention requise/);
    expect(screen.queryByTestId("transparency-label")).not.toBeInTheDocument();
  });

  it("shows the server's detail when saving fails, and lets the adviser try again", async () => {
    const user = userEvent.setup();
    const detail =
      "Le texte doit être relu et validé par un collaborateur avant d'être enregistré (validated: true). Rien n'a été enregistré.";
    vi.stubGlobal(
      "fetch",
      scriptedFetch(
        ({ init }) => sseResponse([{ event: "done", data: generation({ draft: "Texte" }) }], init.signal),
        () =>
          jsonResponse(
            422,
            { type: "about:blank", title: "Validation requise", status: 422, detail, code: "validation_required" },
            "application/problem+json",
          ),
        () => jsonResponse(201, saved),
      ),
    );
    renderPane(createFakeHost());
    await typeNotesAndGenerate(user);
    await user.click(await validateBox());
    await user.click(saveButton());
    expect(await screen.findByTestId("save-error")).toHaveTextContent(detail);
    await user.click(saveButton());
    expect(await screen.findByTestId("confirmation")).toBeInTheDocument();
  });

  it("asks before a new generation replaces a draft the adviser already worked on", async () => {
    const user = userEvent.setup();
    const fetch = scriptedFetch(
      ({ init }) => sseResponse([{ event: "done", data: generation({ draft: "Premier jet" }) }], init.signal),
      ({ init }) => sseResponse([{ event: "done", data: generation({ draft: "Second jet" }) }], init.signal),
    );
    vi.stubGlobal("fetch", fetch);
    renderPane(createFakeHost());
    await typeNotesAndGenerate(user);
    const draft = await screen.findByTestId("draft");
    await waitFor(() => expect(draft).toHaveValue("Premier jet"));
    await user.type(draft, " corrigé");

    await user.click(screen.getByRole("button", { name: "Générer à nouveau" }));
    expect(screen.getByTestId("confirm-replace")).toBeInTheDocument();
    expect(fetch.calls).toHaveLength(1);
    await user.click(screen.getByRole("button", { name: "Garder" }));
    expect(screen.getByTestId("draft")).toHaveValue("Premier jet corrigé");

    await user.click(screen.getByRole("button", { name: "Générer à nouveau" }));
    await user.click(screen.getByRole("button", { name: "Remplacer" }));
    await waitFor(() => expect(screen.getByTestId("draft")).toHaveValue("Second jet"));
  });

  it("shows English when the host runs in English", async () => {
    vi.stubGlobal("fetch", scriptedFetch());
    renderPane(createFakeHost({ locale: "en" }));
    expect(await screen.findByRole("textbox", { name: "Interview notes" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Generate" })).toBeInTheDocument();
  });
});
