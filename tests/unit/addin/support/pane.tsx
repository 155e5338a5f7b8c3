// Owns the component tests' way into the whole pane: Root on a given host, with storage and stubs reset between tests.
import { render } from "@testing-library/react";
import { afterEach, beforeEach, vi } from "vitest";
import { Root } from "../../../../addin/app/Root";
import type { HostAdapter } from "../../../../addin/hosts/host-adapter";
import { createFakeHost } from "../../../support/fake-hosts";
// The pane prefetches its review chunk while the adviser types notes; the tests load it up front likewise, so a
// cold import does not eat the first test's wait for the draft.
import "../../../../addin/features/review/ReviewPanel";

/** Renders the pane in French on `host` (a fresh fake host by default). */
export function renderPane(host: HostAdapter = createFakeHost()) {
  return render(<Root loadHost={() => Promise.resolve(host)} initialLocale="fr" />);
}

/** Each test starts with empty autosave storage and no leftover fetch stub or spy. */
export function isolatePaneTests(): void {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
}
