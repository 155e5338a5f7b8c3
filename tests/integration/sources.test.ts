// POST /api/sources/* through the real app: uploads, transcripts and mail threads become sources; every refusal is
// problem+json in French.
import { readFileSync } from "node:fs";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProblemSchema } from "../../src/schemas/problem";
import {
  DocumentSourceResponseSchema,
  MailThreadSourceResponseSchema,
  TranscriptSourceResponseSchema,
} from "../../src/schemas/sources";
import type { Db } from "../../server/store/db";
import { buildDocx, buildPdf } from "../support/document-builders";
import { startLocalIdentityProvider, type LocalIdentityProvider } from "../support/jwks-signer";
import { createTestStore, type TestStore } from "../support/stores";
import { buildTestApp } from "../support/test-app";

const sample = (name: string) => readFileSync(new URL(`../fixtures/sources/${name}`, import.meta.url), "utf8");

interface FilePart {
  readonly field: string;
  readonly filename?: string;
  readonly type?: string;
  readonly content: Uint8Array | string;
}

/** A multipart/form-data body as a browser's FormData would send it. */
function multipart(parts: readonly FilePart[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = "----GreffierTestBoundary7MA4YWxkTrZu0gW";
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.field}"${part.filename ? `; filename="${part.filename}"` : ""}`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ""}\r\n`,
      ),
    );
    chunks.push(typeof part.content === "string" ? Buffer.from(part.content) : Buffer.from(part.content));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

function expectProblem(response: LightMyRequestResponse, status: number, detail: RegExp): void {
  expect(response.statusCode).toBe(status);
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/u);
  const problem = ProblemSchema.parse(response.json());
  expect(problem.status).toBe(status);
  expect(problem.detail).toMatch(detail);
  expect(response.body).not.toMatch(/\bat .*\.(?:ts|js|mjs):\d+/u);
}

