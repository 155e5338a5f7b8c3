// PDF reading traps, one small file each, written in raw PDF syntax as different producers write them (ISO 32000-1).
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../../src/errors";
import { readDocumentText, type DocumentText } from "../../../../server/documents/read";
import {
  appendIncrementalUpdate,
  ascii85,
  asciiHex,
  buildPasswordPdf,
  lzw,
  pdfString,
  pdfWithContents,
  textLines,
  writePdf,
  type RawPdfObject,
} from "../../../support/document-builders";

const LINES = ["Déclaration de sinistre habitation", "Dégât des eaux constaté le 03/02/2025 dans la cuisine."];

async function read(pdf: Uint8Array): Promise<DocumentText> {
  return readDocumentText(pdf, "document.pdf", "application/pdf");
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("the document was accepted");
}

describe("PDF text: a document is 'without text' only when the whole of it has none", () => {
  it("reads a document with one word per page, and only flags those pages", async () => {
    const words = ["Signature", "Oui", "Niort", "Paraphe"];
    const result = await read(pdfWithContents(words.map((w) => ({ ops: textLines([w]) }))));
    for (const w of words) expect(result.text).toContain(w);
    expect(result.pages).toBe(4);
    expect(result.pagesWithoutText).toEqual([1, 2, 3, 4]);
  });

  it("reads a one-line document", async () => {
    expect((await read(pdfWithContents([{ ops: textLines(["Facture n° 12"]) }]))).text).toBe("Facture n° 12");
  });

  it("reads text on one page of ten, the others blank", async () => {
    const contents = Array.from({ length: 10 }, (_, i) => ({
      ops: i === 6 ? textLines(["Montant de la franchise : 80 € par sinistre"]) : "",
    }));
    const result = await read(pdfWithContents(contents));
    expect(result.text).toBe("Montant de la franchise : 80 € par sinistre");
    expect(result.pagesWithoutText).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10]);
  });

  it("sends to OCR a scan whose only text is stamped page numbers", async () => {
    const image = "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 >>";
    const pdf = pdfWithContents(
      ["Page 1 sur 2", "- 2 -"].map((stamp) => ({
        ops: `q 595 0 0 842 0 0 cm /Im1 Do Q\n${textLines([stamp], "F1", 8)}`,
        resources: ">> /XObject << /Im1 90 0 R",
      })),
      { extraObjects: [{ id: 90, dict: image.slice(3, -3), stream: "\u0080\u0040\u0020\u0010" }] },
    );
    const error = await refusal(read(pdf));
    expect(error.code).toBe("document_needs_ocr");
    expect(error.status).toBe(422);
    expect(error.detail).toMatch(/^Document scanné sans texte/u);
  });
});

