// Tests person-name detection: civility, known names, speakers, kinship, headers, first-name list, later mentions,
// look-alikes.
import { detectPii, type DetectOptions } from "../../../../src/privacy";

const names = (text: string, options?: DetectOptions): string[] =>
  detectPii(text, options)
    .filter((m) => m.type === "NOM" || m.type === "PRENOM")
    .map((m) => `${m.type}:${m.value}`);

describe("names after a civility", () => {
  it.each([
    ["sociétaire M. Karim Benali, n°", ["PRENOM:Karim", "NOM:Benali"]],
    ["tiers : Mme Claire Morel, véh.", ["PRENOM:Claire", "NOM:Morel"]],
    ["Bonjour Monsieur Petit, je", ["NOM:Petit"]],
    ["Bonjour Madame Haddad,", ["NOM:Haddad"]],
    ["Mlle Chloé Roussel conduisait", ["PRENOM:Chloé", "NOM:Roussel"]],
    ["Me Lefort, avocat", ["NOM:Lefort"]],
    ["prescrit par le Dr Aubert.", ["NOM:Aubert"]],
    ["Mr Antoine Giraud le 28/11", ["PRENOM:Antoine", "NOM:Giraud"]],
    ["vu M.Dupont à l'accueil", ["NOM:Dupont"]],
    ["Mme veuve Durand demande", ["NOM:Durand"]],
    ["avec Mmes Roux, les deux sœurs", ["NOM:Roux"]],
    ["échange avec M. N'Diaye (locataire)", ["NOM:N'Diaye"]],
    ["Mme Fabre-Caillaud signera", ["NOM:Fabre-Caillaud"]],
  ])("%s", (text, expected) => expect(names(text)).toEqual(expected));

  it("keeps particles with the surname", () => {
    expect(names("Mme Le Goff attend")).toEqual(["NOM:Le Goff"]);
    expect(names("M. Jean-Pierre de La Fontaine, propriétaire")).toEqual(["PRENOM:Jean-Pierre", "NOM:de La Fontaine"]);
    expect(names("Monsieur Yannick Le Floch, témoin")).toEqual(["PRENOM:Yannick", "NOM:Le Floch"]);
    expect(names("Monsieur et Madame Da Silva")).toEqual(["NOM:Da Silva"]);
  });

  it("reads capitals as the surname, before or after the given name", () => {
    expect(names("M. BENALI Karim, 42 ans")).toEqual(["NOM:BENALI", "PRENOM:Karim"]);
    expect(names("Mme LE GOFF Anne-Marie, sociétaire")).toEqual(["NOM:LE GOFF", "PRENOM:Anne-Marie"]);
    expect(names("Mme Sophie GARNIER")).toEqual(["PRENOM:Sophie", "NOM:GARNIER"]);
    expect(names("RAPPEL : MME GARNIER SOPHIE attend")).toEqual(["NOM:GARNIER", "PRENOM:SOPHIE"]);
  });

  it("gives the name after 'M. et Mme' to the couple", () => {
    expect(names("appel entrant 05/11 - M. et Mme Lambert, contrat auto")).toEqual(["NOM:Lambert"]);
    expect(names("M./Mme Lambert")).toEqual(["NOM:Lambert"]);
  });

  it.each([
    "M. le directeur d'agence a validé",
    "Madame, Monsieur, nous accusons réception",
    "Madame souhaite résilier son contrat",
    "Monsieur le Maire de Chauray",
    "Madame la conseillère a transmis ; Monsieur, absent, rappellera.",
    "le témoin M. Le 12 au soir",
    "RDV avec Mme Lundi 14h",
    "il me semble que Me voici",
  ])("finds no name in %s", (text) => expect(names(text)).toEqual([]));
});

describe("names given by the context", () => {
  it("finds every part of the member's name, in any case for the surname", () => {
    const options = { knownNames: ["Sophie Garnier"] };
    expect(names("rappeler mme garnier demain ; GARNIER confirme ; Sophie aussi", options)).toEqual([
      "NOM:garnier",
      "NOM:GARNIER",
      "PRENOM:Sophie",
    ]);
  });
  it("accepts civilities, capitals and labels in the known name", () => {
    expect(names("BENALI souhaite un courrier ; Karim rappellera", { knownNames: ["M. BENALI Karim"] })).toEqual([
      "NOM:BENALI",
      "PRENOM:Karim",
    ]);
    expect(names("Élodie transmet à Martin", { knownNames: ["Élodie Martin (MAIF)"] })).toEqual([
      "PRENOM:Élodie",
      "NOM:Martin",
    ]);
  });
  it("does not match a surname that is an ordinary word in lower case", () => {
    expect(names("un petit dégât chez M. Petit", { knownNames: ["Thomas Petit"] })).toEqual(["NOM:Petit"]);
    expect(names("eau claire, Claire absente", { knownNames: ["Claire Morel"] })).toEqual(["PRENOM:Claire"]);
  });
  it("links a given name and a surname to one person", () => {
    const matches = detectPii("Karim a rappelé, Benali confirme", { knownNames: ["Karim Benali"] });
    expect(new Set(matches.map((m) => m.person))).toEqual(new Set(["Benali"]));
  });
});