describe("source routes (dev user)", () => {
  let store: TestStore;
  let db: Db;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await createTestStore("pglite");
    db = await store.open();
    ({ app } = await buildTestApp({ db }));
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await store.destroy();
  });

  const upload = (parts: readonly FilePart[]) => {
    const { payload, headers } = multipart(parts);
    return app.inject({ method: "POST", url: "/api/sources/document", payload, headers });
  };
  const postJson = (url: string, payload: unknown) =>
    app.inject({
      method: "POST",
      url,
      payload: payload as Record<string, unknown>,
      headers: { "content-type": "application/json" },
    });

  describe("POST /api/sources/document", () => {
    it("returns the text of a PDF with its page count, format and size", async () => {
      const pdf = buildPdf([
        { lines: ["Déclaration de sinistre automobile", "Lieu : rond-point de la Brèche, Niort."] },
        { hasImage: true },
        { lines: ["Dommages : pare-chocs avant, 1 240,50 €."] },
      ]);
      const response = await upload([
        { field: "file", filename: "declaration.pdf", type: "application/pdf", content: pdf },
      ]);
      expect(response.statusCode).toBe(200);
      const body = DocumentSourceResponseSchema.parse(response.json());
      expect(body).toMatchObject({ pages: 3, format: "pdf", pagesWithoutText: [2] });
      expect(body.text).toContain("Lieu : rond-point de la Brèche, Niort.");
      expect(body.text).toContain("1 240,50 €");
      expect(body.characters).toBe(body.text.length);
    });

    it("returns the text of a DOCX", async () => {
      const docx = await buildDocx(["Devis n° 2024-118", "Total TTC : 2 950,00 €"]);
      const response = await upload([
        {
          field: "file",
          filename: "devis.docx",
          type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          content: docx,
        },
      ]);
      expect(response.statusCode).toBe(200);
      const text = "Devis n° 2024-118\n\nTotal TTC : 2 950,00 €";
      expect(DocumentSourceResponseSchema.parse(response.json())).toEqual({
        text,
        pages: 1,
        format: "docx",
        characters: text.length,
        pagesWithoutText: [],
      });
    });

    it("answers 422 'document scanné sans texte' to a scanned PDF", async () => {
      const response = await upload([
        { field: "file", filename: "constat.pdf", type: "application/pdf", content: buildPdf([{ hasImage: true }]) },
      ]);
      expectProblem(response, 422, /^Document scanné sans texte/u);
    });

    it("answers 413 to a file over 10 MB and to a PDF over 50 pages", async () => {
      const big = new Uint8Array(10 * 1024 * 1024 + 10).fill(0x41);
      expectProblem(
        await upload([{ field: "file", filename: "gros.pdf", type: "application/pdf", content: big }]),
        413,
        /dépasse la taille maximale de 10 Mo/u,
      );
      const long = buildPdf(Array.from({ length: 51 }, () => ({ lines: ["Conditions générales, article 1."] })));
      expectProblem(
        await upload([{ field: "file", filename: "cg.pdf", type: "application/pdf", content: long }]),
        413,
        /51 pages/u,
      );
    });

    it("answers 415 to an unsupported format and to a body that is not multipart", async () => {
      expectProblem(
        await upload([{ field: "file", filename: "notes.txt", type: "text/plain", content: "Bonjour" }]),
        415,
        /envoyez un PDF ou un document Word/u,
      );
      expectProblem(await postJson("/api/sources/document", { file: "JVBERi0xLjQ=" }), 415, /multipart\/form-data/u);
      const raw = await app.inject({
        method: "POST",
        url: "/api/sources/document",
        payload: Buffer.from(buildPdf([{ lines: ["x"] }])),
        headers: { "content-type": "application/pdf" },
      });
      expectProblem(raw, 415, /multipart\/form-data/u);
    });

    it("answers 400 when the form holds no file, or the file is in another field", async () => {
      expectProblem(await upload([{ field: "commentaire", content: "pas de fichier" }]), 400, /Aucun document reçu/u);
      expectProblem(
        await upload([
          {
            field: "document",
            filename: "d.pdf",
            type: "application/pdf",
            content: buildPdf([{ lines: ["Texte suffisant pour une page lisible."] }]),
          },
        ]),
        400,
        /champ « file »/u,
      );
    });

    it("answers 400 to two files at once", async () => {
      const pdf = buildPdf([{ lines: ["Texte suffisant pour une page lisible."] }]);
      const response = await upload([
        { field: "file", filename: "a.pdf", type: "application/pdf", content: pdf },
        { field: "file", filename: "b.pdf", type: "application/pdf", content: pdf },
      ]);
      expectProblem(response, 400, /un seul document à la fois/u);
    });

    it("answers 400 to a truncated upload", async () => {
      const { payload, headers } = multipart([
        { field: "file", filename: "d.pdf", type: "application/pdf", content: buildPdf([{ lines: ["Texte"] }]) },
      ]);
      const response = await app.inject({
        method: "POST",
        url: "/api/sources/document",
        payload: payload.subarray(0, payload.length - 60),
        headers,
      });
      expectProblem(response, 400, /incomplet ou mal formé/u);
    });

    it("keeps multipart parsing inside the source routes: /api/generations still refuses a form", async () => {
      const { payload, headers } = multipart([{ field: "task", content: "interview-minutes" }]);
      const response = await app.inject({ method: "POST", url: "/api/generations", payload, headers });
      expect(response.statusCode).toBe(415);
    });
  });

  describe("POST /api/sources/transcript", () => {
    it("turns a Teams transcript into speaker turns and names its speakers", async () => {
      const response = await postJson("/api/sources/transcript", { vtt: sample("teams-bom-crlf-notes.vtt") });
      expect(response.statusCode).toBe(200);
      const body = TranscriptSourceResponseSchema.parse(response.json());
      expect(body.turns).toBe(4);
      expect(body.speakers).toEqual(["Karim Benali", "Dupont, Nathalie"]);
      expect(body.source.split("\n")).toEqual([
        "Karim Benali (MAIF) : Bonjour Madame Dupont, je suis Karim Benali, de la MAIF. Je reprends votre réclamation du 2 novembre & le courrier de l'expert.",
        "Dupont, Nathalie : Oui. Je conteste le taux de vétusté de 40 %, c'est beaucoup trop pour une cuisine de 2019. J'ai les factures d'achat <en PDF>.",
        "Intervenant non identifié : (bruit de fond)",
        "Karim Benali (MAIF) : Je transmets les factures à l'expert pour revoir la vétusté.",
      ]);
    });

    it("refuses a file that is not WebVTT, an empty transcript, unknown fields and a missing vtt", async () => {
      expectProblem(
        await postJson("/api/sources/transcript", { vtt: sample("not-webvtt.srt") }),
        400,
        /sous-titrage SRT/u,
      );
      expectProblem(
        await postJson("/api/sources/transcript", { vtt: "WEBVTT\n\nNOTE vide\n" }),
        422,
        /aucune réplique/u,
      );
      expectProblem(
        await postJson("/api/sources/transcript", { vtt: "WEBVTT\n", speakers: ["x"] }),
        400,
        /Champ non autorisé : « speakers »/u,
      );
      expectProblem(await postJson("/api/sources/transcript", {}), 400, /« vtt » est obligatoire/u);
    });

    it("answers 413 when the transcript's text exceeds what a source may hold", async () => {
      const cue = (i: number) =>
        `${String(Math.floor(i / 60)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}.000 --> ${String(Math.floor(i / 60)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}.500\n<v ${i % 2 ? "A B" : "C D"}>${"Le sociétaire précise les circonstances du sinistre. ".repeat(5)}`;
      const vtt = `WEBVTT\n\n${Array.from({ length: 800 }, (_, i) => cue(i)).join("\n\n")}`;
      expectProblem(
        await postJson("/api/sources/transcript", { vtt }),
        413,
        /dépasse la taille maximale d'une source \(200\s000 caractères\)/u,
      );
    });
  });

  describe("POST /api/sources/mail-thread", () => {
    it("turns an Outlook thread into a chronological, attributed source and lists its addresses", async () => {
      const response = await postJson("/api/sources/mail-thread", {
        text: sample("outlook-fr-reponse-conseiller.txt"),
        memberAddress: "sophie.durand@orange.fr",
      });
      expect(response.statusCode).toBe(200);
      const body = MailThreadSourceResponseSchema.parse(response.json());
      expect(body.messages).toBe(3);
      expect(body.addresses).toEqual(["elodie.martin@maif.fr", "sophie.durand@orange.fr"]);
      expect(body.source.match(/^\[(?:MAIF|Sociétaire)\]$/gmu)).toEqual(["[MAIF]", "[Sociétaire]", "[MAIF]"]);
      expect(body.source).not.toMatch(/Envoyé de mon iPhone|confidentiels|www\.maif\.fr/u);
    });

    it("refuses an invalid member address, unknown fields and an empty thread", async () => {
      expectProblem(
        await postJson("/api/sources/mail-thread", { text: "Bonjour", memberAddress: "pas-une-adresse" }),
        400,
        /« memberAddress » n'a pas le format attendu/u,
      );
      expectProblem(
        await postJson("/api/sources/mail-thread", { text: "Bonjour", insurerDomains: ["evil.fr"] }),
        400,
        /Champ non autorisé/u,
      );
      expectProblem(
        await postJson("/api/sources/mail-thread", { text: "\n\n--\nJean\n" }),
        422,
        /fil de messages est vide/u,
      );
    });

    it("answers problem+json to malformed JSON, as every route does", async () => {
      const response = await app.inject({
        method: "POST",
        url: "/api/sources/mail-thread",
        payload: "{ text: ",
        headers: { "content-type": "application/json" },
      });
      expectProblem(response, 400, /n'est pas un JSON valide/u);
    });
  });
});

