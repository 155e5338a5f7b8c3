// Owns the measure of a PDF's streams before pdf.js reads it: each non-image stream is inflated, counted and dropped,
// and reading stops at the limit.
import { constants as zlibConstants, inflateRawSync, inflateSync } from "node:zlib";
import { Inflate } from "fflate";
import { AppError } from "../../src/errors";
import { msg } from "../../src/i18n/message";
import { DOCUMENT_LIMITS, megabytes } from "./limits";

/** Where the streams stand against the limits, for tests and logs. */
export interface StreamMeasure {
  readonly streams: number;
  readonly inflatedBytes: number;
}

// pdf.js inflates a content stream whole before it parses it, and offers no hook to stop at a size; a stream that
// inflates to 100 MB costs a minute of parsing. So the streams are measured here first. Images and attached files
// are skipped: text extraction never decodes them. Filters after one this scan cannot undo (LZW, RunLength, Crypt) end
// the measure
// of that stream; the worker's own limits cover them.
const CHUNK_BYTES = 4 * 1024;
const IMAGE_FILTERS = /\/(?:DCTDecode|DCT|JPXDecode|CCITTFaxDecode|CCF|JBIG2Decode)\b/u;

class LimitReached extends Error {}

function filtersOf(dict: string): string[] {
  const match = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/u.exec(dict);
  return match?.[1] ? [...match[1].matchAll(/\/([A-Za-z0-9]+)/gu)].map((m) => m[1] as string) : [];
}

