// Images prepared for OCR: refused from the header when not an image or too big, whole files told from damaged ones,
// EXIF orientation applied, pixels bounded.
import { createCanvas, type Canvas } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../../../src/errors";
import { MAX_IMAGE_PIXELS } from "../../../../../src/sources/limits";
import { isWholeJpeg, isWholePng } from "../../../../../server/documents/ocr/image-integrity";
import {
  fitScale,
  MAX_PAGE_PIXELS,
  rasteriseImage,
  readImageHeader,
  rotateCanvas,
  toPgm,
} from "../../../../../server/documents/ocr/raster";

/** 200 × 100, white, with a black square in the top-left corner: where it lands tells how the image was turned. */
function markedCanvas() {
  const canvas = createCanvas(200, 100);
  const g = canvas.getContext("2d");
  g.fillStyle = "#fff";
  g.fillRect(0, 0, 200, 100);
  g.fillStyle = "#000";
  g.fillRect(0, 0, 40, 40);
  return canvas;
}

/** A JPEG with an EXIF APP1 segment holding only the Orientation tag (TIFF big-endian, one IFD entry), as cameras write it. */
function withExifOrientation(jpeg: Buffer, orientation: number): Buffer {
  const tiff = Buffer.from([
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08, // "MM", 42, IFD at 8
    0x00,
    0x01, // one entry
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    orientation,
    0x00,
    0x00, // Orientation, SHORT, 1, value
    0x00,
    0x00,
    0x00,
    0x00, // no next IFD
  ]);
  const payload = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const app1 = Buffer.concat([
    Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]),
    payload,
  ]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

/** A PNG whose IHDR claims the given size, with a right CRC and nothing else: what a decompression bomb's header looks like. */
function pngHeaderOnly(width: number, height: number): Uint8Array {
  const png = markedCanvas().toBuffer("image/png");
  const out = Buffer.from(png);
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  return out;
}

function expectAppError(run: () => unknown, code: string): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return;
  }
  throw new Error(`expected AppError ${code}`);
}

/** Grey level at (x, y) of the PGM made from a canvas. */
function greyAt(canvas: Canvas, x: number, y: number): number {
  const pgm = toPgm(canvas);
  const header = `P5\n${canvas.width} ${canvas.height}\n255\n`.length;
  return pgm[header + y * canvas.width + x]!;
}

describe("image header", () => {
  it("names the format and size without decoding", () => {
    expect(readImageHeader(markedCanvas().toBuffer("image/png"))).toEqual({
      format: "png",
      width: 200,
      height: 100,
      orientation: 1,
    });
    expect(readImageHeader(markedCanvas().toBuffer("image/jpeg"))).toMatchObject({
      format: "jpeg",
      width: 200,
      height: 100,
    });
  });

  it("refuses text as not an image (415) and a header announcing a bomb (413) before any decoding", () => {
    expectAppError(
      () => readImageHeader(new TextEncoder().encode("%!PS-Adobe-3.0 not an image at all")),
      "unsupported_media_type",
    );
    const side = Math.ceil(Math.sqrt(MAX_IMAGE_PIXELS)) + 1;
    expectAppError(() => readImageHeader(pngHeaderOnly(side, side)), "payload_too_large");
  });
});

describe("whole or damaged files", () => {
  const png = markedCanvas().toBuffer("image/png");
  const jpeg = markedCanvas().toBuffer("image/jpeg");

  it("accepts whole PNG and JPEG files, and a JPEG with data appended after its end (motion photos)", () => {
    expect(isWholePng(png)).toBe(true);
    expect(isWholeJpeg(jpeg)).toBe(true);
    expect(isWholeJpeg(Buffer.concat([jpeg, Buffer.from("ftypmp42 and a short video follows".repeat(200))]))).toBe(
      true,
    );
  });

  it("tells truncated files and a flipped byte", () => {
    expect(isWholePng(png.subarray(0, png.length - 20))).toBe(false);
    const flipped = Buffer.from(png);
    flipped[png.length - 30] = flipped[png.length - 30]! ^ 0xff;
    expect(isWholePng(flipped)).toBe(false);
    for (const cut of [4, 40, Math.floor(jpeg.length / 2), jpeg.length - 2])
      expect(isWholeJpeg(jpeg.subarray(0, cut)), `cut at ${cut}`).toBe(false);
    expect(isWholeJpeg(png)).toBe(false);
    expect(isWholePng(jpeg)).toBe(false);
  });
});

describe("rasterising", () => {
  it("turns a photo upright from its EXIF orientation (6: the camera was held a quarter turn clockwise)", async () => {
    const jpeg = withExifOrientation(markedCanvas().toBuffer("image/jpeg", 95), 6);
    expect(readImageHeader(jpeg).orientation).toBe(6);
    const { canvas } = await rasteriseImage(jpeg);
    // Enlarged twice (small image), and turned: 100 wide, 200 high before scaling; the square is now top-right.
    expect([canvas.width, canvas.height]).toEqual([200, 400]);
    expect(greyAt(canvas, canvas.width - 10, 10)).toBeLessThan(60);
    expect(greyAt(canvas, 10, 10)).toBeGreaterThan(200);
  });

  it("keeps an image without orientation as it is, on white even when transparent", async () => {
    const transparent = createCanvas(300, 200);
    transparent.getContext("2d").fillStyle = "#000";
    transparent.getContext("2d").fillRect(0, 0, 30, 30);
    const { canvas } = await rasteriseImage(transparent.toBuffer("image/png"));
    expect(greyAt(canvas, 5, 5)).toBeLessThan(60);
    expect(greyAt(canvas, canvas.width - 5, canvas.height - 5)).toBeGreaterThan(200);
  });

  it("bounds the pixels of a page and enlarges only small images", () => {
    expect(fitScale(4032, 3024) ** 2 * 4032 * 3024).toBeLessThanOrEqual(MAX_PAGE_PIXELS * 1.001);
    expect(fitScale(2480, 3508)).toBe(1);
    expect(fitScale(800, 600)).toBe(2);
    expect(fitScale(1800, 1350)).toBeCloseTo(2400 / 1800);
  });

  it("rotates by quarter turns clockwise", () => {
    const turned = rotateCanvas(markedCanvas(), 90);
    expect([turned.width, turned.height]).toEqual([100, 200]);
    expect(greyAt(turned, 90, 10)).toBeLessThan(60);
    expect(rotateCanvas(markedCanvas(), 360).width).toBe(200);
  });
});
