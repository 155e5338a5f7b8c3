// Document text extraction: PDF and DOCX text, page counts, limits, scans, and every refusal with its French detail.
import { describe, expect, it } from "vitest";
import { AppError } from "../../../../src/errors";
import { readDocumentText } from "../../../../server/documents/read";
import {
  buildDocx,
  buildDocxWithRecordedPages,
  buildEncryptedPdf,
  buildPdf,
  buildZip,
  forgeDeclaredSize,
} from "../../../support/document-builders";

const DECLARATION = [
  "Déclaration de sinistre automobile",
  "Date : 12/11/2024 à 08 h 15, lieu : rond-point de la Brèche, Niort.",
  "Véhicule A : Peugeot 208 immatriculée AB-123-CD, assuré MAIF.",
  "Dommages : pare-chocs avant et phare droit, devis de 1 240,50 € TTC.",
];

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("the document was accepted");
}

describe("readDocumentText: PDF", () => {
  it("extracts the text of every page, in order, with accents and the euro sign", async () => {
    const pdf = buildPdf([
      { lines: DECLARATION },
      { lines: ["Circonstances : le véhicule B n’a pas respecté la priorité.", "Blessés : aucun."] },
    ]);
    const result = await readDocumentText(pdf, "declaration.pdf", "application/pdf");
    expect(result.format).toBe("pdf");
    expect(result.pages).toBe(2);
    expect(result.pagesWithoutText).toEqual([]);
    for (const line of DECLARATION) expect(result.text).toContain(line);
    expect(result.text).toContain("n’a pas respecté la priorité");
    expect(result.text.indexOf("Déclaration")).toBeLessThan(result.text.indexOf("Circonstances"));
    expect(result.text).toMatch(/Niort\.\n/u);
  });

  it("decides by content: a PDF named .docx, or sent as octet-stream, is read as a PDF", async () => {
    const pdf = buildPdf([{ lines: DECLARATION }]);
    expect((await readDocumentText(pdf, "scan.docx", "application/octet-stream")).format).toBe("pdf");
  });

  it("sends a scanned PDF (images only, or images with a page number) to OCR with a 422 'document scanné sans texte'", async () => {
    for (const pdf of [
      buildPdf([{ hasImage: true }, { hasImage: true }]),
      buildPdf([
        { hasImage: true, lines: ["1/2"] },
        { hasImage: true, lines: ["2/2"] },
      ]),
    ]) {
      const error = await refusal(readDocumentText(pdf, "constat.pdf"));
      expect(error.status).toBe(422);
      expect(error.code).toBe("document_needs_ocr");
      expect(error.detail).toMatch(/^Document scanné sans texte : ses 2 page\(s\)/u);
    }
  });

  it("lists the scanned pages of a document that also has typed ones", async () => {
    const pdf = buildPdf([{ lines: DECLARATION }, { hasImage: true }, { lines: DECLARATION }]);
    const result = await readDocumentText(pdf, "dossier.pdf");
    expect(result.pages).toBe(3);
    expect(result.pagesWithoutText).toEqual([2]);
  });

  it("refuses more than 50 pages with a 413, and a file over 10 MB before reading it", async () => {
    const long = buildPdf(Array.from({ length: 51 }, () => ({ lines: ["Page de conditions générales, article 1."] })));
    const pages = await refusal(readDocumentText(long, "cg.pdf"));
    expect(pages.status).toBe(413);
    expect(pages.detail).toBe(
      "Le document compte 51 pages, au-delà de la limite de 50 pages. Envoyez seulement les pages utiles.",
    );

    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set([...("%PDF-1.4\n" as string)].map((c) => c.charCodeAt(0)));
    const size = await refusal(readDocumentText(big, "gros.pdf"));
    expect(size.status).toBe(413);
    expect(size.detail).toMatch(/10 Mo/u);
  });

  it("accepts exactly 50 pages", async () => {
    const fifty = buildPdf(
      Array.from({ length: 50 }, (_, i) => ({ lines: [`Article ${i + 1} : garanties du contrat habitation.`] })),
    );
    const result = await readDocumentText(fifty, "cg.pdf");
    expect(result.pages).toBe(50);
  });

  it("refuses an encrypted PDF and a damaged one with a French detail, without a stack", async () => {
    const encrypted = await refusal(readDocumentText(buildEncryptedPdf(), "protege.pdf"));
    expect(encrypted.status).toBe(422);
    expect(encrypted.code).toBe("document_unreadable");
    expect(encrypted.detail).toMatch(/protégé par un mot de passe/u);

    const damaged = await refusal(
      readDocumentText(new TextEncoder().encode("%PDF-1.7\nce fichier a été tronqué"), "tronque.pdf"),
    );
    expect(damaged.status).toBe(422);
    expect(damaged.detail).toBe(
      "Le fichier PDF est illisible ou endommagé. Ouvrez-le pour vérifier, puis enregistrez-le à nouveau.",
    );
  });
});

