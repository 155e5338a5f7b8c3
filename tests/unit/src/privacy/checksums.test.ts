// Tests the check-digit algorithms behind IBAN, NIR, SIREN/SIRET and VAT detection.
import {
  isLuhnValid,
  isValidFrenchVat,
  isValidIban,
  isValidNir,
  isValidSiret,
} from "../../../../src/privacy/checksums";

describe("isValidIban", () => {
  it.each([
    "FR7630006000011234567890189",
    "FR1420041010050500013M02606",
    "BE68539007547034",
    "DE89370400440532013000",
    "fr7630006000011234567890189",
  ])("accepts %s", (iban) => expect(isValidIban(iban)).toBe(true));
  it.each([
    ["wrong check digits", "FR7730006000011234567890189"],
    ["one digit changed", "FR7630006000011234567890188"],
    ["too short for France", "FR763000600001123456789018"],
    ["not an IBAN", "AB12"],
  ])("rejects %s", (_, iban) => expect(isValidIban(iban)).toBe(false));
});

describe("isValidNir", () => {
  it("accepts the reference example and Corsican departments (2A → 19, 2B → 18)", () => {
    expect(isValidNir("295109912611193")).toBe(true);
    expect(isValidNir("275082A00402164")).toBe(true);
    expect(isValidNir("297022B01500360")).toBe(true);
  });
  it("rejects a wrong key, a wrong sex digit and a Corsican NIR checked without substitution", () => {
    expect(isValidNir("295109912611194")).toBe(false);
    expect(isValidNir("595109912611193")).toBe(false);
    expect(isValidNir("275082A00402100")).toBe(false);
  });
});

describe("SIREN / SIRET / VAT", () => {
  it("checks Luhn on SIREN and SIRET", () => {
    expect(isLuhnValid("732829320")).toBe(true);
    expect(isLuhnValid("123456789")).toBe(false);
    expect(isValidSiret("73282932000017")).toBe(true);
    expect(isValidSiret("73282932000018")).toBe(false);
  });
  it("applies La Poste's digit-sum rule instead of Luhn", () => {
    expect(isValidSiret("35600000000048")).toBe(true);
    expect(isValidSiret("35600000049837")).toBe(true);
    expect(isValidSiret("35600000049838")).toBe(false);
  });
  it("checks the French VAT key against its SIREN", () => {
    expect(isValidFrenchVat("44", "732829320")).toBe(true);
    expect(isValidFrenchVat("45", "732829320")).toBe(false);
  });
});