/** A string whose characters are all below U+0100, as the bytes of a Windows-1252 file ("\x80" is "€"). */
const cp1252 = (text: string) => Buffer.from(text, "latin1");

describe("source routes: files in other charsets (dev user)", () => {
  let store: TestStore;
  let db: Db;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await createTestStore("pglite");
    db = await store.open();
    ({ app } = await buildTestApp({ db }));
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await store.destroy();
  });

  const raw = (url: string, contentType: string, payload: Buffer) =>
    app.inject({ method: "POST", url, payload, headers: { "content-type": contentType } });
  const form = (url: string, parts: readonly FilePart[]) => {
    const { payload, headers } = multipart(parts);
    return app.inject({ method: "POST", url, payload, headers });
  };
  const VTT_1252 = cp1252(
    "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v \xc9lodie Martin>Bonjour, le co\xfbt est de 120 \x80, l\x92expert passe jeudi.\n",
  );
  const VTT_LINE = "Élodie Martin : Bonjour, le coût est de 120 €, l’expert passe jeudi.";

  it("reads a .vtt sent as text/vtt, in Windows-1252 when it is not UTF-8, in UTF-8 otherwise", async () => {
    for (const [contentType, payload] of [
      ["text/vtt", VTT_1252],
      [
        "text/vtt; charset=utf-8",
        Buffer.from(
          `WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Élodie Martin>Bonjour, le coût est de 120 €, l’expert passe jeudi.\n`,
        ),
      ],
      ["text/vtt; charset=windows-1252", VTT_1252],
      ["application/octet-stream", VTT_1252],
    ] as const) {
      const response = await raw("/api/sources/transcript", contentType, payload);
      expect(response.statusCode).toBe(200);
      const body = TranscriptSourceResponseSchema.parse(response.json());
      expect(body).toEqual({ source: VTT_LINE, speakers: ["Élodie Martin"], turns: 1 });
    }
  });

  it("reads a .vtt uploaded as a form file, and a Word copy in Windows-1252", async () => {
    const vtt = await form("/api/sources/transcript", [
      { field: "file", filename: "reunion.vtt", type: "text/vtt", content: VTT_1252 },
    ]);
    expect(vtt.statusCode).toBe(200);
    expect(TranscriptSourceResponseSchema.parse(vtt.json()).source).toBe(VTT_LINE);
    const copy = await form("/api/sources/transcript", [
      {
        field: "file",
        filename: "transcription.txt",
        type: "text/plain",
        content: cp1252("\xc9lodie Martin   0:03\nLe co\xfbt est de 120 \x80.\n\nThomas Petit   0:09\nD\x92accord.\n"),
      },
    ]);
    expect(copy.statusCode).toBe(200);
    expect(TranscriptSourceResponseSchema.parse(copy.json()).source).toBe(
      "Élodie Martin : Le coût est de 120 €.\nThomas Petit : D’accord.",
    );
  });

  it("reads an .eml by its declared charset: quoted-printable ISO-8859-1 body and RFC 2047 headers", async () => {
    const eml = [
      "From: =?ISO-8859-1?Q?Fran=E7oise_L=E9ger?= <francoise.leger@orange.fr>",
      "To: Agence MAIF <agence@maif.fr>",
      "Subject: =?iso-8859-1?Q?Sinistre_d=E9g=E2t_des_eaux?=",
      "Date: Mon, 7 Dec 2026 10:00:00 +0100",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=iso-8859-1",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "Bonjour,",
      "Le devis du plombier s'=E9l=E8ve =E0 420 =80.",
      "",
      "Le ven. 4 d=E9c. 2026 =E0 16:05, Agence MAIF <agence@maif.fr> a =E9crit :",
      "> Merci de nous envoyer le devis.",
      "",
    ].join("\r\n");
    const response = await raw("/api/sources/mail-thread", "message/rfc822", Buffer.from(eml, "latin1"));
    expect(response.statusCode).toBe(200);
    const body = MailThreadSourceResponseSchema.parse(response.json());
    expect(body.messages).toBe(2);
    expect(body.source).toContain("Objet : Sinistre dégât des eaux");
    expect(body.source).toContain("De : Françoise Léger <francoise.leger@orange.fr>");
    expect(body.source).toContain("Le devis du plombier s'élève à 420 €.");
    expect(body.source.match(/^\[(?:MAIF|Sociétaire)\]$/gmu)).toEqual(["[MAIF]", "[Sociétaire]"]);
    expect(body.addresses).toEqual(expect.arrayContaining(["francoise.leger@orange.fr", "agence@maif.fr"]));
  });

  it("reads an .eml form upload: base64 UTF-8 text beside its HTML, 8-bit Windows-1252 without a charset, and HTML alone", async () => {
    const alternative = [
      "From: Jean Dupont <jean.dupont@orange.fr>",
      "To: agence@maif.fr",
      "Subject: =?UTF-8?B?RMOpZ8OidCBkZXMgZWF1eA==?=",
      "Date: Mon, 7 Dec 2026 10:00:00 +0100",
      "MIME-Version: 1.0",
      'Content-Type: multipart/alternative; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from("Le coût est de 120 €.\n\nEnvoyé de mon iPhone\n").toString("base64"),
      "--b1",
      "Content-Type: text/html; charset=utf-8",
      "",
      "<p>Le co&ucirc;t est de 120 &euro;.</p>",
      "--b1--",
      "",
    ].join("\r\n");
    const first = await form("/api/sources/mail-thread", [
      { field: "memberAddress", content: "jean.dupont@orange.fr" },
      { field: "file", filename: "message.eml", type: "message/rfc822", content: alternative },
    ]);
    expect(first.statusCode).toBe(200);
    const firstBody = MailThreadSourceResponseSchema.parse(first.json());
    expect(firstBody).toMatchObject({ messages: 1 });
    expect(firstBody.source).toMatch(/^\[Sociétaire\]\nDe : Jean Dupont <jean\.dupont@orange\.fr>\n/u);
    expect(firstBody.source).toContain("Objet : Dégât des eaux");
    expect(firstBody.source).toContain("Le coût est de 120 €.");
    expect(firstBody.source).not.toContain("iPhone");

    const eightBit = cp1252(
      "From: Jean Dupont <jean.dupont@orange.fr>\r\nSubject: Devis\r\nDate: Mon, 7 Dec 2026 10:00:00 +0100\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\nLe co\xfbt est de 120 \x80, l\x92expert l\x92a dit.\r\n",
    );
    const second = await form("/api/sources/mail-thread", [
      { field: "file", filename: "devis.eml", type: "application/octet-stream", content: eightBit },
    ]);
    expect(second.statusCode).toBe(200);
    expect(MailThreadSourceResponseSchema.parse(second.json()).source).toContain(
      "Le coût est de 120 €, l’expert l’a dit.",
    );

    const htmlOnly = cp1252(
      'From: Agence MAIF <agence@maif.fr>\r\nTo: jean.dupont@orange.fr\r\nSubject: RE: Devis\r\nDate: Tue, 8 Dec 2026 09:00:00 +0100\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n<html><head><style>p{color:red}</style></head><body><p>Bonjour,</p><p>Le devis de 120&nbsp;\x80 est accept\xe9.</p><div class="gmail_quote"><div>Le lun. 7 d\xe9c. 2026 \xe0 10:00, Jean Dupont &lt;jean.dupont@orange.fr&gt; a \xe9crit&nbsp;:<br></div><blockquote>Voici le devis.<br>Cordialement</blockquote></div></body></html>\r\n',
    );
    const third = await raw("/api/sources/mail-thread", "message/rfc822", htmlOnly);
    expect(third.statusCode).toBe(200);
    const thirdBody = MailThreadSourceResponseSchema.parse(third.json());
    expect(thirdBody.messages).toBe(2);
    expect(thirdBody.source).toContain("Le devis de 120 € est accepté.");
    expect(thirdBody.source).toContain("Voici le devis.");
    expect(thirdBody.source).not.toMatch(/<\/?(?:html|head|body|p|div|br|blockquote)\b|color:red|&nbsp;/u);
  });

  it("reads a pasted thread saved as a Windows-1252 .txt", async () => {
    const response = await form("/api/sources/mail-thread", [
      {
        field: "file",
        filename: "fil.txt",
        type: "text/plain",
        content: cp1252(
          "Bonjour,\nJe confirme le rendez-vous de jeudi \xe0 14 h.\n\nDe : Agence MAIF <agence@maif.fr>\nEnvoy\xe9 : lundi 7 d\xe9cembre 2026 10:00\n\xc0 : Jean Dupont <jean.dupont@orange.fr>\nObjet : Rendez-vous\n\nL\x92expert peut passer jeudi.\n",
        ),
      },
    ]);
    expect(response.statusCode).toBe(200);
    const body = MailThreadSourceResponseSchema.parse(response.json());
    expect(body.messages).toBe(2);
    expect(body.source).toContain("L’expert peut passer jeudi.");
    expect(body.source).toContain("Je confirme le rendez-vous de jeudi à 14 h.");
  });

  it("keeps raw text bodies inside the source routes: /api/generations still refuses text/plain", async () => {
    const response = await raw("/api/generations", "text/plain", Buffer.from("interview-minutes"));
    expect(response.statusCode).toBe(415);
  });

  it("refuses an Outlook .msg file and an empty upload in French", async () => {
    const msg = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expectProblem(
      await form("/api/sources/mail-thread", [
        { field: "file", filename: "message.msg", type: "application/vnd.ms-outlook", content: msg },
      ]),
      415,
      /\.msg/u,
    );
    expectProblem(await raw("/api/sources/transcript", "text/vtt", Buffer.alloc(0)), 400, /vide/u);
  });
});

