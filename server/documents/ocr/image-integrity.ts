// Owns the check that a PNG or JPEG upload is whole: the decoder draws a truncated or damaged file as grey without a
// word, and OCR would then read noise.
import { crc32, inflateSync } from "node:zlib";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * A PNG is whole when every chunk is complete with a right CRC (PNG spec §5.3), it ends with IEND, and its IDAT
 * stream inflates to the end (zlib checks its own Adler-32).
 */
export function isWholePng(bytes: Uint8Array): boolean {
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const idat: Uint8Array[] = [];
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const end = offset + 12 + length;
    if (end > bytes.length) return false;
    const typeAndData = bytes.subarray(offset + 4, offset + 8 + length);
    if (crc32(typeAndData) !== view.getUint32(offset + 8 + length)) return false;
    const type = String.fromCharCode(...typeAndData.subarray(0, 4));
    if (type === "IDAT") idat.push(typeAndData.subarray(4));
    if (type === "IEND") {
      try {
        inflateSync(Buffer.concat(idat));
        return idat.length > 0;
      } catch {
        return false;
      }
    }
    offset = end;
  }
  return false;
}

/**
 * A JPEG is whole when its marker segments (ITU T.81 annex B) are complete and the data reaches the EOI marker
 * (FF D9). In entropy-coded data a 0xFF is followed by 0x00 (stuffing) or a restart marker; any other marker there
 * ends the scan (progressive files have several). What follows EOI (a phone's appended video) is not looked at.
 */
export function isWholeJpeg(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return false;
  let offset = 2;
  let sawScan = false;
  while (offset + 1 < bytes.length) {
    if (bytes[offset] !== 0xff) return false;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte before a marker
      continue;
    }
    if (marker === 0xd9) return sawScan;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    if (offset + 4 > bytes.length) return false;
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (length < 2 || offset + 2 + length > bytes.length) return false;
    offset += 2 + length;
    if (marker !== 0xda) continue;
    sawScan = true;
    // Skip the entropy-coded data up to the next real marker.
    while (offset + 1 < bytes.length) {
      if (bytes[offset] === 0xff) {
        const next = bytes[offset + 1]!;
        if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) break;
      }
      offset += 1;
    }
  }
  return false;
}
