// Tests the groundedness check: figures copied from the notes are never flagged, invented ones always are.
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { findUngrounded } from "../../../../src/checks/groundedness";
import { lexFigures } from "../../../../src/figures";

const extractFigures = (text: string) => lexFigures(text).filter((f) => !f.isWeak);

const NOTES_DIR = new URL("../../../fixtures/notes/", import.meta.url);
const NOTES = readdirSync(NOTES_DIR)
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, NOTES_DIR), "utf8") }));
const note = (prefix: string): string => NOTES.find((n) => n.name.startsWith(prefix))?.text ?? "";

/** Replaces each `from` once and fails loudly if it is not there, so a rewrite test cannot pass by doing nothing. */
function rewrite(text: string, pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.reduce((acc, [from, to]) => {
    expect(acc, `"${from}" should be in the note`).toContain(from);
    return acc.replace(from, to);
  }, text);
}

describe("figures that are in the notes are never flagged", () => {
  it("has every sample note to test with", () => {
    expect(NOTES.map((n) => n.name)).toEqual([
      "01-sinistre-auto-telephone.txt",
      "02-degat-des-eaux-visite.txt",
      "03-ajout-jeune-conducteur.txt",
      "04-reclamation-remboursement.txt",
      "05-mail-societaire.txt",
      "06-transcription-teams.vtt",
    ]);
  });

  it.each(NOTES.map((n) => [n.name, n.text] as const))(
    "%s, used as its own draft, has no ungrounded figure",
    (_name, text) => {
      expect(extractFigures(text).length).toBeGreaterThan(3);
      expect(findUngrounded(text, [text])).toEqual([]);
    },
  );

  const REWRITES: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, string]>]> = [
    [
      "01",
      [
        ["1 500 €", "1 500 euros"],
        ["jeudi 17/10", "17 octobre"],
        ["18h30", "18 h 30"],
        ["06 12 45 78 90", "+33 6 12 45 78 90"],
        ["FG-482-KL", "FG 482 KL"],
        ["0 €", "0,00 euro"],
        ["9h", "09:00"],
        ["14/10", "14 oct."],
        ["12/10", "samedi 12 octobre"],
        ["7 jours", "7 jours ouvrés"],
      ],
    ],
    [
      "02",
      [
        ["21/10/2025", "21 octobre 2025"],
        ["240 €", "240,00 euros"],
        ["5 000 €", "5000 €"],
        ["1 600 €", "1,6 k€"],
        ["18/10", "18 oct."],
        ["~12 m²", "12 m2"],
      ],
    ],
    [
      "03",
      [
        ["+18,40 €/mois", "18,40 euros par mois"],
        ["12/11", "12 novembre"],
        ["28/10/2025", "2025-10-28"],
        ["05/11", "5 novembre"],
      ],
    ],
    [
      "04",
      [
        ["389,90 €", "389,90 euros"],
        ["48h", "48 heures"],
        ["15/09", "15 septembre"],
        ["02/09", "2 sept."],
        ["1 mois", "un mois"],
      ],
    ],
    [
      "05",
      [
        ["2 300 €", "2300 euros"],
        ["le 4 novembre", "le 04/11"],
        ["mars 2024", "03/2024"],
      ],
    ],
    [
      "06",
      [
        ["2 950 euros", "2 950 €"],
        ["1 500 euros", "1500€"],
        ["cinq jours ouvrés", "5 jours ouvrés"],
        ["16 octobre", "16/10"],
      ],
    ],
  ];

  it.each(REWRITES)(
    "note %s rewritten with the same figures in other formats has no ungrounded figure",
    (prefix, pairs) => {
      const source = note(prefix);
      const draft = rewrite(source, pairs);
      expect(findUngrounded(draft, [source])).toEqual([]);
    },
  );

  it("grounds a realistic minutes draft written from the first note", () => {
    const source = note("01");
    const draft =
      "Compte rendu de l'entretien téléphonique du 14 octobre avec M. Karim Benali (sociétaire n° 3456789B).\n" +
      "Le sociétaire a eu un accident le samedi 12 octobre vers 18 h 30 au volant de sa Peugeot 208 (FG-482-KL). " +
      "Le tiers, conduisant une Renault Clio immatriculée GH-105-TR, est assuré ailleurs. Un constat amiable a été signé des 2 côtés.\n" +
      "Sa formule Plénitude inclut un véhicule de remplacement pendant 7 jours en cas d'immobilisation. " +
      "Rendez-vous au Garage des Halles le jeudi 17 octobre à 09:00. Aucune franchise (0 euro) si le tiers est identifié responsable. " +
      "Un expert sera missionné si le devis dépasse 1500 euros ; nous le rappellerons au 0612457890.";
    expect(findUngrounded(draft, [source])).toEqual([]);
  });

  it("grounds figures found in the context values as well as in the notes", () => {
    const draft = "Entretien du 12 novembre 2025 avec le sociétaire n° 3456789B, devis de 1 500 €.";
    expect(findUngrounded(draft, ["devis > 1500 €", "2025-11-12", "3456789B"])).toEqual([]);
  });
});

