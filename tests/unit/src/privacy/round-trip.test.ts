// Property-based tests: restore(pseudonymise(x)) = x, no detected value survives, and streamed restoration equals whole
// restoration.
import fc from "fast-check";
import {
  PII_TYPES,
  StreamRestorer,
  pseudonymise,
  restore,
  type PseudonymisationInput,
  type PseudonymMapping,
} from "../../../../src/privacy";
import { loadLexicons } from "../../../../server/privacy/lexicons";

const NAMES = [
  "Karim Benali",
  "Sophie Garnier",
  "M. BENALI Karim",
  "Anne-Marie Le Goff",
  "Élodie Martin (MAIF)",
  "Thomas Petit",
  "Inès Carpentier",
];

// Fragments are personal data in every supported form, their look-alikes, and placeholder-shaped noise.
const SAMPLES = [
  "M. Karim Benali",
  "Benali",
  "BENALI",
  "benali",
  "Karim",
  "Mme Claire Morel",
  "M. et Mme Lambert",
  "leur fils Hugo",
  "Monsieur Petit",
  "un petit dégât",
  "Madame",
  "M.",
  "Mme",
  "De : Jean-Marc Dubois",
  "<v Thomas Petit>",
  "Nathalie Vasseur :",
  "née Moreau",
  "karim.benali@example.fr",
  "06 12 34 56 78",
  "0612345678",
  "+33 6 12 34 56 78",
  "+33 (0)6 12 34 56 78",
  "05.49.24.61.33",
  "FR76 3000 6000 0112 3456 7890 189",
  "FR7630006000011234567890189",
  "IBAN FR76 3000 6000 0112 3456 7890 188",
  "2 95 10 99 126 111 93",
  "2 75 08 2A 004 021 64",
  "SIRET 732 829 320 00017",
  "73282932000017",
  "FR44732829320",
  "8 rue Ricard",
  "12 bis avenue de Paris",
  "79000 Niort",
  "FG-482-KL",
  "AB 123 CD",
  "1234 AB 79",
  "né le 12/03/1980",
  "née le 3 mars 1975",
  "n° sociétaire 3456789B",
  "3456789B",
  "dossier 2025-BG-118734",
  "sinistre n° 25-118734",
  "1 500 €",
  "389,90 €",
  "12/10",
  "21/10/2025",
  "18h30",
  "12,5 %",
  "asthmatique",
  "médecin",
  "[NOM_1]",
  "[PRENOM_2]",
  "[TEL_1]",
  "[DATE_NAISSANCE_1]",
  "[NOM_",
  "NOM_1]",
  "[NOM_1",
  "[[NOM_1]]",
  "[REF_0]",
  "[nom_1]",
];
const placeholderLike = fc
  .tuple(fc.constantFrom(...PII_TYPES), fc.integer({ min: 0, max: 12 }))
  .map(([type, n]) => `[${type}_${n}]`);
const bracketNoise = fc.string({
  unit: fc.constantFrom("[", "]", "N", "O", "M", "_", "1", "0", "T", "E", "L", "P", "R"),
  maxLength: 10,
});
const fragment = fc.oneof(
  { arbitrary: fc.constantFrom(...SAMPLES), weight: 6 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 8 }), weight: 2 },
  { arbitrary: bracketNoise, weight: 1 },
  { arbitrary: placeholderLike, weight: 1 },
);
const separator = fc.constantFrom(
  "",
  " ",
  "  ",
  "\n",
  ", ",
  ". ",
  "[",
  "]",
  "_",
  "-",
  "(",
  ")",
  "'",
  "+",
  "\u00a0",
  "@",
);
const noteText = fc
  .array(fc.tuple(fragment, separator), { maxLength: 24 })
  .map((parts) => parts.map(([f, s]) => f + s).join(""));

