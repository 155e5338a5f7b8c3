// Decompression bombs are refused on their declared or measured size, before mammoth or pdf.js inflates them.
import { deflateSync } from "node:zlib";
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../../src/errors";
import { readDocumentText } from "../../../../server/documents/read";
import { assertStreamsWithinLimits } from "../../../../server/documents/pdf-streams";
import { buildDocx, buildDocxBomb, buildPdfBomb, pdfWithContents, textLines } from "../../../support/document-builders";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("the document was accepted");
}

/** Runs `work` and reports how much the heap and the process grew meanwhile. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; rssGrowthMb: number; ms: number }> {
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const result = await work();
  return { result, rssGrowthMb: (process.memoryUsage().rss - before) / 2 ** 20, ms: performance.now() - started };
}

describe("DOCX bombs", () => {
  it.each([
    ["190 MB", 190],
    ["50 MB", 50],
  ])(
    "refuses a DOCX whose document.xml inflates to %s with a 413 in French, without inflating it",
    async (_label, inflatedMb) => {
      const bomb = buildDocxBomb({ inflatedMb });
      expect(bomb.length).toBeLessThan(inflatedMb * 6_000);
      const { result: error, rssGrowthMb, ms } = await measured(() => refusal(readDocumentText(bomb, "contrat.docx")));
      expect(error.status).toBe(413);
      expect(error.code).toBe("payload_too_large");
      expect(error.detail).toMatch(/anormalement volumineux une fois décompressé/u);
      expect(rssGrowthMb).toBeLessThan(40);
      expect(ms).toBeLessThan(5_000);
    },
  );

  it("refuses a part under the size limit whose compression ratio no real XML reaches", async () => {
    const bomb = buildDocxBomb({ inflatedMb: 10 });
    const error = await refusal(readDocumentText(bomb, "contrat.docx"));
    expect(error.status).toBe(413);
    expect(error.detail).toMatch(/compressé de façon anormale/u);
  });

  it("refuses a bomb whose central directory lies about the inflated size (a damaged file), inflating no more than it declared", async () => {
    const bomb = buildDocxBomb({ inflatedMb: 190, declaredMb: 2 });
    const { result: error, rssGrowthMb } = await measured(() => refusal(readDocumentText(bomb, "contrat.docx")));
    expect([413, 422]).toContain(error.status);
    expect(error.detail).toMatch(/anormalement volumineux|Le fichier Word est illisible ou endommagé/u);
    expect(rssGrowthMb).toBeLessThan(40);
  });

  it("refuses an entity-expansion bomb (billion laughs) in document.xml as a damaged file, before any XML parser runs", async () => {
    const files = unzipSync(await buildDocx(["Texte"]));
    const entities = [
      '<!ENTITY l0 "rire ">',
      ...Array.from({ length: 12 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`),
    ].join("");
    files["word/document.xml"] = strToU8(
      `<?xml version="1.0"?><!DOCTYPE w:document [${entities}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&l12;</w:t></w:r></w:p></w:body></w:document>`,
    );
    const { result: error, ms } = await measured(() => refusal(readDocumentText(zipSync(files), "rires.docx")));
    expect(error.status).toBe(422);
    expect(error.detail).toMatch(/Le fichier Word est illisible/u);
    expect(ms).toBeLessThan(5_000);
  });

  it("still reads a real DOCX of many paragraphs", async () => {
    const paragraphs = Array.from(
      { length: 1_000 },
      (_, i) => `Article ${i + 1} : la garantie couvre les dommages causés au logement assuré.`,
    );
    const result = await readDocumentText(await buildDocx(paragraphs), "cg.docx");
    expect(result.text).toContain("Article 1000 : la garantie");
  });
});

describe("PDF bombs", () => {
  it("refuses a PDF whose content stream inflates to 100 MB with a 413, measuring at most the limit", async () => {
    const bomb = buildPdfBomb({ inflatedMb: 100 });
    expect(bomb.length).toBeLessThan(600_000);
    const { result: error, rssGrowthMb, ms } = await measured(() => refusal(readDocumentText(bomb, "constat.pdf")));
    expect(error.status).toBe(413);
    expect(error.detail).toMatch(/anormalement volumineux une fois décompressé/u);
    expect(rssGrowthMb).toBeLessThan(40);
    // Seconds at most on a loaded 2-core machine; the same file on the main thread used to take about a minute.
    expect(ms).toBeLessThan(15_000);
  });

  it("refuses a PDF bomb whose stream is damaged near its end", async () => {
    const bomb = buildPdfBomb({ inflatedMb: 100 });
    const end = new TextDecoder("latin1").decode(bomb).indexOf("endstream");
    bomb.fill(0xff, end - 2_000, end - 1_000);
    const error = await refusal(readDocumentText(bomb, "constat.pdf"));
    expect(error.status).toBe(413);
  });

  it("refuses streams that each stay under the per-stream limit but together exceed the total", async () => {
    const error = await refusal(readDocumentText(buildPdfBomb({ inflatedMb: 120, pages: 8 }), "plans.pdf"));
    expect(error.status).toBe(413);
  });

  it("does not count an attached file or an image, which text extraction never decodes", async () => {
    const big = new Uint8Array(40 * 1024 * 1024).fill(0x41);
    const packed = deflateSync(big);
    const pdf = pdfWithContents([{ ops: textLines(["Facture jointe en pièce attachée"]) }], {
      extraObjects: [
        { id: 90, dict: "/Type /EmbeddedFile /Subtype /text#2Fplain /Filter /FlateDecode", stream: packed },
        {
          id: 91,
          dict: "/Type /XObject /Subtype /Image /Width 4096 /Height 10240 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",
          stream: packed,
        },
      ],
    });
    expect((await readDocumentText(pdf, "facture.pdf")).text).toBe("Facture jointe en pièce attachée");
  });

  it("counts ordinary content streams without refusing them", () => {
    const measure = assertStreamsWithinLimits(pdfWithContents([{ ops: textLines(["Texte ordinaire"]) }]));
    expect(measure.streams).toBe(1);
    expect(measure.inflatedBytes).toBe(0);
  });
});
