// WebVTT transcripts: Teams-shaped samples, tricky files, refusals, and properties (never throws, loses no text).
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../../src/errors";
import { pseudonymise } from "../../../../src/privacy";
import { parseVtt, speakersOf, transcriptToSource, type TranscriptTurn } from "../../../../src/sources/vtt";

const source = (name: string) => readFileSync(new URL(`../../../fixtures/sources/${name}`, import.meta.url), "utf8");
const note = (name: string) => readFileSync(new URL(`../../../fixtures/notes/${name}`, import.meta.url), "utf8");
const speakers = (turns: readonly TranscriptTurn[]) => turns.map((t) => t.speaker);

function refusal(text: string): AppError {
  try {
    parseVtt(text);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("parseVtt accepted the text");
}

describe("parseVtt on Teams transcripts", () => {
  it("merges consecutive cues of one speaker into turns, keeping the first start and the last end", () => {
    const { turns } = parseVtt(source("teams-sinistre-habitation.vtt"));
    expect(speakers(turns)).toEqual([
      "Élodie Martin (MAIF)",
      "Thomas Petit",
      "Élodie Martin (MAIF)",
      "Thomas Petit",
      "Élodie Martin (MAIF)",
      "Thomas Petit",
    ]);
    expect(turns[0]).toEqual({
      speaker: "Élodie Martin (MAIF)",
      text: "Bonjour Monsieur Petit, Élodie Martin, conseillère MAIF. Je vous appelle au sujet de votre déclaration de sinistre habitation.",
      start: "00:00:02.140",
      end: "00:00:09.420",
    });
    // A cue wrapped over two lines reads as one sentence.
    expect(turns[1]?.text).toBe(
      "Oui, bonjour. Alors c'est la tempête du 16 octobre, des tuiles sont tombées et il y a eu une infiltration dans la chambre du fond.",
    );
    expect(turns[3]).toMatchObject({
      text: "Oui, un couvreur est passé le 17, il a bâché. Il m'a fait un devis de 2 950 euros pour remplacer les tuiles.",
      start: "00:00:21.600",
      end: "00:00:30.400",
    });
  });

  it("reads the shared sample transcript", () => {
    const { turns } = parseVtt(note("06-transcription-teams.vtt"));
    expect(turns).toHaveLength(6);
    expect(speakersOf(turns)).toEqual(["Élodie Martin", "Thomas Petit"]);
    expect(turns.at(-1)).toEqual({
      speaker: "Thomas Petit",
      text: "Parfait, merci beaucoup.",
      start: "00:00:38.500",
      end: "00:00:42.000",
    });
  });

  it("handles a BOM, CRLF, header metadata, NOTE and STYLE blocks, cue settings, <v.loud>, inline tags and entities", () => {
    const { turns } = parseVtt(source("teams-bom-crlf-notes.vtt"));
    expect(turns).toEqual([
      {
        speaker: "Karim Benali (MAIF)",
        text: "Bonjour Madame Dupont, je suis Karim Benali, de la MAIF. Je reprends votre réclamation du 2 novembre & le courrier de l'expert.",
        start: "00:00:01.000",
        end: "00:00:09.000",
      },
      {
        speaker: "Dupont, Nathalie",
        text: "Oui. Je conteste le taux de vétusté de 40 %, c'est beaucoup trop pour une cuisine de 2019. J'ai les factures d'achat <en PDF>.",
        start: "00:00:09.200",
        end: "00:00:18.000",
      },
      { speaker: null, text: "(bruit de fond)", start: "00:00:19.000", end: "00:00:21.000" },
      {
        speaker: "Karim Benali (MAIF)",
        text: "Je transmets les factures à l'expert pour revoir la vétusté.",
        start: "00:00:21.500",
        end: "00:00:27.000",
      },
    ]);
    const all = transcriptToSource(turns);
    for (const syntax of [
      "WEBVTT",
      "NOTE",
      "STYLE",
      "-->",
      "Kind:",
      "::cue",
      "<v",
      "<i>",
      "</v>",
      "align:",
      "&amp;",
      "\r",
      "\uFEFF",
    ])
      expect(all).not.toContain(syntax);
  });

  it("splits a cue holding two voices, drops text a blank line cut off its cue (the spec's stray block), and starts a cue at a timing line without a blank line", () => {
    const { turns } = parseVtt(source("teams-tricky-cues.vtt"));
    expect(speakers(turns)).toEqual([
      "Sophie Laurent (MAIF)",
      "Marc Girard [Invité]",
      "Sophie Laurent (MAIF)",
      "Marc Girard [Invité]",
      "Sophie Laurent (MAIF)",
      null,
    ]);
    // Per the WebVTT parser, "entièrement, sur environ 12 m²." after a blank line belongs to no cue.
    expect(turns[1]?.text).toBe(
      "Bonjour. Je suis l'expert mandaté pour le dégât des eaux du 3 mars. Le plafond de la salle de bains est à refaire",
    );
    // "<v   Sophie   Laurent (MAIF)  >" is the same speaker as "<v Sophie Laurent (MAIF)>".
    expect(turns[2]?.text).toBe("Merci. Et la cause ?");
    expect(turns[3]?.text).toBe("Un joint de douche défaillant chez le voisin du dessus.");
    expect(turns[4]?.text).toBe("C'est donc la convention IRSI qui s'applique.");
    // An empty voice says nothing; the cues after it name nobody, and consecutive unnamed cues form one turn.
    expect(turns[5]).toEqual({
      speaker: null,
      text: "Je vous envoie mon rapport d'ici vendredi. Bonne journée.",
      start: "00:00:17.000",
      end: "00:00:20.000",
    });
  });

  it("reads 'Name: text' speakers in files without voices (Zoom), but not one 'Attention :' sentence", () => {
    const { turns } = parseVtt(source("zoom-speaker-prefix.vtt"));
    expect(speakers(turns)).toEqual(["Claire Moreau", "Paul Lefèvre", "Claire Moreau"]);
    expect(turns[0]?.text).toBe(
      "Bonjour Monsieur Lefèvre, c'est au sujet de votre jeune conducteur. Votre fils Hugo a obtenu son permis quand ?",
    );

    const once = parseVtt(
      "WEBVTT\n\n00:01.000 --> 00:02.000\nAttention : la ligne coupe.\n\n00:02.000 --> 00:03.000\nJe vous rappelle.\n",
    );
    expect(once.turns).toEqual([
      {
        speaker: null,
        text: "Attention : la ligne coupe. Je vous rappelle.",
        start: "00:00:01.000",
        end: "00:00:03.000",
      },
    ]);
  });

  it("normalises timestamps, skips cues with invalid timings, and reads '<' as the spec's tag opener", () => {
    const { turns } = parseVtt(
      "WEBVTT\n\n01:02.500 --> 1:00:03.250\n<v A B>3 &lt; 4 &amp;&constructor; &eacute;t&eacute; &#233;</v>\n\nabc --> def\n<v C D>perdu\n\n01:02.5 --> 01:03.000\n<v C D>perdu aussi\n\n01:04.000 --> 01:05.000\n<v C D>ok 3 < 4 ignoré</v> fin\n",
    );
    expect(turns).toEqual([
      { speaker: "A B", text: "3 < 4 &&constructor; été é", start: "00:01:02.500", end: "01:00:03.250" },
      // "< 4 ignoré</v>" is a start tag with an empty name and an annotation: dropped, and the voice stays open.
      { speaker: "C D", text: "ok 3 fin", start: "00:01:04.000", end: "00:01:05.000" },
    ]);
  });

  it("returns no turns for a header-only file", () => {
    expect(parseVtt("WEBVTT\n").turns).toEqual([]);
    expect(parseVtt("WEBVTT\n\nNOTE rien\n").turns).toEqual([]);
  });
});

describe("parseVtt on transcripts copied from Teams or Word", () => {
  const turnsOf = (text: string) => parseVtt(text).turns.map((t) => [t.speaker, t.text]);

  it("reads Teams' Word download: 'Name   0:03' then the speech, after the meeting's title lines", () => {
    const text = [
      "Point sinistre Dupont-20261205_140012-Enregistrement de la réunion",
      "5 décembre 2026, 14:00",
      "12 min 4 s",
      "",
      "Karim Benali a démarré la transcription",
      "",
      "Karim Benali   0:03",
      "Bonjour Madame Dupont, je vous appelle pour votre sinistre.",
      "",
      "Nathalie Dupont   0:09",
      "Oui, bonjour.",
      "Le dégât des eaux date du 2 novembre.",
      "",
      "Karim Benali   1:02:15",
      "Très bien, je note.",
      "",
      "Karim Benali a arrêté la transcription",
    ].join("\r\n");
    expect(parseVtt(text).turns).toEqual([
      {
        speaker: "Karim Benali",
        text: "Bonjour Madame Dupont, je vous appelle pour votre sinistre.",
        start: "00:00:03.000",
        end: "00:00:03.000",
      },
      {
        speaker: "Nathalie Dupont",
        text: "Oui, bonjour. Le dégât des eaux date du 2 novembre.",
        start: "00:00:09.000",
        end: "00:00:09.000",
      },
      { speaker: "Karim Benali", text: "Très bien, je note.", start: "01:02:15.000", end: "01:02:15.000" },
    ]);
  });

  it("reads a speaker on their own line followed by lines of speech, with or without blank lines", () => {
    const spaced =
      "Élodie Martin\nBonjour Monsieur Petit.\nJe vous appelle pour la tempête.\n\nThomas Petit\nOui, bonjour.\n\nÉlodie Martin\nAvez-vous des photos ?\n";
    expect(turnsOf(spaced)).toEqual([
      ["Élodie Martin", "Bonjour Monsieur Petit. Je vous appelle pour la tempête."],
      ["Thomas Petit", "Oui, bonjour."],
      ["Élodie Martin", "Avez-vous des photos ?"],
    ]);
    const packed =
      "Élodie Martin (MAIF)\nBonjour.\nThomas Petit\nBonjour Madame.\nMerci\nÉlodie Martin (MAIF)\nC'est noté.\nThomas Petit\nMerci.\n";
    expect(turnsOf(packed)).toEqual([
      ["Élodie Martin (MAIF)", "Bonjour."],
      // "Merci" alone is speech, not a speaker.
      ["Thomas Petit", "Bonjour Madame. Merci"],
      ["Élodie Martin (MAIF)", "C'est noté."],
      ["Thomas Petit", "Merci."],
    ]);
    // A speaker line may end with a colon, and a time line may follow it.
    expect(
      turnsOf("Conseiller :\n0:05\nBonjour.\n\nSociétaire :\n0:07\nBonjour, j'appelle pour mon contrat.\n"),
    ).toEqual([
      ["Conseiller", "Bonjour."],
      ["Sociétaire", "Bonjour, j'appelle pour mon contrat."],
    ]);
  });

  it("reads '[00:01:02] Name: text' lines, and the lines that wrap them", () => {
    const text =
      "[00:00:01] Claire Moreau: Bonjour Monsieur Lefèvre.\n[00:00:04] Paul Lefèvre : Bonjour.\nJe vous écoute.\n(00:01:02) Claire Moreau: Votre fils a son permis ?\n00:01:10 Paul Lefèvre: Depuis septembre.\n";
    expect(parseVtt(text).turns).toEqual([
      { speaker: "Claire Moreau", text: "Bonjour Monsieur Lefèvre.", start: "00:00:01.000", end: "00:00:01.000" },
      { speaker: "Paul Lefèvre", text: "Bonjour. Je vous écoute.", start: "00:00:04.000", end: "00:00:04.000" },
      { speaker: "Claire Moreau", text: "Votre fils a son permis ?", start: "00:01:02.000", end: "00:01:02.000" },
      { speaker: "Paul Lefèvre", text: "Depuis septembre.", start: "00:01:10.000", end: "00:01:10.000" },
    ]);
  });

  it("reads Teams' older copy with timing lines and the speaker under them", () => {
    const text =
      "0:0:0.0 --> 0:0:4.500\nKarim Benali\nBonjour Madame.\n\n0:0:4.500 --> 0:0:7.0\nNathalie Dupont\nBonjour.\n";
    expect(turnsOf(text)).toEqual([
      ["Karim Benali", "Bonjour Madame."],
      ["Nathalie Dupont", "Bonjour."],
    ]);
  });

  it("refuses prose that names no speaker", () => {
    expect(refusal("Bonjour,\nJe vous écris au sujet de mon sinistre.\nCordialement").detail).toMatch(
      /n'est pas une transcription/u,
    );
  });
});

describe("parseVtt refusals", () => {
  it("refuses a file that is not WebVTT with a French detail", () => {
    const error = refusal("Bonjour, voici la transcription.\n00:00:01.000 --> 00:00:02.000\nBonjour");
    expect(error.code).toBe("invalid_request");
    expect(error.status).toBe(400);
    expect(error.detail).toMatch(/n'est pas une transcription WebVTT.*« WEBVTT »/);
  });

  it("recognises SubRip subtitles and an empty file", () => {
    expect(refusal(source("not-webvtt.srt")).detail).toMatch(/sous-titrage SRT/);
    expect(refusal("  \n").detail).toMatch(/vide/);
  });
});

describe("transcriptToSource and speakersOf", () => {
  it("writes one 'Speaker : text' line per turn and names unknown speakers", () => {
    const { turns } = parseVtt(source("teams-tricky-cues.vtt"));
    const lines = transcriptToSource(turns).split("\n");
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe("Sophie Laurent (MAIF) : Bonjour à tous.");
    expect(lines[5]).toBe("Intervenant non identifié : Je vous envoie mon rapport d'ici vendredi. Bonne journée.");
  });

  it("gives each speaker's name once, without Teams decorations, in order of appearance", () => {
    expect(speakersOf(parseVtt(source("teams-tricky-cues.vtt")).turns)).toEqual(["Sophie Laurent", "Marc Girard"]);
    expect(speakersOf(parseVtt(source("teams-bom-crlf-notes.vtt")).turns)).toEqual([
      "Karim Benali",
      "Dupont, Nathalie",
    ]);
    expect(speakersOf([{ speaker: "(MAIF)", text: "x", start: "", end: "" }])).toEqual(["(MAIF)"]);
  });

  it("feeds the pseudonymiser: every speaker's name is masked in the source, the unknown-speaker label is not", () => {
    const { turns } = parseVtt(source("teams-bom-crlf-notes.vtt"));
    const text = `${transcriptToSource(turns)}\nIntervenant non identifié : fin.`;
    const masked = pseudonymise({ notes: "", source: text, knownNames: speakersOf(turns) }).source ?? "";
    for (const name of ["Karim", "Benali", "Nathalie", "Dupont"]) expect(masked).not.toContain(name);
    expect(masked).toContain("Intervenant non identifié : ");
  });
});

describe("parseVtt on pathological input", () => {
  const fill = (unit: string) => unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
  it.each([
    ["unclosed voices", `WEBVTT\n\n00:01.000 --> 00:02.000\n${fill("<v ")}`],
    ["text outside any cue", `WEBVTT\n\n00:01.000 --> 00:02.000\nx\n\n${fill("texte\n")}`],
    ["timing lines", `WEBVTT\n\n${fill("00:01.000 --> 00:02.000\n")}`],
    [
      "alternating short cues",
      `WEBVTT\n\n${fill("00:01.000 --> 00:02.000\n<v A>x</v>\n\n00:01.000 --> 00:02.000\n<v B>y</v>\n\n")}`,
    ],
    ["copied speaker lines", fill("Karim Benali\nBonjour.\n")],
    ["capitalised words on one line", fill("Aaa Bbb ")],
    ["copied headers and prefixes", fill("Karim Benali   0:03\n[00:00:01] Claire Moreau: oui\n")],
  ])("reads a megabyte of %s in linear time", (_label, text) => {
    const started = performance.now();
    try {
      parseVtt(text);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
    expect(performance.now() - started).toBeLessThan(10_000); // quadratic work on a megabyte takes minutes; 10 s only guards against that, not speed
  });
});

describe("parseVtt properties", () => {
  const noise = fc.constantFrom(
    "-->",
    "00:00:01.000 --> 00:00:02.000",
    "NOTE",
    "STYLE",
    "<v A>",
    "<v.loud>",
    "</v>",
    "<",
    "&",
    "&#x110000;",
    "&#0;",
    "",
    " ",
    "\r",
    "\uFEFF",
    "<00:00:01.000>",
  );
  const line = fc.oneof(fc.string({ unit: "grapheme", maxLength: 40 }), noise);

  // The signature is "WEBVTT" then a space, a tab or a line end (the spec refuses "WEBVTTX"), then anything.
  it("never throws on a text that starts with the WebVTT signature", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("", " ", "\t", "\n", "\r", "\r\n"),
        fc.string({ unit: "binary", maxLength: 300 }),
        (separator, rest) => {
          parseVtt(separator === "" ? "WEBVTT" : `WEBVTT${separator}${rest}`);
        },
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.constantFrom("\n", "\r\n", "\r"), (lines, eol) => {
        parseVtt(["WEBVTT", ...lines].join(eol));
      }),
      { numRuns: 500 },
    );
  });

  it("answers any text with turns or a French refusal, never another error", () => {
    const copyLine = fc.oneof(
      line,
      fc.constantFrom(
        "Karim Benali   0:03",
        "Karim Benali",
        "Nathalie Dupont :",
        "[00:01:02] Claire Moreau: oui",
        "0:0:1.0 --> 0:0:2.0",
        "Merci",
      ),
    );
    fc.assert(
      fc.property(fc.array(copyLine, { maxLength: 30 }), (lines) => {
        try {
          const { turns } = parseVtt(lines.join("\n"));
          for (const turn of turns) expect(turn.text.trim()).not.toBe("");
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
        }
      }),
      { numRuns: 500 },
    );
  });

  const speaker = fc.constantFrom<string | null>(
    "Élodie Martin (MAIF)",
    "Thomas Petit",
    "Dupont, Nathalie",
    "O'Neil Kate",
    null,
  );
  const word = fc.stringMatching(/^[a-zA-Zàéèêçô0-9&<>'’,.?!%€-]{1,10}$/u);
  const cue = fc.record({
    speaker,
    words: fc.array(word, { minLength: 1, maxLength: 8 }),
    wrapAt: fc.nat(8),
    hasId: fc.boolean(),
    isLoud: fc.boolean(),
    closes: fc.boolean(),
  });
  const escape = (w: string) => w.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

  it("loses no text: the turns hold every cue's words in order, and never two turns of one speaker in a row", () => {
    fc.assert(
      fc.property(fc.array(cue, { minLength: 1, maxLength: 12 }), fc.boolean(), (cues, crlf) => {
        const blocks = cues.map((c, i) => {
          const words = c.words.map(escape);
          const text = [words.slice(0, c.wrapAt).join(" "), words.slice(c.wrapAt).join(" ")]
            .filter((l) => l !== "")
            .join("\n");
          const voice = c.speaker === null ? "" : `<v${c.isLoud ? ".loud" : ""} ${escape(c.speaker)}>`;
          const timing = `00:00:${String(i).padStart(2, "0")}.000 --> 00:00:${String(i + 1).padStart(2, "0")}.000`;
          return [...(c.hasId ? [`cue-${i}`] : []), timing, `${voice}${text}${voice && c.closes ? "</v>" : ""}`].join(
            "\n",
          );
        });
        const file = ["WEBVTT", ...blocks].join("\n\n");
        const { turns } = parseVtt(crlf ? file.replaceAll("\n", "\r\n") : file);

        expect(turns.map((t) => t.text).join(" ")).toBe(cues.map((c) => c.words.join(" ")).join(" "));
        const expectedSpeakers = cues.map((c) => c.speaker).filter((s, i, all) => i === 0 || s !== all[i - 1]);
        expect(turns.map((t) => t.speaker)).toEqual(expectedSpeakers);
        turns.slice(1).forEach((t, i) => expect(t.speaker).not.toBe(turns[i]?.speaker));
      }),
      { numRuns: 300 },
    );
  });
});