describe("equivalent spellings of one figure", () => {
  it.each([
    ["1250 €", "1 250 €"],
    ["1 250,00 €", "1250€"],
    ["1 250 euros", "1 250,00 €"],
    ["EUR 1 250", "1250 €"],
    ["€1,250.00", "1 250 €"],
    ["1\u202F250\u00A0€", "1250 €"],
    ["1,5 k€", "1 500 €"],
    ["1 500 €", "1,5 k€"],
    ["2 M€", "2 000 000 €"],
    ["18,40 € par mois", "+18,40 €/mois"],
    ["12 %", "12%"],
    ["12 pour cent", "12 %"],
    ["12,5 %", "12,50%"],
    ["12 novembre", "12/11"],
    ["12/11/2025", "12/11"],
    ["12/11", "12/11/2025"],
    ["le 12 nov.", "12/11"],
    ["12.11.2025", "12 novembre 2025"],
    ["mercredi 12 novembre 2025", "2025-11-12"],
    ["1er décembre", "01/12"],
    ["jeudi 14", "14/11"],
    ["jeudi 14", "jeudi 14"],
    ["14 novembre", "RDV jeudi 14"],
    ["le 17 octobre", "le 17, il a bâché"],
    ["le 3 novembre", "nuit du 3 au 4 novembre"],
    ["18 h 30", "18h30"],
    ["18:30", "18h30"],
    ["9h", "09:00"],
    ["09:00", "9 h"],
    ["12 h", "midi"],
    ["2:30 p.m.", "14h30"],
    ["9 am", "9h"],
    ["0612457890", "06 12 45 78 90"],
    ["+33 6 12 45 78 90", "06.12.45.78.90"],
    ["06-12-45-78-90", "+33 (0)6 12 45 78 90"],
    ["0033 5 49 12 34 56", "05 49 12 34 56"],
    ["FG 482 KL", "FG-482-KL"],
    ["fg-482-kl", "FG482KL"],
    ["2025-BG-118734", "dossier 2025-BG-118734"],
    ["5 jours ouvrés", "cinq jours ouvrés"],
    ["15 jours", "quinze jours"],
    ["21 jours", "vingt et un jours"],
    ["80 ans", "quatre-vingts ans"],
    ["sous 48 heures", "sous 48h"],
    ["48h", "quarante-huit heures"],
    ["1 mois", "un mois"],
    ["7 jours", "7 jours ouvrés"],
    ["3 relances", "3 relances (tél 30/09, mail 14/10, tél 28/10)"],
  ])("%s is grounded by %s", (draft, source) => {
    expect(findUngrounded(draft, [source])).toEqual([]);
  });
});

describe("invented figures are flagged with their kind and position", () => {
  it.each([
    ["1 520 €", "1 250 €", "amount"],
    ["2 300 €", "12 300 €", "amount"],
    ["250 000 €", "1 250 000 €", "amount"],
    ["15 %", "dossier complet reçu le 15/09", "percentage"],
    ["13/11", "12/11", "date"],
    ["12/11/2024", "12/11/2025", "date"],
    ["vendredi 17/10", "jeudi 17/10", "date"],
    ["avril 2024", "mars 2024", "date"],
    ["25 octobre", "le 24/10", "date"],
    ["18h", "18h30", "time"],
    ["19:30", "18h30", "time"],
    ["06 12 45 78 91", "06 12 45 78 90", "phone"],
    ["FG-482-KM", "FG-482-KL", "plate"],
    ["2025-BG-118735", "2025-BG-118734", "reference"],
    ["6 jours ouvrés", "cinq jours ouvrés", "number"],
    ["10 jours", "7 jours", "number"],
    ["72h", "48h", "number"],
  ])("%s is flagged against %s", (draft, source, kind) => {
    expect(findUngrounded(draft, [source])).toEqual([{ text: draft, kind, start: 0, end: draft.length }]);
  });

  it("flags exactly the invented figures of a draft written from the first note, at their offsets", () => {
    const source = note("01");
    const draft =
      "Entretien du 14/10 avec M. Benali : accident le 12/10 à 18h30, véhicule FG-482-KM. " +
      "Un expert sera missionné si le devis dépasse 1 800 €. Rendez-vous au garage le 25/10 à 9h. " +
      "Une remise de 15 % est accordée ; rappel au 06 12 45 78 90.";
    const flagged = findUngrounded(draft, [source]);
    expect(flagged.map(({ text, kind }) => ({ text, kind }))).toEqual([
      { text: "FG-482-KM", kind: "plate" },
      { text: "1 800 €", kind: "amount" },
      { text: "25/10", kind: "date" },
      { text: "15 %", kind: "percentage" },
    ]);
    for (const figure of flagged) expect(draft.slice(figure.start, figure.end)).toBe(figure.text);
  });

  it("flags a wrong claim number and a wrong refund amount against the complaint note", () => {
    const source = note("04");
    const draft = "Dossier 2025-BG-118743 : remboursement de 398,90 € confirmé sous 48h.";
    expect(findUngrounded(draft, [source]).map(({ text, kind }) => ({ text, kind }))).toEqual([
      { text: "2025-BG-118743", kind: "reference" },
      { text: "398,90 €", kind: "amount" },
    ]);
  });

  it("gives offsets in UTF-16 code units, so the add-in can highlight after emoji and accents", () => {
    const draft = "📌 Écart : 1 800 € facturés.";
    const [figure] = findUngrounded(draft, ["Montant 1 500 €"]);
    expect(figure).toBeDefined();
    expect(draft.slice(figure?.start, figure?.end)).toBe("1 800 €");
  });
});

