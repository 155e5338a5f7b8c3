// Covers document extraction in the pane: the document type sent, the fields as a form with their quotes, flagged
// values to confirm or correct, the saved lines.
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Root } from "../../../../addin/app/Root";
import type { Extraction } from "../../../../src/schemas/extraction";
import { createFakeHost } from "../../../support/fake-hosts";
import { generation, jsonResponse, scriptedFetch, sseResponse, type FetchCall } from "../support/fake-fetch";

const F = (value: string | null, quote: string | null = value) => ({ value, quote });
const EXTRACTION: Extraction = {
  documentType: "declaration-sinistre-auto",
  date: F("12/10/2025"),
  heure: F("18h30"),
  lieu: F("Poitiers", "accident survenu à Poitiers"),
  circonstances: F("le tiers n'a pas respecté le cédez-le-passage"),
  vehicules: [
    {
      immatriculation: F("FG-482-KL", "immatriculation FG-482-KL"),
      marqueModele: F("Peugeot 208"),
      conducteur: F(null),
      assureur: F(null),
    },
  ],
  tiers: [],
  dommages: F("feu arrière cassé"),
  blesses: F("aucun", "Blessés : aucun"),
};
const answer = generation({
  task: "document-extraction",
  draft: "## Déclaration de sinistre automobile\n- Lieu : Poitiers — « accident survenu à Poitiers »",
  extraction: EXTRACTION,
  ungrounded: [{ text: "Poitiers", kind: "quote", field: "lieu" }],
});
const saved = {
  id: "5b8c1e3f-2b6a-4c1e-9f3a-1a2b3c4d5e6f",
  transparency: { case: "ai-validated", label: "Extraction validée." },
};

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function extract(user: ReturnType<typeof userEvent.setup>, type?: string): Promise<void> {
  await user.selectOptions(await screen.findByRole("combobox", { name: "Tâche" }), "Extraction de document");
  const picker = screen.getByRole("combobox", { name: "Type de document" });
  expect(picker).toHaveDisplayValue("Détection automatique");
  if (type) await user.selectOptions(picker, type);
  await user.type(screen.getByRole("textbox", { name: /Notes/ }), "Déclaration reçue par courrier");
  await user.click(screen.getByRole("button", { name: "Générer" }));
  await screen.findByTestId("extraction");
}

describe("extraction form", () => {
  it("sends the chosen document type, and only with the extraction task", async () => {
    const user = userEvent.setup();
    const fetch = scriptedFetch(({ init }) => sseResponse([{ event: "done", data: answer }], init.signal));
    vi.stubGlobal("fetch", fetch);
    render(<Root loadHost={() => Promise.resolve(createFakeHost())} initialLocale="fr" />);
    await extract(user, "Constat amiable");
    expect((fetch.calls[0] as FetchCall).body).toMatchObject({
      task: "document-extraction",
      documentType: "constat-amiable",
    });
  });

  it("shows each field with its quote, holds Enregistrer until the flagged value is handled, and saves « Libellé : valeur » lines", async () => {
    const user = userEvent.setup();
    const fetch = scriptedFetch(
      ({ init }) => sseResponse([{ event: "done", data: answer }], init.signal),
      () => jsonResponse(201, saved),
    );
    vi.stubGlobal("fetch", fetch);
    render(<Root loadHost={() => Promise.resolve(createFakeHost())} initialLocale="fr" />);
    await extract(user);
    expect((fetch.calls[0] as FetchCall).body).not.toHaveProperty("documentType");
    expect(screen.queryByTestId("draft")).not.toBeInTheDocument();

    const plate = screen.getByRole("textbox", { name: "Véhicule 1 — Immatriculation" });
    expect(plate).toHaveValue("FG-482-KL");
    expect(plate).toHaveAccessibleDescription("Citation : « immatriculation FG-482-KL »");
    expect(screen.getByRole("textbox", { name: "Véhicule 1 — Conducteur" })).toHaveAccessibleDescription(
      "Aucune citation du document.",
    );
    const place = screen.getByTestId("field-lieu");
    expect(place).toHaveAttribute("data-status", "pending");
    expect(place).toHaveTextContent("Cette citation est introuvable dans le document");
    expect(screen.getByTestId("extraction-remaining")).toHaveTextContent("reste 1");

    await user.click(await screen.findByRole("checkbox", { name: /valide/ }));
    expect(screen.getByRole("button", { name: "Enregistrer" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByTestId("save-hint")).toHaveTextContent("reste 1");

    // Correcting the flagged value by typing in its field handles it (and, as any change, asks for validation again).
    const lieu = screen.getByRole("textbox", { name: "Lieu" });
    await user.clear(lieu);
    await user.type(lieu, "Niort");
    expect(screen.getByTestId("field-lieu")).toHaveAttribute("data-status", "corrected");
    expect(screen.getByTestId("extraction-remaining")).toHaveTextContent("tout est vérifié");
    expect(screen.getByTestId("validation-reset")).toBeInTheDocument();
    await user.click(screen.getByRole("checkbox", { name: /valide/ }));
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await screen.findByTestId("confirmation");

    const text = ((fetch.calls[1] as FetchCall).body as { text: string }).text;
    expect(text.split("\n")).toEqual([
      "Date : 12/10/2025",
      "Heure : 18h30",
      "Lieu : Niort",
      "Circonstances : le tiers n'a pas respecté le cédez-le-passage",
      "Véhicule 1 — Immatriculation : FG-482-KL",
      "Véhicule 1 — Marque et modèle : Peugeot 208",
      "Véhicule 1 — Conducteur : non précisé",
      "Véhicule 1 — Assureur : non précisé",
      "Dommages : feu arrière cassé",
      "Blessés : aucun",
    ]);
  });

  it("lets the adviser confirm a flagged value as read, keeping the focus on that field", async () => {
    const user = userEvent.setup();
    vi.stubGlobal(
      "fetch",
      scriptedFetch(({ init }) => sseResponse([{ event: "done", data: answer }], init.signal)),
    );
    render(<Root loadHost={() => Promise.resolve(createFakeHost())} initialLocale="fr" />);
    await extract(user);
    await user.click(screen.getByRole("button", { name: "Confirmer « Lieu »" }));
    expect(screen.getByTestId("field-lieu")).toHaveAttribute("data-status", "confirmed");
    await waitFor(() => expect(screen.getByTestId("field-lieu-status")).toHaveFocus());
    await user.click(screen.getByRole("checkbox", { name: /valide/ }));
    expect(screen.getByRole("button", { name: "Enregistrer" })).not.toHaveAttribute("aria-disabled", "true");
  });
});
