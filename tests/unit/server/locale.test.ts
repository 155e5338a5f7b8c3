// The language of a response: the caller's Accept-Language, weighed by q-value, narrowed to French or English.
import { describe, expect, it } from "vitest";
import { preferredLocale } from "../../../server/locale";

describe("preferredLocale", () => {
  it.each([
    ["en-GB,en;q=0.9", "en"],
    ["fr-FR,fr;q=0.9,en;q=0.8", "fr"],
    ["de-DE,en;q=0.7,fr;q=0.5", "en"],
    ["en;q=0.3, FR-ca;q=0.6", "fr"],
    ["en-US;q=0.8,fr;q=0.8", "en"],
    ["en;q=0,fr;q=0.1", "fr"],
    ["en;q=zero", "fr"],
    ["de-DE,es", "fr"],
    ["*", "fr"],
    ["", "fr"],
    [undefined, "fr"],
    [["de", "en-AU"], "en"],
  ] as const)("reads %j as %s", (header, locale) => {
    expect(preferredLocale(header as string | string[] | undefined)).toBe(locale);
  });
});
