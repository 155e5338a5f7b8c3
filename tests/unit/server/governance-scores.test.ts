// The evaluation scores as the committee reads them: sections in order, facts under other wordings, leaks, refusals,
// French.
import { describe, expect, it } from "vitest";
import {
  aggregate,
  frenchScore,
  isRefusal,
  leakCount,
  lengthScore,
  normalise,
  overallScore,
  scoreCase,
  sectionScore,
  toneScore,
  type ReferenceCase,
} from "../../../server/governance/scores";

const titles = ["Contexte", "Demande du sociétaire", "Engagements pris"];

describe("evaluation scores", () => {
  it("counts sections present and in order, whatever the heading syntax", () => {
    expect(sectionScore("## Contexte\nx\n## Demande du sociétaire\ny\n## Engagements pris\nz", titles)).toBe(1);
    expect(sectionScore("**Contexte**\nx\nDemande du sociétaire :\ny", titles)).toBeCloseTo(2 / 3);
    // Swapped: only the longest in-order run counts.
    expect(sectionScore("## Engagements pris\nz\n## Contexte\nx", titles)).toBeCloseTo(1 / 3);
    expect(sectionScore("Rien de structuré ici.", titles)).toBe(0);
  });

  it("matches facts and figures across accents, case, spacing of thousands and the euro sign", () => {
    expect(normalise("Montant : 1 450,00 euros")).toBe(normalise("montant 1450 €"));
    const c: ReferenceCase = {
      id: "x",
      task: "claim-summary",
      notes: "Devis 1 450 € pour le plafond.",
      facts: ["plafond", ["vétusté", "usure"]],
      figures: ["1 450 €"],
      tone: "neutre",
    };
    const s = scoreCase("## Faits\nLe PLAFOND est abîmé ; devis de 1450 euros, usure prise en compte.", c, ["Faits"], {
      min: 1,
      max: 100,
    });
    expect(s.facts).toBe(1);
    expect(s.figures).toBe(1);
    expect(s.inventedFigures).toBe(0);
    const invented = scoreCase("## Faits\nPlafond : devis de 2 900 €.", c, ["Faits"], { min: 1, max: 100 });
    expect(invented.facts).toBe(0.5);
    expect(invented.figures).toBe(0);
    expect(invented.inventedFigures).toBeGreaterThan(0);
  });

  it("finds placeholders and masks left in the draft, and refusals", () => {
    expect(leakCount("Bonjour [NOM_1], votre IBAN FR76 XXXX XXXX")).toBeGreaterThanOrEqual(2);
    expect(leakCount("Bonjour Madame Martin")).toBe(0);
    expect(isRefusal("Je suis désolé, mais je ne peux pas rédiger ce courrier.")).toBe(true);
    expect(isRefusal("I cannot help with that.")).toBe(true);
    expect(isRefusal("## Contexte\nLe sociétaire ne peut pas fournir la facture.")).toBe(false);
  });

  it("tells French from English and scores length and tone", () => {
    expect(
      frenchScore("Le sociétaire a déclaré le sinistre dans les délais et nous avons ouvert le dossier."),
    ).toBeGreaterThan(0.9);
    expect(frenchScore("The member reported the claim on time and we have opened the file.")).toBeLessThan(0.2);
    expect(lengthScore("un deux trois", { min: 3, max: 10 })).toBe(1);
    expect(lengthScore("un", { min: 4, max: 10 })).toBeCloseTo(0.25);
    expect(toneScore("Bonjour Madame,\nVotre dossier avance.\nCordialement", "formel")).toBe(1);
    expect(toneScore("Salut, tu peux envoyer la facture ?", "formel")).toBe(0);
  });

  it("penalises refusals and leaks in the overall score", () => {
    const good = {
      sections: 1,
      facts: 1,
      figures: 1,
      inventedFigures: 0,
      leaks: 0,
      length: 1,
      french: 1,
      refusal: 0,
      tone: 1,
    };
    const refused = { ...good, facts: 0, figures: 0, refusal: 1 };
    expect(aggregate([good]).overall).toBe(1);
    expect(aggregate([refused]).overall).toBeLessThan(aggregate([good]).overall ?? 0);
    expect(overallScore(aggregate([good, { ...good, leaks: 1 }]))).toBeLessThan(1);
  });
});
