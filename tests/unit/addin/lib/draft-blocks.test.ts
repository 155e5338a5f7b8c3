// Covers the clean text the editor shows: Markdown markers gone line for line, offsets followed, headings found again.
import { describe, expect, it } from "vitest";
import { presentable } from "../../../../addin/lib/clean-generation";
import { cleanDraft, headingRanges, toBlocks } from "../../../../addin/lib/draft-blocks";
import { draftToSafeHtml } from "../../../../addin/lib/draft-html";
import { generation } from "../support/fake-fetch";

const MARKDOWN =
  "## Contexte\nAppel du **sociétaire** le 03/11.\n\n## Éléments échangés\n- Franchise de *380 €*.\n- Devis estimé à 1 250 €.\n";

describe("clean draft", () => {
  it("removes heading, emphasis and bullet markers without adding or merging lines", () => {
    const clean = cleanDraft(MARKDOWN);
    expect(clean.text).toBe(
      "Contexte\nAppel du sociétaire le 03/11.\n\nÉléments échangés\n• Franchise de 380 €.\n• Devis estimé à 1 250 €.\n",
    );
    expect(clean.text.split("\n")).toHaveLength(MARKDOWN.split("\n").length);
    const at = MARKDOWN.indexOf("1 250 €");
    expect(clean.text.slice(clean.at(at), clean.at(at + "1 250 €".length))).toBe("1 250 €");
  });

  it("keeps what is not Markdown: a lone asterisk, snake_case, a hash in a reference", () => {
    expect(cleanDraft("Tarif 2*3 pour le dossier_id n° #12").text).toBe("Tarif 2*3 pour le dossier_id n° #12");
  });

  it("moves the citations and flagged figures of a generation onto the clean text", () => {
    const sentence = "Devis estimé à 1 250 €.";
    const start = MARKDOWN.indexOf(sentence);
    const figure = MARKDOWN.indexOf("380 €");
    const shown = presentable(
      generation({
        draft: MARKDOWN,
        citations: [{ start, end: start + sentence.length, refs: [{ in: "notes", line: 2 }] }],
        ungrounded: [{ text: "380 €", kind: "amount", start: figure, end: figure + 5 }],
      }),
    );
    const citation = shown.citations?.[0];
    expect(shown.draft.slice(citation?.start, citation?.end)).toBe(sentence);
    const flag = shown.ungrounded[0];
    expect(shown.draft.slice(flag?.start, flag?.end)).toBe("380 €");
  });
});

describe("headings of a clean text", () => {
  it("finds known section titles and short lines that open a list, never a sentence", () => {
    const text = cleanDraft(MARKDOWN).text + "\nSuites à donner\n1. Expert\n\nLe sociétaire rappellera.\nMerci.\n";
    const found = headingRanges(text, { headings: ["Contexte"] }).map((r) => text.slice(r.start, r.end));
    expect(found).toEqual(["Contexte", "Éléments échangés", "Suites à donner"]);
    expect(toBlocks(text, { headings: ["Contexte"] }).filter((b) => b.type === "heading")).toHaveLength(3);
  });
});

describe("clean text into a mail body", () => {
  it("gives the catalogue's section titles and list headings their heading tags, with no task known", () => {
    const html = draftToSafeHtml(
      "Contexte\nEntretien du 03/11.\n\nSuites à donner\n• Expert mandaté\n1. Rappel\n\nCordialement,\nJean Martin",
      "Mention",
    );
    expect(html).toBe(
      "<h2>Contexte</h2><p>Entretien du 03/11.</p><h2>Suites à donner</h2><ul><li>Expert mandaté</li></ul><ol><li>Rappel</li></ol><p>Cordialement,<br>Jean Martin</p><p><em>Mention</em></p>",
    );
  });
});