/** Inflates zlib (or raw DEFLATE) data piece by piece; calls `onBytes` per output chunk; keeps output only if asked. */
function inflateCounted(
  data: Uint8Array,
  onBytes: (n: number) => void,
  keep: boolean,
  limit: number,
): Uint8Array | undefined {
  // Native zlib first: fast, and it stops by itself one byte past the limit. zlib data, then raw DEFLATE (which
  // pdf.js accepts too); a truncated stream gives what it holds.
  for (const inflate of [inflateSync, inflateRawSync]) {
    let out: Buffer;
    try {
      out = inflate(data, { maxOutputLength: limit + 1, finishFlush: zlibConstants.Z_SYNC_FLUSH });
    } catch (error) {
      if ((error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") onBytes(limit + 1);
      continue;
    }
    onBytes(out.length);
    return keep ? out : undefined;
  }
  // Damaged data: counted piece by piece up to the damage, as pdf.js's tolerant decoder would read it.
  const kept: Uint8Array[] = [];
  let failed = false;
  const inflater = new Inflate((chunk) => {
    onBytes(chunk.length);
    if (keep) kept.push(chunk);
  });
  // A zlib header (CMF with method 8) is skipped; some producers write raw DEFLATE, which pdf.js accepts too.
  const start =
    data.length > 2 &&
    ((data[0] as number) & 0x0f) === 8 &&
    (((data[0] as number) << 8) | (data[1] as number)) % 31 === 0
      ? 2
      : 0;
  try {
    for (let at = start; at < data.length; at += CHUNK_BYTES)
      inflater.push(data.subarray(at, Math.min(data.length, at + CHUNK_BYTES)), false);
  } catch (error) {
    if (error instanceof LimitReached) throw error;
    // Corrupt or truncated data (or an adler checksum at the end): what came out is counted, pdf.js judges the rest.
    failed = true;
  }
  if (!keep || failed) return keep ? concatChunks(kept) : undefined;
  return concatChunks(kept);
}

function concatChunks(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function decodeHex(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let high = -1;
  for (const byte of data) {
    if (byte === 0x3e) break;
    const digit =
      byte >= 0x30 && byte <= 0x39
        ? byte - 0x30
        : byte >= 0x41 && byte <= 0x46
          ? byte - 0x37
          : byte >= 0x61 && byte <= 0x66
            ? byte - 0x57
            : -1;
    if (digit < 0) continue;
    if (high < 0) high = digit;
    else {
      out.push((high << 4) | digit);
      high = -1;
    }
  }
  if (high >= 0) out.push(high << 4);
  return Uint8Array.from(out);
}

function decodeAscii85(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let group: number[] = [];
  const flush = (count: number) => {
    while (group.length < 5) group.push(84);
    const value = group.reduce((v, d) => v * 85 + d, 0);
    for (let k = 0; k < count - 1; k += 1) out.push(Math.floor(value / 256 ** (3 - k)) % 256);
    group = [];
  };
  for (const byte of data) {
    if (byte === 0x7e) break;
    if (byte === 0x7a && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    if (byte < 0x21 || byte > 0x75) continue;
    group.push(byte - 33);
    if (group.length === 5) flush(5);
  }
  if (group.length > 1) flush(group.length);
  return Uint8Array.from(out);
}

/** The data of the stream whose `stream` keyword ends at `from`: by /Length when it is direct and right, else up to `endstream`. */
function streamData(bytes: Uint8Array, text: string, dict: string, from: number): Uint8Array {
  const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/u.exec(dict);
  if (length?.[1]) {
    const end = from + Number(length[1]);
    if (end <= bytes.length && /^\s*endstream/u.test(text.slice(end, end + 20))) return bytes.subarray(from, end);
  }
  const end = text.indexOf("endstream", from);
  return bytes.subarray(from, end < 0 ? bytes.length : end);
}

/**
 * Inflates every non-image stream of the file, counting bytes and keeping none, and refuses the file as soon as one
 * stream or all of them pass the limits. Encrypted streams do not inflate and count for nothing (pdf.js decrypts
 * them; the worker's limits cover them).
 * @throws AppError payload_too_large.
 */
export function assertStreamsWithinLimits(
  bytes: Uint8Array,
  limits: { maxStreamBytes?: number; maxTotalBytes?: number } = {},
): StreamMeasure {
  const maxStream = limits.maxStreamBytes ?? DOCUMENT_LIMITS.maxPdfStreamBytes;
  const maxTotal = limits.maxTotalBytes ?? DOCUMENT_LIMITS.maxPdfStreamsTotalBytes;
  const text = new TextDecoder("latin1").decode(bytes);
  let total = 0;
  let streams = 0;
  const keyword = /stream(?:\r\n|\n|\r)/gu;
  for (let match = keyword.exec(text); match; match = keyword.exec(text)) {
    if (text.slice(match.index - 3, match.index) === "end") continue;
    // The dictionary is what follows the last "obj" before the keyword (streams are always indirect objects).
    const windowStart = Math.max(0, match.index - 4096);
    const objAt = text.lastIndexOf("obj", match.index);
    const dict = text.slice(objAt >= windowStart ? objAt : windowStart, match.index);
    const from = match.index + match[0].length;
    const data = streamData(bytes, text, dict, from);
    keyword.lastIndex = from + data.length;
    // Images and attached files are never decoded to read text.
    if (/\/Subtype\s*\/Image\b/u.test(dict) || /\/Type\s*\/EmbeddedFile\b/u.test(dict) || IMAGE_FILTERS.test(dict))
      continue;
    streams += 1;
    let streamBytes = 0;
    const count = (n: number) => {
      streamBytes += n;
      total += n;
      if (streamBytes > maxStream || total > maxTotal) throw new LimitReached();
    };
    const filters = filtersOf(dict);
    let current: Uint8Array | undefined = data;
    try {
      for (const [i, filter] of filters.entries()) {
        if (!current) break;
        const isLast = i === filters.length - 1;
        let intermediateBytes = 0;
        const countIntermediate = (n: number) => {
          intermediateBytes += n;
          if (intermediateBytes > maxStream) {
            streamBytes = intermediateBytes;
            throw new LimitReached();
          }
        };
        const limit = isLast ? Math.min(maxStream - streamBytes, maxTotal - total) : maxStream;
        if (filter === "FlateDecode" || filter === "Fl")
          current = inflateCounted(current, isLast ? count : countIntermediate, !isLast, limit);
        else if (filter === "ASCIIHexDecode" || filter === "AHx") current = decodeHex(current);
        else if (filter === "ASCII85Decode" || filter === "A85") current = decodeAscii85(current);
        else break;
        // A decoded intermediate is itself bounded: it is held in memory for the next filter.
        if (current && current.length > maxStream) {
          streamBytes = current.length;
          throw new LimitReached();
        }
      }
    } catch (error) {
      if (!(error instanceof LimitReached)) throw error;
      throw new AppError("payload_too_large", {
        detail: msg("documents.limit.pdf_stream", { limit: megabytes(streamBytes > maxStream ? maxStream : maxTotal) }),
      });
    }
  }
  return { streams, inflatedBytes: total };
}
