// Tests detection with the server's French lexicons: names without a civility, particles, lower case, the last guard,
// places and brands kept, whole addresses, odd identifiers.
import { detectPii, pseudonymise, restore, type PiiType } from "../../../../src/privacy";
import { loadLexicons } from "../../../../server/privacy/lexicons";

const lexicons = loadLexicons();
const found = (text: string): string[] => detectPii(text, { lexicons }).map((m) => `${m.type}:${m.value}`);
const names = (text: string): string[] =>
  found(text)
    .filter((f) => f.startsWith("NOM:") || f.startsWith("PRENOM:"))
    .map((f) => f.replace(/^\w+:/, ""));
const valuesOf = (text: string, type: PiiType): string[] =>
  detectPii(text, { lexicons })
    .filter((m) => m.type === type)
    .map((m) => m.value);

describe("lexicons", () => {
  it("tell given names from surnames whatever the package calls its files, and know words and communes", () => {
    expect(lexicons.firstNames.has("sophie")).toBe(true);
    expect(lexicons.surnames.has("garnier")).toBe(true);
    expect(lexicons.firstNames.has("garnier")).toBe(false);
    expect(lexicons.wordNames.has("pierre")).toBe(true);
    expect(lexicons.wordNames.has("karim")).toBe(false);
    expect(lexicons.communes.has("saint maixent l ecole")).toBe(true);
  });
});

describe("names without a civility", () => {
  it.each([
    ["Bonjour Amandine, je reviens vers vous.", ["Amandine"]],
    ["Coucou Loïc, tu as vu le devis ?", ["Loïc"]],
    ["Samir a déposé le constat ce matin.", ["Samir"]],
    ["Hier soir, Margaux a signalé la fuite.", ["Margaux"]],
    ["Relancer Guillou pour les factures.", ["Guillou"]],
    ["Le dossier Castagnier attend l'expert.", ["Castagnier"]],
    ["Tempête : tuiles tombées chez Marchadier.", ["Marchadier"]],
    ["La famille Oukili est relogée.", ["Oukili"]],
    ["Pour Karima : envoyer l'attestation.", ["Karima"]],
    ["Merci Sylvain pour le retour.", ["Sylvain"]],
    ["Émilie et Thomas Girardot, co-titulaires.", ["Émilie", "Thomas", "Girardot"]],
    ["Conducteur : Morel Julien", ["Morel", "Julien"]],
    ["Le fils (Théo, 17 ans) conduisait.", ["Théo"]],
    ["Kerjean a appelé ce matin.", ["Kerjean"]],
  ])("%s", (text, expected) => expect(names(text)).toEqual(expected));

  it("reads particles with the surname", () => {
    expect(names("M. Van den Broeck demande un délai.")).toEqual(["Van den Broeck"]);
    expect(names("Mme de La Tour a rappelé.")).toEqual(["de La Tour"]);
    expect(names("Échange avec M. d'Ornano ce jour.")).toEqual(["d'Ornano"]);
    expect(names("Rappel de Le Floch demain.")).toEqual(["Le Floch"]);
    expect(names("Le bailleur, Arnaud de Villeneuve, refuse.")).toEqual(["Arnaud", "de Villeneuve"]);
  });

  it("finds names typed in lower case, after 'm.' or 'mme' and as given name and surname", () => {
    expect(names("appel de lucie fabre pour sa vitre")).toEqual(["lucie fabre"]);
    expect(names("rdv mme lopez jeudi")).toEqual(["lopez"]);
    expect(names("le gardien m. gomez a ouvert")).toEqual(["gomez"]);
    expect(names("ok vu avec nadia pour le virement")).toEqual(["nadia"]);
  });

  it("masks a known name left anywhere in a sentence (the last guard), a given name even when it is also a word", () => {
    expect(names("Le devis a été validé par Ferrand hier.")).toEqual(["Ferrand"]);
    expect(names("Le véhicule de Rose était garé devant.")).toEqual(["Rose"]);
  });

  it("gives a name in the AI-edit instruction the placeholder it has in the notes", () => {
    const result = pseudonymise(
      { notes: "Appel de Mme Sophie Garnier ce matin.", extraTexts: ["Ajoute que Garnier rappellera Sophie lundi"] },
      { lexicons },
    );
    expect(result.notes).toBe("Appel de Mme [PRENOM_1] [NOM_1] ce matin.");
    expect(result.extraTexts).toEqual(["Ajoute que [NOM_1] rappellera [PRENOM_1] lundi"]);
    expect(restore(result.extraTexts[0] ?? "", result.mapping)).toBe("Ajoute que Garnier rappellera Sophie lundi");
  });
});

describe("words, places and brands that are not people", () => {
  it.each([
    "Stationné devant le collège Marcel Pagnol.",
    "Chute à la station Louise Michel, retour à domicile.",
    "Consultation à l'hôpital Jean Verdier.",
    "Accident boulevard du Maréchal Foch, voie de bus.",
    "La loi Lemoine permet de changer d'assurance emprunteur.",
    "Un petit dégât sur le pare-chocs, peinture blanc cassé.",
    "Le mur en pierre s'est fissuré.",
    "Le sociétaire roule en Mercedes et en Ferrari le week-end.",
    "Voyage à Rome puis à Bruxelles en avril.",
    "Facture Leroy Merlin et ticket Castorama fournis.",
    "Grêle sur Laval et Nancy samedi.",
    "Occitanie et Vendée en vigilance orange.",
    "sinistre moto au parking du leclerc",
    "Le sociétaire habite à poitiers depuis 2019.",
    "Franchise de deux cents euros, vingt pour cent de vétusté.",
    "Rendez-vous le 12/03/2025 à 14h30, accident le 03/11.",
  ])("%s", (text) => expect(found(text)).toEqual([]));
});

