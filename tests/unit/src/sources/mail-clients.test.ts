// Mail threads per client and per language: the newest message's body must be what its author wrote, nothing more,
// and every older or forwarded message must be counted once. Samples written from each client's reply format.
import { describe, expect, it } from "vitest";
import { parseMailThread, type MailMessage } from "../../../../src/sources/mail-thread";

const MAIF = { insurerDomains: ["maif.fr"] };
const parse = (text: string): MailMessage[] => parseMailThread(text, MAIF).messages;
/** The newest message (the thread is returned oldest first). */
const newest = (text: string) => parse(text).at(-1);

const REPLY = "Bonjour,\n\nJe vous confirme le rendez-vous avec l'expert jeudi à 14 h.";
const OLD = "Bonjour,\nPouvez-vous me confirmer le rendez-vous ?\nMerci";
const quote = (text: string) =>
  text
    .split("\n")
    .map((l) => (l === "" ? ">" : `> ${l}`))
    .join("\n");

describe("attribution lines in the languages members write", () => {
  it.each([
    ["fr (Gmail)", "Le lun. 7 déc. 2026 à 10:00, Jean Dupont <jean.dupont@orange.fr> a écrit :"],
    ["fr (Gmail, wrapped)", "Le lun. 7 déc. 2026 à 10:00, Jean Dupont <\njean.dupont@orange.fr> a écrit :"],
    ["fr (Thunderbird)", "Le 07/12/2026 à 10:00, Jean Dupont a écrit :"],
    ["en (Gmail)", "On Mon, Dec 7, 2026 at 10:00 AM Jean Dupont <jean.dupont@orange.fr> wrote:"],
    ["en (Thunderbird)", "On 07/12/2026 10:00, Jean Dupont wrote:"],
    ["en (Apple Mail)", "On 7 Dec 2026, at 10:00, Jean Dupont <jean.dupont@orange.fr> wrote:"],
    ["de", "Am 07.12.2026 um 10:00 schrieb Jean Dupont <jean.dupont@orange.fr>:"],
    ["de (Gmail)", "Am Mo., 7. Dez. 2026 um 10:00 Uhr schrieb Jean Dupont <jean.dupont@orange.fr>:"],
    ["es", "El lun, 7 dic 2026 a las 10:00, Jean Dupont (<jean.dupont@orange.fr>) escribió:"],
    ["it", "Il giorno lun 7 dic 2026 alle ore 10:00 Jean Dupont <jean.dupont@orange.fr> ha scritto:"],
    ["pt", "Em seg., 7 de dez. de 2026 às 10:00, Jean Dupont <jean.dupont@orange.fr> escreveu:"],
    ["nl", "Op ma 7 dec. 2026 om 10:00 schreef Jean Dupont <jean.dupont@orange.fr>:"],
    ["ar", "في الاثنين، 7 ديسمبر 2026 في 10:00 ص، كتب Jean Dupont <jean.dupont@orange.fr>:"],
    ["ru", "пн, 7 дек. 2026 г. в 10:00, Jean Dupont <jean.dupont@orange.fr>:"],
    ["ru (написал)", "7 декабря 2026 г., в 10:00, Jean Dupont написал(а):"],
  ])("%s: the quoted message is an older message, the reply stays clean", (_label, attribution) => {
    const messages = parse(`${REPLY}\n\n${attribution}\n\n${quote(OLD)}\n`);
    expect(messages).toHaveLength(2);
    expect(messages[1]?.body).toBe(REPLY);
    expect(messages[0]?.body).toBe(OLD);
    expect(messages[0]?.from).toMatch(/Jean Dupont/u);
  });

  it("reads an attribution that Apple Mail put inside the quote", () => {
    const messages = parse(
      `${REPLY}\n\n> On 7 Dec 2026, at 10:00, Jean Dupont <jean.dupont@orange.fr> wrote:\n>\n${quote(OLD)}\n`,
    );
    expect(messages.map((m) => m.body)).toEqual([OLD, REPLY]);
    expect(messages[0]?.from).toBe("Jean Dupont <jean.dupont@orange.fr>");
  });
});

