// Owns PCM WAV reading and cutting: the length of a WAV file and its split into pieces at the quietest moments.

/** The layout of a PCM WAV file's samples. */
export interface WavInfo {
  readonly sampleRate: number;
  readonly channels: number;
  readonly bitsPerSample: number;
  readonly dataOffset: number;
  /** Bytes of sample data actually present (a header may promise more than the file holds). */
  readonly dataBytes: number;
  readonly durationS: number;
  /** The length the header announces (a cut file announces more than it holds); equals durationS when it says nothing. */
  readonly declaredDurationS: number;
}

/** Reads the header of a RIFF/WAVE file of integer PCM; undefined when it is not one this module can cut. */
export function readWav(bytes: Uint8Array): WavInfo | undefined {
  if (bytes.length < 44) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) =>
    String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
  if (tag(0) !== "RIFF" || tag(8) !== "WAVE") return undefined;
  let offset = 12;
  let format: { audioFormat: number; channels: number; sampleRate: number; bitsPerSample: number } | undefined;
  while (offset + 8 <= bytes.length) {
    const id = tag(offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === "fmt " && body + 16 <= bytes.length) {
      format = {
        audioFormat: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
    } else if (id === "data") {
      if (!format) return undefined;
      // 1 = PCM, 0xFFFE = extensible (PCM in practice for 8/16/24/32-bit recorders).
      if (
        (format.audioFormat !== 1 && format.audioFormat !== 0xfffe) ||
        ![8, 16, 24, 32].includes(format.bitsPerSample)
      )
        return undefined;
      if (format.channels < 1 || format.sampleRate < 1_000) return undefined;
      const frame = (format.bitsPerSample / 8) * format.channels;
      // Streaming writers leave 0 or 0xFFFFFFFF in the size: the samples are what the file holds.
      const present = bytes.length - body;
      const declared = size === 0 || size === 0xffffffff ? present : size;
      const dataBytes = Math.floor(Math.min(declared, present) / frame) * frame;
      return {
        ...format,
        dataOffset: body,
        dataBytes,
        durationS: dataBytes / frame / format.sampleRate,
        declaredDurationS: Math.max(dataBytes, declared) / frame / format.sampleRate,
      };
    }
    offset = body + size + (size % 2);
  }
  return undefined;
}

/** A cut of the recording: where it starts in the whole, and a complete WAV file of its samples. */
export interface WavPiece {
  readonly startS: number;
  readonly endS: number;
  readonly bytes: Uint8Array;
}

function header(info: WavInfo, dataBytes: number): Uint8Array {
  const out = new Uint8Array(44);
  const view = new DataView(out.buffer);
  const write = (at: number, text: string) => [...text].forEach((c, i) => (out[at + i] = c.charCodeAt(0)));
  const frame = (info.bitsPerSample / 8) * info.channels;
  write(0, "RIFF");
  view.setUint32(4, 36 + dataBytes, true);
  write(8, "WAVE");
  write(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, info.channels, true);
  view.setUint32(24, info.sampleRate, true);
  view.setUint32(28, info.sampleRate * frame, true);
  view.setUint16(32, frame, true);
  view.setUint16(34, info.bitsPerSample, true);
  write(36, "data");
  view.setUint32(40, dataBytes, true);
  return out;
}

/** Mean square of the first channel over [fromFrame, toFrame), normalised to [0, 1]. */
function energy(bytes: Uint8Array, info: WavInfo, fromFrame: number, toFrame: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sampleBytes = info.bitsPerSample / 8;
  const frame = sampleBytes * info.channels;
  let sum = 0;
  let count = 0;
  // Every 4th frame is enough to find a pause and keeps a 2 h file fast to scan.
  for (let f = fromFrame; f < toFrame; f += 4) {
    const at = info.dataOffset + f * frame;
    let v: number;
    if (sampleBytes === 1) v = ((bytes[at] ?? 128) - 128) / 128;
    else if (sampleBytes === 2) v = view.getInt16(at, true) / 32_768;
    else if (sampleBytes === 3)
      v = (((bytes[at + 2] ?? 0) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at] ?? 0) << 8)) / 2_147_483_648;
    else v = view.getInt32(at, true) / 2_147_483_648;
    sum += v * v;
    count += 1;
  }
  return count === 0 ? 0 : sum / count;
}

/**
 * Cuts a long WAV into pieces of at most `pieceS` seconds. Each cut falls at the quietest half second of the last
 * `searchS` seconds before the limit (a pause between words rather than mid-word), and each piece but the first
 * starts `overlapS` seconds before its cut, so a word on the cut is heard whole by one piece; the caller keeps, of
 * each piece, the segments that start after its cut.
 */
export function splitWav(
  bytes: Uint8Array,
  info: WavInfo,
  options: { pieceS: number; overlapS?: number; searchS?: number },
): { cuts: number[]; pieces: WavPiece[] } {
  const overlapS = options.overlapS ?? 1;
  const searchS = Math.min(options.searchS ?? 30, options.pieceS / 2);
  const frame = (info.bitsPerSample / 8) * info.channels;
  const totalFrames = info.dataBytes / frame;
  const rate = info.sampleRate;
  const cuts: number[] = [0];
  let start = 0;
  while (info.durationS - start > options.pieceS) {
    const windowFrames = Math.max(1, Math.round(rate / 2));
    const stepFrames = Math.max(1, Math.round(rate / 10));
    const from = Math.round((start + options.pieceS - searchS) * rate);
    const to = Math.round((start + options.pieceS) * rate) - windowFrames;
    let best = to;
    let bestEnergy = Number.POSITIVE_INFINITY;
    for (let f = from; f <= to; f += stepFrames) {
      const e = energy(bytes, info, f, f + windowFrames);
      if (e < bestEnergy) {
        bestEnergy = e;
        best = f;
      }
    }
    start = (best + windowFrames / 2) / rate;
    cuts.push(start);
  }
  const pieces = cuts.map((cut, i) => {
    const startS = i === 0 ? 0 : Math.max(0, cut - overlapS);
    const endS = i + 1 < cuts.length ? Math.min(info.durationS, (cuts[i + 1] as number) + overlapS) : info.durationS;
    const fromByte = info.dataOffset + Math.min(totalFrames, Math.round(startS * rate)) * frame;
    const toByte = info.dataOffset + Math.min(totalFrames, Math.round(endS * rate)) * frame;
    const data = bytes.subarray(fromByte, toByte);
    const out = new Uint8Array(44 + data.length);
    out.set(header(info, data.length), 0);
    out.set(data, 44);
    return { startS, endS, bytes: out };
  });
  return { cuts, pieces };
}

/** A PCM WAV of the given 16-bit mono samples (tests, bench, and the synthetic tone of the e2e test). */
export function encodeWav(samples: Int16Array, sampleRate: number): Uint8Array {
  const info: WavInfo = {
    sampleRate,
    channels: 1,
    bitsPerSample: 16,
    dataOffset: 44,
    dataBytes: samples.length * 2,
    durationS: samples.length / sampleRate,
    declaredDurationS: samples.length / sampleRate,
  };
  const out = new Uint8Array(44 + samples.length * 2);
  out.set(header(info, samples.length * 2), 0);
  out.set(new Uint8Array(samples.buffer, samples.byteOffset, samples.length * 2), 44);
  return out;
}
