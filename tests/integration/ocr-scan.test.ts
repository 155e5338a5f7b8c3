// POST /api/sources/scan through the real app and its worker pool: scans and photos read by OCR, progress by SSE,
// refusals as French problem+json.
import { readFileSync } from "node:fs";
import type { LightMyRequestResponse } from "fastify";
import { describe, expect, it } from "vitest";
import { ProblemSchema } from "../../src/schemas/problem";
import { ScanEventSchemas, ScanSourceResponseSchema } from "../../src/schemas/scan";
import { buildEncryptedPdf, buildPdf } from "../support/document-builders";
import { useAppWithFakeProvider } from "../support/app-fixture";
import { parseSse } from "../support/test-app";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/scans/${name}`, import.meta.url)));

/** A multipart/form-data body as the pane's FormData sends it. */
function form(
  content: Uint8Array,
  filename: string,
  type: string,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = "----GreffierScanBoundary3f9a";
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

function expectProblem(response: LightMyRequestResponse, status: number, detail: RegExp): void {
  expect(response.statusCode).toBe(status);
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/u);
  const problem = ProblemSchema.parse(response.json());
  expect(problem.detail).toMatch(detail);
}

/** Letters and digits only, lower case: OCR may differ from the form in spacing and punctuation, not in these. */
const squash = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^\p{L}\p{N}]/gu, "");

/**
 * Every value written on the form is in the OCR text but `misses` at most: on a blurred, noisy scan Tesseract may
 * misread a character of one value (a Q for a 0), which is what the adviser's correction step is for.
 */
function expectValuesRead(text: string, values: readonly string[], misses = 1): void {
  const read = squash(text);
  const missing = values.filter((v) => !read.includes(squash(v)));
  expect(missing.length, `not read: ${missing.join(", ")}`).toBeLessThanOrEqual(misses);
}

describe("POST /api/sources/scan", () => {
  const ctx = useAppWithFakeProvider("pglite");
  const scan = (content: Uint8Array, filename: string, type: string, headers: Record<string, string> = {}) => {
    const body = form(content, filename, type);
    return ctx.app.inject({
      method: "POST",
      url: "/api/sources/scan",
      payload: body.payload,
      headers: { ...body.headers, ...headers },
    });
  };

  it("reads a phone photo of a constat amiable: vehicles' plates, date and names, with a confidence for the page", async () => {
    const response = await scan(fixture("constat-amiable-photo.jpg"), "IMG_2041.jpg", "image/jpeg");
    expect(response.statusCode).toBe(200);
    const result = ScanSourceResponseSchema.parse(response.json());
    expect(result).toMatchObject({ format: "jpeg", ocr: true });
    expect(result.pages).toHaveLength(1);
    expectValuesRead(result.text, [
      "GD-184-LM",
      "FH-927-RC",
      "03/11/2026",
      "17h40",
      "MOREAU Julien",
      "ROUSSEL Nadia",
      "Peugeot 308",
      "Toyota Yaris",
      "Niort",
      "constat amiable",
    ]);
    expect(result.pages[0]!.confidence).toBeGreaterThan(50);
    expect(result.characters).toBe(result.text.length);
  }, 60_000);

  it("reads a scanned claim declaration (PDF without text, turned 3°), and streams progress before the result", async () => {
    const response = await scan(fixture("declaration-sinistre-scan.pdf"), "scan.pdf", "application/pdf", {
      accept: "text/event-stream",
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/event-stream/u);
    const events = parseSse(response.body);
    expect(events.map((e) => e.event)).toEqual(["progress", "progress", "done"]);
    expect(events.slice(0, 2).map((e) => ScanEventSchemas.progress.parse(e.data))).toEqual([
      { page: 0, pages: 1 },
      { page: 1, pages: 1 },
    ]);
    const result = ScanEventSchemas.done.parse(events[2]!.data);
    expect(result.format).toBe("pdf");
    expectValuesRead(result.text, [
      "EK-305-TZ",
      "BN-772-QS",
      "21/09/2026",
      "08h15",
      "LEFEBVRE Martine",
      "GARNIER Paul",
      "Châtellerault",
      "Renault Clio",
      "déclaration de sinistre",
    ]);
    // The 3° turn was measured and corrected.
    expect(Math.abs(result.pages[0]!.skewDegrees)).toBeGreaterThan(1.5);
  }, 60_000);

  it("reads a scan in several pages page by page, in order, with progress after each", async () => {
    const page = fixture("declaration-sinistre-scan.jpg");
    // Two pages: the scan, then the same scan upside down (a sheet fed the wrong way); both must come out readable.
    const { jpegsToPdf } = await import("../fixtures/scans/make-scans");
    const { createCanvas, loadImage } = await import("@napi-rs/canvas");
    const image = await loadImage(Buffer.from(page));
    const turned = createCanvas(image.width, image.height);
    const g = turned.getContext("2d");
    g.translate(image.width, image.height);
    g.rotate(Math.PI);
    g.drawImage(image, 0, 0);
    const pdf = await jpegsToPdf([Buffer.from(page), turned.toBuffer("image/jpeg", 60)]);
    const response = await scan(new Uint8Array(pdf), "deux-pages.pdf", "application/pdf", {
      accept: "text/event-stream",
    });
    const events = parseSse(response.body);
    expect(events.filter((e) => e.event === "progress").map((e) => e.data)).toEqual([
      { page: 0, pages: 2 },
      { page: 1, pages: 2 },
      { page: 2, pages: 2 },
    ]);
    const result = ScanEventSchemas.done.parse(events.at(-1)!.data);
    expect(result.pages.map((p) => p.page)).toEqual([1, 2]);
    expect(result.pages[1]!.rotation).toBe(180);
    for (const p of result.pages)
      expectValuesRead(p.text, ["EK-305-TZ", "21/09/2026", "LEFEBVRE Martine", "Châtellerault"]);
  }, 90_000);

  it("reads an iPhone's HEIC photo as it reads a JPEG", async () => {
    const response = await scan(fixture("note-sinistre-photo.heic"), "IMG_4410.HEIC", "image/heic");
    expect(response.statusCode).toBe(200);
    const result = ScanSourceResponseSchema.parse(response.json());
    expect(result.format).toBe("heic");
    expectValuesRead(result.text, ["FG-482-KL", "CX-219-PA", "14/10/2026", "18h30", "Niort", "Peugeot 208"]);
  }, 60_000);

  it("keeps answering other requests while a photo is read: OCR runs in worker threads, not on the event loop", async () => {
    let isScanDone = false;
    const pending = scan(fixture("constat-amiable-photo.jpg"), "IMG_2042.jpg", "image/jpeg").then((response) => {
      isScanDone = true;
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = performance.now();
    const health = await ctx.app.inject({ method: "GET", url: "/api/health" });
    expect(health.statusCode).toBe(200);
    expect(
      isScanDone,
      `health answered after ${Math.round(performance.now() - started)} ms, once the scan was over`,
    ).toBe(false);
    expect((await pending).statusCode).toBe(200);
  }, 60_000);

  it("refuses a corrupt image with a French 422", async () => {
    const photo = fixture("constat-amiable-photo.jpg");
    expectProblem(
      await scan(photo.subarray(0, Math.floor(photo.length / 3)), "coupee.jpg", "image/jpeg"),
      422,
      /image est illisible ou endommagée/u,
    );
    const garbage = new Uint8Array(4096).fill(0x5a);
    garbage.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expectProblem(await scan(garbage, "scan.png", "image/png"), 422, /illisible ou endommagée/u);
    // Bytes of no known format under a photo's name and type are a damaged photo, not a wrong kind of file.
    expectProblem(
      await scan(new Uint8Array(2048).fill(0x37), "IMG_2041.jpg", "image/jpeg"),
      422,
      /image est illisible/u,
    );
    expectProblem(
      await scan(new TextEncoder().encode("pas un PDF"), "constat.pdf", "application/pdf"),
      422,
      /PDF est endommagé/u,
    );
  });

  it("refuses a corrupt image with a 422 even when the adviser asked for a stream", async () => {
    const photo = fixture("constat-amiable-photo.jpg");
    const response = await scan(photo.subarray(0, 2000), "coupee.jpg", "image/jpeg", { accept: "text/event-stream" });
    expectProblem(response, 422, /illisible/u);
  });

  it("refuses a password-protected PDF with a French 422 that says what to do", async () => {
    expectProblem(
      await scan(buildEncryptedPdf(), "protege.pdf", "application/pdf"),
      422,
      /mot de passe.*copie sans protection/u,
    );
  });

  it("refuses a file that is neither an image nor a PDF (415) and a PDF with too many pages (413)", async () => {
    expectProblem(
      await scan(new TextEncoder().encode("Ceci est un courriel, pas une image."), "note.txt", "text/plain"),
      415,
      /ni une image ni un PDF/u,
    );
    const many = buildPdf(Array.from({ length: 41 }, () => ({ lines: [] })));
    expectProblem(await scan(many, "rame.pdf", "application/pdf"), 413, /41 pages.*40 pages/u);
  });

  it("says so when nothing can be read: a blank photo is a 422, not an empty source", async () => {
    const { createCanvas } = await import("@napi-rs/canvas");
    const blank = createCanvas(1200, 900);
    const g = blank.getContext("2d");
    g.fillStyle = "#d8d4cc";
    g.fillRect(0, 0, 1200, 900);
    expectProblem(
      await scan(new Uint8Array(blank.toBuffer("image/png")), "vide.png", "image/png"),
      422,
      /Aucun texte n'a pu être lu/u,
    );
  }, 60_000);
});
