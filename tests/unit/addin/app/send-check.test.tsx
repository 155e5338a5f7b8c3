// Covers the send-check bookkeeping the pane owes its host: draft recorded when generated, provenance on insert, record
// on copy, discard.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFakeHost } from "../../../support/fake-hosts";
import { generation, jsonResponse, scriptedFetch, sseResponse } from "../support/fake-fetch";
import { renderPane } from "../support/pane";

const LABEL =
  "Courriel rédigé avec l'aide d'une intelligence artificielle générative et validé par un collaborateur du groupe MAIF.";
const transparency = { case: "ai-validated", label: LABEL } as const;
const answer = generation({ draft: "Bonjour Madame,", prePrompt: { id: "member-email@1", version: 1 } });
const record = { generationId: answer.id, prePromptId: "member-email@1" };

async function generateAndSave(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.type(await screen.findByRole("textbox", { name: /Notes/ }), "relance du dossier");
  await user.click(screen.getByRole("button", { name: "Générer" }));
  await user.click(await screen.findByRole("checkbox", { name: /valide/ }));
  await user.click(screen.getByRole("button", { name: "Enregistrer" }));
  await screen.findByTestId("confirmation");
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  vi.stubGlobal(
    "fetch",
    scriptedFetch(
      ({ init }) => sseResponse([{ event: "done", data: answer }], init.signal),
      () => jsonResponse(201, { id: "5b8c1e3f-2b6a-4c1e-9f3a-1a2b3c4d5e6f", transparency }),
    ),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("send-check bookkeeping", () => {
  it("records the draft with its pre-prompt as soon as the generation is done, and passes the provenance with the insert", async () => {
    const user = userEvent.setup();
    const host = createFakeHost({ kind: "outlook", item: { kind: "message-compose", targets: ["insert"] } });
    renderPane(host);
    await generateAndSave(user);
    expect(host.records).toEqual([{ type: "draft", draft: record }]);

    await user.click(screen.getByRole("button", { name: "Insérer dans le message" }));
    await waitFor(() =>
      expect(host.writes).toEqual([
        { target: "insert", text: "Bonjour Madame,", notice: LABEL, provenance: { ...record, transparency } },
      ]),
    );
  });

  it("records the validation when the saved text is copied, since it may be pasted into the mail", async () => {
    const user = userEvent.setup();
    const host = createFakeHost({ kind: "outlook", item: { kind: "message-compose", targets: ["insert"] } });
    renderPane(host);
    await generateAndSave(user);
    await user.click(screen.getByRole("button", { name: "Copier" }));
    await waitFor(() =>
      expect(host.records.at(-1)).toEqual({ type: "validated", record: { ...record, transparency } }),
    );
    expect(await navigator.clipboard.readText()).toContain("Bonjour Madame,");
    expect(screen.getByTestId("deliver-status")).toHaveTextContent("Texte copié.");
  });

  it("says the copy is not recorded when the host refuses the record", async () => {
    const user = userEvent.setup();
    const host = createFakeHost({ kind: "outlook", item: { kind: "message-compose", targets: ["insert"] } });
    const { hostError } = await import("../../../../addin/hosts/host-adapter");
    host.recordValidated = () => Promise.reject(hostError("host_record_failed"));
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    renderPane(host);
    await generateAndSave(user);
    await user.click(screen.getByRole("button", { name: "Copier" }));
    expect(await screen.findByTestId("deliver-status")).toHaveTextContent(
      "le texte est copié, mais sa validation n'a pas pu être enregistrée",
    );
  });

  it("forgets the draft in the host on « Nouvelles notes »", async () => {
    const user = userEvent.setup();
    const host = createFakeHost();
    renderPane(host);
    await generateAndSave(user);
    await user.click(screen.getByRole("button", { name: "Nouvelles notes" }));
    expect(host.records.map((r) => r.type)).toEqual(["draft", "discard"]);
    expect(await screen.findByRole("textbox", { name: /Notes/ })).toHaveValue("");
  });

  it("discards a draft under review after confirmation, keeping the notes", async () => {
    const user = userEvent.setup();
    const host = createFakeHost();
    renderPane(host);
    await user.type(await screen.findByRole("textbox", { name: /Notes/ }), "relance du dossier");
    await user.click(screen.getByRole("button", { name: "Générer" }));
    await user.click(await screen.findByRole("button", { name: "Abandonner ce brouillon" }));
    expect(host.records.map((r) => r.type)).toEqual(["draft"]);
    await user.click(screen.getByRole("button", { name: "Garder" }));
    expect(screen.getByTestId("draft")).toHaveValue("Bonjour Madame,");

    await user.click(screen.getByRole("button", { name: "Abandonner ce brouillon" }));
    await user.click(screen.getByRole("button", { name: "Abandonner" }));
    await waitFor(() => expect(screen.queryByTestId("review")).not.toBeInTheDocument());
    expect(host.records.map((r) => r.type)).toEqual(["draft", "discard"]);
    expect(screen.getByRole("textbox", { name: /Notes/ })).toHaveValue("relance du dossier");
    expect(screen.getByRole("button", { name: "Générer" })).toBeInTheDocument();
  });
});
