// Turns (issue 17): diarised labels mapped to Conseiller/Sociétaire, a question hands the floor, renaming, source
// lines.
import { describe, expect, it } from "vitest";
import { renameSpeaker, segmentsToTurns, turnsToSource } from "../../src/schemas/transcription";

describe("segmentsToTurns", () => {
  it("maps the provider's speakers in order of appearance and merges consecutive segments", () => {
    const turns = segmentsToTurns([
      { start: 0, end: 2, text: "Bonjour madame.", speaker: "SPEAKER_01" },
      { start: 2, end: 4, text: "Je vous appelle pour le sinistre.", speaker: "SPEAKER_01" },
      { start: 4, end: 6, text: "Oui, bonjour.", speaker: "SPEAKER_00" },
      { start: 6, end: 7, text: "Et le voisin ?", speaker: "SPEAKER_02" },
    ]);
    expect(turns.map((t) => t.speaker)).toEqual(["Conseiller", "Sociétaire", "Intervenant 3"]);
    expect(turns[0]).toEqual({
      speaker: "Conseiller",
      startS: 0,
      endS: 4,
      text: "Bonjour madame. Je vous appelle pour le sinistre.",
    });
  });

  it("without diarisation, gives the floor to the other person after a question", () => {
    const turns = segmentsToTurns([
      { start: 0, end: 3, text: "Quand a eu lieu la fuite ?" },
      { start: 3, end: 5, text: "Le 12 mars." },
      { start: 5, end: 7, text: "C'était la nuit." },
      { start: 7, end: 9, text: "Avez-vous des photos ?" },
      { start: 9, end: 10, text: "Oui." },
    ]);
    expect(turns.map((t) => [t.speaker, t.text])).toEqual([
      ["Conseiller", "Quand a eu lieu la fuite ?"],
      ["Sociétaire", "Le 12 mars. C'était la nuit."],
      ["Conseiller", "Avez-vous des photos ?"],
      ["Sociétaire", "Oui."],
    ]);
  });

  it("writes one timestamped line per turn and renames a speaker everywhere", () => {
    const turns = renameSpeaker(
      segmentsToTurns([
        { start: 0, end: 2, text: "Bonjour ?" },
        { start: 3725, end: 3727, text: "Oui." },
      ]),
      "Sociétaire",
      "Mme Martin",
    );
    expect(turnsToSource(turns)).toBe("[00:00] Conseiller : Bonjour ?\n[01:02:05] Mme Martin : Oui.");
  });
});
