// Covers AI edits by instruction (manual edit recorded first, or the edit fails; draft replaced, validation reset,
// failure keeps the draft) and the version history.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { createFakeHost } from "../../../support/fake-hosts";
import { generation, jsonResponse, scriptedFetch, sseResponse, type FetchCall } from "../support/fake-fetch";
import { isolatePaneTests, renderPane } from "../support/pane";

const FIRST = generation({
  id: "11111111-1111-4111-8111-111111111111",
  task: "member-email",
  draft: "Bonjour Madame, votre dossier avance bien et nous revenons vers vous.",
  prePrompt: { id: "member-email@1", version: 1 },
});
const REVISED = generation({
  id: "22222222-2222-4222-8222-222222222222",
  task: "member-email",
  draft: "Bonjour Madame, dossier en cours.",
  parentId: FIRST.id,
  prePrompt: { id: "member-email@1", version: 1 },
});

async function generateFirst(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await user.selectOptions(await screen.findByRole("combobox", { name: "Tâche" }), "Réponse à un sociétaire");
  await user.type(screen.getByRole("textbox", { name: /Notes/ }), "dossier sinistre");
  await user.click(screen.getByRole("button", { name: "Générer" }));
  const draft = await screen.findByTestId("draft");
  await waitFor(() => expect(draft).toHaveValue(FIRST.draft));
  return draft;
}

isolatePaneTests();

