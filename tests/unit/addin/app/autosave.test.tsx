// Covers notes kept on the device across pane openings: per user and item, the "restored" notice and its discard, 24 h
// expiry, cleared on save.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { HostAdapter } from "../../../../addin/hosts/host-adapter";
import { createFakeHost } from "../../../support/fake-hosts";
import { generation, jsonResponse, scriptedFetch, sseResponse } from "../support/fake-fetch";
import { isolatePaneTests, renderPane } from "../support/pane";

isolatePaneTests();

const notesField = () => screen.findByRole("textbox", { name: /Notes/ });

/** The same fake host seen by another signed-in user. */
function asUser<T extends HostAdapter>(host: T, userKey: string): T {
  return Object.assign(Object.create(Object.getPrototypeOf(host) as object) as T, host, { userKey });
}

async function typeAndClose(host: HostAdapter, notes: string): Promise<void> {
  const user = userEvent.setup();
  const view = renderPane(host);
  await user.type(await notesField(), notes);
  view.unmount();
}

describe("notes kept on the device", () => {
  it("says when restored notes date from, and lets the adviser discard them", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(2026, 11, 5, 14, 32));
    const host = createFakeHost({ item: { key: "outlook:AAMk-restore" } });
    await typeAndClose(host, "Appel de M. Lambert");
    vi.setSystemTime(new Date(2026, 11, 5, 17, 0));

    renderPane(host);
    expect(await notesField()).toHaveValue("Appel de M. Lambert");
    expect(await screen.findByTestId("restored")).toHaveTextContent("Notes restaurées du 05/12 à 14:32.");
    await userEvent.setup().click(screen.getByRole("button", { name: "Effacer ces notes" }));
    expect(await notesField()).toHaveValue("");
    expect(screen.queryByTestId("restored")).not.toBeInTheDocument();
    await waitFor(() => expect(Object.keys(localStorage).filter((k) => k.startsWith("greffier:work:"))).toEqual([]));
    vi.useRealTimers();
  });

  it("shows no notice on a first opening, and keeps it away once dismissed", async () => {
    const host = createFakeHost({ item: { key: "outlook:AAMk-first" } });
    renderPane(host).unmount();
    renderPane(host);
    await notesField();
    expect(screen.queryByTestId("restored")).not.toBeInTheDocument();
  });

  it("never shows one adviser's notes to another on the same device and item", async () => {
    const host = createFakeHost({ item: { key: "outlook:AAMk-shared" } });
    await typeAndClose(asUser(host, "alice@maif.fr"), "notes d'Alice");
    renderPane(asUser(host, "bob@maif.fr"));
    expect(await notesField()).toHaveValue("");
  });

  it("forgets notes older than 24 hours", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(2026, 11, 5, 9, 0));
    const host = createFakeHost({ item: { key: "outlook:AAMk-old" } });
    await typeAndClose(host, "notes de la veille");
    vi.setSystemTime(new Date(2026, 11, 6, 9, 30));
    renderPane(host);
    expect(await notesField()).toHaveValue("");
    vi.useRealTimers();
  });

  it("clears the notes from the device once the minutes are saved", async () => {
    const user = userEvent.setup();
    vi.stubGlobal(
      "fetch",
      scriptedFetch(
        ({ init }) =>
          sseResponse([{ event: "done", data: generation({ draft: "Texte validé.", ungrounded: [] }) }], init.signal),
        () =>
          jsonResponse(201, {
            id: "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
            transparency: { case: "ai-validated", label: "Mention" },
          }),
      ),
    );
    const host = createFakeHost({ item: { key: "outlook:AAMk-save" } });
    const view = renderPane(host);
    await user.type(await notesField(), "notes à enregistrer");
    await user.click(screen.getByRole("button", { name: "Générer" }));
    await user.click(await screen.findByRole("checkbox", { name: /valide/ }));
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await screen.findByTestId("confirmation");
    await waitFor(() => expect(Object.keys(localStorage).filter((k) => k.includes("AAMk-save"))).toEqual([]));
    view.unmount();
    renderPane(host);
    expect(await notesField()).toHaveValue("");
    expect(screen.queryByTestId("restored")).not.toBeInTheDocument();
  });
});
