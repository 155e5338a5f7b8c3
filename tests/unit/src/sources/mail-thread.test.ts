// Mail threads: Outlook (FR/EN), Gmail and forwarded samples; signatures, disclaimers, attribution; properties.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addressesOf, parseMailThread, threadToSource, type MailMessage } from "../../../../src/sources/mail-thread";

const sample = (name: string) => readFileSync(new URL(`../../../fixtures/sources/${name}`, import.meta.url), "utf8");
const note = (name: string) => readFileSync(new URL(`../../../fixtures/notes/${name}`, import.meta.url), "utf8");
const MAIF = { insurerDomains: ["maif.fr"] };
const parse = (text: string, options: Parameters<typeof parseMailThread>[1] = MAIF) =>
  parseMailThread(text, options).messages;
const authors = (messages: readonly MailMessage[]) => messages.map((m) => m.author);
const allBodies = (messages: readonly MailMessage[]) => messages.map((m) => m.body).join("\n");

describe("parseMailThread on real-shaped threads", () => {
  it("splits a French Outlook reply chain (rule + De/Envoyé/À/Objet), oldest first, without signatures, mobile footer or disclaimer", () => {
    const messages = parse(sample("outlook-fr-reponse-conseiller.txt"));
    expect(authors(messages)).toEqual(["insurer", "member", "insurer"]);
    expect(messages[0]).toEqual({
      author: "insurer",
      from: "Élodie Martin <elodie.martin@maif.fr>",
      sentAt: "lundi 4 novembre 2024 16:05",
      subject: "Déclaration de sinistre n° 2024-118765",
      body: "Madame,\n\nNous avons bien enregistré votre déclaration de dégât des eaux du 3 novembre.\nPouvez-vous nous transmettre des photos des dommages et la facture de recherche de fuite ?",
    });
    expect(messages[1]).toMatchObject({
      from: "Sophie Durand <sophie.durand@orange.fr>",
      sentAt: "mardi 12 novembre 2024 10:32",
      subject: "RE: Déclaration de sinistre n° 2024-118765",
    });
    expect(messages[1]?.body).toBe(
      "Bonjour,\n\nJe vous envoie les photos de la cuisine et la facture du plombier (420 € TTC).\nLe plafond a commencé à gondoler hier soir. Faut-il que je fasse venir quelqu'un en urgence ?",
    );
    // The newest message has no header: its signature ("MAIF – Délégation", www.maif.fr) says who wrote it.
    expect(messages[2]?.from).toBeUndefined();
    expect(messages[2]?.body).toMatch(
      /^Bonjour Madame Durand,\n\nJe vous confirme la prise en charge[\s\S]*jusqu'à son passage\.$/,
    );
    const bodies = allBodies(messages);
    for (const boilerplate of [
      "Cordialement",
      "Tél.",
      "www.maif.fr",
      "Envoyé de mon iPhone",
      "confidentiels",
      "décline toute responsabilité",
      "________",
      "De :",
      "Objet :",
      "Merci d'avance",
    ]) {
      expect(bodies).not.toContain(boilerplate);
    }
  });

  it("reads '-----Message d'origine-----' blocks with [mailto:] senders, and attributes the unsigned newest message as the member's answer", () => {
    const messages = parse(sample("outlook-fr-message-d-origine.txt"));
    expect(authors(messages)).toEqual(["member", "insurer", "member"]);
    expect(messages.map((m) => m.from)).toEqual([
      "Jean-Marc Dubois <jm.dubois@free.fr>",
      "Service Sinistres Auto MAIF <sinistres.auto@maif.fr>",
      undefined,
    ]);
    expect(messages[0]?.body).toBe(
      "Bonjour,\n\nVeuillez trouver ci-joint mon RIB pour le remboursement du remorquage.",
    );
    expect(messages[1]?.body).toBe(
      "Monsieur Dubois,\n\nNous accusons réception de votre RIB. Le remboursement des frais de remorquage sera effectué sous 10 jours.",
    );
    expect(messages[2]?.body).toBe(
      "Madame, Monsieur,\n\nJe me permets de relancer ma demande : je n'ai toujours pas reçu le remboursement des frais de remorquage (185 €) engagés le 21 septembre.\nMon RIB vous a pourtant été transmis le 30 septembre.",
    );
    expect(allBodies(messages)).not.toMatch(/Sociétaire n°|06 12 34 56 78|79038 Niort|Salutations distinguées|^--$/m);
  });

  it("reads English Outlook ('-----Original Message-----', From/Sent/To/Subject), the external-sender banner and an English disclaimer", () => {
    const messages = parse(sample("outlook-en-original-message.txt"));
    expect(authors(messages)).toEqual(["member", "insurer", "member"]);
    expect(messages[0]).toMatchObject({
      from: "Oliver Smith <oliver.smith@gmail.com>",
      sentAt: "Thursday, November 14, 2024 8:03 PM",
      subject: "Car insurance abroad",
    });
    expect(messages[0]?.body).toBe("Hi,\nAm I covered if I drive to the UK?");
    expect(messages[1]?.body).toBe(
      "Dear Mr Smith,\n\nYour contract covers driving in the European Union and the countries listed on your international motor insurance card.",
    );
    expect(messages[2]?.body).toMatch(/^Hello,\n\nThank you for your answer\.[\s\S]*trip to Scotland in December\?$/);
    expect(allBodies(messages)).not.toMatch(
      /CAUTION|Kind regards|Best regards|\+44|Sent from my iPhone|confidential|environment/,
    );
  });

  it("reads Gmail's French '… a écrit :' lines, wrapped over two lines, with nested '>' quoting", () => {
    const messages = parse(sample("gmail-fr-a-ecrit.txt"));
    expect(authors(messages)).toEqual(["member", "insurer", "member"]);
    expect(messages[0]).toEqual({
      author: "member",
      from: "Nathalie Dupont <nathalie.dupont@gmail.com>",
      sentAt: "mer. 13 nov. 2024 à 18:02",
      // The closing name alone ("Nathalie Dupont") repeats the sender: it is a signature.
      body: "Bonjour,\n\nJe conteste le taux de vétusté de 40 % appliqué à ma cuisine de 2019.\nJ'ai les factures d'achat.",
    });
    expect(messages[1]).toEqual({
      author: "insurer",
      from: "Karim Benali <karim.benali@maif.fr>",
      sentAt: "jeu. 14 nov. 2024 à 11:20",
      body: "Bonjour Madame Dupont,\n\nL'expert propose de passer jeudi 21 novembre à 14 h. Cela vous convient-il ?",
    });
    expect(messages[2]?.body).toBe(
      "Bonjour Monsieur Benali,\n\nD'accord pour le rendez-vous de jeudi à 14 h avec l'expert. Mon mari sera présent.",
    );
    expect(allBodies(messages)).not.toMatch(/^>|a écrit|Bonne journée/m);
  });

  it("reads Gmail's English 'On … wrote:' with '> >' quoting", () => {
    const messages = parse(sample("gmail-en-wrote.txt"));
    expect(authors(messages)).toEqual(["member", "insurer", "member"]);
    expect(messages[0]).toMatchObject({
      from: "Oliver Smith <oliver.smith@gmail.com>",
      sentAt: "Mon, Nov 11, 2024 at 9:15 PM",
      body: "My windscreen was cracked by a stone on the A10 this morning.\nWhat should I do?",
    });
    expect(messages[1]).toMatchObject({
      from: "Claire Moreau <claire.moreau@maif.fr>",
      sentAt: "Tue, Nov 12, 2024 at 10:32 AM",
      body: "Dear Mr Smith,\nPlease send us the garage's quote for the windscreen.",
    });
    expect(messages[2]?.body).toBe("Thanks, that's clear. I'll send the quote tomorrow.");
  });

  it("reads a forward from a third party, and tells the third party apart once the member's address is known", () => {
    const text = sample("outlook-web-fr-transfert-expert.txt");
    const withoutMember = parse(text);
    expect(withoutMember).toHaveLength(2);
    expect(withoutMember[0]).toMatchObject({
      from: "Cabinet Girard Expertises <m.girard@girard-expertises.fr>",
      sentAt: "vendredi 15 novembre 2024 à 09:12",
      subject: "Dossier 2024-118765 – pièces manquantes",
    });
    // Outlook's "[EXTERNE]" tag and "Vous n'obtenez pas souvent d'e-mail" tip are not the member's words, nor is her
    // signature "Sophie" alone on the last line.
    expect(withoutMember[1]?.body).toBe(
      "Bonjour,\n\nJe vous transfère le message de l'expert, qui me demande un document que je n'ai pas.\nPouvez-vous le lui envoyer directement ?",
    );

    const withMember = parse(text, { ...MAIF, memberAddress: "Sophie.Durand@orange.fr" });
    // The forwarded message was sent to the member: the forward above it is hers.
    expect(authors(withMember)).toEqual(["unknown", "member"]);
  });

  it("reads a header flattened on one line", () => {
    const messages = parse(sample("outlook-fr-entete-sur-une-ligne.txt"));
    expect(authors(messages)).toEqual(["member", "insurer"]);
    expect(messages[0]).toEqual({
      author: "member",
      from: "Thomas Petit <thomas.petit@laposte.net>",
      sentAt: "jeudi 17 octobre 2024 18:40",
      subject: "Tempête du 16 octobre",
      body: "Bonjour, suite à la tempête, des tuiles sont tombées et il y a une infiltration dans la chambre. Un couvreur a bâché ce jour.",
    });
    // Unsigned by any domain, the reply comes from whom the member wrote to.
    expect(messages[1]?.body).toBe(
      "Bonjour Monsieur Petit,\n\nSuite à notre échange, l'expert passera le 22 octobre. Le devis du couvreur (2 950 €) lui sera transmis.",
    );
  });

  it("reads the shared member mail: a header at the top, the adviser's notes after '---' kept", () => {
    const messages = parse(note("05-mail-societaire.txt"));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      from: "Jean-Marc Dubois",
      subject: "Question sur ma garantie vol",
      author: "unknown",
    });
    expect(messages[0]?.body).toMatch(
      /^Bonjour,\n\nMon vélo électrique[\s\S]*Notes du conseiller : contrat habitation/,
    );
  });
});

