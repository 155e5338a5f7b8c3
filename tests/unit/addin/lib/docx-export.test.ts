// Covers the .docx export, read back as Word would: Heading styles, real list numbering, the notice, no Markdown left,
// a French file name.
import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { draftToDocx } from "../../../../addin/export/docx";
import { cleanDraft } from "../../../../addin/lib/draft-blocks";
import { exportFileName, sectionTitles } from "../../../../addin/lib/export-name";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** A paragraph of word/document.xml as Word sees it. */
interface WordParagraph {
  readonly style: string | null;
  readonly numId: string | null;
  readonly level: string | null;
  readonly text: string;
}

/** The list format ("bullet", "decimal"…) Word shows for a paragraph's numId and level, from word/numbering.xml. */
function listFormat(numberingXml: string, numId: string | null, level: string | null): string | null {
  const xml = new DOMParser().parseFromString(numberingXml, "application/xml");
  const num = [...xml.getElementsByTagNameNS(W, "num")].find((n) => n.getAttributeNS(W, "numId") === numId);
  const abstractId = num?.getElementsByTagNameNS(W, "abstractNumId")[0]?.getAttributeNS(W, "val");
  const abstract = [...xml.getElementsByTagNameNS(W, "abstractNum")].find(
    (a) => a.getAttributeNS(W, "abstractNumId") === abstractId,
  );
  const lvl = [...(abstract?.getElementsByTagNameNS(W, "lvl") ?? [])].find(
    (l) => l.getAttributeNS(W, "ilvl") === (level ?? "0"),
  );
  return lvl?.getElementsByTagNameNS(W, "numFmt")[0]?.getAttributeNS(W, "val") ?? null;
}

async function readBack(blob: Blob): Promise<{ paragraphs: WordParagraph[]; files: Record<string, Uint8Array> }> {
  // jsdom's Blob has no arrayBuffer(); FileReader is what a browser without it would use too.
  const buffer = await new Promise<ArrayBuffer>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsArrayBuffer(blob);
  });
  const files = unzipSync(new Uint8Array(buffer));
  const xml = new DOMParser().parseFromString(
    strFromU8(files["word/document.xml"] ?? new Uint8Array()),
    "application/xml",
  );
  const paragraphs = [...xml.getElementsByTagNameNS(W, "p")].map((p) => ({
    style: p.getElementsByTagNameNS(W, "pStyle")[0]?.getAttributeNS(W, "val") ?? null,
    numId: p.getElementsByTagNameNS(W, "numId")[0]?.getAttributeNS(W, "val") ?? null,
    level: p.getElementsByTagNameNS(W, "ilvl")[0]?.getAttributeNS(W, "val") ?? null,
    text: [...p.getElementsByTagNameNS(W, "t")].map((t) => t.textContent ?? "").join(""),
  }));
  return { paragraphs, files };
}

// A model's answer as models write it: headings, bold labels, bullets with emphasis, a numbered list, a rule, a quote.
const MODEL_DRAFT = `> Brouillon à relire avant tout envoi.

## Contexte
Appel entrant du **sociétaire** le 03/11/2026 au sujet d'un *dégât des eaux*.

## Éléments échangés
- **Origine :** fuite du chauffe-eau dans la salle de bains
- Dommages : plafond de la cuisine, _parquet_ du séjour
  - devis peintre : 1 250,00 €
* Photos transmises par courriel

---

### Prochaines étapes
1. Mandater un expert
2. Rappeler le sociétaire sous **8 jours**
`;

describe("docx export", () => {
  const notice =
    "Compte-rendu produit par une intelligence artificielle générative et validé par un collaborateur du groupe MAIF.";

  it("turns Markdown into Word headings, bullet and numbered lists, with the notice and no marker left", async () => {
    const { paragraphs, files } = await readBack(
      await draftToDocx(MODEL_DRAFT, { title: "Compte-rendu d'entretien", subtitle: "03/11/2026", notice }),
    );
    const byText = (start: string) => paragraphs.find((p) => p.text.startsWith(start));
    expect(byText("Compte-rendu d'entretien")?.style).toBe("Title");
    expect(byText("Contexte")?.style).toBe("Heading1");
    expect(byText("Éléments échangés")?.style).toBe("Heading1");
    expect(byText("Prochaines étapes")?.style).toMatch(/^Heading[12]$/);

    const bullets = ["Origine", "Dommages", "devis peintre", "Photos transmises"].map((s) => byText(s));
    for (const item of bullets) expect(item?.numId).not.toBeNull();
    expect(bullets[2]?.level).toBe("1");
    const numbered = [byText("Mandater"), byText("Rappeler")];
    expect(numbered[0]?.numId).not.toBeNull();
    expect(numbered[0]?.numId).toBe(numbered[1]?.numId);
    expect(numbered[0]?.numId).not.toBe(bullets[0]?.numId);
    // The numbering part defines them: each bullet resolves to a bullet level, each numbered item to a decimal one.
    const numberingXml = strFromU8(files["word/numbering.xml"] ?? new Uint8Array());
    for (const item of bullets)
      expect(listFormat(numberingXml, item?.numId ?? null, item?.level ?? null)).toBe("bullet");
    for (const item of numbered)
      expect(listFormat(numberingXml, item?.numId ?? null, item?.level ?? null)).toBe("decimal");

    expect(paragraphs.at(-1)?.text).toBe(notice);
    const all = paragraphs.map((p) => p.text).join("\n");
    expect(all).toContain("Appel entrant du sociétaire le 03/11/2026 au sujet d'un dégât des eaux.");
    expect(all).toContain("Rappeler le sociétaire sous 8 jours");
    expect(all).not.toMatch(/[*#]|^\s*[->] |^---/m);
  });

  it("exports the editor's clean text with the task's section titles as headings and • lines as bullets", async () => {
    const clean = cleanDraft(MODEL_DRAFT).text;
    expect(clean).not.toMatch(/[*#]|^- /m);
    const headings = sectionTitles("interview-minutes");
    const { paragraphs } = await readBack(
      await draftToDocx(clean, { title: "Compte-rendu d'entretien", notice, headings }),
    );
    const byText = (start: string) => paragraphs.find((p) => p.text.startsWith(start));
    expect(byText("Contexte")?.style).toBe("Heading1");
    expect(byText("Éléments échangés")?.style).toBe("Heading1");
    // Not a known title, but it opens a block and a list follows it.
    expect(byText("Prochaines étapes")?.style).toBe("Heading1");
    expect(byText("Origine")?.numId).not.toBeNull();
    expect(byText("Mandater")?.numId).not.toBeNull();
    // A sentence is never taken for a heading.
    expect(byText("Appel entrant")?.style).toBeNull();
    // The AI notice closes the document, in its own paragraph.
    expect(paragraphs.at(-1)?.text).toBe(notice);
    expect(paragraphs.map((p) => p.text).join("\n")).not.toMatch(/[*#•]/);
  });

  it("names the file in French with the task and the local day, and nothing else", () => {
    expect(exportFileName("compte-rendu", new Date(2026, 11, 5, 0, 30))).toBe("compte-rendu-2026-12-05.docx");
    expect(exportFileName("Synthèse sinistre", new Date(2026, 0, 9))).toBe("synthese-sinistre-2026-01-09.docx");
  });
});
