// The pane's English on demand: French before anything loads, English once the pane has loaded it, French when it
// cannot.
import { afterEach, describe, expect, it, vi } from "vitest";

/** Fresh copies of the lookup and the loader, without the English that the dom setup registers for other tests. */
async function freshModules() {
  vi.resetModules();
  const core = await import("../../../../src/i18n/core");
  const { loadCatalogue } = await import("../../../../addin/lib/catalogue");
  return { ...core, loadCatalogue };
}

afterEach(() => {
  vi.doUnmock("../../../../src/i18n/en");
  vi.restoreAllMocks();
});

describe("pane catalogue", () => {
  it("answers in French until English is loaded, then in English", async () => {
    const { t, hasCatalogue, loadCatalogue } = await freshModules();
    expect(hasCatalogue("en")).toBe(false);
    expect(t("ui.citations.title", {}, "en")).toBe("Sources de cette phrase");
    await loadCatalogue("en");
    expect(hasCatalogue("en")).toBe(true);
    expect(t("ui.citations.title", {}, "en")).toBe("Sources of this sentence");
    expect(t("ui.versions.at", { time: "10:30" }, "en")).toBe("at 10:30");
    expect(t("ui.citations.title", {}, "fr")).toBe("Sources de cette phrase");
  });

  it("loads nothing for French", async () => {
    const { hasCatalogue, loadCatalogue } = await freshModules();
    await loadCatalogue("fr");
    expect(hasCatalogue("en")).toBe(false);
  });

  it("keeps French when the English chunk cannot be fetched, instead of failing the pane", async () => {
    vi.doMock("../../../../src/i18n/en", () => {
      throw new Error("ChunkLoadError: Loading chunk i18n-en failed");
    });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { t, loadCatalogue } = await freshModules();
    await expect(loadCatalogue("en")).resolves.toBeUndefined();
    expect(t("ui.citations.title", {}, "en")).toBe("Sources de cette phrase");
    expect(warn).toHaveBeenCalled();
  });
});
