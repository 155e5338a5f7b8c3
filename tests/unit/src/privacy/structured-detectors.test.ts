// Tests each structured detector on French positives and on look-alikes the minutes need untouched.
import { detectPii, type PiiType } from "../../../../src/privacy";

const found = (text: string): [PiiType, string][] => detectPii(text).map((m) => [m.type, m.value]);
const valuesOf = (text: string, type: PiiType): string[] =>
  detectPii(text)
    .filter((m) => m.type === type)
    .map((m) => m.value);

describe("ordinary figures are never personal data", () => {
  it.each([
    "franchise de 1 500 € si tiers non identifié",
    "frais avancés 389,90 €",
    "hausse de 12,5 % ; +18,40 €/mois",
    "dommages < 5 000 € HT, devis 2 950 euros",
    "accident le 12/10 vers 18h30",
    "RDV le 21/10/2025 à 14h30, appel 09:45 – 10:05",
    "facture du 12.03.2025 12:30",
    "parquet gondolé ~12 m², 3e étage, 84 500 km",
    "Sinistres 2023 : 2, 2024 : 0 ; bonus 0,85 depuis le 01/04/2024",
    "Code APE 6512Z, capital 1 500 000 € ; plafond 15000 € par sinistre",
    "conformément à l'article L113-2 du Code des assurances",
    "Clio 4 TCe 90, 5 CV, modèle 2019 ; sortie 29 de l'A10",
  ])("%s", (text) => expect(found(text)).toEqual([]));
});

describe("e-mail", () => {
  it.each([
    ["récap par mail (karim.benali@example.fr)", "karim.benali@example.fr"],
    ["Courriel de Karim.BENALI@Example.FR reçu", "Karim.BENALI@Example.FR"],
    ["copie à n.haddad+maif@gmail.com.", "n.haddad+maif@gmail.com"],
    ["écrire à sophie.garnier79@orange.fr;", "sophie.garnier79@orange.fr"],
  ])("finds it in %s", (text, value) => expect(valuesOf(text, "EMAIL")).toEqual([value]));
  it.each(["envoyé par mail @ 14h", "karim.benali@example", "@example.fr", "adresse: a@b.c"])("ignores %s", (text) =>
    expect(valuesOf(text, "EMAIL")).toEqual([]),
  );
});

describe("phone", () => {
  it.each([
    "06 12 34 56 78",
    "0612345678",
    "06.12.34.56.78",
    "06-12-34-56-78",
    "+33 6 12 34 56 78",
    "+33 (0)6 12 34 56 78",
    "+33612345678",
    "0033 6 12 34 56 78",
    "05 49 12 34 56",
    "07 81 22 45 09",
    "+32 470 12 34 56",
  ])("finds %s", (phone) => expect(valuesOf(`rappeler au ${phone}, merci`, "TEL")).toEqual([phone]));
  it.each(["le 01.02.2025 12:30", "05/11 - appel", "montant 0 € puis 1 500 €", "n° 061234567", "06 12 34 56"])(
    "ignores %s",
    (text) => expect(valuesOf(text, "TEL")).toEqual([]),
  );
});

describe("IBAN", () => {
  it.each([
    ["virement sur FR76 3000 6000 0112 3456 7890 189.", "FR76 3000 6000 0112 3456 7890 189"],
    ["RIB : FR7630006000011234567890189", "FR7630006000011234567890189"],
    ["compte belge BE68 5390 0754 7034 ouvert", "BE68 5390 0754 7034"],
    ["nouvel iban fr76 3000 6000 0112 3456 7890 189", "fr76 3000 6000 0112 3456 7890 189"],
  ])("finds it in %s", (text, value) => expect(valuesOf(text, "IBAN")).toEqual([value]));
  it("masks an IBAN with a typo when the note calls it an IBAN, but not a bare look-alike", () => {
    expect(valuesOf("IBAN FR76 3000 6000 0112 3456 7890 188", "IBAN")).toEqual(["FR76 3000 6000 0112 3456 7890 188"]);
    expect(valuesOf("référence FR76 3000 6000 0112 3456 7890 188", "IBAN")).toEqual([]);
  });
  it("does not swallow a group printed after the IBAN", () => {
    expect(valuesOf("FR76 3000 6000 0112 3456 7890 189 ABCD", "IBAN")).toEqual(["FR76 3000 6000 0112 3456 7890 189"]);
  });
});

describe("NIR", () => {
  it.each([
    "2 95 10 99 126 111 93",
    "295109912611193",
    "2 75 08 2A 004 021 64",
    "2 97 02 2B 015 003 60",
    "1.80.03.79.191.123.23",
  ])("finds %s", (nir) => expect(valuesOf(`assuré ${nir} ok`, "NIR")).toEqual([nir]));
  it("needs the key to match unless the note says it is a social-security number", () => {
    expect(valuesOf("lot 2 95 10 99 126 111 94", "NIR")).toEqual([]);
    expect(valuesOf("n° de sécurité sociale : 2 95 10 99 126 111 94", "NIR")).toEqual(["2 95 10 99 126 111 94"]);
    expect(valuesOf("NIR 2 95 10 99 126 111", "NIR")).toEqual(["2 95 10 99 126 111"]);
  });
});

