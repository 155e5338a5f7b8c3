// Tests the pseudonymisation contract the server relies on: placeholders, mapping, counts, context handling, health
// flag.
import {
  PseudonymMappingSchema,
  hasHealthData,
  pseudonymise,
  restore,
  type PseudonymisationInput,
} from "../../../../src/privacy";

describe("pseudonymise", () => {
  const input: PseudonymisationInput = {
    notes:
      "Entretien 14/10 - M. Karim Benali, n° sociétaire 3456789B, tél 06 12 45 78 90.\n" +
      "Benali a envoyé le constat ; rappeler Karim Benali au 06 12 45 78 90 avant 18h30. Franchise 1 500 €.",
    source: "De : Karim Benali <karim.benali@example.fr>\nObjet : sinistre du 12/10",
    context: {
      memberName: "Karim Benali",
      memberId: "3456789B",
      subject: "Sinistre M. Benali",
      date: "2025-10-14",
      channel: "phone",
      tone: "neutre",
      language: "fr",
    },
  };
  const result = pseudonymise(input);

  it("replaces personal data with typed, numbered placeholders, the same value keeping the same placeholder", () => {
    expect(result.notes).toBe(
      "Entretien 14/10 - M. [PRENOM_1] [NOM_1], n° sociétaire [REF_1], tél [TEL_1].\n" +
        "[NOM_1] a envoyé le constat ; rappeler [PRENOM_1] [NOM_1] au [TEL_1] avant 18h30. Franchise 1 500 €.",
    );
    expect(result.source).toBe("De : [PRENOM_1] [NOM_1] <[EMAIL_1]>\nObjet : sinistre du 12/10");
  });

  it("pseudonymises the member's name and id and other free text of the context, but not the request's settings", () => {
    expect(result.context).toEqual({
      memberName: "[PRENOM_1] [NOM_1]",
      memberId: "[REF_1]",
      subject: "Sinistre M. [NOM_1]",
      date: "2025-10-14",
      channel: "phone",
      tone: "neutre",
      language: "fr",
    });
  });

  it("counts distinct values replaced, by type", () => {
    expect(result.count).toBe(5);
    expect(result.countsByType).toEqual({
      NOM: 1,
      PRENOM: 1,
      EMAIL: 1,
      TEL: 1,
      IBAN: 0,
      NIR: 0,
      ADRESSE: 0,
      IMMAT: 0,
      DATE_NAISSANCE: 0,
      REF: 1,
      SIRET: 0,
    });
  });

  it("returns a JSON-serialisable mapping that the storage schema accepts and that restores every field", () => {
    const stored = JSON.parse(JSON.stringify(result.mapping)) as unknown;
    const mapping = PseudonymMappingSchema.parse(stored);
    expect(mapping.entries).toEqual({
      "[PRENOM_1]": "Karim",
      "[NOM_1]": "Benali",
      "[REF_1]": "3456789B",
      "[TEL_1]": "06 12 45 78 90",
      "[EMAIL_1]": "karim.benali@example.fr",
    });
    expect(restore(result.notes, mapping)).toBe(input.notes);
    expect(restore(result.source ?? "", mapping)).toBe(input.source);
    for (const [key, value] of Object.entries(input.context ?? {}))
      expect(restore(result.context?.[key] ?? "", mapping)).toBe(value);
  });

  it("is deterministic", () => {
    expect(pseudonymise(input)).toEqual(result);
  });

  it("numbers people so that a person's given name and surname share a number", () => {
    const r = pseudonymise({
      notes: "M. Karim Benali et Mme Claire Morel ; M. et Mme Lambert, leur fils Hugo ; Mme Morel.",
    });
    expect(r.notes).toBe(
      "M. [PRENOM_1] [NOM_1] et Mme [PRENOM_2] [NOM_2] ; M. et Mme [NOM_3], leur fils [PRENOM_4] ; Mme [NOM_2].",
    );
  });

  it("makes the member person 1 whatever the notes mention first", () => {
    const r = pseudonymise({
      notes: "Mme Claire Morel (tiers) ; la sociétaire Mme Garnier",
      context: { memberName: "Sophie Garnier" },
    });
    expect(r.notes).toBe("Mme [PRENOM_2] [NOM_2] (tiers) ; la sociétaire Mme [NOM_1]");
    expect(r.context?.memberName).toBe("[PRENOM_1] [NOM_1]");
  });

  it("masks a member id whatever its shape in the context, and in the notes when long enough to be unambiguous", () => {
    const r = pseudonymise({ notes: "compte 12345 ; 42 ans", context: { memberId: " 12345 " } });
    expect(r.context?.memberId).toBe(" [REF_1] ");
    expect(r.notes).toBe("compte [REF_1] ; 42 ans");
    const short = pseudonymise({ notes: "42 ans", context: { memberId: "42" } });
    expect(short.context?.memberId).toBe("[REF_1]");
    expect(short.notes).toBe("42 ans");
  });

  it("keeps undefined context values and omits absent fields", () => {
    const r = pseudonymise({ notes: "RAS", context: { memberName: undefined, tone: "cordial" } });
    expect(r.context).toEqual({ memberName: undefined, tone: "cordial" });
    expect("source" in pseudonymise({ notes: "RAS" })).toBe(false);
    expect(pseudonymise({ notes: "RAS" }).count).toBe(0);
  });

  it("uses known names such as relatives or meeting participants", () => {
    const r = pseudonymise({ notes: "Inès confirme ; Carpentier signera", knownNames: ["Inès Carpentier"] });
    expect(r.notes).toBe("[PRENOM_1] confirme ; [NOM_1] signera");
  });

  it("never reuses a placeholder-like text the adviser already wrote, so restoring it cannot corrupt it", () => {
    const notes = "modèle : Bonjour [NOM_1], voir [TEL_1] ; M. Karim Benali au 06 12 34 56 78";
    const r = pseudonymise({ notes });
    expect(r.notes).toBe("modèle : Bonjour [NOM_1], voir [TEL_1] ; M. [PRENOM_2] [NOM_2] au [TEL_2]");
    expect(restore(r.notes, r.mapping)).toBe(notes);
  });

  it("reports health information without replacing it", () => {
    const r = pseudonymise({ notes: "pas de blessé ; a vu son médecin (pas d'arrêt) ; enfant asthmatique" });
    expect(r.hasHealthData).toBe(true);
    expect(r.notes).toBe("pas de blessé ; a vu son médecin (pas d'arrêt) ; enfant asthmatique");
    expect(pseudonymise({ notes: "bris de glace, véhicule à l'arrêt au garage, garantie santé" }).hasHealthData).toBe(
      false,
    );
    expect(pseudonymise({ notes: "RAS", source: "Elle est enceinte" }).hasHealthData).toBe(true);
    expect(pseudonymise({ notes: "RAS", context: { subject: "Hospitalisation" } }).hasHealthData).toBe(true);
  });
});