describe("header blocks of Outlook, Hotmail and other clients", () => {
  it.each([
    [
      "fr",
      "De : Jean Dupont <jean.dupont@orange.fr>\nEnvoyé : lundi 7 décembre 2026 10:00\nÀ : Élodie Martin <elodie.martin@maif.fr>\nObjet : Rendez-vous expert",
    ],
    [
      "en",
      "From: Jean Dupont <jean.dupont@orange.fr>\nSent: Monday, December 7, 2026 10:00 AM\nTo: Élodie Martin <elodie.martin@maif.fr>\nSubject: Rendez-vous expert",
    ],
    [
      "de",
      "Von: Jean Dupont <jean.dupont@orange.fr>\nGesendet: Montag, 7. Dezember 2026 10:00\nAn: Élodie Martin <elodie.martin@maif.fr>\nBetreff: Rendez-vous expert",
    ],
    [
      "es",
      "De: Jean Dupont <jean.dupont@orange.fr>\nEnviado: lunes, 7 de diciembre de 2026 10:00\nPara: Élodie Martin <elodie.martin@maif.fr>\nAsunto: Rendez-vous expert",
    ],
    [
      "it",
      "Da: Jean Dupont <jean.dupont@orange.fr>\nInviato: lunedì 7 dicembre 2026 10:00\nA: Élodie Martin <elodie.martin@maif.fr>\nOggetto: Rendez-vous expert",
    ],
    [
      "pt",
      "De: Jean Dupont <jean.dupont@orange.fr>\nEnviada em: segunda-feira, 7 de dezembro de 2026 10:00\nPara: Élodie Martin <elodie.martin@maif.fr>\nAssunto: Rendez-vous expert",
    ],
    [
      "nl",
      "Van: Jean Dupont <jean.dupont@orange.fr>\nVerzonden: maandag 7 december 2026 10:00\nAan: Élodie Martin <elodie.martin@maif.fr>\nOnderwerp: Rendez-vous expert",
    ],
    [
      "ru",
      "От: Jean Dupont <jean.dupont@orange.fr>\nОтправлено: 7 декабря 2026 г. 10:00\nКому: Élodie Martin <elodie.martin@maif.fr>\nТема: Rendez-vous expert",
    ],
    [
      "ar",
      "من: Jean Dupont <jean.dupont@orange.fr>\nتاريخ الإرسال: 7 ديسمبر 2026 10:00\nإلى: Élodie Martin <elodie.martin@maif.fr>\nالموضوع: Rendez-vous expert",
    ],
  ])("%s: Outlook's rule and header block start the older message", (_label, block) => {
    const messages = parse(`${REPLY}\n\n________________________________\n${block}\n\n${OLD}\n`);
    expect(messages.map((m) => m.body)).toEqual([OLD, REPLY]);
    expect(messages[0]).toMatchObject({
      from: "Jean Dupont <jean.dupont@orange.fr>",
      subject: "Rendez-vous expert",
      author: "member",
    });
  });

  it.each([
    ["-----Original Message-----"],
    ["-------- Message d'origine --------"],
    ["-----Message d'origine-----"],
    ["-----Ursprüngliche Nachricht-----"],
    ["-----Mensaje original-----"],
    ["-----Messaggio originale-----"],
    ["-----Mensagem original-----"],
    ["-----Oorspronkelijk bericht-----"],
    ["-----Исходное сообщение-----"],
  ])("'%s' then a header block starts the older message", (separator) => {
    const messages = parse(
      `${REPLY}\n\n${separator}\nFrom: Jean Dupont [mailto:jean.dupont@orange.fr]\nSent: Monday, December 7, 2026 10:00 AM\nTo: Élodie Martin\nSubject: Rendez-vous\n\n${OLD}\n`,
    );
    expect(messages.map((m) => m.body)).toEqual([OLD, REPLY]);
    expect(messages[0]?.from).toBe("Jean Dupont <jean.dupont@orange.fr>");
  });

  it("reads a Hotmail block whose header starts with the date", () => {
    const messages = parse(
      `${REPLY}\n\nDate: Mon, 7 Dec 2026 10:00:00 +0100\nFrom: jean.dupont@hotmail.fr\nTo: elodie.martin@maif.fr\nSubject: Rendez-vous\n\n${OLD}\n`,
    );
    expect(messages.map((m) => m.body)).toEqual([OLD, REPLY]);
    expect(messages[0]?.from).toBe("jean.dupont@hotmail.fr");
  });

  it("reads Thunderbird's forward, whose header starts with the subject", () => {
    const messages = parse(
      `Pour info.\n\n-------- Forwarded Message --------\nSubject: Rendez-vous\nDate: Mon, 7 Dec 2026 10:00:00 +0100\nFrom: Jean Dupont <jean.dupont@orange.fr>\nTo: elodie.martin@maif.fr\n\n${OLD}\n`,
    );
    expect(messages.map((m) => m.body)).toEqual([OLD, "Pour info."]);
    expect(messages[0]?.from).toBe("Jean Dupont <jean.dupont@orange.fr>");
  });
});

