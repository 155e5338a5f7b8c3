// The convention's transparency rule, decided from the provenance of the saved text.
import { describe, expect, it } from "vitest";
import { decideTransparency, DEFAULT_AI_SHARE_THRESHOLD } from "../../../src/policy/transparency";
import { aiShare } from "../../../src/provenance/ai-share";

const DRAFT =
  "Le sociétaire signale un dégât des eaux découvert le 18/10. Un plombier est intervenu le 19/10 pour 240 € TTC.";

describe("AI share of a saved text", () => {
  it("is 1 for the draft as is, and ignores changes of spacing", () => {
    expect(aiShare(DRAFT, DRAFT)).toBe(1);
    expect(aiShare(DRAFT, DRAFT.replaceAll(" ", "  "))).toBe(1);
  });
  it("falls as the adviser rewrites, and is 0 for a text written from scratch", () => {
    const lightEdit = DRAFT.replace("signale", "déclare");
    const rewrite =
      "Mme Garnier a constaté une fuite. Le plombier a facturé 240 € TTC ; nous prenons en charge la recherche de fuite.";
    expect(aiShare(DRAFT, lightEdit)).toBeGreaterThan(0.9);
    expect(aiShare(DRAFT, lightEdit)).toBeLessThan(1);
    expect(aiShare(DRAFT, rewrite)).toBeLessThan(0.3);
    expect(aiShare(DRAFT, "Rappel prévu demain matin.")).toBe(0);
    expect(aiShare(DRAFT, "")).toBe(0);
  });
});

describe("transparency decision", () => {
  const base = { task: "member-email" as const, isValidated: true, orgName: "MAIF" };
  it("labels validated AI text with the seed's notice, for mails and for minutes", () => {
    expect(decideTransparency({ ...base, aiShare: 0.9 })).toEqual({
      case: "ai-validated",
      label:
        "Réponse produite par une intelligence artificielle générative et validée par un collaborateur du groupe MAIF.",
    });
    expect(decideTransparency({ ...base, task: "interview-minutes", aiShare: 0.9, orgName: "MAIF Vie" }).label).toBe(
      "Compte-rendu produit par une intelligence artificielle générative et validé par un collaborateur du groupe MAIF Vie.",
    );
  });
  it("carries no notice for a text written by the employee with AI suggestions, at the threshold's edge", () => {
    expect(decideTransparency({ ...base, aiShare: DEFAULT_AI_SHARE_THRESHOLD - 0.01 })).toEqual({
      case: "human-with-ai",
      label: null,
    });
    expect(decideTransparency({ ...base, aiShare: DEFAULT_AI_SHARE_THRESHOLD }).case).toBe("ai-validated");
    expect(decideTransparency({ ...base, aiShare: 0.7, threshold: 0.8 }).case).toBe("human-with-ai");
  });
  it("owes no notice for a text no generative AI wrote (the offline engine's sorted notes), whatever the share", () => {
    expect(decideTransparency({ ...base, aiShare: 1, hasGenerativeAi: false })).toEqual({
      case: "human-with-ai",
      label: null,
    });
    expect(decideTransparency({ ...base, aiShare: 1, hasGenerativeAi: true }).case).toBe("ai-validated");
  });
  it("names the unsupervised case, which this tool never saves", () => {
    expect(decideTransparency({ ...base, aiShare: 1, isValidated: false })).toEqual({
      case: "ai-only",
      label: expect.stringMatching(/sans relecture humaine/),
    });
  });
});
