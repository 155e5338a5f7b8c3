// Owns the JSON body parser: strict UTF-8 (a Windows-1252 paste is refused, naming its field), then Fastify's safe JSON
// parse.
import type { FastifyInstance } from "fastify";
import { AppError } from "../src/errors";
import { msg } from "../src/i18n/message";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Offset of the first byte that is not well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above
 * U+10FFFF), or -1. Only called once TextDecoder refused the body, to say where.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b === 0xe0) [need, min] = [2, 0xa0];
    else if (b === 0xed) [need, min, max] = [2, 0x80, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) [need, min] = [2, 0x80];
    else if (b === 0xf0) [need, min] = [3, 0x90];
    else if (b === 0xf4) [need, min, max] = [3, 0x80, 0x8f];
    else if (b >= 0xf1 && b <= 0xf3) [need, min] = [3, 0x80];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const [lo, hi] = k === 1 ? [min, max] : [0x80, 0xbf];
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * The name of the JSON member whose value holds `offset`: the last `"name":` before it. A guess that holds for the
 * flat and shallow bodies of this API; null when there is none (the bad byte is in a key or outside any member).
 */
export function fieldAt(bytes: Uint8Array, offset: number): string | null {
  const before = strictUtf8.decode(bytes.subarray(0, offset));
  let name: string | null = null;
  for (const match of before.matchAll(/"((?:[^"\\]|\\.){1,100})"\s*:/g)) name = match[1] ?? null;
  return name;
}

/** The problem for a body that is not UTF-8, naming the field when it can be found. */
export function invalidUtf8Error(bytes: Uint8Array): AppError {
  const offset = firstInvalidUtf8(bytes);
  const field = offset >= 0 ? fieldAt(bytes, offset) : null;
  const reason = field ? msg("server.json.invalid_utf8_field", { field }) : msg("server.json.invalid_utf8");
  return new AppError("malformed_json", { detail: msg("problem.malformed_json.detail", { reason }) });
}

/**
 * Replaces Fastify's JSON parser by one that decodes the body as strict UTF-8 first. Fastify's own decoder would
 * store each invalid byte as U+FFFD, so an accented word pasted from an old system would be saved damaged.
 */
export function registerStrictJsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
    const bytes = body as Buffer;
    let text: string;
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      done(invalidUtf8Error(bytes), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