describe("whole addresses", () => {
  it.each([
    [
      "Adresse : Résidence Le Parc, escalier B, 3e étage, porte gauche.",
      "Résidence Le Parc, escalier B, 3e étage, porte gauche",
    ],
    ["Domicile : 5, rue de la Paix - 75002 Paris", "5, rue de la Paix - 75002 Paris"],
    ["Sinistre au lieu-dit La Croix Blanche à Vouillé.", "lieu-dit La Croix Blanche à Vouillé"],
    ["Envoyer à BP 8, 97200 Fort-de-France.", "BP 8, 97200 Fort-de-France"],
    ["Adresse : Chemin de la Fontaine, 16100 Cognac", "Chemin de la Fontaine, 16100 Cognac"],
    [
      "Locaux : ZI des Sables, 44 rue de l'Industrie, 85000 La Roche-sur-Yon",
      "ZI des Sables, 44 rue de l'Industrie, 85000 La Roche-sur-Yon",
    ],
    ["Elle vit au 3 rue Carnot, 79 000 Niort.", "3 rue Carnot, 79 000 Niort"],
    ["Kot étudiant : rue des Wallons 12, 1348 Louvain-la-Neuve", "rue des Wallons 12, 1348 Louvain-la-Neuve"],
    ["Chalet : chemin du Lac 4, CH-1950 Sion", "chemin du Lac 4, CH-1950 Sion"],
    ["Maison La Bergerie, 2 route de Melle, 79500 Melle", "Maison La Bergerie, 2 route de Melle, 79500 Melle"],
  ])("%s", (text, address) => expect(valuesOf(text, "ADRESSE")).toEqual([address]));

  it("leaves a street without number and a place alone as they are", () => {
    expect(valuesOf("Il prend la route de Bordeaux tous les jours.", "ADRESSE")).toEqual([]);
    expect(valuesOf("Accident avenue du Général Leclerc, voie de droite.", "ADRESSE")).toEqual([]);
    expect(valuesOf("Sa résidence principale est assurée ailleurs.", "ADRESSE")).toEqual([]);
  });
});

describe("identifiers in odd forms", () => {
  it.each([
    ["Tél 06/45/12/78/33.", "TEL", "06/45/12/78/33"],
    ["Portable 07 8812 3456.", "TEL", "07 8812 3456"],
    ["Joindre le +33 (0) 7 12 34 56 78.", "TEL", "+33 (0) 7 12 34 56 78"],
    ["Numéro 06.12.34.56 78 laissé.", "TEL", "06.12.34.56 78"],
    ["Mail : romain point lefort at orange point fr", "EMAIL", "romain point lefort at orange point fr"],
    ["Écrire à c.vasseur(at)gmail.com", "EMAIL", "c.vasseur(at)gmail.com"],
    ["Écrire à nicole.vasseur [arobase] free.fr", "EMAIL", "nicole.vasseur [arobase] free.fr"],
    ["IBAN : FR76-3000-6000-0112-3456-7890-189.", "IBAN", "FR76-3000-6000-0112-3456-7890-189"],
    ["RIB FR 76 3000 6000 0112 3456 7890 189 reçu.", "IBAN", "FR 76 3000 6000 0112 3456 7890 189"],
    ["Mme Sylvie Charpentier (04/08/1958) souhaite ajouter un conducteur.", "DATE_NAISSANCE", "04/08/1958"],
    ["Conducteur : Hugo Martin, 22/02/1999.", "DATE_NAISSANCE", "22/02/1999"],
    ["Jeune conducteur, 03/11/2004, 20 ans.", "DATE_NAISSANCE", "03/11/2004"],
  ])("%s", (text, type, value) => expect(valuesOf(text, type as PiiType)).toEqual([value]));

  it("takes a recent date beside a name for the date of an event, an older one for a birth date", () => {
    const births = (text: string): string[] =>
      detectPii(text, { lexicons, referenceYear: 2026 })
        .filter((m) => m.type === "DATE_NAISSANCE")
        .map((m) => m.value);
    expect(births("Sinistre déclaré par Karim Benali, 12/03/2026, par téléphone.")).toEqual([]);
    expect(births("Appel de Mme Sophie Garnier (03/11/2025) pour la franchise.")).toEqual([]);
    expect(births("Karim Benali, 15/06/1978, sociétaire depuis 2005.")).toEqual(["15/06/1978"]);
    expect(births("Enfant à ajouter : Lucas Roux (02/09/2015).")).toEqual(["02/09/2015"]);
  });

  it("keeps dates that are not birth dates and figures that look like phones", () => {
    expect(found("RDV le 12/03/2025 avec l'expert, facture du 01/04/2024 12:30.")).toEqual([]);
    expect(valuesOf("RDV pris avec Jacques Delmas le 18/12/2025 à 14h.", "DATE_NAISSANCE")).toEqual([]);
  });
});
