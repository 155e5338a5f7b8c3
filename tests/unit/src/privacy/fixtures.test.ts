// Runs the real French notes through pseudonymisation: members' data must be gone, amounts and ordinary dates must
// stay.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { pseudonymise, restore } from "../../../../src/privacy";

const read = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../../fixtures/pii/notes/${name}`, import.meta.url)), "utf8");

const WORD = /[\p{L}\p{N}\p{M}_]/u;
function containsWord(text: string, value: string): boolean {
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1)) {
    const end = at + value.length;
    if (!(at > 0 && WORD.test(text.charAt(at - 1))) && !(end < text.length && WORD.test(text.charAt(end)))) return true;
  }
  return false;
}

interface FixtureCase {
  readonly file: string;
  readonly memberName?: string;
  readonly gone: readonly string[];
  readonly kept: readonly string[];
  readonly hasHealthData: boolean;
}

const CASES: readonly FixtureCase[] = [
  {
    file: "01-sinistre-auto-telephone.txt",
    memberName: "Karim Benali",
    gone: [
      "Karim",
      "Benali",
      "Claire",
      "Morel",
      "3456789B",
      "FG-482-KL",
      "GH-105-TR",
      "06 12 45 78 90",
      "karim.benali@example.fr",
    ],
    kept: [
      "14/10",
      "12/10",
      "18h30",
      "17/10 9h",
      "1 500 €",
      "0 €",
      "7 jours",
      "Peugeot 208",
      "Garage des Halles",
      "av. de Paris à Niort",
    ],
    hasHealthData: true,
  },
  {
    file: "02-degat-des-eaux-visite.txt",
    memberName: "Sophie Garnier",
    gone: ["Sophie", "Garnier", "8 rue Ricard", "79000 Niort", "Paul", "Renaud"],
    kept: [
      "21/10/2025",
      "18/10",
      "19/10",
      "240 € TTC",
      "5 000 € HT",
      "1 600 €",
      "~12 m²",
      "sociétaire depuis 2009",
      "RDV agence Niort",
    ],
    hasHealthData: true,
  },
  {
    file: "03-ajout-jeune-conducteur.txt",
    gone: ["Lambert", "Hugo"],
    kept: ["05/11", "28/10/2025", "+18,40 €/mois", "12/11", "18 ans", "contrat auto 2 véhicules"],
    hasHealthData: false,
  },
  {
    file: "04-reclamation-remboursement.txt",
    memberName: "Nadia Haddad",
    gone: ["Nadia", "Haddad", "2025-BG-118734"],
    kept: ["07/11", "02/09", "389,90 €", "15/09", "30/09", "14/10", "28/10", "48h", "dossier complet"],
    hasHealthData: false,
  },
  {
    file: "05-mail-societaire.txt",
    memberName: "Jean-Marc Dubois",
    gone: ["Jean-Marc", "Dubois"],
    kept: ["2 300 €", "mars 2024", "4 novembre", "contrat habitation formule Essentielle"],
    hasHealthData: false,
  },
  {
    file: "06-transcription-teams.vtt",
    gone: ["Élodie", "Martin", "Thomas", "Petit"],
    kept: ["16 octobre", "2 950 euros", "1 500 euros", "00:00:01.000 --> 00:00:06.500", "(MAIF)"],
    hasHealthData: false,
  },
];

describe.each(CASES)("fixture $file", ({ file, memberName, gone, kept, hasHealthData }) => {
  const notes = read(file);

  it.each([
    ["without context", undefined],
    ["with the member's name in the context", memberName],
  ])("masks the personal data and keeps figures %s", (_, name) => {
    const result = pseudonymise({ notes, ...(name ? { context: { memberName: name } } : {}) });
    for (const value of gone) expect(containsWord(result.notes, value), `"${value}" left in ${file}`).toBe(false);
    for (const value of kept) expect(result.notes, `"${value}" lost in ${file}`).toContain(value);
    expect(result.hasHealthData).toBe(hasHealthData);
    expect(restore(result.notes, result.mapping)).toBe(notes);
  });
});

it("masks the sample notes with a handful of placeholders, not every capitalised word", () => {
  const result = pseudonymise({ notes: read("01-sinistre-auto-telephone.txt") });
  expect(result.countsByType).toMatchObject({ PRENOM: 2, NOM: 2, REF: 1, IMMAT: 2, TEL: 1, EMAIL: 1 });
  expect(result.count).toBe(9);
});
