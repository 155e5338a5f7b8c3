// Covers the sources of the work in the pane: .vtt and document imports, the Outlook mail thread, the Teams meeting
// transcript, edit, remove, autosave.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { hostError } from "../../../../addin/hosts/host-adapter";
import { createFakeHost, type FakeHost } from "../../../support/fake-hosts";
import { generation, jsonResponse, scriptedFetch, sseResponse, type FetchCall } from "../support/fake-fetch";
import { isolatePaneTests, renderPane } from "../support/pane";

const VTT = readFileSync(resolve("tests/fixtures/sources/teams-sinistre-habitation.vtt"), "utf8");
const TRANSCRIPT = {
  source: "Élodie Martin (MAIF) : Bonjour Monsieur Petit.\nJean Petit : Bonjour.",
  speakers: ["Élodie Martin (MAIF)", "Jean Petit"],
  turns: 2,
};
const THREAD =
  "[MAIF]\nDe : Élodie Martin\nBonjour Madame,\n\n[Sociétaire]\nDe : Sophie Durand\nOù en est mon dossier ?\n\n[MAIF]\nNous revenons vers vous.";

const setup = () => userEvent.setup({ pointerEventsCheck: 0 });

async function openAdd(user: ReturnType<typeof setup>): Promise<void> {
  // The panel is a lazy chunk: under a loaded machine it can take longer than findBy's default second.
  await user.click(await screen.findByRole("button", { name: "Ajouter une source" }, { timeout: 10_000 }));
}

isolatePaneTests();

