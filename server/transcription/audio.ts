// Owns what an uploaded audio file is: its format from its first bytes (never from its name) and its length.
import { parseBuffer } from "music-metadata";
import { readWav } from "./wav";

export type AudioFormat = "wav" | "webm" | "ogg" | "mp3" | "m4a";

const MIME: Record<AudioFormat, string> = {
  wav: "audio/wav",
  webm: "audio/webm",
  ogg: "audio/ogg",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
};

/** The format named by the file's magic bytes, or undefined when it is none of the five accepted. */
export function sniffAudio(bytes: Uint8Array): AudioFormat | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length < 12) return undefined;
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WAVE") return "wav";
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return "webm";
  if (ascii(0, 4) === "OggS") return "ogg";
  if (ascii(4, 8) === "ftyp") return "m4a";
  if (ascii(0, 3) === "ID3") return "mp3";
  // An MPEG audio frame: 11 sync bits, then a layer that is not "reserved".
  if (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0 && ((bytes[1] ?? 0) & 0x06) !== 0) return "mp3";
  return undefined;
}

export function mimeOf(format: AudioFormat): string {
  return MIME[format];
}

/**
 * The length in seconds: exact for WAV, from the container for the others, undefined when it does not say.
 * `declared`: what the file announces, for the limit (a WAV cut short still claims its whole length).
 */
export async function durationOf(
  bytes: Uint8Array,
  format: AudioFormat,
  declared = false,
): Promise<number | undefined> {
  if (format === "wav") {
    const wav = readWav(bytes);
    if (wav) return declared ? wav.declaredDurationS : wav.durationS;
  }
  try {
    const metadata = await parseBuffer(
      bytes,
      { mimeType: MIME[format], size: bytes.length },
      { duration: true, skipCovers: true },
    );
    const duration = metadata.format.duration;
    return duration !== undefined && Number.isFinite(duration) && duration > 0 ? duration : undefined;
  } catch {
    // MediaRecorder's WebM has no duration and may not parse whole; the provider's answer gives it then.
    return undefined;
  }
}