describe("parseMailThread on tricky inputs", () => {
  it("keeps inline replies ('>' lines followed by an answer) in the message", () => {
    const messages = parse(
      "Bonjour,\n\n> Pouvez-vous envoyer la facture ?\nC'est fait, ce matin.\n\n> Et les photos ?\nJe les joins.\n",
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]?.body).toBe(
      "Bonjour,\n\n> Pouvez-vous envoyer la facture ?\nC'est fait, ce matin.\n\n> Et les photos ?\nJe les joins.",
    );
  });

  it("does not cut a message at a sentence that looks like a header or an attribution", () => {
    const text =
      "Bonjour,\nDe : mon côté, tout est prêt.\nLe conseiller a écrit :\nque le dossier était complet.\nObjet : le remboursement.\n";
    const messages = parse(text);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.body).toBe(text.trim());
  });

  it("keeps a postscript after the signature, and a message that is only 'Merci.'", () => {
    const ps = parse(
      "Bonjour,\nJe confirme le rendez-vous.\n\nCordialement,\nSophie Durand\n\nPS : le code de l'immeuble est 4512B, et l'interphone au nom de Martin.\n",
    );
    expect(ps[0]?.body).toBe(
      "Bonjour,\nJe confirme le rendez-vous.\n\nCordialement,\nSophie Durand\n\nPS : le code de l'immeuble est 4512B, et l'interphone au nom de Martin.",
    );
    expect(parse("Merci.")[0]?.body).toBe("Merci.");
    expect(parse("Bonjour,\nMerci.\n")[0]?.body).toBe("Bonjour,\nMerci.");
  });

  it("reads Outlook for Mac ('Date :'), bold header names, non-breaking spaces, wrapped recipients, CRLF and subdomains", () => {
    const text = [
      "Bien reçu, merci.",
      "",
      "*De :* Karim Benali <k.benali@conseil.maif.fr>",
      "*Date :* vendredi 8 novembre 2024 à 17:03",
      "*À :* Nathalie Dupont <nathalie.dupont@gmail.com>, Paul Dupont",
      "<paul.dupont@gmail.com>",
      "*Objet :* Rendez-vous expert",
      "",
      "Madame,",
      "Le rendez-vous est fixé au jeudi 21.",
    ]
      .join("\r\n")
      .replace("De :", "De\u00a0:");
    const messages = parse(text);
    expect(authors(messages)).toEqual(["insurer", "member"]);
    expect(messages[0]).toMatchObject({
      from: "Karim Benali <k.benali@conseil.maif.fr>",
      sentAt: "vendredi 8 novembre 2024 à 17:03",
      subject: "Rendez-vous expert",
    });
    expect(messages[0]?.body).toBe("Madame,\nLe rendez-vous est fixé au jeudi 21.");
    expect(messages[1]?.body).toBe("Bien reçu, merci.");
  });

  it("attributes a sender named after the insurer without an address, and a signature naming the member", () => {
    const byName = parse(
      "-----Message d'origine-----\nDe : MAIF Service Clients\nEnvoyé : lundi 4 novembre 2024 10:00\nObjet : Attestation\n\nVoici votre attestation.\n",
    );
    expect(authors(byName)).toEqual(["insurer"]);
    const signedMember = parse(
      "Bonjour,\nJe joins le constat.\n\nCordialement,\nJ. Dubois\nSociétaire MAIF n° 1234567 A\n",
    );
    expect(authors(signedMember)).toEqual(["member"]);
    expect(signedMember[0]?.body).toBe("Bonjour,\nJe joins le constat.");
  });

  it("returns no message for an empty or signature-only text, and never throws", () => {
    expect(parse("")).toEqual([]);
    expect(parse("\n\n--\nJean\n")).toEqual([]);
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        parseMailThread(text, MAIF);
      }),
      { numRuns: 300 },
    );
    const line = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        "De : A <a@maif.fr>",
        "Envoyé : lundi",
        "À : b@x.fr",
        "Objet : x",
        "-----Original Message-----",
        "________________",
        "> ",
        ">> Le 1 janv. 2024 à 10:00, A a écrit :",
        "Le 1 janv. 2024 à 10:00, A <a@b.fr> a écrit :",
        "-- ",
        "Cordialement,",
        "",
        "> > x",
      ),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        parseMailThread(lines.join("\n"), { insurerDomains: ["maif.fr"], memberAddress: "a@b.fr" });
      }),
      { numRuns: 300 },
    );
  });
});