describe("SIRET / SIREN", () => {
  it.each([
    ["garage (SIRET 732 829 320 00017)", "732 829 320 00017"],
    ["facture 73282932000017 reçue", "73282932000017"],
    ["artisan, SIREN 443 061 841, devis", "443 061 841"],
    ["Siret du garage agréé : 351 200 845 00029", "351 200 845 00029"],
    ["TVA intracommunautaire FR44732829320", "FR44732829320"],
  ])("finds it in %s", (text, value) => expect(valuesOf(text, "SIRET")).toEqual([value]));
  it.each(["code 732829320 du produit", "14 chiffres 73282932000018 faux", "FR45732829320 sans contexte"])(
    "ignores %s",
    (text) => expect(valuesOf(text, "SIRET")).toEqual([]),
  );
});

describe("vehicle plates", () => {
  it.each([
    ["Peugeot 208 immat. FG-482-KL, conduite", "FG-482-KL"],
    ["plaque AB 123 CD", "AB 123 CD"],
    ["véhicule AB123CD volé", "AB123CD"],
    ["immat fg-482-kl à vérifier", "fg-482-kl"],
    ["ancienne plaque 1234 AB 79 sur la remorque", "1234 AB 79"],
    ["FNI 123 ABC 2A en Corse", "123 ABC 2A"],
    ["immatriculée 56 H 13 en 1988", "56 H 13"],
  ])("finds it in %s", (text, value) => expect(valuesOf(text, "IMMAT")).toEqual([value]));
  it.each(["dossier 2025-BG-118734", "10 CV 12", "5 000 HT 20", "12 H 30", "LE 123 OU"])("ignores %s", (text) =>
    expect(valuesOf(text, "IMMAT")).toEqual([]),
  );
});

describe("dates of birth", () => {
  it.each([
    ["né le 12/03/1980 à Niort", "12/03/1980"],
    ["Sociétaire née le 3 mars 1975", "3 mars 1975"],
    ["née à Bressuire le 1er février 1990", "1er février 1990"],
    ["Enfant né(e) le 05.09.2016", "05.09.2016"],
    ["Date de naissance : 07/11/1962", "07/11/1962"],
    ["date naiss. 23/07/1998", "23/07/1998"],
    ["DDN 01/01/70", "01/01/70"],
    ["née en mars 1975", "mars 1975"],
  ])("finds it in %s", (text, value) => expect(valuesOf(text, "DATE_NAISSANCE")).toEqual([value]));
  it("keeps ordinary dates, including near the word 'né'", () => {
    expect(found("accident le 12/10, déclaré le 21/10/2025")).toEqual([]);
    expect(found("tempête du 16 octobre, le 17 octobre 2025")).toEqual([]);
    expect(found("il ne le sait pas le 12/10")).toEqual([]);
  });
});

describe("member, contract and claim numbers", () => {
  it.each([
    ["n° sociétaire 3456789B.", "3456789B"],
    ["dossier 2025-BG-118734, frais", "2025-BG-118734"],
    ["Sinistre n° 2025-AUTO-0045871 ouvert", "2025-AUTO-0045871"],
    ["Contrat n° 12 458 963 – formule", "12 458 963"],
    ["numéro de contrat habitation : HAB-7765123", "HAB-7765123"],
    ["Réf. dossier : SIN-2025-004512", "SIN-2025-004512"],
    ["le n° de police 88-552-301.", "88-552-301"],
    ["N° adhérent : 445566", "445566"],
    ["votre dossier n° 25/118734", "25/118734"],
  ])("finds it in %s", (text, value) => expect(valuesOf(text, "REF")).toEqual([value]));
  it.each([
    "sociétaire depuis 2009",
    "dossier complet reçu le 15/09",
    "contrat auto 2 véhicules",
    "sinistre du 02/09",
    "sinistre 2023",
    "contrat habitation formule Essentielle",
    "dossier n° 12/10",
    "contrat de 12000 € par an",
  ])("ignores %s", (text) => expect(valuesOf(text, "REF")).toEqual([]));
});

describe("postal addresses", () => {
  it.each([
    ["au 8 rue Ricard 79000 Niort, plafond", "8 rue Ricard 79000 Niort"],
    ["adresse : 12 bis avenue de Paris, 79000 Niort.", "12 bis avenue de Paris, 79000 Niort"],
    ["27, impasse du Moulin, 86000 Poitiers ;", "27, impasse du Moulin, 86000 Poitiers"],
    ["domicile 3 rue de la gare à Niort", "3 rue de la gare"],
    ["au 12, rue du 8 Mai 1945, 86100 Châtellerault.", "12, rue du 8 Mai 1945, 86100 Châtellerault"],
    ["4 place de l'Église 85000 La Roche-sur-Yon", "4 place de l'Église 85000 La Roche-sur-Yon"],
    ["CP/Ville : 79180 Chauray", "79180 Chauray"],
  ])("finds it in %s", (text, value) => expect(valuesOf(text, "ADRESSE")).toEqual([value]));
  it("stops the street name before ordinary words", () => {
    expect(valuesOf("8 rue Ricard le plombier est passé", "ADRESSE")).toEqual(["8 rue Ricard"]);
    expect(valuesOf("145 boulevard Jean Jaurès à Poitiers", "ADRESSE")).toEqual(["145 boulevard Jean Jaurès"]);
  });
  it.each([
    "rond-point av. de Paris à Niort",
    "2 cours par semaine",
    "3 places de parking",
    "plafond 15000 € par an",
    "RDV agence Niort",
  ])("ignores %s", (text) => expect(valuesOf(text, "ADRESSE")).toEqual([]));
});