const pseudonymisationInput: fc.Arbitrary<PseudonymisationInput> = fc
  .record({
    notes: noteText,
    source: fc.option(noteText, { nil: undefined }),
    memberName: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
    memberId: fc.option(fc.constantFrom("3456789B", "2025-BG-118734", "12345"), { nil: undefined }),
    subject: fc.option(noteText, { nil: undefined }),
    tone: fc.option(noteText, { nil: undefined }),
    knownNames: fc.subarray(NAMES),
  })
  .map(({ notes, source, memberName, memberId, subject, tone, knownNames }) => ({
    notes,
    ...(source === undefined ? {} : { source }),
    context: { memberName, memberId, subject, tone },
    knownNames,
  }));

const WORD = /[\p{L}\p{N}\p{M}_]/u;

/** Whether `value` occurs in `text` as a whole word (not glued to a letter, digit or "_" where it starts or ends with one). */
function occursAsWord(text: string, value: string): boolean {
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1)) {
    const end = at + value.length;
    const gluedBefore = at > 0 && WORD.test(value.charAt(0)) && WORD.test(text.charAt(at - 1));
    const gluedAfter = end < text.length && WORD.test(value.charAt(value.length - 1)) && WORD.test(text.charAt(end));
    if (!gluedBefore && !gluedAfter) return true;
  }
  return false;
}