describe("PDF text: layout and file-structure traps", () => {
  it("reads pages rotated by /Rotate and text drawn with a rotated matrix", async () => {
    const result = await read(
      pdfWithContents([
        { ops: textLines(LINES), page: "/Rotate 90" },
        { ops: textLines(["Plan du logement, côté rue"]), page: "/Rotate 270" },
        { ops: `BT /F1 12 Tf 0 1 -1 0 300 100 Tm ${pdfString("Texte écrit à la verticale")} Tj ET` },
      ]),
    );
    for (const line of [...LINES, "Plan du logement, côté rue", "Texte écrit à la verticale"])
      expect(result.text).toContain(line);
  });

  it("reads a file whose xref offsets are all wrong, and one with no xref at all", async () => {
    for (const xref of ["wrong-offsets", "none"] as const) {
      const result = await read(pdfWithContents([{ ops: textLines(LINES) }], { xref }));
      expect(result.text).toContain(LINES[1]);
    }
  });

  it("reads a file cut before its xref and trailer, one cut inside its last stream, and one whose startxref points past the end", async () => {
    const whole = pdfWithContents([{ ops: textLines(LINES) }]);
    const text = new TextDecoder("latin1").decode(whole);
    const cut = whole.subarray(0, text.indexOf("xref"));
    expect((await read(cut)).text).toContain(LINES[1]);
    // The content stream is the file's only stream: cut just before its last operator ends.
    const cutInStream = whole.subarray(0, text.indexOf("endstream") - 4);
    expect(new TextDecoder("latin1").decode(cutInStream)).not.toMatch(/endstream|trailer|%%EOF/u);
    expect((await read(cutInStream)).text).toContain(LINES[0]);
    const pastEnd = new TextEncoder().encode(text.replace(/startxref\n\d+/u, "startxref\n99999999"));
    expect((await read(pastEnd)).text).toContain(LINES[1]);
  });

  it("reads a file with junk before the %PDF header (a mail gateway's banner)", async () => {
    const pdf = pdfWithContents([{ ops: textLines(LINES) }]);
    const junk = new TextEncoder().encode("X-Scanned-By: passerelle\r\n\r\n");
    const result = await read(Uint8Array.from([...junk, ...pdf]));
    expect(result.text).toContain(LINES[0]);
  });

  it("reads a cross-reference stream with objects packed in an object stream (PDF 1.5)", async () => {
    const result = await read(
      pdfWithContents([{ ops: textLines(LINES) }, { ops: textLines(["Deuxième page"]) }], { xref: "stream" }),
    );
    expect(result.text).toContain(LINES[0]);
    expect(result.text).toContain("Deuxième page");
  });

  it("reads the last revision of an incrementally updated file", async () => {
    const base = pdfWithContents([{ ops: textLines(["Brouillon du constat"]) }]);
    const updated = appendIncrementalUpdate(
      base,
      [{ id: 5, dict: "", stream: textLines(["Constat signé le 12/03/2025"]) }],
      1,
    );
    const result = await read(updated);
    expect(result.text).toBe("Constat signé le 12/03/2025");
  });

  it("reads content streams in ASCIIHex, ASCII85, LZW and chained filters", async () => {
    const ops = textLines(LINES);
    const cases = [
      { ops: asciiHex(ops), filter: "/ASCIIHexDecode" },
      { ops: ascii85(ops), filter: "/ASCII85Decode" },
      { ops: lzw(ops), filter: "/LZWDecode" },
      { ops: ascii85(deflateSync(Buffer.from(ops, "latin1"))), filter: "[/ASCII85Decode /FlateDecode]" },
      { ops: asciiHex(lzw(ops)), filter: "[/AHx /LZW]" },
    ];
    for (const c of cases) {
      const result = await read(pdfWithContents([c]));
      expect(result.text, c.filter).toContain(LINES[1]);
    }
  });

  it("keeps text set in the Symbol and ZapfDingbats fonts", async () => {
    const ops = [
      `BT /F1 11 Tf 56 780 Td ${pdfString("Franchise ")} Tj /F2 11 Tf (\\263) Tj /F1 11 Tf ${pdfString(" 150 €")} Tj ET`,
      `BT /F3 11 Tf 56 760 Td (4) Tj /F1 11 Tf ${pdfString(" Constat amiable joint")} Tj ET`,
      `BT /F2 11 Tf 56 740 Td (abg) Tj ET`,
    ].join("\n");
    const result = await read(
      pdfWithContents([{ ops, resources: "/F2 91 0 R /F3 92 0 R" }], {
        extraObjects: [
          { id: 91, dict: "<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>" },
          { id: 92, dict: "<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>" },
        ],
      }),
    );
    expect(result.text).toContain("≥");
    expect(result.text).toContain("✔ Constat amiable joint");
    expect(result.text).toContain("αβγ");
    expect(result.text).toContain("Constat amiable joint");
  });

  it("turns Word's Symbol and Wingdings characters (mapped by ToUnicode to U+F0xx) into the symbols they show", async () => {
    // Word writes bullets and form boxes in Symbol or Wingdings with a ToUnicode map into the private use area.
    const marks = [0xf0b7, 0xf0fe, 0xf0a8, 0xf0fc];
    const cmap = [
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /W-PUA def /CMapType 2 def",
      "1 begincodespacerange <00> <FF> endcodespacerange",
      `${marks.length} beginbfchar`,
      ...marks.map((m, i) => `<${(0x41 + i).toString(16)}> <${m.toString(16)}>`),
      "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end",
    ].join("\n");
    const ops = [
      `BT /F8 11 Tf 56 780 Td (A) Tj /F1 11 Tf ${pdfString(" Dommages au véhicule")} Tj ET`,
      `BT /F8 11 Tf 56 760 Td (B) Tj /F1 11 Tf ${pdfString(" Blessés")} Tj ET`,
      `BT /F8 11 Tf 56 740 Td (C) Tj /F1 11 Tf ${pdfString(" Témoins")} Tj ET`,
      `BT /F8 11 Tf 56 720 Td (D) Tj /F1 11 Tf ${pdfString(" Constat signé")} Tj ET`,
    ].join("\n");
    const result = await read(
      pdfWithContents([{ ops, resources: "/F8 99 0 R" }], {
        extraObjects: [
          {
            id: 99,
            dict: "<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Wingdings-Regular /FirstChar 65 /LastChar 68 /Widths [800 800 800 800] /ToUnicode 100 0 R >>",
          },
          { id: 100, dict: "", stream: cmap },
        ],
      }),
    );
    expect(result.text).toContain("• Dommages au véhicule");
    expect(result.text).toContain("☑ Blessés");
    expect(result.text).toContain("☐ Témoins");
    expect(result.text).toContain("✓ Constat signé");
    expect(result.text).not.toMatch(/[\uf000-\uf0ff]/u);
  });

  it("reads text of a CID font (Identity-H) through its ToUnicode map, as Word writes it", async () => {
    const text = "Sinistre n° 2025-0042";
    const glyphs = [...text].map((_, i) => (i + 3).toString(16).padStart(4, "0")).join("");
    const cmap = [
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def",
      "1 begincodespacerange <0000> <FFFF> endcodespacerange",
      `${text.length} beginbfchar`,
      ...[...text].map(
        (c, i) => `<${(i + 3).toString(16).padStart(4, "0")}> <${c.charCodeAt(0).toString(16).padStart(4, "0")}>`,
      ),
      "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end",
    ].join("\n");
    const result = await read(
      pdfWithContents([{ ops: `BT /F5 12 Tf 56 780 Td <${glyphs}> Tj ET`, resources: "/F5 93 0 R" }], {
        extraObjects: [
          {
            id: 93,
            dict: "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Calibri /Encoding /Identity-H /DescendantFonts [94 0 R] /ToUnicode 95 0 R >>",
          },
          {
            id: 94,
            dict: "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Calibri /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>",
          },
          { id: 95, dict: "", stream: cmap },
        ],
      }),
    );
    expect(result.text).toContain(text);
  });
});

