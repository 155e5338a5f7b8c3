// The offline engine must give advisers a usable starting point: every line of their notes, sorted into the task's
// sections.
import { describe, expect, it } from "vitest";
import { TASK_IDS } from "../../../src/tasks/catalogue";
import { findUngrounded } from "../../../src/checks/groundedness";
import { buildOfflineDraft, createOfflineEngine, offlineSections } from "../../../server/llm/offline/engine";
import { cleanLine } from "../../../server/llm/offline/sort-notes";
import { fixture, sampleNotes } from "../../support/fixtures";

const callFor = (task: (typeof TASK_IDS)[number], notes: string) => ({ task, messages: [], input: { task, notes } });

/** Section title → the bullet lines under it, read back from the Markdown draft. */
function sectionsOf(draft: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current = "";
  for (const line of draft.split("\n")) {
    if (line.startsWith("## ")) {
      current = line.slice(3);
      sections.set(current, []);
    } else if (line.startsWith("- ") && current) sections.get(current)?.push(line.slice(2));
  }
  return sections;
}

describe("offline engine", () => {
  for (const { name, text } of sampleNotes()) {
    for (const task of TASK_IDS) {
      it(`keeps every line of ${name} exactly once for ${task}`, () => {
        const draft = buildOfflineDraft(callFor(task, text));
        const sections = sectionsOf(draft);
        const filed = offlineSections(callFor(task, text)).flatMap((s) => sections.get(s.title) ?? []);
        const expected = text
          .split("\n")
          .map(cleanLine)
          .filter((l) => l !== "" && !/^-{3,}$/.test(l));
        expect(filed.sort()).toEqual([...expected].sort());
      });
    }
  }

  it("says in the draft that it was built without AI, and lists the sections in the task's order", () => {
    const draft = buildOfflineDraft(callFor("interview-minutes", fixture("01-sinistre-auto-telephone.txt")));
    expect(draft.split("\n")[0]).toMatch(/sans IA générative/);
    const titles = [...draft.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    expect(titles.slice(0, 5)).toEqual([
      "Contexte",
      "Demande du sociétaire",
      "Éléments échangés",
      "Engagements pris",
      "Prochaines étapes",
    ]);
  });

  it("files requests, commitments and next steps of real notes where an adviser would look for them", () => {
    const minutes = (file: string) => sectionsOf(buildOfflineDraft(callFor("interview-minutes", fixture(file))));
    const auto = minutes("01-sinistre-auto-telephone.txt");
    expect(auto.get("Contexte")?.[0]).toMatch(/^Entretien téléphonique 14\/10/);
    expect(auto.get("Demande du sociétaire")).toContainEqual(
      expect.stringMatching(/^demande véhicule de remplacement/),
    );
    expect(auto.get("Prochaines étapes")).toContainEqual(expect.stringMatching(/^A faire : ouvrir dossier/));
    const water = minutes("02-degat-des-eaux-visite.txt");
    expect(water.get("Demande du sociétaire")).toContainEqual(
      expect.stringMatching(/^elle demande si on prend la facture/),
    );
    expect(water.get("Prochaines étapes")).toContainEqual(expect.stringMatching(/^prochaine étape : artisan/));
    const complaint = minutes("04-reclamation-remboursement.txt");
    expect(complaint.get("Engagements pris")).toContainEqual(
      expect.stringMatching(/^engagement pris : virement aujourd'hui/),
    );
    expect(minutes("03-ajout-jeune-conducteur.txt").get("Prochaines étapes")).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^envoyer le devis/),
        expect.stringMatching(/^rappel prévu le 12\/11/),
      ]),
    );
  });

  it("recalls the dates and amounts it recognised", () => {
    const draft = buildOfflineDraft(callFor("claim-summary", fixture("04-reclamation-remboursement.txt")));
    expect(draft).toMatch(/- Dates : 07\/11 ; 02\/09 ; 15\/09 ; 30\/09 ; 14\/10 ; 28\/10\n/);
    expect(draft).toMatch(/- Montants : 389,90 €/);
  });

  it("streams the same text it returns, and is marked offline", async () => {
    const engine = createOfflineEngine();
    const pieces: string[] = [];
    const output = await engine.generate(callFor("member-email", fixture("05-mail-societaire.txt")), {
      onDelta: (p) => pieces.push(p),
    });
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join("")).toBe(output.text);
    expect(engine.info.isOffline).toBe(true);
  });
});

