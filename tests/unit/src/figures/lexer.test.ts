// Tests the one French figures lexer: every form an adviser or a model writes, read as the same normalised figure.
import { describe, expect, it } from "vitest";
import { lexFigures, readNumberWords, readOrdinalWord } from "../../../../src/figures";

/** The one figure read in `text`, checked to be alone. */
function only(text: string) {
  const figures = lexFigures(text).filter((f) => !f.isWeak);
  expect(figures, `${text} → ${JSON.stringify(figures.map((f) => f.text))}`).toHaveLength(1);
  return figures[0]!;
}

describe("French numbers in words", () => {
  it.each([
    ["zéro", 0],
    ["un", 1],
    ["seize", 16],
    ["vingt et un", 21],
    ["vingt-deux", 22],
    ["soixante-dix", 70],
    ["soixante et onze", 71],
    ["quatre-vingts", 80],
    ["quatre-vingt-dix-neuf", 99],
    ["cent", 100],
    ["deux cents", 200],
    ["cent quatre-vingt-cinq", 185],
    ["mille", 1000],
    ["mille cinq cents", 1500],
    ["deux mille sept cent cinquante", 2750],
    ["trente-huit mille", 38_000],
    ["deux cent mille", 200_000],
    ["cent cinquante mille", 150_000],
    ["un million", 1_000_000],
    ["deux millions trois cent mille", 2_300_000],
    ["septante-cinq", 75],
    ["huitante", 80],
    ["octante", 80],
    ["nonante-deux", 92],
    ["une quinzaine", 15],
  ])("reads %s as %d", (words, value) => {
    expect(readNumberWords(words)).toBe(value);
  });

  it("reads ordinals", () => {
    expect(readOrdinalWord("premier")).toBe(1);
    expect(readOrdinalWord("troisième")).toBe(3);
    expect(readOrdinalWord("cinquième")).toBe(5);
    expect(readOrdinalWord("neuvième")).toBe(9);
    expect(readOrdinalWord("vingtième")).toBe(20);
  });

  it("refuses what is not a number", () => {
    expect(readNumberWords("deux roues")).toBeUndefined();
    expect(readNumberWords("")).toBeUndefined();
  });
});

describe("one figure, every way it is written", () => {
  it.each([
    ["Franchise de 1250 €.", "1250 EUR"],
    ["Franchise de 1 250,00 €.", "1250 EUR"],
    ["Franchise de 1.250 EUR.", "1250 EUR"],
    ["Franchise de mille deux cent cinquante euros.", "1250 EUR"],
    ["Acompte de deux cents euros.", "200 EUR"],
    ["Acompte de mille cinq cents euros.", "1500 EUR"],
    ["Estimation : 1,5 million d'euros.", "1500000 EUR"],
    ["Estimation : deux millions d'euros.", "2000000 EUR"],
    ["Dépannage : 320 CHF.", "320 CHF"],
    ["Devis nonante-deux euros.", "92 EUR"],
  ])("%s is the amount %s", (text, normalised) => {
    const figure = only(text);
    expect(figure.kind).toBe("amount");
    expect(figure.normalised).toBe(normalised);
  });

  it.each([
    ["Vétusté de 20 %.", "20 %"],
    ["Vétusté de vingt pour cent.", "20 %"],
    ["Dommages à huitante pour cent.", "80 %"],
    ["Taux 3,45 %.", "3.45 %"],
  ])("%s is the percentage %s", (text, normalised) => {
    const figure = only(text);
    expect(figure.kind).toBe("percentage");
    expect(figure.normalised).toBe(normalised);
  });

  it.each([
    ["Rappel le 12/11.", "--11-12"],
    ["Rappel le 12 novembre 2026.", "2026-11-12"],
    ["Rappel le 12 nov.", "--11-12"],
    ["Rappel le 1er décembre.", "--12-01"],
    ["Effet au premier mars.", "--03-01"],
    ["Rappel le trois novembre.", "--11-03"],
    ["Rappel lundi 5/01.", "--01-05"],
    ["Achat en mars 2024.", "2024-03"],
    ["Visite le 21/10/2025.", "2025-10-21"],
    ["Le 2025-11-12.", "2025-11-12"],
  ])("%s is the date %s", (text, normalised) => {
    const figure = only(text);
    expect(figure.kind).toBe("date");
    expect(figure.normalised).toBe(normalised);
  });

  it("keeps the weekday of a date", () => {
    const figure = only("RDV expert mercredi 2/07.");
    expect(figure.kind === "date" && figure.dates[0]?.weekday).toBe(3);
  });

  it.each([
    ["Accident vers 18h30.", "18:30"],
    ["Accident vers 18 h 30.", "18:30"],
    ["Accident vers 18:30.", "18:30"],
    ["Accident vers 18 heures 30.", "18:30"],
    ["RDV à neuf heures trente.", "09:30"],
    ["RDV à dix heures et demie.", "10:30"],
    ["RDV à onze heures moins le quart.", "10:45"],
    ["RDV à 9h.", "09:00"],
  ])("%s is the time %s", (text, normalised) => {
    const figure = only(text);
    expect(figure.kind).toBe("time");
    expect(figure.normalised).toBe(normalised);
  });

  it("reads a duration in hours, not a time, after « sous » or « pendant »", () => {
    expect(only("Réponse sous 48h.").kind).toBe("number");
    expect(only("Coupure pendant deux heures.").normalised).toBe("2 hour");
  });

  it.each([["06 12 45 78 90"], ["06.12.45.78.90"], ["+33 6 12 45 78 90"], ["0033 6 12 45 78 90"], ["06-12-45-78-90"]])(
    "%s is one phone",
    (phone) => {
      const figure = only(`Tél : ${phone}.`);
      expect(figure.kind).toBe("phone");
      expect(figure.normalised).toBe("0612457890");
    },
  );

  it.each([["FG-482-KL"], ["FG 482 KL"], ["fg-482-kl"], ["FG482KL"]])("%s is one plate", (plate) => {
    const figure = only(`Véhicule ${plate} au garage.`);
    expect(figure.kind).toBe("plate");
    expect(figure.normalised).toBe("FG482KL");
  });

  it("reads references and contract numbers", () => {
    expect(only("Dossier 2025-BG-118734.").normalised).toBe("2025BG118734");
    expect(only("Contrat n° HAB-2021-48213.").kind).toBe("reference");
  });
});