describe("sources in the taskpane", () => {
  it("imports a Teams .vtt file: speakers and turns shown, the text sent as the source, kept with the work", async () => {
    const user = setup();
    const fetch = scriptedFetch(
      () => jsonResponse(200, TRANSCRIPT),
      ({ init }) => sseResponse([{ event: "done", data: generation() }], init.signal),
    );
    vi.stubGlobal("fetch", fetch);
    const host = createFakeHost({ item: { key: "teams:meeting-1" } });
    const view = renderPane(host);

    await openAdd(user);
    expect(screen.getByRole("button", { name: "Ajouter une source" })).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByRole("button", { name: "Transcription Teams (.vtt)" })).toBeInTheDocument();
    await user.upload(screen.getByTestId("source-file-vtt"), new File([VTT], "reunion.vtt", { type: "text/vtt" }));

    const card = await screen.findByTestId("source-card");
    expect(card).toHaveTextContent("Transcription Teams · reunion.vtt");
    expect(card).toHaveTextContent("2 intervenants : Élodie Martin (MAIF), Jean Petit");
    expect(card).toHaveTextContent("2 répliques");
    expect(screen.getByTestId("source-status")).toHaveTextContent("Source ajoutée : reunion.vtt.");
    expect((fetch.calls[0] as FetchCall).url).toBe("/api/sources/transcript");
    // The file itself goes to the server, which decodes it by its bytes (a Windows-1252 export stays readable).
    const upload = (fetch.calls[0] as FetchCall).init.body as FormData;
    expect(upload).toBeInstanceOf(FormData);
    expect((upload.get("file") as File).name).toBe("reunion.vtt");

    await user.type(screen.getByRole("textbox", { name: /Notes/ }), "entretien sinistre");
    await user.click(screen.getByRole("button", { name: "Générer" }));
    await screen.findByRole("checkbox", { name: /valide/ });
    expect((fetch.calls[1] as FetchCall).body).toMatchObject({
      notes: "entretien sinistre",
      source: TRANSCRIPT.source,
    });

    view.unmount();
    vi.stubGlobal("fetch", scriptedFetch());
    renderPane(host);
    expect(await screen.findByTestId("source-card")).toHaveTextContent("reunion.vtt");
  });

  it("shows the source text on demand, lets the adviser edit it or remove it, and sends what is left", async () => {
    const user = setup();
    const fetch = scriptedFetch(
      () => jsonResponse(200, TRANSCRIPT),
      ({ init }) => sseResponse([{ event: "done", data: generation() }], init.signal),
      ({ init }) => sseResponse([{ event: "done", data: generation() }], init.signal),
    );
    vi.stubGlobal("fetch", fetch);
    renderPane(createFakeHost());
    await openAdd(user);
    await user.upload(screen.getByTestId("source-file-vtt"), new File([VTT], "reunion.vtt"));
    const toggle = await screen.findByRole("button", { name: "Afficher le texte" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await user.click(toggle);
    const text = screen.getByRole("textbox", { name: "Texte de la source (modifiable)" });
    expect(text).toHaveValue(TRANSCRIPT.source);
    await user.clear(text);
    await user.type(text, "Jean Petit : dégât des eaux.");
    await user.type(screen.getByRole("textbox", { name: /Notes/ }), "notes");
    await user.click(screen.getByRole("button", { name: "Générer" }));
    await screen.findByRole("checkbox", { name: /valide/ });
    expect((fetch.calls[1] as FetchCall).body).toMatchObject({ source: "Jean Petit : dégât des eaux." });

    await user.click(screen.getByRole("button", { name: "Retirer la source" }));
    expect(screen.queryByTestId("source-card")).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: "Ajouter une source" })).toHaveFocus());
    await user.click(screen.getByRole("button", { name: "Générer à nouveau" }));
    await waitFor(() => expect(fetch.calls).toHaveLength(3));
    expect((fetch.calls[2] as FetchCall).body).not.toHaveProperty("source");
  });

  it("uploads a PDF as multipart `file`, shows its pages and warns about pages without text", async () => {
    const user = setup();
    const fetch = scriptedFetch(() =>
      jsonResponse(200, {
        text: "Déclaration de sinistre\nLieu : Niort",
        pages: 3,
        format: "pdf",
        characters: 36,
        pagesWithoutText: [2],
      }),
    );
    vi.stubGlobal("fetch", fetch);
    renderPane(createFakeHost());
    await openAdd(user);
    await user.upload(
      screen.getByTestId("source-file-document"),
      new File(["%PDF-1.4"], "declaration.pdf", { type: "application/pdf" }),
    );
    const card = await screen.findByTestId("source-card");
    expect(card).toHaveTextContent("Document · declaration.pdf");
    expect(card).toHaveTextContent("PDF · 3 pages · 36 caractères");
    expect(within(card).getByTestId("source-warning")).toHaveTextContent("Pages sans texte, sans doute scannées : 2.");
    const call = fetch.calls[0] as FetchCall;
    expect(call.url).toBe("/api/sources/document");
    const form = call.init.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect((form.get("file") as File).name).toBe("declaration.pdf");
    expect(call.init.headers).not.toHaveProperty("content-type");
  });

  it.each([
    [413, "payload_too_large", "Le document dépasse la taille maximale de 10 Mo."],
    [415, "unsupported_media_type", "Format non pris en charge : envoyez un PDF ou un document Word (.docx)."],
    [422, "document_without_text", "Document scanné sans texte : aucune page ne contient de texte lisible."],
  ])("shows the server's French detail when a document is refused (%i)", async (status, code, detail) => {
    const user = setup();
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    vi.stubGlobal(
      "fetch",
      scriptedFetch(() =>
        jsonResponse(
          status,
          { type: "about:blank", title: "Refusé", status, detail, code },
          "application/problem+json",
        ),
      ),
    );
    renderPane(createFakeHost());
    await openAdd(user);
    await user.upload(
      screen.getByTestId("source-file-document"),
      new File(["x"], "scan.pdf", { type: "application/pdf" }),
    );
    expect(await screen.findByTestId("source-error")).toHaveTextContent(
      `La source n'a pas pu être ajoutée : ${detail}`,
    );
    expect(screen.queryByTestId("source-card")).not.toBeInTheDocument();
  });

  it("in Outlook read mode, turns the mail being read into an attributed thread source", async () => {
    const user = setup();
    const fetch = scriptedFetch(
      () => jsonResponse(200, { source: THREAD, messages: 3, addresses: ["sophie.durand@orange.fr"] }),
      ({ init }) => sseResponse([{ event: "done", data: generation() }], init.signal),
    );
    vi.stubGlobal("fetch", fetch);
    renderPane(
      createFakeHost({
        kind: "outlook",
        item: {
          kind: "message-read",
          source: "Bonjour…\n-----Message d'origine-----\n…",
          memberAddress: "sophie.durand@orange.fr",
          targets: ["reply"],
        },
      }),
    );
    const card = await screen.findByTestId("source-card");
    expect(card).toHaveTextContent("Fil de messages");
    expect(card).toHaveTextContent("3 messages : 1 du sociétaire, 2 de la MAIF");
    expect((fetch.calls[0] as FetchCall).body).toEqual({
      text: "Bonjour…\n-----Message d'origine-----\n…",
      memberAddress: "sophie.durand@orange.fr",
    });
    expect(screen.queryByTestId("include-source")).not.toBeInTheDocument();

    await user.type(screen.getByRole("textbox", { name: /Notes/ }), "répondre");
    await user.click(screen.getByRole("button", { name: "Générer" }));
    await screen.findByRole("checkbox", { name: /valide/ });
    expect((fetch.calls[1] as FetchCall).body).toMatchObject({ source: THREAD });
  });

  it("in a Teams meeting, fetches the meeting's transcript through the host, and explains a refusal", async () => {
    const user = setup();
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const fetch = scriptedFetch(() => jsonResponse(200, TRANSCRIPT));
    vi.stubGlobal("fetch", fetch);
    const host = createFakeHost({ kind: "teams", item: { kind: "meeting" } });
    const read = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(hostError("host_transcript_forbidden"))
      .mockResolvedValueOnce(VTT);
    const teams: FakeHost = { ...host, readMeetingTranscript: read };
    renderPane(teams);
    await openAdd(user);
    await user.click(screen.getByRole("button", { name: "Transcription de cette réunion" }));
    expect(await screen.findByTestId("source-error")).toHaveTextContent(
      /ne permet pas à Greffier de lire la transcription/,
    );

    await user.click(screen.getByRole("button", { name: "Transcription de cette réunion" }));
    expect(await screen.findByTestId("source-card")).toHaveTextContent("Transcription de la réunion");
    expect((fetch.calls[0] as FetchCall).body).toEqual({ vtt: VTT });
    expect(screen.queryByTestId("source-error")).not.toBeInTheDocument();
  });
});