describe("offline engine on a one-line note", () => {
  it("files the line by what it says, not as a heading", () => {
    const draft = buildOfflineDraft({
      task: "interview-minutes",
      messages: [],
      input: { task: "interview-minutes", notes: "appel du 05/11 : M. Jean Dupont demande une attestation" },
    });
    expect(draft).toMatch(/## Demande du sociétaire\n- appel du 05\/11 : M\. Jean Dupont demande une attestation/);
  });
});

describe("offline engine: only what it can", () => {
  it("files the member's own mail under « Demande du sociétaire » and writes no answer for the adviser", () => {
    const sections = sectionsOf(buildOfflineDraft(callFor("member-email", fixture("05-mail-societaire.txt"))));
    expect(sections.get("Demande du sociétaire")).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Mon vélo électrique/),
        expect.stringMatching(/^Est-ce que mon contrat habitation couvre ce vol/),
      ]),
    );
    expect(sections.get("Réponse")).toEqual([]);
    expect(sections.get("Rappel de la demande")).toBeUndefined();
    // The adviser's note stays theirs, apart from the answer.
    expect([...sections.values()].flat().filter((l) => l.startsWith("Notes du conseiller"))).toHaveLength(1);
  });

  it("says in the draft that the answer is the adviser's to write", () => {
    const draft = buildOfflineDraft(callFor("member-email", fixture("05-mail-societaire.txt")));
    expect(draft).toMatch(/## Réponse\n\(à rédiger par le conseiller/);
  });

  it("puts under « Réponse » only the lines the adviser tagged as the answer", () => {
    const notes =
      "De : Mme Anne Roux\nBonjour, ma fenêtre est cassée, suis-je couverte ?\n---\nRéponse : oui, bris de glace couvert sans franchise\nvérifier le contrat\nRéponse :\nenvoyer un vitrier agréé\nsous 48h";
    const sections = sectionsOf(buildOfflineDraft(callFor("member-email", notes)));
    expect(sections.get("Réponse")).toEqual([
      "oui, bris de glace couvert sans franchise",
      "envoyer un vitrier agréé",
      "sous 48h",
    ]);
    expect(sections.get("Demande du sociétaire")).toEqual(["Bonjour, ma fenêtre est cassée, suis-je couverte ?"]);
    expect([...sections.values()].flat()).toContain("vérifier le contrat");
  });

  it("files [Sociétaire] lines of a mail thread as the member's request", () => {
    const sections = sectionsOf(
      buildOfflineDraft(
        callFor(
          "member-email",
          "[Sociétaire] Je souhaite résilier mon contrat auto.\n[MAIF] Nous avons bien reçu votre demande.",
        ),
      ),
    );
    expect(sections.get("Demande du sociétaire")).toEqual(["Je souhaite résilier mon contrat auto."]);
    expect(sections.get("Réponse")).toEqual([]);
  });

  it("refuses an AI edit rather than touching the draft", async () => {
    const call = {
      task: "member-email" as const,
      messages: [],
      input: {
        task: "member-email" as const,
        notes: "x",
        revision: { draft: "Mon brouillon.", instruction: "Plus concis" },
      },
    };
    expect(() => buildOfflineDraft(call)).toThrow();
    await expect(createOfflineEngine().generate(call)).rejects.toMatchObject({ isRetryable: false });
  });

  it("writes no figure of its own: its drafts of every fixture and task hold no ungrounded figure", () => {
    for (const { name, text } of sampleNotes()) {
      for (const task of TASK_IDS) {
        const call = { task, messages: [], input: { task, notes: text, source: "ligne 1\nligne 2\nligne 3" } };
        expect(findUngrounded(buildOfflineDraft(call), [text]), `${name} ${task}`).toEqual([]);
      }
    }
  });

  it("reports no model time: no token and no CPU footprint", async () => {
    const output = await createOfflineEngine().generate(
      callFor("interview-minutes", fixture("01-sinistre-auto-telephone.txt")),
    );
    expect(output.usage).toEqual({ inputTokens: 0, outputTokens: 0 });
    expect(output.cpuMs).toBeUndefined();
  });
});

describe("offline member e-mail: the adviser's own notes stay theirs", () => {
  it("does not take an adviser's note naming the member for the member's mail", () => {
    const notes = "Monsieur Petit a appelé pour sa toiture\nil demande un expert\ndevis couvreur reçu";
    const sections = sectionsOf(buildOfflineDraft(callFor("member-email", notes)));
    expect(sections.get("Demande du sociétaire")).toEqual(["il demande un expert"]);
    expect(sections.get("Réponse")).toEqual([]);
  });
});