describe("pseudonymise / restore round trip (property-based)", () => {
  it("restores every field exactly, for any text, including texts that already contain placeholder-like brackets", () => {
    fc.assert(
      fc.property(pseudonymisationInput, (input) => {
        const result = pseudonymise(input);
        const mapping = JSON.parse(JSON.stringify(result.mapping)) as PseudonymMapping;
        expect(restore(result.notes, mapping)).toBe(input.notes);
        expect(result.source === undefined ? undefined : restore(result.source, mapping)).toBe(input.source);
        for (const [key, value] of Object.entries(input.context ?? {})) {
          const out = result.context?.[key];
          expect(out === undefined ? undefined : restore(out, mapping)).toBe(value);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("leaves no replaced value in any pseudonymised field (the request's settings such as tone are sent as they are)", () => {
    fc.assert(
      fc.property(pseudonymisationInput, (input) => {
        const result = pseudonymise(input);
        const { tone: _settingNotPseudonymised, ...personalContext } = result.context ?? {};
        const outputs = [result.notes, result.source ?? "", ...Object.values(personalContext).map((v) => v ?? "")];
        for (const value of Object.values(result.mapping.entries)) {
          for (const out of outputs)
            expect(occursAsWord(out, value), `"${value}" survives in ${JSON.stringify(out)}`).toBe(false);
        }
        expect(result.count).toBe(Object.keys(result.mapping.entries).length);
        expect(Object.values(result.countsByType).reduce((a, b) => a + b, 0)).toBe(result.count);
      }),
      { numRuns: 400 },
    );
  });

  it("is deterministic: the same input always gives the same placeholders", () => {
    fc.assert(
      fc.property(pseudonymisationInput, (input) => {
        expect(pseudonymise(input)).toEqual(pseudonymise(input));
      }),
      { numRuns: 100 },
    );
  });
});

describe("pseudonymise with the server's lexicons (property-based)", () => {
  const lexicons = loadLexicons();
  // Forms only the lexicon rules read: greetings, lower case, particles, places, address chains, odd identifiers.
  const LEXICON_SAMPLES = [
    "Bonjour Sophie",
    "julie morel",
    "appel de karim",
    "m. dupont",
    "lycée Victor Hugo",
    "Van der Berg",
    "de La Fontaine",
    "Rappeler Benali",
    "dossier Lefèvre",
    "Pierre a appelé",
    "la pierre",
    "Résidence Les Tilleuls, bâtiment B, 33000 Bordeaux",
    "lieu-dit Les Rochettes",
    "BP 45, 79001 Niort CEDEX",
    "rue Saint-Gilles 120, 4000 Liège",
    "06/12/34/56/78",
    "06 1234 5678",
    "julie point morel at gmail point com",
    "s.garnier(at)free.fr",
    "FR76-3000-6000-0112-3456-7890-189",
    "(12/03/1961)",
    "Renault Mégane",
    "à Laval",
    "loi Lemoine",
    "Kerjean a",
    "QUÉRÉ Yannick",
  ];
  const lexiconNote = fc
    .array(
      fc.tuple(
        fc.oneof(
          { arbitrary: fc.constantFrom(...LEXICON_SAMPLES, ...SAMPLES), weight: 6 },
          { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
        ),
        separator,
      ),
      { maxLength: 16 },
    )
    .map((parts) => parts.map(([f, sep]) => f + sep).join(""));
  const input = fc.record({
    notes: lexiconNote,
    tone: lexiconNote,
    instruction: lexiconNote,
    memberName: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
  });

  it("restores notes, every context field and the extra texts exactly, and no replaced value survives in any of them", () => {
    fc.assert(
      fc.property(input, ({ notes, tone, instruction, memberName }) => {
        const result = pseudonymise({ notes, context: { memberName, tone }, extraTexts: [instruction] }, { lexicons });
        expect(restore(result.notes, result.mapping)).toBe(notes);
        expect(restore(result.context?.tone ?? "", result.mapping)).toBe(tone);
        expect(restore(result.extraTexts[0] ?? "", result.mapping)).toBe(instruction);
        const outputs = [
          result.notes,
          result.context?.tone ?? "",
          result.context?.memberName ?? "",
          ...result.extraTexts,
        ];
        for (const value of Object.values(result.mapping.entries)) {
          for (const out of outputs)
            expect(occursAsWord(out, value), `"${value}" survives in ${JSON.stringify(out)}`).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("StreamRestorer (property-based)", () => {
  const mapping: PseudonymMapping = {
    version: 1,
    entries: {
      "[NOM_1]": "Benali",
      "[PRENOM_1]": "Karim",
      "[TEL_1]": "06 12 34 56 78",
      "[DATE_NAISSANCE_1]": "12/03/1980",
      "[REF_12]": "3456789B",
    },
  };
  const draftPiece = fc.oneof(
    fc.constantFrom(
      ...Object.keys(mapping.entries),
      "M. ",
      " ",
      "\n",
      "[",
      "]",
      "[NOM_",
      "[NOM_2]",
      "[DATE_",
      "NOM_1]",
      "1 500 €",
      "[[NOM_1]]",
    ),
    fc.string({ maxLength: 6 }),
    placeholderLike,
  );
  const draft = fc.array(draftPiece, { maxLength: 30 }).map((pieces) => pieces.join(""));

  it("gives the same text as restore() on the whole draft, however the stream is chunked", () => {
    fc.assert(
      fc.property(draft, fc.array(fc.nat(), { maxLength: 12 }), (text, rawCuts) => {
        const cuts = [...new Set(rawCuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const restorer = new StreamRestorer(mapping);
        let out = "";
        let from = 0;
        for (const cut of [...cuts, text.length]) {
          out += restorer.push(text.slice(from, cut));
          from = cut;
        }
        out += restorer.flush();
        expect(out).toBe(restore(text, mapping));
      }),
      { numRuns: 1000 },
    );
  });

  it("holds back only a possible partial placeholder at the end and emits everything else at once", () => {
    const restorer = new StreamRestorer(mapping);
    expect(restorer.push("Bonjour M. [NO")).toBe("Bonjour M. ");
    expect(restorer.push("M_1], votre tél [TEL_")).toBe("Benali, votre tél ");
    expect(restorer.push("1] ; dossier [en cours]")).toBe("06 12 34 56 78 ; dossier [en cours]");
    expect(restorer.push(" [DATE_NAISSANCE_1")).toBe(" ");
    expect(restorer.push("")).toBe("");
    expect(restorer.flush()).toBe("[DATE_NAISSANCE_1");
    expect(restorer.push("[x")).toBe("[x");
  });
});