describe("readDocumentText: DOCX", () => {
  it("extracts paragraphs separated by a blank line and estimates pages when Word did not record them", async () => {
    const docx = await buildDocx(DECLARATION);
    const result = await readDocumentText(docx, "declaration.docx");
    expect(result).toEqual({ text: DECLARATION.join("\n\n"), pages: 1, format: "docx", pagesWithoutText: [] });
  });

  it("uses the page count Word recorded, and refuses more than 50 pages", async () => {
    expect((await readDocumentText(await buildDocxWithRecordedPages(DECLARATION, 3), "d.docx")).pages).toBe(3);
    const error = await refusal(readDocumentText(await buildDocxWithRecordedPages(DECLARATION, 73), "d.docx"));
    expect(error.status).toBe(413);
    expect(error.detail).toMatch(/73 pages/u);
  });

  it("refuses a Word document without text, and one that claims to inflate to gigabytes", async () => {
    const empty = await refusal(readDocumentText(await buildDocx(["", "   "]), "vide.docx"));
    expect(empty.status).toBe(422);
    expect(empty.detail).toMatch(/ne contient aucun texte/u);

    const bomb = forgeDeclaredSize(await buildDocx(DECLARATION), "word/document.xml", 0xfffffff0);
    expect((await refusal(readDocumentText(bomb, "bombe.docx"))).status).toBe(413);
  });
});

describe("readDocumentText: DOCX symbols", () => {
  it("keeps the boxes of a Word form, inserted as symbols or typed in Wingdings", async () => {
    const contentTypes =
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
    const rels =
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
    const body = [
      '<w:p><w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r><w:r><w:t xml:space="preserve"> Blessés</w:t></w:r></w:p>',
      '<w:p><w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>\uf0a8</w:t></w:r><w:r><w:t xml:space="preserve"> Témoins</w:t></w:r></w:p>',
      '<w:p><w:r><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr><w:t>\uf0b7</w:t></w:r><w:r><w:t xml:space="preserve"> Franchise de 150 €</w:t></w:r></w:p>',
    ].join("");
    const document = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
    const result = await readDocumentText(
      buildZip({ "[Content_Types].xml": contentTypes, "_rels/.rels": rels, "word/document.xml": document }),
      "formulaire.docx",
    );
    expect(result.text).toMatch(/^[☑🗹] Blessés$/mu);
    expect(result.text).toMatch(/^☐ Témoins$/mu);
    expect(result.text).toMatch(/^• Franchise de 150 €$/mu);
  });
});

describe("readDocumentText: other formats", () => {
  it.each([
    [
      "an OpenDocument text",
      buildZip({ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>" }),
      "note.odt",
      /OpenDocument/u,
    ],
    [
      "a spreadsheet",
      buildZip({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>" }),
      "devis.xlsx",
      /envoyez un PDF ou un document Word/u,
    ],
    [
      "a Word 97 document",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      "ancien.doc",
      /Word 97-2003/u,
    ],
    [
      "a photo",
      new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]),
      "constat.jpg",
      /pas de reconnaissance de caractères/u,
    ],
    [
      "plain text",
      new TextEncoder().encode("Bonjour, voici mes notes."),
      "notes.txt",
      /envoyez un PDF ou un document Word/u,
    ],
  ])("answers 415 to %s, saying what to send instead", async (_label, bytes, name, detail) => {
    const error = await refusal(readDocumentText(bytes, name));
    expect(error.status).toBe(415);
    expect(error.code).toBe("unsupported_media_type");
    expect(error.detail).toMatch(detail);
  });

  it("says a file named .pdf is damaged rather than of an unknown format, and refuses an empty file", async () => {
    const html = await refusal(readDocumentText(new TextEncoder().encode("<html>Erreur 404</html>"), "facture.pdf"));
    expect(html.status).toBe(422);
    expect(html.detail).toMatch(/Le fichier PDF est illisible/u);
    const empty = await refusal(readDocumentText(new Uint8Array(0), "vide.pdf"));
    expect(empty.status).toBe(400);
    expect(empty.detail).toBe("Le fichier envoyé est vide.");
  });

  it("refuses a broken ZIP as an unreadable Word document", async () => {
    const zip = buildZip({ "word/document.xml": "<w:document/>" });
    const error = await refusal(readDocumentText(zip.subarray(0, zip.length - 30), "coupe.docx"));
    expect(error.status).toBe(422);
    expect(error.code).toBe("document_unreadable");
    expect(error.detail).toMatch(/Le fichier Word est illisible/u);
  });
});