describe("PDF text: where else text hides", () => {
  it("reads the invisible OCR layer of a scanned page (text render mode 3), as scanners write it", async () => {
    const image = "/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8";
    const ops = `q 595 0 0 842 0 0 cm /Im1 Do Q\nBT 3 Tr /F1 11 Tf 56 780 Td ${pdfString(LINES[0] as string)} Tj ET`;
    const result = await read(
      pdfWithContents([{ ops, resources: ">> /XObject << /Im1 90 0 R" }], {
        extraObjects: [{ id: 90, dict: image, stream: "\u0080\u0040\u0020\u0010" }],
      }),
    );
    expect(result.text).toContain(LINES[0]);
  });

  it("reads text drawn inside a form XObject (a letterhead, a stamp)", async () => {
    const form = {
      id: 96,
      dict: "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>",
      stream: textLines(["MAIF, service sinistres, 79018 Niort"]),
    };
    const result = await read(
      pdfWithContents(
        [
          {
            ops: `q /Fm1 Do Q\n${textLines(["Objet : votre déclaration"], "F1", 10).replace("780", "600")}`,
            resources: ">> /XObject << /Fm1 96 0 R",
          },
        ],
        { extraObjects: [form] },
      ),
    );
    expect(result.text).toContain("MAIF, service sinistres, 79018 Niort");
    expect(result.text).toContain("Objet : votre déclaration");
  });

  it("reads text in a Type 3 font whose glyph names are standard", async () => {
    const glyph = (name: string) => `/${name} 97 0 R`;
    const type3 = `<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << ${["O", "u", "i"].map(glyph).join(" ")} >> /Encoding << /Type /Encoding /Differences [79 /O 105 /i 117 /u] >> /FirstChar 79 /LastChar 117 /Widths [${Array.from({ length: 39 }, () => 600).join(" ")}] /Resources << >> >>`;
    const result = await read(
      pdfWithContents([{ ops: "BT /F7 12 Tf 56 780 Td (Oui) Tj ET", resources: "/F7 98 0 R" }], {
        extraObjects: [
          { id: 97, dict: "", stream: "600 0 0 0 600 700 d1 0 0 600 700 re f" },
          { id: 98, dict: type3 },
        ],
      }),
    );
    expect(result.text).toContain("Oui");
  });
});