describe("source routes over a real socket", () => {
  it("answers refused uploads without stalling the connection, so the server still stops promptly", async () => {
    const store = await createTestStore("pglite");
    const db = await store.open();
    const { app } = await buildTestApp({ db });
    try {
      await app.listen({ port: 0, host: "127.0.0.1" });
      const address = app.server.address();
      const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/api/sources/document`;
      const form = (entries: readonly (readonly [string, number])[]) => {
        const data = new FormData();
        for (const [field, size] of entries)
          data.append(field, new Blob([new Uint8Array(size).fill(0x41)], { type: "application/pdf" }), `${field}.pdf`);
        return data;
      };
      for (const [entries, status] of [
        [[["document", 5_000_000]], 400],
        [
          [
            ["file", 3_000_000],
            ["file", 3_000_000],
          ],
          400,
        ],
        [[["file", 30_000_000]], 413],
      ] as const) {
        const response = await fetch(url, { method: "POST", body: form(entries) });
        expect(response.status).toBe(status);
        expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/u);
        await response.text();
      }
    } finally {
      const started = Date.now();
      await app.close();
      expect(Date.now() - started).toBeLessThan(3_000);
      await db.close();
      await store.destroy();
    }
  }, 60_000); // builds its own store in the test body
});

describe("source routes (entra)", () => {
  let idp: LocalIdentityProvider;
  let store: TestStore;
  let db: Db;
  let app: FastifyInstance;

  beforeAll(async () => {
    idp = await startLocalIdentityProvider();
    store = await createTestStore("pglite");
    db = await store.open();
    ({ app } = await buildTestApp({
      db,
      env: {
        ...idp.env,
      },
    }));
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await store.destroy();
    await idp.close();
  });

  it("needs a user on every source route, and serves one who has a token", async () => {
    const { payload, headers } = multipart([
      { field: "file", filename: "d.pdf", type: "application/pdf", content: buildPdf([{ lines: ["Texte"] }]) },
    ]);
    for (const request of [
      { url: "/api/sources/document", payload, headers },
      { url: "/api/sources/transcript", payload: { vtt: "WEBVTT\n" } },
      { url: "/api/sources/mail-thread", payload: { text: "Bonjour" } },
    ]) {
      const response = await app.inject({ method: "POST", ...request });
      expect(response.statusCode).toBe(401);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/u);
    }
    const authorised = await app.inject({
      method: "POST",
      url: "/api/sources/transcript",
      headers: { authorization: `Bearer ${await idp.sign({ oid: "alice" })}` },
      payload: { vtt: sample("teams-sinistre-habitation.vtt") },
    });
    expect(authorised.statusCode).toBe(200);
  });
});
