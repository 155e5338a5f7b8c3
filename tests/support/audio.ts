// Owns the audio test data: WAV files built in memory (speech-like bursts and pauses) and multipart bodies for uploads.
import { encodeWav } from "../../server/transcription/wav";

/**
 * A 16-bit mono WAV: tone bursts ("speech") of `burstS` separated by `pauseS` of near silence, like words and
 * pauses of a conversation. Deterministic, so a cut position can be checked against the pauses.
 */
export function speechLikeWav(
  durationS: number,
  options: { sampleRate?: number; burstS?: number; pauseS?: number } = {},
): Uint8Array {
  const rate = options.sampleRate ?? 8_000;
  const burst = options.burstS ?? 2.5;
  const pause = options.pauseS ?? 0.8;
  const samples = new Int16Array(Math.round(durationS * rate));
  for (let i = 0; i < samples.length; i += 1) {
    const t = i / rate;
    const inBurst = t % (burst + pause) < burst;
    // A little noise in the pauses: a real room is never digital silence.
    samples[i] = inBurst
      ? Math.round(8_000 * Math.sin(2 * Math.PI * 220 * t) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * t)))
      : ((i * 7919) % 61) - 30;
  }
  return encodeWav(samples, rate);
}

/** The pauses of speechLikeWav, as [start, end] seconds. */
export function pausesOf(durationS: number, options: { burstS?: number; pauseS?: number } = {}): [number, number][] {
  const burst = options.burstS ?? 2.5;
  const pause = options.pauseS ?? 0.8;
  const out: [number, number][] = [];
  for (let start = burst; start < durationS; start += burst + pause)
    out.push([start, Math.min(durationS, start + pause)]);
  return out;
}

/** An 8-bit mono 8 kHz WAV of silence: the cheapest way to a file of a given length (2 h is 57.6 MB). */
export function silentWav8bit(durationS: number): Uint8Array {
  const rate = 8_000;
  const dataBytes = Math.round(durationS * rate);
  const out = new Uint8Array(44 + dataBytes).fill(128, 44);
  const view = new DataView(out.buffer);
  const write = (at: number, text: string) => [...text].forEach((c, i) => (out[at + i] = c.charCodeAt(0)));
  write(0, "RIFF");
  view.setUint32(4, 36 + dataBytes, true);
  write(8, "WAVE");
  write(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  write(36, "data");
  view.setUint32(40, dataBytes, true);
  return out;
}

/** A multipart/form-data body, as a browser's FormData would send it. */
export function multipartBody(
  fields: Record<string, string>,
  file?: { field: string; filename: string; contentType: string; bytes: Uint8Array },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----greffier${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
      ),
    );
    parts.push(Buffer.from(file.bytes));
    parts.push(Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}
