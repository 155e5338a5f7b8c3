// Covers what the pane says about a draft the offline engine prepared: AI edit only with a model, masking only when
// text left the server, a zero footprint, and the transparency notice the server decided for what wrote the text.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { generation, jsonResponse, scriptedFetch, sseResponse } from "../support/fake-fetch";
import { isolatePaneTests, renderPane } from "../support/pane";

const OFFLINE_DRAFT = "> Brouillon préparé sans IA générative (moteur hors ligne).\n\n## Contexte\n- appel du 14/10\n";
const NO_MODEL = generation({
  draft: OFFLINE_DRAFT,
  degraded: true,
  canRevise: false,
  pseudonymised: 0,
  footprint: { energyWh: 0, gco2eq: 0 },
  usage: { inputTokens: 0, outputTokens: 0 },
  provider: { name: "offline", model: "greffier-offline-sorter", region: "FRA" },
});
const FALLBACK = { ...NO_MODEL, canRevise: true, pseudonymised: 3 };
const REVISED = generation({
  id: "22222222-2222-4222-8222-222222222222",
  draft: "## Contexte\nAppel du 14/10, reformulé par le modèle.\n",
  parentId: NO_MODEL.id,
});
const LABEL =
  "Compte-rendu produit par une intelligence artificielle générative et validé par un collaborateur du groupe MAIF.";

async function generate(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.type(await screen.findByRole("textbox", { name: /Notes/ }), "appel du 14/10");
  await user.click(screen.getByRole("button", { name: "Générer" }));
  await screen.findByRole("checkbox", { name: /valide/ });
}

async function validateAndSave(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(await screen.findByRole("checkbox", { name: /valide/ }));
  await user.click(screen.getByRole("button", { name: "Enregistrer" }));
  await screen.findByTestId("confirmation");
}

isolatePaneTests();

describe("a draft prepared without a model", () => {
  it("disables every AI edit, says why, and sends nothing when one is clicked", async () => {
    const user = userEvent.setup();
    const fetch = scriptedFetch(({ init }) => sseResponse([{ event: "done", data: NO_MODEL }], init.signal));
    vi.stubGlobal("fetch", fetch);
    renderPane();
    await generate(user);
    const before = (screen.getByTestId("draft") as HTMLTextAreaElement).value;
    expect(before).toMatch(/appel du 14\/10/);

    for (const name of ["Plus concis", "Plus formel", "Reformuler pour le sociétaire"]) {
      const button = screen.getByRole("button", { name });
      expect(button).toHaveAttribute("aria-disabled", "true");
      expect(button).toHaveAccessibleDescription(/demande un modèle d'IA générative/);
      await user.click(button);
    }
    expect(screen.getByRole("textbox", { name: "Autre consigne" })).toBeDisabled();
    expect(screen.getByTestId("revise-hint")).toHaveTextContent(/moteur hors ligne/);
    await user.hover(screen.getByRole("button", { name: "Plus concis" }));
    expect(await screen.findByRole("tooltip")).toHaveTextContent(/demande un modèle d'IA générative/);
    expect(fetch.calls).toHaveLength(1);
    expect(screen.getByTestId("draft")).toHaveValue(before);
  });

  it("claims no masking and reports a zero footprint with no model used", async () => {
    const user = userEvent.setup();
    vi.stubGlobal(
      "fetch",
      scriptedFetch(({ init }) => sseResponse([{ event: "done", data: NO_MODEL }], init.signal)),
    );
    renderPane();
    await generate(user);
    expect(screen.queryByTestId("facts-masked")).not.toBeInTheDocument();
    expect(screen.getByTestId("facts-footprint")).toHaveTextContent("Empreinte : 0 Wh, aucun modèle utilisé");
  });

  it("shows the server's decision when saved unchanged: no AI notice", async () => {
    const user = userEvent.setup();
    const fetch = scriptedFetch(
      ({ init }) => sseResponse([{ event: "done", data: NO_MODEL }], init.signal),
      () =>
        jsonResponse(201, {
          id: "5b8c1e3f-2b6a-4c1e-9f3a-1a2b3c4d5e6f",
          transparency: { case: "human-with-ai", label: null },
        }),
    );
    vi.stubGlobal("fetch", fetch);
    renderPane();
    await generate(user);
    await validateAndSave(user);
    expect(fetch.calls[1]?.body).toMatchObject({
      generationId: NO_MODEL.id,
      text: expect.stringMatching(/appel du 14\/10/),
      validated: true,
    });
    expect(screen.getByTestId("transparency-none")).toBeInTheDocument();
    expect(screen.queryByTestId("transparency-label")).not.toBeInTheDocument();
    expect(screen.getByTestId("confirmation")).not.toHaveTextContent(/intelligence artificielle/);
  });
});

describe("an offline draft when a model is configured (the provider failed)", () => {
  it("says what was masked before text left, lets the model rewrite it, and the saved AI edit carries the notice", async () => {
    const user = userEvent.setup();
    const fetch = scriptedFetch(
      ({ init }) => sseResponse([{ event: "done", data: FALLBACK }], init.signal),
      ({ init }) => sseResponse([{ event: "done", data: REVISED }], init.signal),
      () =>
        jsonResponse(201, {
          id: "5b8c1e3f-2b6a-4c1e-9f3a-1a2b3c4d5e6f",
          transparency: { case: "ai-validated", label: LABEL },
        }),
    );
    vi.stubGlobal("fetch", fetch);
    renderPane();
    await generate(user);
    expect(screen.getByTestId("facts-masked")).toHaveTextContent("3 données personnelles masquées avant l'envoi");

    const concise = screen.getByRole("button", { name: "Plus concis" });
    expect(concise).not.toHaveAttribute("aria-disabled", "true");
    await user.click(concise);
    await waitFor(() =>
      expect((screen.getByTestId("draft") as HTMLTextAreaElement).value).toMatch(/reformulé par le modèle/),
    );
    expect(fetch.calls[1]?.body).toMatchObject({
      revise: {
        generationId: FALLBACK.id,
        instruction: "Plus concis",
        draft: expect.stringMatching(/appel du 14\/10/),
      },
    });

    await validateAndSave(user);
    expect(fetch.calls[2]?.body).toMatchObject({
      generationId: REVISED.id,
      text: expect.stringMatching(/reformulé par le modèle/),
    });
    expect(screen.getByTestId("transparency-label")).toHaveTextContent(LABEL);
  });
});
