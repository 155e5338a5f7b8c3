// Covers the pure side of the send check: the header value, the stored validation, merging the two stores, finding the
// notice.
import { describe, expect, it } from "vitest";
import { hasUnvalidatedDraft } from "../../../../addin/commands/on-send";
import {
  bodyHoldsNotice,
  mergeStoredStates,
  parseStoredValidation,
  provenanceHeaderValue,
  type StoredValidation,
} from "../../../../addin/hosts/outlook-provenance";

const validation: StoredValidation = {
  generationId: "g-1",
  prePromptId: "member-email@1",
  case: "ai-validated",
  label: "Mention.",
};

describe("provenance header", () => {
  it("reads case; prompt; generation", () => {
    expect(provenanceHeaderValue(validation)).toBe("ai-validated; prompt=member-email@1; generation=g-1");
  });

  it("cannot be made to carry another header or parameter from stored state", () => {
    const forged = { ...validation, prePromptId: "member-email@1\r\nBcc: x@example.com", generationId: "g-1; evil=1" };
    const value = provenanceHeaderValue(forged);
    expect(value).not.toMatch(/[\r\n]/);
    expect(value).toBe("ai-validated; prompt=member-email@1Bccx@example.com; generation=g-1evil1");
  });
});

describe("stored validation", () => {
  it("round-trips through JSON", () => {
    expect(parseStoredValidation(JSON.stringify(validation))).toEqual(validation);
    expect(parseStoredValidation(JSON.stringify({ ...validation, case: "human-with-ai", label: null }))).toMatchObject({
      label: null,
    });
  });

  it.each([
    [undefined],
    [""],
    ["{"],
    ["null"],
    [JSON.stringify({ ...validation, case: "made-up" })],
    [JSON.stringify({ ...validation, label: 3 })],
    [JSON.stringify({ generationId: "g" })],
  ])("counts %j as no validation", (raw) => {
    expect(parseStoredValidation(raw)).toBeNull();
  });
});

describe("merging custom properties and session data", () => {
  it("keeps every pending draft either store holds", () => {
    const merged = mergeStoredStates({ pending: "a", validated: null }, { pending: "b", validated: null });
    expect(merged.pendingIds).toEqual(["a", "b"]);
    expect(hasUnvalidatedDraft(merged)).toBe(true);
  });

  it("prefers the validation that settles a pending draft", () => {
    const other = { ...validation, generationId: "b" };
    const merged = mergeStoredStates({ pending: "b", validated: validation }, { pending: null, validated: other });
    expect(merged.validated).toEqual(other);
    expect(hasUnvalidatedDraft(merged)).toBe(false);
  });

  it("reads the properties alone when there is no session data", () => {
    expect(mergeStoredStates({ pending: null, validated: validation }, null)).toEqual({
      pendingIds: [],
      validated: validation,
    });
  });
});

describe("finding the notice in the body", () => {
  it("ignores how Outlook spaced or quoted it", () => {
    expect(bodyHoldsNotice("Bonjour\n\nTexte   validé par\u00a0l\u2019équipe.", "Texte validé par l'équipe.")).toBe(
      true,
    );
  });

  it("does not accept a shortened notice", () => {
    expect(bodyHoldsNotice("Texte validé par", "Texte validé par l'équipe.")).toBe(false);
  });
});