describe("forwards", () => {
  it("splits Gmail's forward and counts the forwarded message once", () => {
    const text = `Voici le mail du sociétaire.\n\n---------- Forwarded message ---------\nFrom: Jean Dupont <jean.dupont@orange.fr>\nDate: Mon, Dec 7, 2026 at 10:00 AM\nSubject: Rendez-vous\nTo: <agence@maif.fr>\n\n${OLD}\n`;
    const messages = parse(text);
    expect(messages).toHaveLength(2);
    expect(messages.map((m) => m.body)).toEqual([OLD, "Voici le mail du sociétaire."]);
  });

  it("reads a French forward holding a reply chain: three messages, each once", () => {
    const text = [
      "Pour traitement.",
      "",
      "---------- Message transféré ---------",
      "De : Jean Dupont <jean.dupont@orange.fr>",
      "Date : lun. 7 déc. 2026 à 10:00",
      "Objet : Re: Rendez-vous",
      "À : <agence@maif.fr>",
      "",
      "D'accord pour jeudi.",
      "",
      "Le dim. 6 déc. 2026 à 18:00, Élodie Martin <elodie.martin@maif.fr> a écrit :",
      "> Bonjour, l'expert peut passer jeudi.",
      "",
    ].join("\n");
    const messages = parse(text);
    expect(messages.map((m) => m.body)).toEqual([
      "Bonjour, l'expert peut passer jeudi.",
      "D'accord pour jeudi.",
      "Pour traitement.",
    ]);
  });

  it("does not count a forward sent without a word as a message of its own", () => {
    const messages = parse(
      `\n---------- Forwarded message ---------\nFrom: Jean Dupont <jean.dupont@orange.fr>\nDate: Mon, Dec 7, 2026 at 10:00 AM\nSubject: Rendez-vous\nTo: <agence@maif.fr>\n\n${OLD}\n`,
    );
    expect(messages.map((m) => m.body)).toEqual([OLD]);
  });
});

describe("signatures, mobile footers, list footers and disclaimers", () => {
  const body = "Bonjour,\n\nJe vous envoie la facture du plombier.";
  it.each([
    ["'-- ' delimiter", `${body}\n\n-- \nJean Dupont\n06 12 34 56 78`],
    ["'-Name'", `${body}\n\n-Jean`],
    ["'- Name'", `${body}\n- Jean Dupont`],
    ["'Cordialement,' and a name", `${body}\n\nCordialement,\nJean Dupont`],
    [
      "'Bien cordialement' and a name block",
      `${body}\n\nBien cordialement\n\nJean Dupont\n12 rue des Lilas\n79000 Niort`,
    ],
    ["'Envoyé de mon iPhone'", `${body}\n\nEnvoyé de mon iPhone`],
    ["'Sent from my Samsung Galaxy smartphone.'", `${body}\n\nSent from my Samsung Galaxy smartphone.`],
    ["a custom mobile footer", `${body}\n\nSent from a magnificent torch of pixels`],
    ["'Get Outlook for iOS'", `${body}\n\nGet Outlook for iOS<https://aka.ms/o0ukef>`],
    ["'Obtenir Outlook pour Android'", `${body}\n\nObtenir Outlook pour Android`],
    ["'Gesendet von meinem iPhone'", `${body}\n\nGesendet von meinem iPhone`],
    ["'Enviado desde mi iPhone'", `${body}\n\nEnviado desde mi iPhone`],
    ["'Inviato da iPhone'", `${body}\n\nInviato da iPhone`],
    ["'Envoyé depuis Yahoo Mail pour Android'", `${body}\n\nEnvoyé depuis Yahoo Mail pour Android`],
    [
      "a mailing-list footer",
      `${body}\n\n_______________________________________________\nSinistres-habitation mailing list\nSinistres-habitation@lists.example.org\nhttps://lists.example.org/mailman/listinfo/sinistres-habitation`,
    ],
    [
      "a Google Groups footer",
      `${body}\n\n--\nYou received this message because you are subscribed to the Google Groups "Sinistres" group.\nTo unsubscribe from this group and stop receiving emails from it, send an email to sinistres+unsubscribe@googlegroups.com.\nTo view this discussion on the web visit https://groups.google.com/d/msgid/sinistres/abc.`,
    ],
    [
      "a French unsubscribe line",
      `${body}\n\nPour vous désinscrire de cette liste, envoyez un message à sinistres-unsubscribe@lists.example.org`,
    ],
    [
      "a French legal disclaimer",
      `${body}\n\nJean\n\nCe message et toutes les pièces jointes (ci-après le « message ») sont établis à l'intention exclusive de ses destinataires et sont confidentiels. Si vous recevez ce message par erreur, merci de le détruire et d'en avertir immédiatement l'expéditeur. Toute utilisation de ce message non conforme à sa destination, toute diffusion ou toute publication, totale ou partielle, est interdite, sauf autorisation expresse.`,
    ],
    [
      "an English legal disclaimer",
      `${body}\n\nRegards,\nJean\n\nThis e-mail and any attachments are confidential and intended solely for the addressee. If you have received it in error, please notify the sender and delete it. Any unauthorised use, disclosure or copying is prohibited.`,
    ],
  ])("removes %s", (_label, text) => {
    expect(newest(text)?.body).toBe(body);
  });

  it("keeps prose that starts like a footer, and a dash inside a sentence", () => {
    const prose =
      "Bonjour,\n\nSent from the garage yesterday, the quote is attached.\nLe montant - hors taxes - est de 420 €.";
    expect(newest(prose)?.body).toBe(prose);
  });
});

