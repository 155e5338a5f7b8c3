// Covers the .docx export: a real Word package (zip) holding the headings, bullets and the transparency notice.
import { describe, expect, it } from "vitest";
import { draftToDocx } from "../../../../addin/export/docx";

describe("docx export", () => {
  it("builds a Word document from the draft", async () => {
    const blob = await draftToDocx("## Contexte\nLigne\n- **Point** un\n- deux", { title: "Compte-rendu d'entretien", subtitle: "Karim Benali", notice: "Mention IA" });
    // jsdom's Blob has no arrayBuffer(); FileReader is what a browser without it would use too.
    const buffer = await new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error ?? new Error("read failed"));
      reader.readAsArrayBuffer(blob);
    });
    const bytes = new Uint8Array(buffer);
    expect(String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0)).toBe("PK");
    expect(bytes.length).toBeGreaterThan(3000);
  });
});
