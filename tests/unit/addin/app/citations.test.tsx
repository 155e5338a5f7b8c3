// Covers the citations under the draft: the lines behind the sentence at the caret, found again after edits, never part
// of the saved text.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Root } from "../../../../addin/app/Root";
import { citationAt } from "../../../../addin/lib/citations";
import { createFakeHost } from "../../../support/fake-hosts";
import { generation, jsonResponse, scriptedFetch, sseResponse, type FetchCall } from "../support/fake-fetch";

const NOTES = "appel de M. Benali\nfranchise 380 € confirmée";
const DRAFT = "Entretien avec M. Benali. La franchise de 380 € est confirmée.";
const CITATIONS = [
  { start: 0, end: 25, refs: [{ in: "notes" as const, line: 1 }] },
  { start: 26, end: DRAFT.length, refs: [{ in: "notes" as const, line: 2 }] },
];

function caretAt(draft: HTMLTextAreaElement, offset: number): void {
  draft.setSelectionRange(offset, offset);
  fireEvent.select(draft);
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("citations", () => {
  it("finds a sentence again after the adviser edited above it, and forgets one the adviser rewrote", () => {
    const edited = `Ajout. ${DRAFT}`;
    expect(citationAt(CITATIONS, DRAFT, edited, 40)).toBe(CITATIONS[1]);
    expect(citationAt(CITATIONS, DRAFT, DRAFT.replace("380 €", "400 €"), 40)).toBeNull();
    expect(citationAt(CITATIONS, DRAFT, DRAFT, 3)).toBe(CITATIONS[0]);
  });

  it("shows the note lines of the sentence at the caret under the editor, and saves the text without them", async () => {
    const user = userEvent.setup();
    const answer = generation({ draft: DRAFT, citations: CITATIONS });
    const fetch = scriptedFetch(
      ({ init }) => sseResponse([{ event: "done", data: answer }], init.signal),
      () =>
        jsonResponse(201, {
          id: "5b8c1e3f-2b6a-4c1e-9f3a-1a2b3c4d5e6f",
          transparency: { case: "ai-validated", label: "Mention." },
        }),
    );
    vi.stubGlobal("fetch", fetch);
    render(<Root loadHost={() => Promise.resolve(createFakeHost())} initialLocale="fr" />);
    await user.type(await screen.findByRole("textbox", { name: /Notes/ }), NOTES.replace("\n", "{Enter}"));
    await user.click(screen.getByRole("button", { name: "Générer" }));
    const draft = (await screen.findByTestId("draft")) as HTMLTextAreaElement;
    await waitFor(() => expect(draft).toHaveValue(DRAFT));
    const list = screen.getByRole("region", { name: "Sources de cette phrase" });
    expect(list).toHaveTextContent("Placez le curseur dans une phrase");

    caretAt(draft, 40);
    expect(list).toHaveTextContent("Notes, ligne 2« franchise 380 € confirmée »");
    caretAt(draft, 5);
    expect(list).toHaveTextContent("Notes, ligne 1« appel de M. Benali »");

    await user.click(screen.getByRole("checkbox", { name: /valide/ }));
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await screen.findByTestId("confirmation");
    expect((fetch.calls[1] as FetchCall).body).toMatchObject({ text: DRAFT });
  });
});