describe("shapes of the public reply-parser corpora (rewritten in our words)", () => {
  it("reads attributions that no quote follows: Russian Gmail, Italian 'In data', Zoho's framed line", () => {
    for (const attribution of [
      "чт, 3 дек. 2026 г. в 09:12, Agence MAIF <agence@maif.fr>:",
      'In data 3 dicembre 2026 09:12:40 "Agence MAIF" <agence@maif.fr> ha scritto:',
      "---- On Thu, 03 Dec 2026 09:12:40 +0100 agence@maif.fr wrote ----",
      "Em 3 de dezembro de 2026 às 09:12:40, Agence MAIF (\nagence@maif.fr) escreveu:",
    ]) {
      const messages = parse(`${REPLY}\n\n${attribution}\n\nBonjour, votre dossier est complet.`);
      expect(messages.map((m) => m.body)).toEqual(["Bonjour, votre dossier est complet.", REPLY]);
      expect(messages[0]?.author).toBe("insurer");
    }
  });

  it("reads a header block opened by 'Message du :' under a rule of equals signs", () => {
    const messages = parse(
      `${REPLY}\n\n====\n\nMessage du : 03/12/2026 09:12\nDe : "Agence MAIF" <agence@maif.fr>\nA : jean.dupont@orange.fr\nCopie à : \nSujet : Votre dossier\n\nVotre dossier est complet.\n`,
    );
    expect(messages.map((m) => m.body)).toEqual(["Votre dossier est complet.", REPLY]);
  });

  it("drops a custom mobile footer sitting right above an unquoted attribution", () => {
    const messages = parse(
      "Je vous envoie la photo ce soir.\n\nSent from TypeApp<http://www.typeapp.example/r?b=1>\nOn Dec 3, 2026, at 09:12, Agence MAIF <agence@maif.fr<\nmailto:agence@maif.fr>> wrote:\nPouvez-vous nous envoyer une photo ?",
    );
    expect(messages.map((m) => m.body)).toEqual([
      "Pouvez-vous nous envoyer une photo ?",
      "Je vous envoie la photo ce soir.",
    ]);
  });

  it("keeps an inline reply on a mailing list, without the list's footer or the quoted signature", () => {
    const text =
      "Bonjour,\nOn Thu, 2026-12-03 at 09:12 +0100, Paul Martin wrote:\n> Comment déclarer un sinistre ?\n\nPar l'espace sociétaire, rubrique Sinistres.\n\n> \n> -Paul Martin\n> \n> _______________________________________________\n> entraide mailing list\n> entraide@lists.example.org\n> http://lists.example.org/mailman/listinfo/entraide\n\n\n__\nentraide mailing list\nentraide@lists.example.org\nhttp://lists.example.org/mailman/listinfo/entraide\n";
    const body = newest(text)?.body ?? "";
    expect(body).toMatch(/^Bonjour,/u);
    expect(body).toContain("Par l'espace sociétaire, rubrique Sinistres.");
    expect(body).not.toMatch(/mailing list|listinfo|-Paul Martin/u);
  });

  it("removes a closing, a '--' signature block and a mobile footer together", () => {
    expect(
      newest(
        "Merci pour votre aide !\n\nBien à vous,\nJean\n\n--\nJean Dupont\nArtisan plombier\nDupont & Fils\n\nEnvoyé de mon iPhone\n\n",
      )?.body,
    ).toBe("Merci pour votre aide !");
  });

  it("does not take a sentence ending with an address and a colon for an attribution", () => {
    const text =
      "Bonjour,\n\nLe 3 mars, j'ai écrit à expert@cabinet.example :\nles photos, la facture et le devis.\nSans réponse depuis.";
    expect(parse(text).map((m) => m.body)).toEqual([text]);
  });
});

