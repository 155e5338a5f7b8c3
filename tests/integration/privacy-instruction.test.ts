// Every text that leaves the server is pseudonymised: the AI-edit instruction, the draft under revision and each
// context field, with one placeholder per person.
import { expect, it } from "vitest";
import { GenerationResponseSchema } from "../../src/schemas/generation";
import { useAppWithFakeProvider } from "../support/app-fixture";
import { describeEachStore } from "../support/stores";

const NOTES = "Appel de Mme Sophie Garnier : dégât des eaux, voisin du dessus M. Rocher injoignable. Franchise 150 €.";
const PERSONAL = [
  "Sophie",
  "Garnier",
  "Rocher",
  "Karim",
  "Benali",
  "Nadia",
  "06 12 34 56 78",
  "06/12/34/56/78",
  "sophie.garnier@example.fr",
  "julie point morel at gmail point com",
  "3456789B",
  "14 rue Pasteur",
  "79000 Niort",
  "FR76-3000-6000-0112-3456-7890-189",
  "Kerbrat",
];

describeEachStore("pseudonymisation of instructions and context", (kind) => {
  const ctx = useAppWithFakeProvider(kind);

  const userMessage = (): string =>
    ctx.fake.requests.at(-1)?.body.messages.find((m) => m.role === "user")?.content ?? "";

  it("masks personal data typed in every context field, not only the member's name and id", async () => {
    ctx.fake.requests.length = 0;
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/generations",
      payload: {
        task: "interview-minutes",
        notes: NOTES,
        context: {
          memberName: "Sophie Garnier",
          memberId: "3456789B",
          subject: "Sinistre Garnier, 14 rue Pasteur, 79000 Niort",
          date: "rappel demandé par Karim Benali",
          channel: "téléphone au 06/12/34/56/78",
          tone: "chaleureux ; sophie.garnier@example.fr connaît Nadia",
          language: "fr (Kerbrat)",
        },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const sent = userMessage();
    for (const value of PERSONAL) expect(sent, value).not.toContain(value);
    const result = GenerationResponseSchema.parse(response.json());
    // The adviser still reads every value in the draft the fake provider echoes from the notes.
    expect(result.draft).toContain("Sophie Garnier");
  });

  it("masks the AI-edit instruction and the draft under revision, a name getting the placeholder it has in the notes", async () => {
    const first = GenerationResponseSchema.parse(
      (
        await ctx.app.inject({
          method: "POST",
          url: "/api/generations",
          payload: { task: "member-email", notes: NOTES, context: { memberName: "Sophie Garnier" } },
        })
      ).json(),
    );
    ctx.fake.requests.length = 0;
    const instruction =
      "Ajoute que Mme Garnier rappellera Karim Benali au 06 12 34 56 78, écrire à julie point morel at gmail point com, IBAN FR76-3000-6000-0112-3456-7890-189";
    const draft = `${first.draft}\nNote du conseiller : voir avec Kerbrat et rappeler M. Rocher.`;
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/generations",
      payload: {
        task: "member-email",
        notes: NOTES,
        context: { memberName: "Sophie Garnier" },
        revise: { generationId: first.id, instruction, draft },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const sent = userMessage();
    for (const value of PERSONAL) expect(sent, value).not.toContain(value);

    const notesBlock = /<notes>\n([\s\S]*?)\n<\/notes>/.exec(sent)?.[1] ?? "";
    const consigne = /Consigne du conseiller[^:]*: (.*)/.exec(sent)?.[1] ?? "";
    const inNotes = /Mme \[PRENOM_(\d+)\] \[NOM_(\d+)\]/.exec(notesBlock);
    const inInstruction = /Mme (\[NOM_\d+\])/.exec(consigne);
    expect(inNotes, notesBlock).not.toBeNull();
    expect(inInstruction?.[1], consigne).toBe(`[NOM_${inNotes?.[2]}]`);
    // The neighbour named in the notes keeps his placeholder in the draft under revision too.
    const rocher = /M\. (\[NOM_\d+\]) injoignable/.exec(notesBlock)?.[1];
    expect(rocher).toBeDefined();
    expect(/<brouillon>[\s\S]*rappeler M\. (\[NOM_\d+\])/.exec(sent)?.[1]).toBe(rocher);
  });
});
