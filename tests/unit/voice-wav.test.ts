// WAV cutting (issue 17): cuts fall in pauses, pieces overlap, and the pieces are complete WAV files of the right
// length.
import { describe, expect, it } from "vitest";
import { readWav, splitWav } from "../../server/transcription/wav";
import { sniffAudio } from "../../server/transcription/audio";
import { pausesOf, speechLikeWav } from "../support/audio";

describe("splitWav", () => {
  it("cuts a 5-minute recording inside its pauses, never mid-word, with a one-second overlap", () => {
    const bytes = speechLikeWav(300);
    const info = readWav(bytes);
    expect(info?.durationS).toBeCloseTo(300, 1);
    const { cuts, pieces } = splitWav(bytes, info!, { pieceS: 60, overlapS: 1 });
    expect(pieces.length).toBeGreaterThanOrEqual(5);
    const pauses = pausesOf(300);
    for (const cut of cuts.slice(1)) expect(pauses.some(([a, b]) => cut >= a - 0.05 && cut <= b + 0.05)).toBe(true);
    for (const [i, piece] of pieces.entries()) {
      const pieceInfo = readWav(piece.bytes);
      expect(pieceInfo?.durationS).toBeCloseTo(piece.endS - piece.startS, 2);
      expect(piece.endS - piece.startS).toBeLessThanOrEqual(62);
      if (i > 0) expect(piece.startS).toBeCloseTo((cuts[i] as number) - 1, 1);
    }
    expect(pieces.at(-1)?.endS).toBeCloseTo(300, 1);
  });

  it("leaves a short recording whole", () => {
    const bytes = speechLikeWav(20);
    const { pieces } = splitWav(bytes, readWav(bytes)!, { pieceS: 60 });
    expect(pieces).toHaveLength(1);
  });
});

describe("sniffAudio", () => {
  it("names the five accepted formats from their first bytes and nothing else", () => {
    const pad = (head: number[]) => new Uint8Array([...head, ...new Array(16).fill(0)]);
    expect(sniffAudio(speechLikeWav(1))).toBe("wav");
    expect(sniffAudio(pad([0x1a, 0x45, 0xdf, 0xa3]))).toBe("webm");
    expect(sniffAudio(pad([...Buffer.from("OggS")]))).toBe("ogg");
    expect(sniffAudio(pad([...Buffer.from("ID3")]))).toBe("mp3");
    expect(sniffAudio(pad([0xff, 0xfb, 0x90, 0x00]))).toBe("mp3");
    expect(sniffAudio(pad([0, 0, 0, 0x20, ...Buffer.from("ftypM4A ")]))).toBe("m4a");
    expect(sniffAudio(pad([...Buffer.from("%PDF-1.7")]))).toBeUndefined();
    expect(sniffAudio(pad([...Buffer.from("RIFF\0\0\0\0AVI ")]))).toBeUndefined();
  });
});
