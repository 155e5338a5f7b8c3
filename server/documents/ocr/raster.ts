// Owns turning an uploaded image into the bitmap Tesseract reads: header checked before decoding, upright per EXIF,
// scaled to ~300 dpi, bounded in pixels.
import { createCanvas, loadImage, type Canvas } from "@napi-rs/canvas";
import decodeHeic from "heic-decode";
import { imageSize } from "image-size";
import { AppError } from "../../../src/errors";
import { msg } from "../../../src/i18n/message";
import { MAX_IMAGE_PIXELS } from "../../../src/sources/limits";

/** Image formats read by OCR, named as the API answers them. */
export type ImageFormat = "jpeg" | "png" | "heic" | "webp" | "tiff" | "gif" | "bmp";

/** A page ready for OCR: the canvas it was drawn on, and the resolution its text was drawn at. */
export interface PageRaster {
  readonly canvas: Canvas;
  /** Dots per inch of the raster, told to Tesseract (it tunes noise and size thresholds on it). */
  readonly dpi: number;
}

/**
 * Pixels a page may have once scaled: an A4 page at 300 dpi (2480 × 3508), with a margin. Tesseract reads best with
 * letters 20-40 px high; beyond this it only gets slower and hungrier.
 */
export const MAX_PAGE_PIXELS = 9_000_000;
/**
 * A photo or scan whose long side is under this is enlarged up to it (twice at most): a sheet photographed at
 * 1 500 px is about 130 dpi, where Tesseract loses small print and orientation detection finds too few letters.
 * 2 400 px over an A4 page is about 200 dpi.
 */
const TARGET_LONG_SIDE = 2_400;
/** The long side of an A4 page, in inches: a photo of a form is assumed to fill the frame. */
const A4_LONG_INCHES = 11.69;

const FORMAT_OF: Readonly<Record<string, ImageFormat>> = {
  jpg: "jpeg",
  png: "png",
  heic: "heic",
  heif: "heic",
  webp: "webp",
  tiff: "tiff",
  gif: "gif",
  bmp: "bmp",
};

/** What the header says, read without decoding. */
export interface ImageHeader {
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
  /** EXIF orientation (1-8), JPEG only; 1 when absent. */
  readonly orientation: number;
}

/**
 * Reads an image's format and size from its header, before anything is decoded.
 * @throws AppError document_unreadable (not an image we read, or a broken header), payload_too_large (over
 * MAX_IMAGE_PIXELS).
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch (error) {
    // image-size says "unsupported file type" when no format's signature matches: not an image at all.
    const isUnknown = error instanceof Error && /unsupported file type/iu.test(error.message);
    throw isUnknown
      ? new AppError("unsupported_media_type", { detail: msg("ocr.not_scan"), cause: error })
      : new AppError("document_unreadable", { detail: msg("ocr.image.corrupt"), cause: error });
  }
  const format = size.type ? FORMAT_OF[size.type] : undefined;
  if (!format) throw new AppError("unsupported_media_type", { detail: msg("ocr.image.unsupported") });
  const { width, height } = size;
  if (!width || !height) throw new AppError("document_unreadable", { detail: msg("ocr.image.corrupt") });
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new AppError("payload_too_large", {
      detail: msg("ocr.image.too_many_pixels", {
        megapixels: Math.round((width * height) / 1e6),
        max: Math.round(MAX_IMAGE_PIXELS / 1e6),
      }),
    });
  }
  return { format, width, height, orientation: size.orientation ?? 1 };
}

/** Scale that brings a width × height raster within MAX_PAGE_PIXELS, or enlarges a small one towards 2 400 px. */
export function fitScale(width: number, height: number): number {
  const shrink = Math.sqrt(MAX_PAGE_PIXELS / (width * height));
  if (shrink < 1) return shrink;
  return Math.min(2, shrink, Math.max(1, TARGET_LONG_SIDE / Math.max(width, height)));
}

type Drawable = Parameters<ReturnType<Canvas["getContext"]>["drawImage"]>[0];

/** Draws `source` scaled by `scale` on white (transparent PNGs would otherwise read as black). */
function drawScaled(source: Drawable, w: number, h: number, scale: number): Canvas {
  const canvas = createCanvas(Math.max(1, Math.round(w * scale)), Math.max(1, Math.round(h * scale)));
  const g = canvas.getContext("2d");
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.imageSmoothingEnabled = true;
  g.imageSmoothingQuality = "high";
  g.drawImage(source, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/**
 * Decodes an image and draws it upright and scaled for OCR.
 * @throws AppError as readImageHeader, or document_unreadable when the pixels cannot be decoded.
 */
export async function rasteriseImage(bytes: Uint8Array): Promise<PageRaster & { format: ImageFormat }> {
  const header = readImageHeader(bytes);
  const scale = fitScale(header.width, header.height);
  let canvas: Canvas;
  try {
    if (header.format === "heic") {
      const decoded = await decodeHeic({ buffer: bytes });
      const full = createCanvas(decoded.width, decoded.height);
      const imageData = full.getContext("2d").createImageData(decoded.width, decoded.height);
      imageData.data.set(decoded.data);
      full.getContext("2d").putImageData(imageData, 0, 0);
      // libheif applies the HEIF rotation (irot) itself: the decoded pixels are already upright.
      canvas = drawScaled(full, decoded.width, decoded.height, scale);
    } else {
      // Skia applies the EXIF orientation while decoding (tests/unit/server/documents/ocr/raster.test.ts checks it).
      const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      canvas = drawScaled(image, image.width, image.height, scale);
    }
  } catch (error) {
    throw new AppError("document_unreadable", { detail: msg("ocr.image.corrupt"), cause: error });
  }
  const longSide = Math.max(canvas.width, canvas.height);
  return { canvas, dpi: Math.round(Math.min(600, Math.max(70, longSide / A4_LONG_INCHES))), format: header.format };
}

/** The canvas turned by a quarter-turn multiple, clockwise. */
export function rotateCanvas(source: Canvas, degrees: number): Canvas {
  const turns = ((Math.round(degrees / 90) % 4) + 4) % 4;
  if (turns === 0) return source;
  const swaps = turns % 2 === 1;
  const canvas = createCanvas(swaps ? source.height : source.width, swaps ? source.width : source.height);
  const g = canvas.getContext("2d");
  g.translate(canvas.width / 2, canvas.height / 2);
  g.rotate((turns * Math.PI) / 2);
  g.drawImage(source, -source.width / 2, -source.height / 2);
  return canvas;
}

/**
 * The canvas as a binary PGM (P5), optionally scaled down: grey is all Tesseract uses, PGM needs no encoder, and
 * Leptonica reads it natively.
 */
export function toPgm(source: Canvas, scale = 1): Uint8Array {
  const canvas =
    scale === 1
      ? source
      : createCanvas(Math.max(1, Math.round(source.width * scale)), Math.max(1, Math.round(source.height * scale)));
  if (canvas !== source) canvas.getContext("2d").drawImage(source, 0, 0, canvas.width, canvas.height);
  const { width, height } = canvas;
  const rgba = canvas.getContext("2d").getImageData(0, 0, width, height).data;
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + width * height);
  out.set(header, 0);
  for (let i = 0, o = header.length; i < rgba.length; i += 4, o += 1) {
    // ITU-R BT.601 luma, in integers.
    out[o] = (rgba[i]! * 299 + rgba[i + 1]! * 587 + rgba[i + 2]! * 114) / 1000;
  }
  return out;
}