describe("what is and is not a figure", () => {
  it.each([
    ["1 250,00 euros", "amount"],
    ["1,5 k€", "amount"],
    ["18,40 €/mois", "amount"],
    ["12 %", "percentage"],
    ["12/11/2025", "date"],
    ["le 12 nov.", "date"],
    ["jeudi 14", "date"],
    ["2025-11-12", "date"],
    ["mars 2024", "date"],
    ["18h30", "time"],
    ["9h", "time"],
    ["09:00", "time"],
    ["06 12 45 78 90", "phone"],
    ["+33 6 12 45 78 90", "phone"],
    ["AB-123-CD", "plate"],
    ["123 ABC 75", "plate"],
    ["2025-BG-118734", "reference"],
    ["3456789B", "reference"],
    ["79000", "reference"],
    ["7 jours", "number"],
    ["48h", "number"],
    ["3 relances", "count"],
    ["3e étage", "number"],
  ])("%s is one figure of kind %s", (text, kind) => {
    const figures = extractFigures(`Noté : ${text}.`);
    expect(figures).toHaveLength(1);
    expect(figures[0]?.kind).toBe(kind);
  });

  it("reads no figure in pseudonymisation placeholders, e-mail addresses or links", () => {
    const draft =
      "Rappeler [NOM_2] au [TEL_1] le [DATE_12], écrire à jean.dupont75@example.fr, voir https://maif.fr/doc/2024-77.";
    expect(extractFigures(draft)).toEqual([]);
    expect(findUngrounded(draft, [])).toEqual([]);
  });

  it("still reads a figure written next to a placeholder", () => {
    const draft = "[NOM_1] demande 15 % de remise.";
    expect(findUngrounded(draft, ["[NOM_1] demande une remise."])).toEqual([
      { text: "15 %", kind: "percentage", start: 16, end: 20 },
    ]);
  });

  it("reads a sentence-ending dot as punctuation, not as part of a month", () => {
    expect(extractFigures("Vol constaté le 4 novembre.").map((f) => f.text)).toEqual(["4 novembre"]);
  });
});

describe("the hard rule, for any text", () => {
  const FRAGMENTS = [
    "1 250 €",
    "1250€",
    "18,40 €/mois",
    "1,5 k€",
    "12 %",
    "12/11",
    "12/11/2025",
    "2025-11-12",
    "12 novembre",
    "le 12 nov.",
    "jeudi 14",
    "mars 2024",
    "du 3 au 4 novembre",
    "18h30",
    "18 h 30",
    "9h",
    "09:00",
    "48h",
    "06 12 45 78 90",
    "+33 6 12 45 78 90",
    "FG-482-KL",
    "2025-BG-118734",
    "3456789B",
    "79000",
    "7 jours",
    "3e",
    "le 17,",
    "[TEL_1]",
    "a.b@c.fr",
    "12",
    "2",
    "1 500",
    "0",
    "00:00:01.000",
  ];
  const WORDS = [
    "le",
    "au",
    "du",
    "sous",
    "vers",
    "jeudi",
    "novembre",
    "M.",
    "devis",
    "x",
    "AB",
    "é",
    "/",
    "-",
    ",",
    ".",
    ":",
    "%",
    "€",
    "h",
    "\n",
  ];
  const text = fc
    .array(
      fc.oneof(
        fc.constantFrom(...FRAGMENTS),
        fc.constantFrom(...WORDS),
        fc.integer({ min: 0, max: 99_999 }).map(String),
      ),
      { maxLength: 30 },
    )
    .chain((parts) =>
      fc
        .array(fc.constantFrom(" ", "", "  ", "\u00A0", ", "), { minLength: parts.length, maxLength: parts.length })
        .map((seps) => parts.map((p, i) => p + (seps[i] ?? "")).join("")),
    );

  it("flags nothing in a text checked against itself", () => {
    fc.assert(
      fc.property(text, (t) => findUngrounded(t, [t]).length === 0),
      { numRuns: 500 },
    );
  });

  it("flags nothing in a text checked against sources that contain it among other material", () => {
    fc.assert(
      fc.property(text, text, (t, other) => findUngrounded(t, [other, `${other}\n${t}\n${other}`]).length === 0),
      { numRuns: 300 },
    );
  });
});

