// Citations: every sentence of a draft points back to the note lines or transcript turns it draws on.
import { describe, expect, it } from "vitest";
import { citeSentences, splitSentences, stripCitationMarkers } from "../../../src/provenance/citations";
import { fixture } from "../../support/fixtures";

describe("citations", () => {
  const notes = fixture("02-degat-des-eaux-visite.txt");

  it("links each factual sentence to the note line it comes from", () => {
    const draft = [
      "## Contexte",
      "Rendez-vous à l'agence de Niort le 21/10/2025 avec la sociétaire.",
      "## Éléments échangés",
      "- La sociétaire a fait intervenir un plombier le 19/10, pour une facture de 240 € TTC.",
      "- Le parquet du séjour est gondolé sur environ 12 m².",
      "## Prochaines étapes",
      "Un artisan établira un devis ; l'expert ne sera missionné que si le devis dépasse 1 600 €.",
    ].join("\n");
    const citations = citeSentences(draft, notes);
    const lineOf = (needle: string) => notes.split("\n").findIndex((l) => l.includes(needle)) + 1;
    const refsFor = (fragment: string) =>
      citations.find((c) => draft.slice(c.start, c.end).includes(fragment))?.refs.map((r) => r.line);
    expect(refsFor("plombier")?.[0]).toBe(lineOf("plombier le 19/10"));
    expect(refsFor("parquet")?.[0]).toBe(lineOf("parquet séjour"));
    expect(refsFor("artisan")?.[0]).toBe(lineOf("prochaine étape"));
    expect(refsFor("Rendez-vous")?.[0]).toBe(1);
    // Offsets point at the sentence itself, without its bullet.
    for (const c of citations) expect(draft.slice(c.start, c.end)).not.toMatch(/^[-#\s]/);
  });

  it("cites nothing for a sentence the notes do not support", () => {
    const citations = citeSentences("Le sociétaire souhaite résilier son contrat automobile.", notes);
    expect(citations).toEqual([]);
  });

  it("cites transcript turns given as source lines", () => {
    const source =
      "Élodie Martin : Vous avez pu faire bâcher le toit ?\nThomas Petit : Oui, un couvreur est passé le 17, il a bâché. Il m'a fait un devis de 2 950 euros.";
    const [citation] = citeSentences(
      "Un couvreur a bâché le toit le 17 et a établi un devis de 2 950 euros.",
      "",
      source,
    );
    expect(citation?.refs[0]).toEqual({ in: "source", line: 2 });
  });

  it("splits sentences without cutting numbers or civilities", () => {
    const sentences = splitSentences("M. Benali a payé 389,90 €. Mme Morel est d'accord ! Fin").map((s) => s.text);
    expect(sentences).toEqual(["M. Benali a payé 389,90 €.", "Mme Morel est d'accord !", "Fin"]);
  });

  it("strips citation markers before insertion", () => {
    expect(stripCitationMarkers("Le plombier est intervenu [n5]. Devis de 2 950 € [s2, n3].")).toBe(
      "Le plombier est intervenu. Devis de 2 950 €.",
    );
  });
});