describe("years and counts are kinds of their own", () => {
  it.each([
    ["Sociétaire depuis 2009."],
    ["Véhicule acheté en 2019."],
    ["Toiture refaite en 2015, factures à l'appui."],
  ])("%s holds a year", (text) => {
    const figure = only(text);
    expect(figure.kind).toBe("year");
  });

  it("reads four digits after an amount word as a number, not a year", () => {
    expect(only("Devis 2000 reçu.").kind).not.toBe("year");
  });

  it.each([
    ["3 relances sans réponse.", "3 relance"],
    ["trois relances sans réponse.", "3 relance"],
    ["Appartement 4 pièces.", "4 piece"],
    ["Deux témoins de la fuite.", "2 temoin"],
    ["6 appartements touchés.", "6 appartement"],
    ["Vingt tôles arrachées.", "20 tole"],
    ["septante-cinq tuiles à remplacer.", "75 tuile"],
    ["2 autres témoins.", "2 temoin"],
    ["3 bocaux cassés.", "3 bocal"],
  ])("%s is the count %s", (text, normalised) => {
    const figure = only(text);
    expect(figure.kind).toBe("count");
    expect(figure.normalised).toBe(normalised);
  });

  it("reads a number after a brand as a model, not a count", () => {
    const figure = only("Il conduit une Peugeot 208 immatriculée hier.");
    expect(figure.kind).toBe("number");
  });

  it("reads units in words", () => {
    expect(only("Parquet de quinze mètres carrés.").normalised).toBe("15 m2");
    expect(only("Délai de cinq jours ouvrés.").normalised).toBe("5 day");
    expect(only("35 ha de maïs.").normalised).toBe("35 ha");
  });
});

describe("words that are most often no figure", () => {
  it.each([
    ["Un témoin a vu la scène."],
    ["Véhicule neuf livré."],
    ["Remise à neuf du parquet."],
    ["Les deux conducteurs ont signé."],
    ["Une quinzaine de jours."],
    ["Rappel avant midi."],
  ])("%s holds no figure to check", (text) => {
    expect(lexFigures(text).filter((f) => !f.isWeak)).toEqual([]);
  });

  it("still reads them, for the notes to ground a figure", () => {
    expect(lexFigures("Rappel avant midi.").map((f) => f.normalised)).toEqual(["12:00"]);
  });

  it("reads neither compound words nor « pour cent » as numbers", () => {
    expect(lexFigures("Un deux-roues garé.").filter((f) => !f.isWeak)).toEqual([]);
    expect(lexFigures("Pris en charge à cent pour cent.").map((f) => f.normalised)).toEqual(["100 %"]);
  });

  it("reads no figure in placeholders, e-mail addresses or links", () => {
    expect(lexFigures("[TEL_1] écrit à jean.dupont2@exemple.fr, voir https://exemple.fr/42")).toEqual([]);
  });

  it("gives offsets in the original text", () => {
    const text = "Le sociétaire, deux relances\u202Fet 1\u00A0250 €.";
    for (const f of lexFigures(text)) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(lexFigures(text).map((f) => f.kind)).toEqual(["count", "amount"]);
  });
});
