// Reading uploads in the document pool: real documents within the worker's heap, refusals with their codes, a bomb not
// costing the next job.
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../../../src/errors";
import { createDocumentPool } from "../../../../server/documents/pool";
import { readDocument } from "../../../../server/documents/read-in-pool";
import { buildDocx, buildDocxBomb, buildPdf, buildWordLikeDocx } from "../../../support/document-builders";

// The product's heap (256 MB): what fits here fits in production.
const pool = createDocumentPool({ maxThreads: 1, heapMb: 256, defaultTimeoutMs: 20_000 });
afterAll(() => pool.close());

const ARTICLE = (i: number) =>
  `Article ${i} : en cas de dégât des eaux, l’assuré déclare le sinistre dans les cinq jours ouvrés suivant sa découverte.`;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("the document was accepted");
}

describe("readDocument in the pool", () => {
  it("reads a DOCX written like Word (about 8 MB of XML for 140 000 characters) within the worker's heap", async () => {
    const paragraphs = Array.from({ length: 1_200 }, (_, i) => ARTICLE(i + 1));
    const result = await readDocument(pool, { bytes: buildWordLikeDocx(paragraphs), filename: "conditions.docx" });
    expect(result.format).toBe("docx");
    expect(result.text).toContain(ARTICLE(1));
    expect(result.text).toContain(ARTICLE(1_200));
  }, 60_000);

  it("refuses a DOCX with far more text than a source holds in a 413, before mammoth reads it", async () => {
    const paragraphs = Array.from({ length: 12_000 }, (_, i) => ARTICLE(i + 1));
    const docx = await buildDocx(paragraphs);
    const started = performance.now();
    const error = await refusal(readDocument(pool, { bytes: docx, filename: "recueil.docx" }));
    expect(error.status).toBe(413);
    expect(error.detail).toMatch(/plus de 200\s000 caractères/u);
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 60_000);

  it("answers a bomb and then reads the next document in the same pool", async () => {
    const bomb = await refusal(
      readDocument(pool, { bytes: buildDocxBomb({ inflatedMb: 190 }), filename: "bombe.docx" }),
    );
    expect(bomb.status).toBe(413);
    const result = await readDocument(pool, {
      bytes: buildPdf([{ lines: ["Constat amiable du 12/03/2025, rue de la Gare à Niort."] }]),
      filename: "constat.pdf",
    });
    expect(result.text).toBe("Constat amiable du 12/03/2025, rue de la Gare à Niort.");
  });
});
