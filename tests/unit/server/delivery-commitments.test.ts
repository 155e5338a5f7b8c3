// The offline reading of commitments: "À faire" sections, commitment verbs, owners and due dates (figures lexer).
import { describe, expect, it } from "vitest";
import { readCommitmentsOffline } from "../../../server/delivery/commitments";

const today = new Date("2026-11-16T09:00:00Z"); // a Monday

describe("readCommitmentsOffline", () => {
  it("takes every line of an À faire section, with its owner and its date", () => {
    const text = [
      "## Objet de l'entretien",
      "Déclaration d'un bris de glace sur le véhicule du sociétaire, le 12 novembre.",
      "",
      "## À faire",
      "- Envoyer l'ordre de mission au réparateur agréé",
      "- Le sociétaire transmettra la photo du pare-brise d'ici 3 jours",
      "- Le garage doit confirmer le rendez-vous avant le 24/11",
      "",
      "## Conclusion",
      "Le sociétaire est satisfait de l'échange.",
    ].join("\n");
    const found = readCommitmentsOffline(text, "SOC-42", today);
    expect(found.map((c) => [c.owner, c.dueDate])).toEqual([
      ["conseiller", null],
      ["sociétaire", "2026-11-19"],
      ["tiers", "2026-11-24"],
    ]);
    expect(found.every((c) => c.memberId === "SOC-42")).toBe(true);
    expect(found[0]?.what).toBe("Envoyer l'ordre de mission au réparateur agréé");
    // Facts and the conclusion are no commitments.
    expect(found.some((c) => /bris de glace|satisfait/.test(c.what))).toBe(false);
  });

  it("finds a 'rappeler le …' line outside any section, and completes a date without a year to the next one", () => {
    const text =
      "Entretien téléphonique.\nRappeler le sociétaire le 5 janvier pour faire le point sur l'indemnisation.\nAucune autre demande.";
    const [only, ...rest] = readCommitmentsOffline(text, null, today);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ owner: "conseiller", dueDate: "2027-01-05", memberId: null });
  });

  it("reads 'demain' and 'sous 48 h' against the day of validation, and finds nothing in a text without commitments", () => {
    expect(readCommitmentsOffline("- Relancer l'expert demain matin", null, today)[0]).toMatchObject({
      owner: "conseiller",
      dueDate: "2026-11-17",
    });
    expect(readCommitmentsOffline("À faire : envoyer le devis sous 48 h", null, today)[0]).toMatchObject({
      dueDate: "2026-11-18",
    });
    expect(
      readCommitmentsOffline(
        "Le sociétaire a appelé pour une question sur son contrat habitation. Réponse apportée.",
        null,
        today,
      ),
    ).toEqual([]);
  });
});