describe("parseMailThread on pathological input", () => {
  const fill = (unit: string) => unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
  // Each used to be (or would naively be) quadratic or worse: a flattened header read by lazy groups took 31 s for 4
  // KB.
  it.each([
    ["a flattened header repeated", `De : ${fill("x Sent : y To : z Cc : ")}`],
    ["a word without an @", fill("a")],
    ["a closing and a megabyte of blanks", `Cordialement${fill(" ")}x`],
    ["lines of 'De :'", fill("De : a\n")],
    ["inline quotes", fill("> x\ny\n")],
    ["attributions with quotes", fill("Le 1 janv. 2024 à 10:00, A <a@b.fr> a écrit :\n> x\n")],
    ["unclosed image placeholders", fill("[cid:")],
    ["disclaimer paragraphs", fill("Ce message est confidentiel, destinataire.\n\n")],
  ])("reads a megabyte of %s in linear time", (_label, text) => {
    const started = performance.now();
    const messages = parse(text);
    threadToSource(messages);
    addressesOf(messages);
    expect(performance.now() - started).toBeLessThan(10_000); // quadratic work on a megabyte takes minutes; 10 s only guards against that, not speed
  });
});

describe("threadToSource and addressesOf", () => {
  it("writes the thread oldest first, each message labelled, with its De/Envoyé/Objet lines", () => {
    const messages = parse(sample("outlook-fr-reponse-conseiller.txt"));
    const text = threadToSource(messages);
    const blocks = text.split(/\n\n(?=\[)/u);
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toBe(
      "[MAIF]\nDe : Élodie Martin <elodie.martin@maif.fr>\nEnvoyé : lundi 4 novembre 2024 16:05\nObjet : Déclaration de sinistre n° 2024-118765\nMadame,\n\nNous avons bien enregistré votre déclaration de dégât des eaux du 3 novembre.\nPouvez-vous nous transmettre des photos des dommages et la facture de recherche de fuite ?",
    );
    expect(blocks[1]).toMatch(/^\[Sociétaire\]\nDe : Sophie Durand <sophie\.durand@orange\.fr>\n/u);
    expect(blocks[2]).toMatch(/^\[MAIF\]\nBonjour Madame Durand,/u);
    expect(threadToSource([{ author: "unknown", body: "x" }], { orgName: "Filia-MAIF" })).toBe(
      "[Expéditeur non identifié]\nx",
    );
    expect(threadToSource([{ author: "insurer", body: "x" }], { orgName: "Filia-MAIF" })).toBe("[Filia-MAIF]\nx");
  });

  it("lists every address once, senders and bodies, lower-cased", () => {
    const messages: MailMessage[] = [
      {
        author: "member",
        from: "Sophie Durand <Sophie.Durand@orange.fr>",
        body: "Écrivez-moi plutôt à sophie.d@gmail.com ou sophie.durand@orange.fr.",
      },
      { author: "insurer", from: "elodie.martin@maif.fr", body: "Bien noté." },
    ];
    expect(addressesOf(messages)).toEqual(["sophie.durand@orange.fr", "sophie.d@gmail.com", "elodie.martin@maif.fr"]);
    expect(addressesOf(parse(sample("outlook-fr-message-d-origine.txt")))).toEqual([
      "jm.dubois@free.fr",
      "sinistres.auto@maif.fr",
    ]);
  });
});

describe("parseMailThread properties", () => {
  const word = fc.stringMatching(/^[a-z]{3,9}$/u);
  const sentence = fc.array(word, { minLength: 3, maxLength: 8 }).map((w) => `${w.join(" ")}.`);
  const message = fc.record({
    isInsurer: fc.boolean(),
    sentences: fc.array(sentence, { minLength: 1, maxLength: 4 }),
    format: fc.constantFrom("rule-fr", "origine-fr", "original-en", "quote-fr", "quote-en"),
  });
  const address = (isInsurer: boolean) => (isInsurer ? "elodie.martin@maif.fr" : "sophie.durand@orange.fr");
  const name = (isInsurer: boolean) => (isInsurer ? "Élodie Martin" : "Sophie Durand");

  /** Renders messages (oldest first) as the newest-first text a mail client would show. */
  function render(messages: readonly { isInsurer: boolean; sentences: string[]; format: string }[]): string {
    let text = "";
    messages.forEach((m, i) => {
      const body = m.sentences.join("\n");
      if (i === 0) {
        text = body;
        return;
      }
      const older = messages[i - 1];
      const from = `${name(older?.isInsurer ?? false)} <${address(older?.isInsurer ?? false)}>`;
      switch (m.format) {
        case "rule-fr":
          text = `${body}\n\n________________________________\nDe : ${from}\nEnvoyé : lundi ${i} novembre 2024 10:00\nÀ : ${address(m.isInsurer)}\nObjet : RE: dossier\n\n${text}`;
          break;
        case "origine-fr":
          text = `${body}\n\n-----Message d'origine-----\nDe : ${from}\nEnvoyé : lundi ${i} novembre 2024 10:00\nÀ : ${address(m.isInsurer)}\nObjet : RE: dossier\n\n${text}`;
          break;
        case "original-en":
          text = `${body}\n\n-----Original Message-----\nFrom: ${from}\nSent: Monday, November ${i}, 2024 10:00 AM\nTo: ${address(m.isInsurer)}\nSubject: RE: file\n\n${text}`;
          break;
        case "quote-fr":
          text = `${body}\n\nLe lun. ${i} nov. 2024 à 10:00, ${from} a écrit :\n\n${text
            .split("\n")
            .map((l) => `> ${l}`)
            .join("\n")}`;
          break;
        default:
          text = `${body}\n\nOn Mon, Nov ${i}, 2024 at 10:00 AM ${from} wrote:\n${text
            .split("\n")
            .map((l) => (l === "" ? ">" : `> ${l}`))
            .join("\n")}`;
      }
    });
    return text;
  }

  it("finds every message, in order, with its whole text and its author", () => {
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 6 }), (messages) => {
        const parsed = parseMailThread(render(messages), MAIF).messages;
        expect(parsed.map((m) => m.body)).toEqual(messages.map((m) => m.sentences.join("\n")));
        // Every message but the newest names its sender. The newest is from the recipient of the one it answers when
        // a header says so, else from the other side; alone, it is nobody's.
        const side = (isInsurer: boolean) => (isInsurer ? "insurer" : "member");
        const expected = messages.map((m, i) => {
          if (i < messages.length - 1) return side(m.isInsurer);
          if (i === 0) return "unknown";
          return m.format.startsWith("quote") ? side(!messages[i - 1]?.isInsurer) : side(m.isInsurer);
        });
        expect(parsed.map((m) => m.author)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