describe("attribution lines right under the reply", () => {
  it("does not fold a reply's last line starting with 'Le' into the attribution below it", () => {
    const messages = parse(
      "Bonjour,\nLe devis de 120 € est accepté.\nLe lun. 7 déc. 2026 à 10:00, Jean Dupont <jean.dupont@orange.fr> a écrit :\n> Voici le devis.\n",
    );
    expect(messages.map((m) => m.body)).toEqual(["Voici le devis.", "Bonjour,\nLe devis de 120 € est accepté."]);
    expect(messages[0]?.sentAt).toBe("lun. 7 déc. 2026 à 10:00");
  });
});

describe("a message forwarded as an attachment", () => {
  it("reads the header block framed by dashes that a mail parser renders, without the dashes", () => {
    const text =
      "Je vous transfère le devis.\n\n-----------------------------------------\nFrom:    Plomberie Martin <contact@plomberie.example>\nSubject: Devis\nDate:    04/12/2026, 16:00:00\nTo:      jean.dupont@orange.fr\n-----------------------------------------\n\nLe devis s'élève à 420 €.\n";
    const messages = parse(text);
    expect(messages.map((m) => m.body)).toEqual(["Le devis s'élève à 420 €.", "Je vous transfère le devis."]);
    expect(messages[0]).toMatchObject({ from: "Plomberie Martin <contact@plomberie.example>", subject: "Devis" });
  });
});

describe("closings and signature blocks in the languages members write", () => {
  const body = "Bonjour,\n\nVoici la facture du plombier pour le dégât des eaux.\nDites-moi s'il manque une pièce.";
  it.each([
    ["Mit freundlichen Grüßen\nHans Müller"],
    ["Viele Grüße,\nHans"],
    ["Saludos cordiales,\nCarlos García\nGerente de Ventas"],
    ["Cordiali saluti,\nMarco Rossi"],
    ["Met vriendelijke groet,\nJan de Vries"],
    ["Atenciosamente,\nJoão Silva"],
    ["С уважением,\nИван Петров"],
    ["مع التحية،\nأحمد"],
    ["Cheers,\nSam"],
    ["Take care,\nSam Taylor\nProduct Manager | Acme Labs\nM: +44 7700 900123"],
    ["Merci d'avance,\nJean Dupont\n06 12 34 56 78"],
  ])("removes the closing and the name block: %s", (signature) => {
    expect(newest(`${body}\n\n${signature}`)?.body).toBe(body);
  });

  it.each([
    [
      "a name block with contact details and no closing",
      "Jean Dupont\nArtisan plombier – Dupont & Fils\nTél. : 05 49 12 34 56\nwww.dupont-plomberie.example",
    ],
    ["a name with a title on one line", "Jean Dupont | Artisan plombier | Dupont & Fils"],
    ["a rule then a name block", "---\nJean Dupont\nDupont & Fils"],
    ["a dash line then a name", "-\nJean"],
    ["a name with pronouns and a web site", "Camille Martin (elle)\nhttps://camille-martin.example"],
    ["a localised mobile footer", "Von meinem Samsung Galaxy Smartphone gesendet"],
    ["a mobile footer with an apology", "Sent from my iPhone, please excuse any typos"],
    ["a Swedish mobile footer", "Skickat från min iPhone"],
    [
      "a company registration footer",
      "Dupont & Fils SARL, siège social : 12 rue des Lilas, 79000 Niort, capital social de 10 000 €.",
    ],
    ["a phishing warning", "Dupont & Fils will never ask you for your password by email."],
    [
      "a German disclaimer",
      "Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat sind, informieren Sie bitte sofort den Absender und vernichten Sie diese Mail.",
    ],
    [
      "a Spanish disclaimer",
      "Este mensaje y sus archivos adjuntos son confidenciales. Si usted no es el destinatario, le rogamos lo comunique al remitente y proceda a su eliminación.",
    ],
  ])("removes %s", (_label, footer) => {
    expect(newest(`${body}\n\n${footer}`)?.body).toBe(body);
  });

  it.each([
    ["a sentence that starts like a mobile footer", "Sent from my desk, which is easier than my phone."],
    ["a last list item", "Pièces à fournir :\n- RIB\n- Facture"],
    ["a one-word answer", "Approuvé."],
    ["a short last word after a blank line", "Done."],
    ["acronyms", "LGTM"],
    ["a sentence about oneself with 'registered in'", "Ma voiture est registered in France, immatriculée GH-456-JK."],
    ["a closing word inside a sentence", "Cordialement vôtre n'est pas une formule que j'emploie, mais merci."],
  ])("keeps %s", (_label, last) => {
    const text = `${body}\n\n${last}`;
    expect(newest(text)?.body).toBe(text);
  });
});

