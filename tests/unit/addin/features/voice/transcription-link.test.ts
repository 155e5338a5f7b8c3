// The pane sends the transcription with a generation only when its source is a recorded interview's transcript still
// sent.
import { describe, expect, it } from "vitest";
import { isWorkSource, transcriptionForRequest, type WorkSource } from "../../../../../addin/lib/work-source";

const recorded: WorkSource = {
  kind: "transcript",
  name: "Enregistrer l'entretien",
  text: "[00:00] Conseiller : Bonjour.",
  facts: { turns: 1 },
  transcriptionId: "6f1f7c1e-3b7a-4c8e-9d0f-2a1b3c4d5e6f",
};

describe("the transcription sent with a generation", () => {
  it("goes with a recorded interview's transcript, edited or appended to", () => {
    expect(transcriptionForRequest(recorded)).toBe(recorded.transcriptionId);
    expect(transcriptionForRequest({ ...recorded, text: `${recorded.text}\n\nCompte rendu du 3 mars\nTexte.` })).toBe(
      recorded.transcriptionId,
    );
  });

  it("stays home when there is no recording, or when the adviser emptied the source", () => {
    const { transcriptionId: _, ...vtt } = recorded;
    expect(transcriptionForRequest(vtt)).toBeUndefined();
    expect(transcriptionForRequest({ ...recorded, text: "   " })).toBeUndefined();
    expect(transcriptionForRequest(null)).toBeUndefined();
  });

  it("survives a pane reload (the saved work keeps it), and a damaged copy is not taken for a source", () => {
    expect(isWorkSource(JSON.parse(JSON.stringify(recorded)))).toBe(true);
    expect(isWorkSource({ ...recorded, transcriptionId: 42 })).toBe(false);
  });
});
