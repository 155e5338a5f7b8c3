// Owns the removal of what is not the message in a mail body: signatures, mobile footers, legal disclaimers and
// security banners.
import { closingKind, hasContact, isNameLine } from "./mail-closings";

/** The body kept, and the lines removed (read later to tell who wrote the message). */
export interface CleanedBody {
  readonly lines: string[];
  readonly removed: string[];
}

// The line patterns below are tried on trimmed lines of at most MAX_BOILERPLATE_LINE_CHARS: boilerplate is short, and
// bounded input keeps every pattern cheap whatever an adviser pastes.
const MAX_BOILERPLATE_LINE_CHARS = 300;
// "Envoyé de mon iPhone", "Obtenir Outlook pour Android", "Provenance : Courrier pour Windows"… always boilerplate.
// Devices and mail apps that phones and webmails name in their footers.
const DEVICE = String.raw`(?:iPhone|iPad|iPod|Android|Galaxy|Samsung|BlackBerry|Pixel|Huawei|Xiaomi|OnePlus|HTC|Nokia|LG|Motorola|Windows|Surface|phone|mobile|smartphone|tablet|device|cell|portable|téléphone|tablette|appareil|Handy|Mobiltelefon|Telefon|teléfono|móvil|celular|telefono|cellulare|telefoon|telefone|telemóvel|телефона|Outlook|Mail|Yahoo|Gmail|AOL|Spark|Superhuman|Front|Proton|BlueMail|Airmail|Courrier|TypeApp|Newton|Edison)`;
const SENT_VERB = String.raw`(?:Sent|Envoy[ée]|Gesendet|Enviad[oa]|Inviato|Verzonden|Verstuurd|Skickat|Wysłane|Отправлено)`;
const SENT_PREP = String.raw`(?:from|with|via|using|on|de|depuis|avec|à partir de|a partir de|von|vom|mit|desde|do|da|dal|dalla|con|vanaf|met|van|från|z|с|из)`;
const POSSESSIVE = String.raw`(?:my|a|an|the|mon|ma|l['’]|meinem|meiner|mi|mio|mia|mijn|min|meu|minha|o meu|mój|моего|моём|моем)`;
// "Envoyé de mon iPhone", "Sent from my Samsung Galaxy smartphone.", "Von meinem iPhone gesendet", "Get Outlook for
// iOS"…
// The device must follow within three words, so "Sent from my desk, is much easier than my phone." stays.
const MOBILE_RE = new RegExp(
  String.raw`^(?:${SENT_VERB}[ \t]+${SENT_PREP}[ \t]+(?:${POSSESSIVE}[ \t]+)?(?:[\p{L}\p{N}-]+[ \t]+){0,3}?${DEVICE}(?![\p{L}])|Von meinem[ \t]+(?:[\p{L}\p{N}-]+[ \t]+){0,3}?[\p{L}\p{N}-]*${DEVICE}[\p{L}\p{N}-]*[ \t]+gesendet|(?:Get|Obtenir|Télécharger|Scarica|Descargar|Baixe|Download|Получить)[ \t]+Outlook|Provenance ?: ?Courrier pour Windows|أرسلت من|تم الإرسال من)[^\n]{0,80}$`,
  "iu",
);
// A footer of the sender's own making ("Sent from a magnificent torch of pixels"): only as the body's last line, short.
const CUSTOM_MOBILE_RE =
  /^(?:Sent|Envoy[ée]|Gesendet|Enviado|Inviato|Verzonden|Отправлено|Typed|Tapé|Written|Écrit)[ \t]+(?:from|with|on|via|de|depuis|avec|sur|von|vom|mit|desde|con|da|dal|vanaf|met|с|из)[ \t].{1,60}$/iu;