describe("attribution lines of other clients and styles", () => {
  it.each([
    ["On Mon, Dec 7, 2026 at 10:00 AM, Jean Dupont <jean.dupont@orange.fr> said:"],
    ["Quoting Jean Dupont <jean.dupont@orange.fr>:"],
    ["--- On Mon, 12/7/26, Jean Dupont <jean.dupont@orange.fr> wrote:"],
    ["On Mon, Dec 7, 2026 at 10:00 AM, Jean Dupont <jean.dupont@orange.fr> wrote"],
    ["Jean Dupont <jean.dupont@orange.fr> wrote on 07/12/2026 10:00:"],
    ["Am 07.12.2026 um 10:00 hat Jean Dupont <jean.dupont@orange.fr> geschrieben:"],
    ["Op 7 dec. 2026 om 10:00 heeft Jean Dupont <jean.dupont@orange.fr> het volgende geschreven:"],
    ["Il 7 dic 2026 alle 10:00 Jean Dupont <jean.dupont@orange.fr> ha scritto:"],
    ["Jean Dupont <jean.dupont@orange.fr> писал(а) 07.12.2026 10:00:"],
    ["Jean Dupont <jean.dupont@orange.fr> schrieb:"],
  ])("%s", (attribution) => {
    const messages = parse(`${REPLY}\n\n${attribution}\n${quote(OLD)}\n`);
    expect(messages.map((m) => m.body)).toEqual([OLD, REPLY]);
    expect(messages[0]?.from).toMatch(/jean\.dupont@orange\.fr/u);
  });
});

describe("forwarded from Nordic and Polish clients", () => {
  it.each([
    [
      "-------- Oprindelig besked --------\nFra: Agence MAIF <agence@maif.fr>\nDato: 03.12.2026  09.12  (GMT+01:00)\nTil: jean.dupont@orange.fr\nEmne: Votre dossier",
    ],
    [
      "-----Ursprungligt meddelande-----\nFrån: Agence MAIF <agence@maif.fr>\nSkickat: den 3 december 2026 09:12\nTill: jean.dupont@orange.fr\nÄmne: Votre dossier",
    ],
    [
      "-----Wiadomość oryginalna-----\nOd: Agence MAIF <agence@maif.fr>\nWysłano: 3 grudnia 2026 09:12\nDo: jean.dupont@orange.fr\nTemat: Votre dossier",
    ],
  ])("%s", (block) => {
    const messages = parse(`${REPLY}\n\n${block}\n\nVotre dossier est complet.\n`);
    expect(messages.map((m) => m.body)).toEqual(["Votre dossier est complet.", REPLY]);
    expect(messages[0]?.author).toBe("insurer");
  });
});

describe("a name signed right under the last sentence", () => {
  it("removes 'Jean' under a sentence that ends, and keeps a line that goes on with the sentence", () => {
    expect(newest("Merci pour le devis, je le signe ce soir.\nJean\n\nEnvoyé de mon iPhone")?.body).toBe(
      "Merci pour le devis, je le signe ce soir.",
    );
    expect(newest("Bonjour,\nle rendez-vous est fixé avec\nMonsieur Girard")?.body).toBe(
      "Bonjour,\nle rendez-vous est fixé avec\nMonsieur Girard",
    );
    expect(newest("Bonjour,\nLe rendez-vous est à l'agence :\nAgence de Niort")?.body).toBe(
      "Bonjour,\nLe rendez-vous est à l'agence :\nAgence de Niort",
    );
  });
});
