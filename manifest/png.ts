// Owns reading and writing the icons' PNG files, with pngjs: exact 8-bit RGBA both ways, every chunk's CRC checked.
import { PNG } from "pngjs";

/** An RGBA image: `rgba` holds width × height × 4 bytes, row by row. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

/**
 * Encodes an RGBA image as a PNG file.
 * @throws RangeError when `rgba` does not hold width × height × 4 bytes.
 */
export function encodePng(image: RgbaImage): Uint8Array {
  const { width, height, rgba } = image;
  const expected = width * height * 4;
  if (rgba.length !== expected) throw new RangeError(`expected ${expected} bytes, got ${rgba.length}`);
  const png = new PNG({ width, height, colorType: 6, inputHasAlpha: true });
  png.data = Buffer.from(rgba);
  return new Uint8Array(PNG.sync.write(png, { colorType: 6, inputHasAlpha: true, deflateLevel: 9 }));
}

/**
 * Decodes a PNG to 8-bit RGBA, so a truncated or hand-edited icon is caught before Teams or Office rejects it.
 * @throws Error "not a PNG file…" when the signature, a CRC or the data is wrong.
 */
export function decodePng(bytes: Uint8Array): RgbaImage {
  try {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { checkCRC: true });
    return { width: png.width, height: png.height, rgba: new Uint8Array(png.data) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`not a PNG file this build reads (${reason})`, { cause: error });
  }
}
