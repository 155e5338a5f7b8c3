// POST /api/sources/document through the real app: each document problem keeps its code, status and French detail.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProblemSchema } from "../../src/schemas/problem";
import { DocumentSourceResponseSchema } from "../../src/schemas/sources";
import type { Db } from "../../server/store/db";
import {
  buildDocxBomb,
  buildPasswordPdf,
  buildPdf,
  buildPdfBomb,
  pdfString,
  pdfWithContents,
  textLines,
  writePdf,
} from "../support/document-builders";
import { createTestStore, type TestStore } from "../support/stores";
import { buildTestApp } from "../support/test-app";

describe("document problems over HTTP", () => {
  let store: TestStore;
  let db: Db;
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    store = await createTestStore("pglite");
    db = await store.open();
    ({ app } = await buildTestApp({ db, env: { STATIC_DIR: "./no-static", LOG_LEVEL: "silent" } }));
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await store.destroy();
  });

  async function upload(bytes: Uint8Array, filename: string): Promise<Response> {
    const form = new FormData();
    form.append(
      "file",
      new Blob([new Uint8Array(bytes)], {
        type: filename.endsWith(".pdf") ? "application/pdf" : "application/octet-stream",
      }),
      filename,
    );
    return fetch(`${url}/api/sources/document`, { method: "POST", body: form });
  }

  async function problem(response: Response) {
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/u);
    return ProblemSchema.parse(await response.json());
  }

  it("sends a scan to OCR: 422 document_needs_ocr, 'Document scanné sans texte'", async () => {
    const response = await upload(
      buildPdf([{ hasImage: true }, { hasImage: true, lines: ["2/2"] }]),
      "constat-scanne.pdf",
    );
    expect(response.status).toBe(422);
    const body = await problem(response);
    expect(body.code).toBe("document_needs_ocr");
    expect(body.detail).toMatch(/^Document scanné sans texte/u);
  });

  it("answers a password-protected PDF with a clear 422 in French", async () => {
    const response = await upload(
      buildPasswordPdf(["Relevé d'informations"], { user: "1234", owner: "abcd" }),
      "releve.pdf",
    );
    expect(response.status).toBe(422);
    const body = await problem(response);
    expect(body.code).toBe("document_unreadable");
    expect(body.detail).toMatch(/protégé par un mot de passe/u);
  });

  it("answers a DOCX bomb and a PDF bomb with 413", async () => {
    expect((await problem(await upload(buildDocxBomb({ inflatedMb: 50 }), "bombe.docx"))).status).toBe(413);
    expect((await problem(await upload(buildPdfBomb({ inflatedMb: 100 }), "bombe.pdf"))).status).toBe(413);
  });

  it("reads a PDF with little text, a form field and no page text", async () => {
    const objects = [
      { id: 1, dict: "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] >> >>" },
      { id: 2, dict: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>" },
      { id: 3, dict: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Annots [5 0 R] >>" },
      { id: 4, dict: "", stream: "" },
      {
        id: 5,
        dict: `<< /Type /Annot /Subtype /Widget /FT /Tx /T (immat) /TU ${pdfString("Immatriculation")} /V (AB-123-CD) /Rect [100 700 300 720] /P 3 0 R >>`,
      },
    ];
    const form = await upload(writePdf({ objects, root: 1 }), "formulaire.pdf");
    expect(form.status).toBe(200);
    expect(DocumentSourceResponseSchema.parse(await form.json()).text).toBe("Immatriculation : AB-123-CD");

    const little = await upload(pdfWithContents([{ ops: textLines(["Vu"]) }, { ops: "" }]), "visa.pdf");
    expect(little.status).toBe(200);
    expect(DocumentSourceResponseSchema.parse(await little.json())).toMatchObject({
      text: "Vu",
      pages: 2,
      pagesWithoutText: [1, 2],
    });
  });
});