describe("restore", () => {
  const mapping = { version: 1, entries: { "[NOM_1]": "Benali", "[TEL_1]": "06 12 34 56 78" } } as const;

  it("restores known placeholders and leaves unknown or malformed ones as the model wrote them", () => {
    expect(restore("M. [NOM_1] au [TEL_1], [NOM_2], [nom_1], [NOM_01], [NOM_1", mapping)).toBe(
      "M. Benali au 06 12 34 56 78, [NOM_2], [nom_1], [NOM_01], [NOM_1",
    );
  });
  it("does not re-scan restored values", () => {
    expect(restore("[NOM_1]", { version: 1, entries: { "[NOM_1]": "[TEL_1]", "[TEL_1]": "x" } })).toBe("[TEL_1]");
  });
  it("ignores inherited object keys", () => {
    expect(restore("[NOM_1] toString", { version: 1, entries: {} })).toBe("[NOM_1] toString");
  });
});

describe("hasHealthData", () => {
  it.each([
    "a vu son médecin",
    "arrêt de travail de 15 jours",
    "en arrêt depuis lundi",
    "enfant asthmatique",
    "hospitalisée deux nuits",
    "légèrement blessé au bras",
    "son épouse est enceinte",
    "reconnaissance MDPH, handicap moteur",
    "suivi par un psychologue",
    "fracture du poignet",
  ])("sees health in %s", (text) => expect(hasHealthData(text)).toBe(true));
  it.each([
    "véhicule à l'arrêt au garage",
    "contrat santé et garantie prévoyance",
    "à traiter en urgence",
    "le virement est opéré",
    "demande invalide",
    "RAS",
  ])("sees none in %s", (text) => expect(hasHealthData(text)).toBe(false));
});