describe("AI edits and version history", () => {
  it("records the hand edit, then rewrites the current draft by instruction: draft replaced, notes kept, validation to redo", async () => {
    const user = userEvent.setup();
    const fetch = scriptedFetch(
      ({ init }) => sseResponse([{ event: "done", data: FIRST }], init.signal),
      () => jsonResponse(201, { id: "33333333-3333-4333-8333-333333333333" }),
      ({ init }) =>
        sseResponse(
          [
            { event: "delta", data: { text: "Bonjour Madame, " } },
            { event: "delta", data: { text: "dossier en cours." } },
            { event: "done", data: REVISED },
          ],
          init.signal,
        ),
    );
    vi.stubGlobal("fetch", fetch);
    const host = createFakeHost();
    renderPane(host);
    const draft = await generateFirst(user);
    await user.type(draft, " Cordialement.");
    await user.click(screen.getByRole("checkbox", { name: /valide/ }));
    await user.click(screen.getByRole("button", { name: "Plus concis" }));

    await waitFor(() => expect(screen.getByTestId("draft")).toHaveValue(REVISED.draft));
    const edited = `${FIRST.draft} Cordialement.`;
    expect(fetch.calls[1]).toMatchObject({ url: `/api/generations/${FIRST.id}/versions`, body: { text: edited } });
    expect(fetch.calls[2]?.url).toBe("/api/generations");
    expect(fetch.calls[2]?.body).toMatchObject({
      task: "member-email",
      notes: "dossier sinistre",
      revise: { generationId: FIRST.id, instruction: "Plus concis", draft: edited },
    });
    expect(await screen.findByRole("checkbox", { name: /valide/ })).not.toBeChecked();
    expect(screen.getByRole("textbox", { name: /Notes/ })).toHaveValue("dossier sinistre");
    expect(host.records.at(-1)).toEqual({
      type: "draft",
      draft: { generationId: REVISED.id, prePromptId: "member-email@1" },
    });
  });

  it("sends a free instruction with Enter, without recording a version when the draft was not edited", async () => {
    const user = userEvent.setup();
    const fetch = scriptedFetch(
      ({ init }) => sseResponse([{ event: "done", data: FIRST }], init.signal),
      ({ init }) => sseResponse([{ event: "done", data: REVISED }], init.signal),
    );
    vi.stubGlobal("fetch", fetch);
    renderPane();
    await generateFirst(user);
    await user.type(screen.getByRole("textbox", { name: "Autre consigne" }), "ajoute le numéro de dossier{Enter}");
    await waitFor(() => expect(screen.getByTestId("draft")).toHaveValue(REVISED.draft));
    expect(fetch.calls).toHaveLength(2);
    expect((fetch.calls[1] as FetchCall).body).toMatchObject({
      revise: { instruction: "ajoute le numéro de dossier", draft: FIRST.draft },
    });
  });

  it("keeps the draft as it was when the AI edit fails, and says why", async () => {
    const user = userEvent.setup();
    const detail = "Le service d'IA n'a pas pu produire le brouillon. Vos notes sont conservées.";
    vi.stubGlobal(
      "fetch",
      scriptedFetch(
        ({ init }) => sseResponse([{ event: "done", data: FIRST }], init.signal),
        ({ init }) =>
          sseResponse(
            [
              { event: "delta", data: { text: "Bonj" } },
              {
                event: "error",
                data: { type: "about:blank", title: "Échec", status: 502, detail, code: "provider_failed" },
              },
            ],
            init.signal,
          ),
      ),
    );
    renderPane();
    await generateFirst(user);
    await user.click(screen.getByRole("button", { name: "Plus formel" }));
    expect(await screen.findByTestId("revise-error")).toHaveTextContent(
      `La retouche n'a pas abouti : ${detail} Le brouillon précédent est conservé.`,
    );
    expect(screen.getByTestId("draft")).toHaveValue(FIRST.draft);
  });

  it("does not rewrite a hand edit the history could not record: says why, keeps it, records it on the next try", async () => {
    const user = userEvent.setup();
    const fetch = scriptedFetch(
      ({ init }) => sseResponse([{ event: "done", data: FIRST }], init.signal),
      () => Promise.reject(new TypeError("Failed to fetch")),
      () => jsonResponse(201, { id: "33333333-3333-4333-8333-333333333333" }),
      ({ init }) => sseResponse([{ event: "done", data: REVISED }], init.signal),
    );
    vi.stubGlobal("fetch", fetch);
    renderPane();
    const draft = await generateFirst(user);
    await user.type(draft, " Cordialement.");
    await user.click(screen.getByRole("button", { name: "Plus concis" }));
    expect(await screen.findByTestId("revise-error")).toHaveTextContent(
      /La retouche n'a pas abouti : Le serveur Greffier est injoignable/,
    );
    expect(screen.getByTestId("draft")).toHaveValue(`${FIRST.draft} Cordialement.`);
    expect(fetch.calls).toHaveLength(2);

    await user.click(screen.getByRole("button", { name: "Plus concis" }));
    await waitFor(() => expect(screen.getByTestId("draft")).toHaveValue(REVISED.draft));
    const versions = `/api/generations/${FIRST.id}/versions`;
    expect(fetch.calls.map((c) => c.url)).toEqual(["/api/generations", versions, versions, "/api/generations"]);
  });

  it("lists the versions with kind, time and instruction, and restores one into the draft", async () => {
    const user = userEvent.setup();
    const history = [
      { kind: "generation", generationId: FIRST.id, text: FIRST.draft, at: "2026-11-25T09:00:00.000Z" },
      { kind: "manual-edit", text: "Texte retouché à la main.", at: "2026-11-25T09:05:00.000Z" },
      {
        kind: "ai-edit",
        generationId: REVISED.id,
        instruction: "Plus concis",
        text: REVISED.draft,
        at: "2026-11-25T09:06:00.000Z",
      },
    ];
    const fetch = scriptedFetch(
      ({ init }) => sseResponse([{ event: "done", data: REVISED }], init.signal),
      () => jsonResponse(200, history),
    );
    vi.stubGlobal("fetch", fetch);
    renderPane();
    await user.type(await screen.findByRole("textbox", { name: /Notes/ }), "dossier");
    await user.click(screen.getByRole("button", { name: "Générer" }));
    await user.click(await screen.findByRole("checkbox", { name: /valide/ }));
    const toggle = screen.getByRole("button", { name: "Versions" });
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");

    const items = await screen.findAllByTestId("version");
    expect(fetch.calls[1]).toMatchObject({ url: `/api/generations/${REVISED.id}/versions` });
    expect((fetch.calls[1] as FetchCall).init.method).toBe("GET");
    expect(items.map((i) => i.getAttribute("data-kind"))).toEqual(["generation", "manual-edit", "ai-edit"]);
    expect(items[0]).toHaveTextContent(/Première génération\s*à \d\d:\d\d/);
    expect(items[2]).toHaveTextContent("Consigne : « Plus concis »");
    expect(items[2]).toHaveTextContent("Version affichée");

    await user.click(
      screen.getAllByRole("button", { name: /^Restaurer la version : Modification manuelle/ })[0] as HTMLElement,
    );
    expect(screen.getByTestId("draft")).toHaveValue("Texte retouché à la main.");
    expect(screen.getByRole("checkbox", { name: /valide/ })).not.toBeChecked();
    expect(screen.getByTestId("versions-status")).toHaveTextContent("Version restaurée");
  });
});
