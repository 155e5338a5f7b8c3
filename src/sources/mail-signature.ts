// Owns the removal of what is not the message in a mail body: signatures, mobile footers, legal disclaimers and security banners.

/** The body kept, and the lines removed (read later to tell who wrote the message). */
export interface CleanedBody {
  readonly lines: string[];
  readonly removed: string[];
}

// The line patterns below are tried on trimmed lines of at most MAX_BOILERPLATE_LINE_CHARS: boilerplate is short, and
// bounded input keeps every pattern cheap whatever an adviser pastes.
const MAX_BOILERPLATE_LINE_CHARS = 300;
// "Envoyé de mon iPhone", "Obtenir Outlook pour Android", "Provenance : Courrier pour Windows"… always boilerplate.
const MOBILE_RE =
  /^(?:Envoy[ée] (?:de|depuis|à partir de|a partir de) (?:mon|ma|l['’]|Outlook|Courrier|Yahoo)|Sent from (?:my|Outlook|Mail|Yahoo)|Sent via|Get Outlook for|Obtenir Outlook pour|Télécharger Outlook pour|Provenance ?: ?Courrier pour Windows|Gesendet (?:von|vom|mit) (?:meinem|meiner|Outlook|Yahoo|iPhone|iPad)|Von meinem \S+ gesendet|Enviado (?:desde|do|de) (?:mi|meu|o meu|Outlook|Yahoo|iPhone|iPad)|Inviato (?:da|dal|dalla|dal mio|con) |Verzonden (?:vanaf|met|van) (?:mijn|Outlook|iPhone|iPad)|Отправлено (?:с|из) |Получить Outlook для|أرسلت من|تم الإرسال من)(?:\b|\s|$).{0,80}$/iu;
// A footer of the sender's own making ("Sent from a magnificent torch of pixels"): only as the body's last line, short.
const CUSTOM_MOBILE_RE =
  /^(?:Sent|Envoy[ée]|Gesendet|Enviado|Inviato|Verzonden|Отправлено|Typed|Tapé|Written|Écrit)[ \t]+(?:from|with|on|via|de|depuis|avec|sur|von|vom|mit|desde|con|da|dal|vanaf|met|с|из)[ \t].{1,60}$/iu;
// A name signed with a dash ("-Jean", "— Jean Dupont"), the body's last line.
const DASH_NAME_RE = /^[-–—~][ \t]?\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’.-]*){0,3}$/u;
// A bare name as the body's last line, after a blank line ("Jean", "Jean Dupont", "J. Dupont").
const BARE_NAME_RE = /^\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \t]+(?:\p{Lu}[\p{L}\p{M}'’.-]*|de|du|le|la|van|von)){0,3}$/u;
const NOT_A_NAME_RE = /^(?:merci|bonjour|bonsoir|salut|cordialement|amitiés|bises|oui|non|ok|thanks|thank you|cheers|regards|bien|parfait|entendu|d['’]accord|bonne journée|bonne soirée|à bientôt|a bientot|au revoir|urgent|important|pj|ps|nb)[.!]*$/iu;
// Mailing-list and group footers: the list's name, its address and its web page, or how to leave it.
const LIST_FOOTER_RE =
  /unsubscribe|désinscri|desinscri|désabonn|desabonn|se désinscrire|listinfo|mailman|mailing list|liste de diffusion|googlegroups|you received this message because you are subscribed|vous recevez ce message car vous (?:êtes|etes) abonné|abmelden|darse de baja|cancellarti|cancelar a (?:sua )?inscrição|uitschrijven|отписаться/iu;
// Outlook's banners on mail from outside the organisation, and its "you don't often get email from" tip.
const BANNER_RE =
  /^(?:\[?(?:EXTERNE|EXTERNAL|EXT)\]?[ \t]*(?:[:-][ \t]*)?)?(?:(?:ATTENTION|CAUTION|AVERTISSEMENT|WARNING)[ \t]*(?::[ \t]*)?)?(?:Ce (?:message|courriel|mail|e-mail) provient d['’]|This (?:message|email|e-mail) (?:originated|came|is) from|Vous n['’]obtenez pas souvent|You don['’]t often get email|Ne cliquez (?:pas|sur aucun))/iu;
const EXTERNAL_TAG_RE = /^\[(?:EXTERNE|EXTERNAL|EXT)\]$/iu;
const INLINE_IMAGE_RE = /\[(?:cid|image):[^\]\n]{0,200}\]/giu;
const SIG_DELIMITER_RE = /^--$/u;
const RULE_ONLY_RE = /^[-_=*~•·]{3,}$/u;
const POSTSCRIPT_RE = /^(?:P\.?[ \t]?S\.?|P-S)[ \t]*[:.-]/iu;
// Closings that always end a message; the name block after them is the signature.
// The formula ends the line, or a comma follows it ("Cordialement, Jean Dubois"): "Regards sur le dossier" is prose.
const STRONG_CLOSING_RE =
  /^(?:(?:bien|très|tres|trés|sincèrement|sinceres|sincères|mes|meilleures|salutations)[ \t]+)?(?:cordialement|cdlt|bien à vous|bien a vous|salutations(?: distinguées| respectueuses)?|(?:best|kind|warm|warmest)[ \t]+regards|regards|sincerely|yours (?:sincerely|faithfully|truly)|best wishes|respectueusement)(?:(?:[ \t]*[,.!]+)?$|[ \t]*,.{0,60}$)|^best[,!.]?$|^(?:je vous prie d['’]agréer|veuillez (?:agréer|recevoir)|recevez|je vous prie de (?:croire|recevoir))\b.{0,200}$/iu;
// Closings that may also be the message ("Merci."): removed only with a name block after them.
const WEAK_CLOSING_RE =
  /^(?:merci(?: d['’]avance| par avance| beaucoup| encore| à vous)?|(?:many )?thanks(?: in advance| again)?|thank you|bonne (?:journée|soirée|fin de journée|semaine)|à bientôt|a bientot|à très vite)(?:[ \t]*[,!.]+)?$/iu;

/** Does the short, trimmed `line` match `re`? Long lines are prose, never boilerplate. */
function isShort(line: string | undefined, re: RegExp): boolean {
  const trimmed = (line ?? "").trim();
  return trimmed.length <= MAX_BOILERPLATE_LINE_CHARS && re.test(trimmed);
}

const DISCLAIMER_OPENING_RE =
  /^(?:\*+[ \t]*)?(?:ce (?:message|courriel|mail|e-mail|courrier électronique)|cet e-?mail|les informations contenues|l['’]intégrité de ce message|this (?:message|e-?mail|communication|electronic)|the information (?:contained|in this)|confidential(?:ité|ity)|avertissement|disclaimer|afin de contribuer|pensez à l['’]environnement|merci de penser à l['’]environnement|please consider the environment|think before you print|n['’]imprimez ce)/iu;
const DISCLAIMER_WORDS: readonly RegExp[] = [
  /confidenti/iu,
  /destinataire|intended recipient|addressee/iu,
  /pièces? jointes?|attachments?/iu,
  /supprim|détrui|delete|destroy/iu,
  /interdit|prohibited|strictly|illicite/iu,
  /responsabilit|liabilit|liable/iu,
  /virus/iu,
  /diffusion|dissemination|distribution|copie|copying/iu,
  /altér|falsifi|alter/iu,
  /imprim|print/iu,
  /environnement|environment/iu,
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
  return (DISCLAIMER_OPENING_RE.test(text) && hits >= 1) || hits >= 4;
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

/** Cuts the signature: after "-- ", or from a closing formula followed only by a name block. */
function dropSignature(lines: string[], removed: string[]): string[] {
  const delimiter = lines.findLastIndex((l) => isShort(l, SIG_DELIMITER_RE));
  if (delimiter !== -1 && isSignatureTail(lines.slice(delimiter + 1))) {
    appendAll(removed, lines.slice(delimiter));
    return trimBlankEnds(lines.slice(0, delimiter));
  }
  // Only the last lines can be a signature; searching from the top would find "Merci" in the middle of a mail.
  const content = lines.map((l, i) => (isBlank(l) ? -1 : i)).filter((i) => i >= 0);
  const window = content.slice(-14);
  for (const index of window) {
    const line = lines[index] ?? "";
    const tail = lines.slice(index + 1);
    const isStrong = isShort(line, STRONG_CLOSING_RE);
    const isWeak = !isStrong && isShort(line, WEAK_CLOSING_RE);
    if (!isStrong && !isWeak) continue;
    const hasName = tail.some((l) => !isBlank(l));
    if (isSignatureTail(tail) && (isStrong || (hasName && index > 0))) {
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

/**
 * Removes the last line when it is a footer or a bare signature: a custom mobile footer ("Sent from a magnificent
 * torch of pixels"), a name signed with a dash ("-Jean"), or a name alone after a blank line under a longer body.
 */
function dropTrailingSignatureLine(lines: string[], removed: string[]): string[] {
  const last = lastContentIndex(lines);
  if (last <= 0) return lines;
  const line = (lines[last] ?? "").trim();
  if (line.length > 80) return lines;
  const contentBefore = lines.slice(0, last).filter((l) => !isBlank(l)).length;
  const isFooter = CUSTOM_MOBILE_RE.test(line) && !/[.!?]$/u.test(line);
  const isDashName = DASH_NAME_RE.test(line);
  const isBareName = BARE_NAME_RE.test(line) && !NOT_A_NAME_RE.test(line) && isBlank(lines[last - 1]) && contentBefore >= 2;
  if (!isFooter && !isDashName && !isBareName) return lines;
  removed.push(lines[last] ?? "");
  return trimBlankEnds(lines.slice(0, last));
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
  for (let banners = 0; banners < 3 && lines.length > 0 && (isShort(lines[0], BANNER_RE) || isShort(lines[0], EXTERNAL_TAG_RE)); banners += 1) {
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