describe("PDF text: dynamic XFA forms", () => {
  it("does not take Adobe's 'Please wait' page of a dynamic XFA form for the document", async () => {
    const placeholder = [
      "Please wait...",
      "If this message is not eventually replaced by the proper contents of the document, your PDF",
      "viewer may not be able to display this type of document.",
    ];
    const error = await refusal(read(pdfWithContents([{ ops: textLines(placeholder) }])));
    expect(error.status).toBe(422);
    expect(error.detail).toMatch(/formulaire dynamique \(XFA\)/u);
  });
});

describe("PDF text: forms and comments", () => {
  function formPdf(pageOps: string): Uint8Array {
    const objects: RawPdfObject[] = [
      {
        id: 1,
        dict: "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [10 0 R 11 0 R 12 0 R 16 0 R] /NeedAppearances true >> >>",
      },
      { id: 2, dict: "<< /Type /Pages /Kids [4 0 R] /Count 1 >>" },
      { id: 3, dict: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>" },
      {
        id: 4,
        dict: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R /Annots [10 0 R 11 0 R 12 0 R 13 0 R 16 0 R] >>",
      },
      { id: 5, dict: "", stream: pageOps },
      {
        id: 10,
        dict: `<< /Type /Annot /Subtype /Widget /FT /Tx /T (nom) /TU ${pdfString("Nom du sociétaire")} /V ${pdfString("Jean Dupont")} /Rect [150 700 400 720] /P 4 0 R /F 4 /DA (/Helv 10 Tf 0 g) >>`,
      },
      {
        id: 11,
        dict: `<< /Type /Annot /Subtype /Widget /FT /Btn /T (blesses) /TU ${pdfString("Blessés")} /V /Oui /AS /Oui /Rect [150 670 165 685] /P 4 0 R /F 4 /AP << /N << /Oui 14 0 R /Off 15 0 R >> >> >>`,
      },
      {
        id: 12,
        dict: `<< /Type /Annot /Subtype /Widget /FT /Ch /Ff 131072 /T (ville) /TU (Ville) /Opt [[(NIO) (Niort)] [(PAR) (Paris)]] /V (NIO) /Rect [150 640 400 660] /P 4 0 R /F 4 >>`,
      },
      {
        id: 13,
        dict: `<< /Type /Annot /Subtype /Text /Contents ${pdfString("Voir le devis joint")} /Rect [500 800 520 820] /P 4 0 R >>`,
      },
      { id: 14, dict: "/Type /XObject /Subtype /Form /BBox [0 0 15 15]", stream: "0 0 m 15 15 l S" },
      { id: 15, dict: "/Type /XObject /Subtype /Form /BBox [0 0 15 15]", stream: "" },
      {
        id: 16,
        dict: `<< /Type /Annot /Subtype /Widget /FT /Btn /T (temoin) /TU ${pdfString("Témoin présent")} /V /Off /AS /Off /Rect [150 610 165 625] /P 4 0 R /F 4 /AP << /N << /Oui 14 0 R /Off 15 0 R >> >> >>`,
      },
    ];
    return writePdf({ objects, root: 1 });
  }

  it("reads filled AcroForm fields with their labels, and comments", async () => {
    const result = await read(formPdf(textLines(["Déclaration de sinistre"])));
    expect(result.text).toContain("Déclaration de sinistre");
    expect(result.text).toContain("Nom du sociétaire : Jean Dupont");
    expect(result.text).toContain("Blessés : coché");
    expect(result.text).toContain("Ville : Niort");
    expect(result.text).toContain("Voir le devis joint");
    expect(result.text).not.toContain("Témoin présent");
  });

  it("accepts a form whose only text is its field values (a filled form over a scanned background)", async () => {
    const result = await read(formPdf(""));
    expect(result.text).toContain("Jean Dupont");
  });
});

describe("PDF text: more form fields", () => {
  it("reads a radio group once, a multi-line text field, a multiple choice, and a field no page shows", async () => {
    const objects: RawPdfObject[] = [
      { id: 1, dict: "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [10 0 R 20 0 R 21 0 R 30 0 R] >> >>" },
      { id: 2, dict: "<< /Type /Pages /Kids [4 0 R] /Count 1 >>" },
      { id: 3, dict: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>" },
      {
        id: 4,
        dict: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R /Annots [11 0 R 12 0 R 20 0 R 21 0 R] >>",
      },
      { id: 5, dict: "", stream: textLines(["Questionnaire"]) },
      {
        id: 10,
        dict: `<< /FT /Btn /Ff 49152 /T (usage) /TU ${pdfString("Usage du véhicule")} /V /Professionnel /Kids [11 0 R 12 0 R] >>`,
      },
      {
        id: 11,
        dict: "<< /Type /Annot /Subtype /Widget /Parent 10 0 R /AS /Off /Rect [100 700 115 715] /P 4 0 R /AP << /N << /Personnel 14 0 R /Off 15 0 R >> >> >>",
      },
      {
        id: 12,
        dict: "<< /Type /Annot /Subtype /Widget /Parent 10 0 R /AS /Professionnel /Rect [200 700 215 715] /P 4 0 R /AP << /N << /Professionnel 14 0 R /Off 15 0 R >> >> >>",
      },
      { id: 14, dict: "/Type /XObject /Subtype /Form /BBox [0 0 15 15]", stream: "0 0 m 15 15 l S" },
      { id: 15, dict: "/Type /XObject /Subtype /Form /BBox [0 0 15 15]", stream: "" },
      {
        id: 20,
        dict: `<< /Type /Annot /Subtype /Widget /FT /Tx /Ff 4096 /T (circonstances) /TU (Circonstances) /V ${pdfString("Le véhicule B a reculé.\rIl a heurté mon pare-chocs.")} /Rect [100 500 500 600] /P 4 0 R >>`,
      },
      {
        id: 21,
        dict: `<< /Type /Annot /Subtype /Widget /FT /Ch /Ff 2097152 /T (degats) /TU ${pdfString("Dégâts")} /Opt [(Pare-chocs) (Phare) (Portière)] /V [(Pare-chocs) (Phare)] /Rect [100 400 300 480] /P 4 0 R >>`,
      },
      // A merged field and widget that no page lists in /Annots.
      {
        id: 30,
        dict: `<< /Type /Annot /Subtype /Widget /FT /Tx /T (numero_contrat) /TU ${pdfString("N° de contrat")} /V (4471 0098 2) /Rect [100 300 300 320] >>`,
      },
    ];
    const result = await read(writePdf({ objects, root: 1 }));
    // pdf.js gives a radio button its own tooltip only, not its group's: the group's name labels it then.
    expect(result.text).toMatch(/(?:Usage du véhicule|usage) : Professionnel/u);
    expect(result.text.match(/Professionnel/gu)).toHaveLength(1);
    expect(result.text).not.toContain("Personnel");
    expect(result.text).toMatch(/Circonstances : Le véhicule B a reculé\.\s+Il a heurté mon pare-chocs\./u);
    expect(result.text).toContain("Dégâts : Pare-chocs, Phare");
    expect(result.text).toMatch(/(?:N° de contrat|numero_contrat) : 4471 0098 2/u);
  });
});

describe("PDF text: passwords", () => {
  it("refuses a PDF that needs a password to open with a clear 422 in French", async () => {
    const error = await refusal(read(buildPasswordPdf(LINES, { user: "secret", owner: "proprietaire" })));
    expect(error.status).toBe(422);
    expect(error.code).toBe("document_unreadable");
    expect(error.detail).toMatch(/protégé par un mot de passe/u);
    expect(error.detail).toMatch(/sans mot de passe/u);
  });

  it("reads a PDF protected only by an owner password (no password to open)", async () => {
    const result = await read(buildPasswordPdf(LINES, { user: "", owner: "proprietaire" }));
    expect(result.text).toContain(LINES[1]);
  });
});