const NOT_A_NAME_RE =
  /^(?:merci|bonjour|bonsoir|salut|cordialement|amitiés|bises|oui|non|ok|thanks|thank you|cheers|regards|bien|parfait|entendu|d['’]accord|bonne journée|bonne soirée|à bientôt|a bientot|au revoir|urgent|important|pj|ps|nb)[.!]*$/iu;
// Mailing-list and group footers: the list's name, its address and its web page, or how to leave it.
const LIST_FOOTER_RE =
  /unsubscribe|désinscri|desinscri|désabonn|desabonn|se désinscrire|listinfo|mailman|mailing list|liste de diffusion|googlegroups|you received this message because you are subscribed|vous recevez ce message car vous (?:êtes|etes) abonné|abmelden|darse de baja|cancellarti|cancelar a (?:sua )?inscrição|uitschrijven|отписаться/iu;
// Outlook's banners on mail from outside the organisation, and its "you don't often get email from" tip.
const BANNER_RE =
  /^(?:\[?(?:EXTERNE|EXTERNAL|EXT)\]?[ \t]*(?:[:-][ \t]*)?)?(?:(?:ATTENTION|CAUTION|AVERTISSEMENT|WARNING)[ \t]*(?::[ \t]*)?)?(?:Ce (?:message|courriel|mail|e-mail) provient d['’]|This (?:message|email|e-mail) (?:originated|came|is) from|Vous n['’]obtenez pas souvent|You don['’]t often get email|Ne cliquez (?:pas|sur aucun))/iu;
const EXTERNAL_TAG_RE = /^\[(?:EXTERNE|EXTERNAL|EXT)\]$/iu;
const INLINE_IMAGE_RE = /\[(?:cid|image):[^\]\n]{0,200}\]/giu;
const SIG_DELIMITER_RE = /^--$/u;
// Lines that may open a signature block when a name or contact details follow them: "-", "—", "---", "___", "~~~",
// "===", "***".
const SOFT_DELIMITER_RE = /^(?:[-–—~]|[-_=*~•·—]{3,})$/u;
const RULE_ONLY_RE = /^[-_=*~•·]{3,}$/u;
const POSTSCRIPT_RE = /^(?:P\.?[ \t]?S\.?|P-S)[ \t]*[:.-]/iu;
/** Does the short, trimmed `line` match `re`? Long lines are prose, never boilerplate. */
function isShort(line: string | undefined, re: RegExp): boolean {
  const trimmed = (line ?? "").trim();
  return trimmed.length <= MAX_BOILERPLATE_LINE_CHARS && re.test(trimmed);
}

const DISCLAIMER_OPENING_RE =
  /^(?:\*+[ \t]*)?(?:ce (?:message|courriel|mail|e-mail|courrier électronique)|cet e-?mail|les informations contenues|l['’]intégrité de ce message|this (?:message|e-?mail|communication|electronic|email)|the information (?:contained|in this)|confidential(?:ité|ity)|avertissement|disclaimer|important ?:|notice ?:|privileged|afin de contribuer|pensez à l['’]environnement|merci de penser à l['’]environnement|please consider the environment|think before you print|save a tree|n['’]imprimez ce|diese (?:e-?mail|nachricht)|este (?:mensaje|correo|e-?mail)|esta mensagem|questo messaggio|deze e-?mail|dit bericht|это (?:сообщение|письмо)|هذه الرسالة|copyright|©)/iu;
// A member speaking of themselves ("my car is registered in France") is writing the message, not a footer.
const FIRST_PERSON_RE =
  /(?<![\p{L}])(?:I|my|me|je|j['’]|mon|ma|mes|moi|ich|mein|meine|yo|mi|io|il mio|ik|mijn|eu|meu|minha|я|мой|моя)(?![\p{L}])|\?/u;
// Footers that need no other word to be one: company registration, anti-phishing and virus-scan notices, copyright.
const LEGAL_FOOTER_RE =
  /is a company registered|registered office|registered in [^.?!\n]{1,40}(?:no\.|number|under)|company (?:number|no\.?) |siège social|capital social de|will never ask (?:you )?for your password|views expressed in this|scanned for viruses|checked for viruses|all rights reserved|tous droits réservés|before printing|avant d['’]imprimer/iu;
const DISCLAIMER_WORDS: readonly RegExp[] = [
  /confidenti|vertraulich|riservat|vertrouwelijk|конфиденциальн|سري/iu,
  /destinataire|intended recipient|addressee|adressat|empfänger|destinatari|destinatário|geadresseerde|адресат/iu,
  /pièces? jointes?|attachments?|anhänge?|adjuntos?|allegat|bijlage|anexos?/iu,
  /supprim|détrui|delete|destroy|vernichten|löschen|elimin|verwijder|apag|удал/iu,
  /interdit|prohibited|strictly|illicite|untersagt|prohibid|vietat|verboden|proibid|запрещ/iu,
  /responsabilit|liabilit|liable|haftung/iu,
  /virus/iu,
  /diffusion|dissemination|distribution|copie|copying|disclos|weitergabe|divulga/iu,
  /altér|falsifi|alter/iu,
  /imprim|print|drucken/iu,
  /environnement|environment|umwelt/iu,
  /expéditeur|sender|absender|remitente|mittente|afzender|remetente|отправител/iu,
  /erreur|error|mistake|irrtümlich|errore|vergissing|engano|ошибк/iu,
];

function isBlank(line: string | undefined): boolean {
  return (line ?? "").trim() === "";
}

/** A paragraph a mail server appends: confidentiality notice or "think before you print". */
export function isDisclaimer(paragraph: readonly string[]): boolean {
  const text = paragraph.map((l) => l.trim()).join(" ");
  // A list footer names where to leave the list; a member asking to be unsubscribed gives no link or address.
  if (LIST_FOOTER_RE.test(text) && /https?:\/\/|www\.|@/iu.test(text)) return true;
  const hits = DISCLAIMER_WORDS.filter((re) => re.test(text)).length;
  return (
    (DISCLAIMER_OPENING_RE.test(text) && hits >= 1) ||
    hits >= 4 ||
    (text.length <= 400 && LEGAL_FOOTER_RE.test(text) && !FIRST_PERSON_RE.test(text))
  );
}

/** Is the text after a closing only a signature: a few short lines, no postscript? */
function isSignatureTail(lines: readonly string[]): boolean {
  const content = lines.filter((l) => !isBlank(l));
  return content.length <= 12 && content.every((l) => l.trim().length <= 100 && !isShort(l, POSTSCRIPT_RE));
}

function isRuleOrTag(line: string): boolean {
  return isShort(line, RULE_ONLY_RE) || isShort(line, EXTERNAL_TAG_RE);
}

function trimBlankEnds(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && isBlank(lines[start])) start += 1;
  while (end > start && isBlank(lines[end - 1])) end -= 1;
  return lines.slice(start, end);
}

/** Appends without spreading: a spread of a very long array overflows the call stack. */
function appendAll(target: string[], items: readonly string[]): void {
  for (const item of items) target.push(item);
}

/** Removes disclaimer paragraphs, rules and "[EXTERNE]" tags from the end of the body. */
function dropTrailingDisclaimers(lines: string[], removed: string[]): string[] {
  const body = trimBlankEnds(lines);
  let end = body.length;
  const skipBlankBack = () => {
    while (end > 0 && isBlank(body[end - 1])) end -= 1;
  };
  for (;;) {
    const last = body[end - 1];
    if (last !== undefined && isRuleOrTag(last)) {
      removed.push(last);
      end -= 1;
      skipBlankBack();
      continue;
    }
    let start = end;
    while (start > 0 && !isBlank(body[start - 1])) start -= 1;
    const paragraph = body.slice(start, end);
    if (paragraph.length === 0 || !isDisclaimer(paragraph)) return body.slice(0, end);
    appendAll(removed, paragraph);
    end = start;
    skipBlankBack();
  }
}

/** Is `tail` (the lines under a delimiter) a signature block: a name or contact details, in a few short lines? */
function looksLikeSignatureBlock(tail: readonly string[]): boolean {
  const content = tail.filter((l) => !isBlank(l));
  return content.length > 0 && isSignatureTail(tail) && (isNameLine(content[0] ?? "") || content.some(hasContact));
}

/** Cuts the signature: after "-- " (or "-", "---", "___"… over a name block), or from a closing formula followed only by a name block. */
function dropSignature(lines: string[], removed: string[]): string[] {
  const delimiter = lines.findLastIndex((l) => isShort(l, SIG_DELIMITER_RE) || isShort(l, SOFT_DELIMITER_RE));
  if (delimiter !== -1) {
    const tail = lines.slice(delimiter + 1);
    const isHard = isShort(lines[delimiter], SIG_DELIMITER_RE);
    if (isHard ? isSignatureTail(tail) : looksLikeSignatureBlock(tail)) {
      appendAll(removed, lines.slice(delimiter));
      return trimBlankEnds(lines.slice(0, delimiter));
    }
  }
  // Only the last lines can be a signature; searching from the top would find "Merci" in the middle of a mail.
  const content = lines.map((l, i) => (isBlank(l) ? -1 : i)).filter((i) => i >= 0);
  const window = content.slice(-14);
  for (const index of window) {
    const kind = closingKind(lines[index] ?? "");
    if (kind === null) continue;
    const tail = lines.slice(index + 1);
    const hasName = tail.some((l) => !isBlank(l));
    if (isSignatureTail(tail) && (kind === "strong" || (hasName && index > 0))) {
      appendAll(removed, lines.slice(index));
      return trimBlankEnds(lines.slice(0, index));
    }
  }
  return lines;
}

/** The index of the last non-blank line, or -1. */
function lastContentIndex(lines: readonly string[]): number {
  return lines.findLastIndex((l) => !isBlank(l));
}

// A line of a signature that ends like a sentence is prose, unless it is a company's legal form ("Acme Inc.").
const ENDS_LIKE_SENTENCE_RE = /[.!?]$/u;
const LEGAL_FORM_END_RE = /(?<![\p{L}])(?:Inc|Ltd|Co|Corp|S\.A|SA|S\.r\.l|B\.V|N\.V|Jr|Sr|Cie)\.$/u;

/** Is `line` a name alone, as people sign ("Jean", "-Jean", "Jean Dupont"), rather than a word of the message ("Merci.")? */
function isLoneName(line: string): boolean {
  const trimmed = line.trim();
  return (
    isNameLine(trimmed) &&
    !NOT_A_NAME_RE.test(trimmed.replace(/^[-–—~]+[ \t]?/u, "")) &&
    !/\p{L}{3,}[.!?]$/u.test(trimmed) &&
    closingKind(trimmed) === null
  );
}

/**
 * Removes what ends the body without a closing formula: a custom mobile footer ("Sent from a magnificent torch of
 * pixels"), or a signature block: a name alone ("-Jean", or "Jean Dupont" after a blank line under a longer body), or a
 * last paragraph that opens with a name and holds titles and contact details ("Jean Dupont | Conseiller / Tél. : …").
 */
function dropTrailingSignatureLine(lines: string[], removed: string[]): string[] {
  const last = lastContentIndex(lines);
  if (last <= 0) return lines;
  const line = (lines[last] ?? "").trim();
  if (line.length <= 80 && CUSTOM_MOBILE_RE.test(line) && !/[.!?]$/u.test(line)) {
    removed.push(lines[last] ?? "");
    return trimBlankEnds(lines.slice(0, last));
  }
  // "-Jean" under the last sentence, without a blank line: signed with a dash (a list item has a list above it); or
  // "Jean" right under a sentence that ends, as people sign short mails.
  const above = (lines[last - 1] ?? "").trim();
  const isSignedUnder =
    (/^[-–—~]/u.test(line) && !/^[-•*–—~][ \t]?/u.test(above)) ||
    (/[.!?)]$/u.test(above) && /^\p{Lu}[\p{L}'’-]+(?:[ \t]\p{Lu}[\p{L}'’.-]+)?$/u.test(line));
  if (isSignedUnder && isLoneName(line) && !/:$/u.test(above)) {
    removed.push(lines[last] ?? "");
    return trimBlankEnds(lines.slice(0, last));
  }
  let start = last;
  while (start > 0 && !isBlank(lines[start - 1])) start -= 1;
  const paragraph = lines.slice(start, last + 1).map((l) => l.trim());
  const before = lines.slice(0, start).filter((l) => !isBlank(l));
  const previous = before.at(-1)?.trim() ?? "";
  // A list ("Participants :", "- item") or nothing above: these lines are the message.
  if (/:$/u.test(previous) || /^[-•*][ \t]/u.test(previous)) return lines;
  const first = paragraph[0] ?? "";
  let isSignature = false;
  if (paragraph.length === 1) {
    const isDashed = /^[-–—~]/u.test(first);
    isSignature = isLoneName(first) && (isDashed || (start > 0 && before.length >= 2));
  } else if (paragraph.length <= 8 && before.length >= 1 && isNameLine(first) && closingKind(first) === null) {
    isSignature =
      paragraph.every(
        (l) => l.length <= 100 && (!ENDS_LIKE_SENTENCE_RE.test(l) || LEGAL_FORM_END_RE.test(l) || hasContact(l)),
      ) &&
      (paragraph.some(hasContact) || paragraph.length <= 3);
  }
  if (!isSignature) return lines;
  appendAll(removed, lines.slice(start, last + 1));
  return trimBlankEnds(lines.slice(0, start));
}

/**
 * Removes from a message body what is not the message: inline image placeholders, security banners at the top,
 * mobile footers, legal disclaimers, and the signature (after "-- " or from "Cordialement," and its name block).
 * Postscripts are kept, and so is a lone "Merci." (a weak closing goes only with a name block after it).
 */
export function cleanBody(input: readonly string[]): CleanedBody {
  const removed: string[] = [];
  let lines = input.map((l) => l.replace(INLINE_IMAGE_RE, "").trimEnd());

  // Banners come first, before "Bonjour"; so do the rules that close a header block (a forwarded .eml's "-----").
  lines = trimBlankEnds(lines);
  while (lines.length > 0 && isShort(lines[0], RULE_ONLY_RE)) {
    removed.push(lines[0] ?? "");
    lines = trimBlankEnds(lines.slice(1));
  }
  // An "[EXTERNE]" tag, a banner and a tip at most: more is the message quoting one.
  for (
    let banners = 0;
    banners < 3 && lines.length > 0 && (isShort(lines[0], BANNER_RE) || isShort(lines[0], EXTERNAL_TAG_RE));
    banners += 1
  ) {
    let end = 1;
    // A banner may wrap over a few lines up to the blank line.
    while (end < lines.length && end < 4 && !isBlank(lines[end])) end += 1;
    appendAll(removed, lines.slice(0, end));
    lines = trimBlankEnds(lines.slice(end));
  }

  lines = lines.filter((l) => {
    if (!isShort(l, MOBILE_RE)) return true;
    removed.push(l);
    return false;
  });

  // Server disclaimers sit below the signature; a mobile footer may sit below the disclaimer. Repeat until stable.
  for (let pass = 0; pass < 4; pass += 1) {
    const before = lines.length;
    lines = dropTrailingDisclaimers(lines, removed);
    lines = dropSignature(lines, removed);
    lines = dropTrailingSignatureLine(lines, removed);
    if (lines.length === before) break;
  }
  return { lines: trimBlankEnds(lines), removed };
}