describe("later mentions", () => {
  it("masks the lone surname after the full name, and the full name elsewhere", () => {
    expect(names("M. Karim Benali a appelé. Benali rappellera ; Karim Benali confirme.")).toEqual([
      "PRENOM:Karim",
      "NOM:Benali",
      "NOM:Benali",
      "PRENOM:Karim",
      "NOM:Benali",
    ]);
  });
  it("masks mentions before the introduction too", () => {
    expect(names("Appel de Garnier. Mme Garnier confirme.")).toEqual(["NOM:Garnier", "NOM:Garnier"]);
  });
  it("matches a lower-case later mention of a name introduced with a civility", () => {
    expect(names("Mme Vasseur a appelé ; rappeler vasseur")).toEqual(["NOM:Vasseur", "NOM:vasseur"]);
  });
});

describe("transcripts and mail headers", () => {
  it("reads WebVTT voice tags", () => {
    expect(names("<v Élodie Martin (MAIF)>Bonjour Monsieur Petit\n<v Thomas Petit>Oui")).toEqual([
      "PRENOM:Élodie",
      "NOM:Martin",
      "NOM:Petit",
      "PRENOM:Thomas",
      "NOM:Petit",
    ]);
  });
  it("reads 'Prénom Nom :' speaker lines but not labels", () => {
    expect(
      names("Conseiller : Bonjour\nNathalie Vasseur : Oui\nObjet : sinistre\nCode Postal : 79000\nRAPPEL URGENT : oui"),
    ).toEqual(["PRENOM:Nathalie", "NOM:Vasseur"]);
  });
  it("reads senders and recipients", () => {
    expect(names("De : Claire Morel <claire.morel@free.fr>\nÀ : Dubois Jean; Paul Renaud\nObjet : vol")).toEqual([
      "PRENOM:Claire",
      "NOM:Morel",
      "NOM:Dubois",
      "PRENOM:Jean",
      "PRENOM:Paul",
      "NOM:Renaud",
    ]);
  });
});

describe("relatives, neighbours and maiden names", () => {
  it.each([
    ["veulent ajouter leur fils Hugo (18 ans)", ["PRENOM:Hugo"]],
    ["Sa fille Léa (12 ans) était passagère", ["PRENOM:Léa"]],
    ["voisin Paul Renaud, assuré ailleurs", ["PRENOM:Paul", "NOM:Renaud"]],
    ["ses enfants Léo et Jade", ["PRENOM:Léo", "PRENOM:Jade"]],
    ["Mme Garcia (née Moreau)", ["NOM:Garcia", "NOM:Moreau"]],
    ["Le fils, Kevin Robert, 19 ans", ["PRENOM:Kevin", "NOM:Robert"]],
  ])("%s", (text, expected) => expect(names(text)).toEqual(expected));
  it.each(["fille de l'assurée", "enfant asthmatique", "le voisin Garage des Halles", "née le 3 mars 1975"])(
    "finds no name in %s",
    (text) => expect(names(text)).toEqual([]),
  );
});

describe("given name + surname without a civility", () => {
  it("recognises frequent French given names followed by a surname", () => {
    expect(names("Merci d'avance,\nJean-Marc Dubois")).toEqual(["PRENOM:Jean-Marc", "NOM:Dubois"]);
    expect(names("Gestionnaire : Élodie Martin (MAIF)")).toEqual(["PRENOM:Élodie", "NOM:Martin"]);
  });
  it("recognises the administrative order, surname in capitals then given name", () => {
    expect(names("DUPONT Marie-Claire, née le 12/03/1980")).toEqual(["NOM:DUPONT", "PRENOM:Marie-Claire"]);
    expect(names("RDV Karim demain ; MAIF Claire")).toEqual([]);
  });
  it("reads the signature under a closing formula", () => {
    expect(names("Cordialement,\nK. Benali")).toEqual(["NOM:Benali"]);
    expect(names("Bien à vous,\nKarim")).toEqual(["PRENOM:Karim"]);
    expect(names("Bien cordialement,\nL'équipe MAIF")).toEqual([]);
    expect(names("Cordialement,\nConseillère MAIF")).toEqual([]);
  });
  it("ignores capitalised words that are not a given name", () => {
    expect(names("Garage des Halles ; Renault Clio ; Peugeot 208 ; Formule Plénitude ; Code Postal")).toEqual([]);
  });
});
