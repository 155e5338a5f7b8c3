// From a scan to extraction fields: the OCR text (as the adviser would use it) is the source of a document-extraction,
// every quote is found in it, and only pseudonymised text reaches the provider.
import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Field } from "../../src/schemas/extraction";
import { GenerationResponseSchema } from "../../src/schemas/generation";
import { ScanSourceResponseSchema, type ScanSourceResponse } from "../../src/schemas/scan";
import type { Db } from "../../server/store/db";
import { useAppWithFakeProvider } from "../support/app-fixture";
import { createTestStore, type TestStore } from "../support/stores";
import { buildTestApp } from "../support/test-app";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/scans/${name}`, import.meta.url));

async function ocr(app: FastifyInstance, name: string, type: string): Promise<ScanSourceResponse> {
  const boundary = "----GreffierOcrExtraction";
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    fixture(name),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await app.inject({
    method: "POST",
    url: "/api/sources/scan",
    payload,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  });
  expect(response.statusCode).toBe(200);
  return ScanSourceResponseSchema.parse(response.json());
}

/** Every field of an extraction, nested ones included, with its path. */
function fieldsOf(value: unknown, path = ""): { path: string; field: Field }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => fieldsOf(v, `${path}[${i}]`));
  if (typeof value !== "object" || value === null) return [];
  if ("value" in value && "quote" in value) return [{ path, field: value as Field }];
  return Object.entries(value).flatMap(([k, v]) => fieldsOf(v, path ? `${path}.${k}` : k));
}

const squash = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, "").toLowerCase();

describe("extraction from OCR text, without any generative AI (offline engine)", () => {
  let store: TestStore;
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await createTestStore("pglite");
    db = await store.open();
    ({ app } = await buildTestApp({ db, env: {} }));
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await store.destroy();
  });

  const cases = [
    {
      name: "declaration-sinistre-scan.pdf",
      type: "application/pdf",
      documentType: "declaration-sinistre-auto",
      plate: "EK-305-TZ",
      date: "21/09/2026",
    },
    {
      name: "constat-amiable-photo.jpg",
      type: "image/jpeg",
      documentType: "constat-amiable",
      plate: "GD-184-LM",
      date: "03/11/2026",
    },
  ] as const;

  for (const c of cases) {
    it(`${c.name}: the fields quote the OCR text, and the date and a plate are found`, async () => {
      const scan = await ocr(app, c.name, c.type);
      const response = await app.inject({
        method: "POST",
        url: "/api/generations",
        payload: {
          task: "document-extraction",
          documentType: c.documentType,
          notes: "Document reçu du sociétaire",
          source: scan.text,
        },
      });
      expect(response.statusCode).toBe(201);
      const result = GenerationResponseSchema.parse(response.json());
      expect(result.extraction?.documentType).toBe(c.documentType);
      const filled = fieldsOf(result.extraction).filter(({ field }) => field.value !== null);
      expect(filled.length).toBeGreaterThanOrEqual(2);
      for (const { path, field } of filled) {
        expect(field.quote, path).not.toBeNull();
        expect(scan.text, path).toContain(field.quote);
      }
      const values = filled.map(({ field }) => squash(field.value ?? ""));
      expect(values).toContain(squash(c.date));
      expect(values).toContain(squash(c.plate));
    }, 60_000);
  }
});

describe("extraction from OCR text with a provider", () => {
  const ctx = useAppWithFakeProvider("pglite");

  it("sends the provider pseudonymised text, never the image", async () => {
    const scan = await ocr(ctx.app, "constat-amiable-photo.jpg", "image/jpeg");
    ctx.fake.requests.length = 0;
    await ctx.app.inject({
      method: "POST",
      url: "/api/generations",
      payload: {
        task: "document-extraction",
        documentType: "constat-amiable",
        notes: "Photo reçue",
        source: scan.text,
      },
    });
    expect(ctx.fake.requests.length).toBeGreaterThan(0);
    const sent = JSON.stringify(ctx.fake.requests.map((r) => r.body));
    // The page's text reached it (a phrase of the form), its plates did not, and no picture at all.
    expect(sent).toMatch(/c[ée]der le passage/u);
    expect(scan.text).toContain("GD-184-LM");
    expect(sent).not.toContain("GD-184-LM");
    expect(sent).not.toMatch(/image_url|data:image|base64/u);
  }, 60_000);
});
