// The catalogue as the server sees it: both languages at hand with no loading step, French as the fallback.
import { describe, expect, it } from "vitest";
import { hasCatalogue, t, toLocale } from "../../../src/i18n";

describe("i18n for the server", () => {
  it("answers in English at once, without the pane's on-demand loading", () => {
    expect(hasCatalogue("en")).toBe(true);
    expect(t("problem.rate_limited.detail", { seconds: 30 }, "en")).toBe(
      "Too many requests in a short time. Try again in 30 s.",
    );
    expect(t("problem.rate_limited.detail", { seconds: 30 })).toBe(
      "Trop de demandes en peu de temps. Réessayez dans 30 s.",
    );
  });

  it("keeps unknown placeholders and narrows host locales", () => {
    expect(t("ui.versions.at", {}, "en")).toBe("at {time}");
    expect(toLocale("en-GB")).toBe("en");
    expect(toLocale("fr-CA")).toBe("fr");
    expect(toLocale(undefined)).toBe("fr");
  });
});