describe("size", () => {
  // Speed is a figure of `npm run bench -- figures`; this only guards against work that grows with notes × draft.
  it("checks a 5 KB draft against 50 KB of notes without quadratic work", () => {
    const all = NOTES.map((n) => n.text).join("\n");
    const notes = all.repeat(Math.ceil(50_000 / all.length)).slice(0, 50_000);
    const draft = `${all.slice(0, 1000)} Devis de 1 800 € le 25/10, remise de 15 %.\n`.repeat(5);
    const started = performance.now();
    expect(findUngrounded(draft, [notes]).map((f) => f.text)).toContain("1 800 €");
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("figures in words, and kinds kept apart", () => {
  const flagged = (draft: string, notes: string) => findUngrounded(draft, [notes]).map((f) => f.text);

  it("grounds a figure written in words by the same figure in digits, and the reverse", () => {
    expect(
      flagged(
        "Vétusté de vingt pour cent, acompte de deux cents euros, trois relances.",
        "vétusté 20 %, acompte 200 €, 3 relances",
      ),
    ).toEqual([]);
    expect(
      flagged(
        "Vétusté de 20 %, acompte de 200 €, 3 relances.",
        "vétusté vingt pour cent, acompte deux cents euros, trois relances",
      ),
    ).toEqual([]);
    expect(flagged("Dommages estimés à 1 500 000 €.", "estimation 1,5 million d'euros")).toEqual([]);
  });

  it("flags an invented figure written in words", () => {
    expect(flagged("Vétusté de trente pour cent.", "vétusté 20 %")).toEqual(["trente pour cent"]);
    expect(flagged("Acompte de mille cinq cents euros.", "acompte 1 200 €")).toEqual(["mille cinq cents euros"]);
    expect(flagged("Il a relancé cinq fois : cinq relances.", "3 relances")).toEqual(["cinq fois", "cinq relances"]);
  });

  it("does not let a year ground an amount", () => {
    expect(flagged("Véhicule estimé à 2 019 €.", "véhicule acheté en 2019")).toEqual(["2 019 €"]);
    expect(flagged("Véhicule acheté en 2019.", "véhicule acheté en 2019")).toEqual([]);
    expect(flagged("Sociétaire depuis 2008.", "sociétaire depuis 2009")).toEqual(["2008"]);
  });

  it("does not let a count of one noun ground a count of another", () => {
    expect(flagged("Trois témoins ont vu la scène.", "appartement 3 pièces")).toEqual(["Trois témoins"]);
    expect(flagged("3 témoins ont vu la scène.", "appartement 3 pièces")).toEqual(["3 témoins"]);
    expect(flagged("Deux témoins ont vu la scène.", "2 témoins de l'accident")).toEqual([]);
    expect(flagged("Deux témoins ont vu la scène.", "témoins : 2")).toEqual([]);
    expect(flagged("Il a relancé à trois reprises.", "3 relances sans réponse")).toEqual([]);
  });

  it("never flags a weak word of the draft", () => {
    expect(
      flagged("Un témoin, un véhicule neuf remis à neuf, les deux conducteurs, une quinzaine de jours.", ""),
    ).toEqual([]);
  });
});

describe("identifiers written with or without grouping", () => {
  it("grounds a contract number written in one run by the same digits grouped in threes", () => {
    expect(findUngrounded("Votre contrat n° 123456789 est à jour.", ["contrat 123 456 789"])).toEqual([]);
    expect(
      findUngrounded("Votre contrat n° 123456788 est à jour.", ["contrat 123 456 789"]).map((f) => f.text),
    ).toEqual(["123456788"]);
  });
});
