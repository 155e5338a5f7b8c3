// A host that cannot start never leaves the adviser on a busy pane: the error screen says what to do.
import { render, screen } from "@testing-library/react";
import { expect, it, vi } from "vitest";
import { Root } from "../../../../addin/app/Root";

it("shows the crash screen with a reload action when the host fails to start", async () => {
  const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
  render(<Root loadHost={() => Promise.reject(new Error("office.js refused"))} initialLocale="fr" />);
  expect(await screen.findByRole("button", { name: /recharger/i })).toBeInTheDocument();
  quiet.mockRestore();
});
