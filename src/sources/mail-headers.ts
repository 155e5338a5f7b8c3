// Owns the recognition of where a quoted message starts in a mail thread: Outlook header blocks, separators and "… a
// écrit :" lines.

/** What a quoted message's header says about it; every field as written, trimmed. */
export interface MailHeader {
  /** "Name <address>", the address alone, or the name alone. */
  readonly from?: string;
  readonly fromAddress?: string;
  readonly toAddresses?: readonly string[];
  readonly sentAt?: string;
  readonly subject?: string;
}

type HeaderField = "from" | "sent" | "to" | "cc" | "subject" | "other";

// Starts only where a run of address characters starts, so a long word without "@" is scanned once, not once per
// letter.
const EMAIL_RE =
  /(?<![\p{L}\p{N}._%+'’-])[\p{L}\p{N}._%+'’-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}(?![\p{L}])/gu;

// Outlook (desktop, web, Mac), Hotmail, Apple Mail, Gmail and Thunderbird header names, in the languages members write:
// French, English, German, Spanish, Italian, Portuguese, Dutch, Russian and Arabic. Outlook's HTML-to-text keeps the
// bold of the names as "*De :*", and French typography puts a (non-breaking) space before the colon.
// (Each run of blanks is matched by one quantifier only: two in a row would backtrack quadratically on long blank
// runs.)
// Nordic and Polish names too: members forward what they receive.
const FROM_NAMES = ["de", "from", "expéditeur", "expediteur", "von", "da", "van", "от", "من", "fra", "från", "od"];
const SENT_NAMES = [
  "sent",
  "date",
  "message du",
  "dato",
  "sendt",
  "skickat",
  "wysłano",
  "datum",
  "gesendet",
  "enviado",
  "enviada",
  "enviado el",
  "enviada em",
  "enviado em",
  "fecha",
  "inviato",
  "data",
  "verzonden",
  "verstuurd",
  "отправлено",
  "дата",
  "تاريخ الإرسال",
  "التاريخ",
  "أرسل",
  "أرسلت",
];
const TO_NAMES = [
  "à",
  "a",
  "to",
  "destinataire",
  "destinataires",
  "pour",
  "an",
  "para",
  "aan",
  "кому",
  "إلى",
  "til",
  "till",
  "do",
];
const CC_NAMES = ["cc", "cci", "bcc", "copie", "copie à", "kopie", "копия", "نسخة"];
const SUBJECT_NAMES = [
  "objet",
  "subject",
  "sujet",
  "betreff",
  "asunto",
  "oggetto",
  "assunto",
  "onderwerp",
  "тема",
  "الموضوع",
  "emne",
  "ämne",
  "temat",
];
const OTHER_NAMES = [
  "importance",
  "pièce jointe",
  "pièces jointes",
  "piece jointe",
  "pieces jointes",
  "attachment",
  "attachments",
  "reply-to",
  "répondre à",
  "antwort an",
  "anlagen",
  "priorität",
];
const escapeName = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&").replace(/ /gu, "[ \\t]");
// Longest first, so "Enviado el" is preferred to "Enviado" and "Copie à" to "Copie".
const HEADER_NAMES = [
  ...FROM_NAMES,
  ...SENT_NAMES,
  ...TO_NAMES,
  ...CC_NAMES,
  ...SUBJECT_NAMES,
  ...OTHER_NAMES,
  "envoyé",
  "envoye",
  "envoyé le",
  "envoye le",
]
  .sort((a, b) => b.length - a.length)
  .map(escapeName)
  .join("|");
const HEADER_LINE_RE = new RegExp(
  `^[ \\t]*(?:\\*[ \\t]*)?(${HEADER_NAMES})[ \\t]*(?:\\*[ \\t]*)?:[ \\t]*(?:\\*[ \\t]*)?(.*)$`,
  "iu",
);
// The names inside a header flattened on one line, as some clients paste it ("De : … Envoyé : … À : … Objet : …").
const INLINE_NAME_RE =
  /(?:^|[ \t])\*?(De|From|Von|Envoy[ée](?: le)?|Sent|Gesendet|Date|À|A|To|An|Cc|Objet|Subject|Betreff)\*?[ \t]?:/giu;
// Header values are short; longer "values" are prose, and bounding them keeps every pattern linear.
const MAX_HEADER_LINE_CHARS = 2_000;
const MAX_HEADER_BLOCK_LINES = 30;
// "-----Original Message-----" and forward markers, in the same languages.
const SEPARATOR_NAMES = [
  "Message d['’]origine",
  "Original Message",
  "Mail original",
  "Message original",
  "Courriel original",
  "Forwarded message",
  "Message transf[ée]r[ée]",
  "Message réexpédié",
  "Ursprüngliche Nachricht",
  "Originalnachricht",
  "Weitergeleitete Nachricht",
  "Mensaje original",
  "Mensaje reenviado",
  "Messaggio originale",
  "Messaggio inoltrato",
  "Mensagem original",
  "Mensagem encaminhada",
  "Mensagem reencaminhada",
  "Oorspronkelijk bericht",
  "Origineel bericht",
  "Doorgestuurd bericht",
  "Исходное сообщение",
  "Пересылаемое сообщение",
  "Пересланное сообщение",
  "الرسالة الأصلية",
  "رسالة مُعاد توجيهها",
  "رسالة معاد توجيهها",
  "Oprindelig besked",
  "Oprindelig meddelelse",
  "Ursprungligt meddelande",
  "Opprinnelig melding",
  "Wiadomość oryginalna",
  "Alkuperäinen viesti",
  "Videresendt besked",
  "Vidarebefordrat meddelande",
].join("|");
const FORWARD_LEADS = [
  "Début du message (?:réexpédié|transféré)",
  "Begin forwarded message",
  "Anfang der weitergeleiteten Nachricht",
  "Inicio del mensaje reenviado",
  "Inizio messaggio inoltrato",
  "Início da mensagem (?:reencaminhada|encaminhada)",
  "Begin doorgestuurd bericht",
  "Начало переадресованного сообщения",
].join("|");
const SEPARATOR_RE = new RegExp(
  `^[ \\t]*-{2,}[ \\t]*(?:${SEPARATOR_NAMES})[ \\t]*-{2,}[ \\t]*$|^[ \\t]*(?:${FORWARD_LEADS})[ \\t]*:[ \\t]*$`,
  "iu",
);
const RULE_RE = /^[ \t]*_{10,}[ \t]*$/u;
// The verbs of attribution lines: French, English, German, Spanish, Italian, Portuguese, Dutch, Russian, Arabic (and
// the
// Nordic and Polish ones members forward). German, Dutch and Arabic put the verb before the sender, the others at the
// end.
const ATTRIBUTION_VERB_RE =
  /(?<![\p{L}'’])(?:a écrit|a ecrit|wrote|said|quoting|schrieb|geschrieben|escribió|escribio|ha scritto|escreveu|schreef|geschreven|skrev|kirjoitti|napisał\(a\)|napisała|napisał|написал\(а\)|написала|написал|писал\(а\)|писала|писал|пишет|كتب)(?![\p{L}])/giu;
// Some clients drop the colon: "On Mon, Dec 7, 2026 at 10:00 AM, Name <address> wrote".
const ENDS_WITH_VERB_RE = /(?<![\p{L}'’])(?:a écrit|wrote|schrieb|escribió|ha scritto|escreveu|schreef)[ \t]*$/iu;
const ENDS_WITH_COLON_RE = /:[ \t]*$/u;
// How attribution lines start: "Le", "On", "Am", "El", "Il giorno", "Em", "Op", "في", or a Russian day ("пн,").
const ATTRIBUTION_START_RE = /^(?:Le|On|Am|El|Il giorno|In data|Em|Op|في|(?:пн|вт|ср|чт|пт|сб|вс),)\s/u;
// Zoho frames the line with dashes and drops the colon: "---- On Wed, 24 Feb 2021 14:02:50 +0530 x@y.com wrote ----".
const FRAMED_ATTRIBUTION_RE =
  /^-{2,}[ \t]*((?:On|Le|Am|El|Em|Op|Il giorno|In data)[ \t].{1,250}?(?:wrote|a écrit|schrieb|escribió|ha scritto|escreveu|schreef))[ \t]*-{2,}$/iu;
// What is left of the date between it and the sender: "Uhr", AM/PM in Arabic, commas.
const NAME_LEAD_RE = /^(?:[\s,،;:()-]|Uhr(?![\p{L}])|ص(?![\p{L}])|م(?![\p{L}]))+/u;
// The last time or year in an attribution ends its date: what follows is the sender.
const DATE_END_RE =
  /\d{1,2}[ \t]?(?::|h|H)[ \t]?\d{2}(?:[ \t]?[AaPp]\.?[ \t]?[Mm]\.?(?![\p{L}]))?|(?<!\d)\d{4}(?!\d)(?:[ \t]?г\.)?/gu;

function fieldOf(name: string): HeaderField {
  const key = name.toLowerCase().replace(/[ \t]+/gu, " ");
  if (FROM_NAMES.includes(key)) return "from";
  if (key.startsWith("envoy") || SENT_NAMES.includes(key)) return "sent";
  if (TO_NAMES.includes(key)) return "to";
  if (CC_NAMES.includes(key)) return "cc";
  if (SUBJECT_NAMES.includes(key)) return "subject";
  return "other";
}

/** The addresses in `text`, lower-cased, once each. */
export function emailsIn(text: string): string[] {
  return [...new Set([...text.matchAll(EMAIL_RE)].map((m) => m[0].toLowerCase()))];
}

/** "Sophie Durand [mailto:s.durand@x.fr]" → { from: "Sophie Durand <s.durand@x.fr>", fromAddress }. */
export function parseSender(raw: string): Pick<MailHeader, "from" | "fromAddress"> {
  const address = emailsIn(raw)[0];
  const name = raw
    .replace(/\[mailto:[^\]\n]{0,320}\]|<[^>\n]{0,320}>|\(?mailto:\S{1,320}\)?/giu, " ")
    .replace(EMAIL_RE, " ")
    .replace(/["'“”«»*]/gu, " ")
    .replace(/\s+/gu, " ")
    .replace(/^[\s,;:]+|[\s,;:]+$/gu, "");
  if (address) return { from: name ? `${name} <${address}>` : address, fromAddress: address };
  return name ? { from: name } : {};
}

function headerOf(fields: ReadonlyMap<HeaderField, string>): MailHeader {
  const sender = parseSender(fields.get("from") ?? "");
  const to = fields.get("to");
  const sentAt = fields.get("sent")?.trim();
  const subject = fields.get("subject")?.trim();
  return {
    ...sender,
    ...(to ? { toAddresses: emailsIn(to) } : {}),
    ...(sentAt ? { sentAt } : {}),
    ...(subject ? { subject } : {}),
  };
}

const FORWARD_RE =
  /Forwarded|transf[ée]r[ée]|réexpédié|weitergeleitet|reenviado|inoltrat|encaminhad|doorgestuurd|пересыла|переадресова|пересланн|توجيه/iu;

/** Is `line` a separator Outlook or a forward puts above a quoted message ("-----Message d'origine-----")? */
export function isSeparator(line: string): boolean {
  return SEPARATOR_RE.test(line);
}

/** Is the separator `line` a forward's, whose message the text above does not answer? */
export function isForwardSeparator(line: string): boolean {
  return SEPARATOR_RE.test(line) && FORWARD_RE.test(line);
}

/** Is `line` the rule of underscores Outlook puts above a reply's header block? */
export function isRule(line: string): boolean {
  return RULE_RE.test(line);
}

/**
 * Reads the header block starting at `start` ("De : … / Envoyé : … / À : … / Objet : …", in French or English, on
 * several lines or flattened on one).
 * @param strict  In the middle of a text a block needs a sender, a date and a recipient or subject, so that a
 *   sentence starting with "De :" never cuts a message; after a separator or at the top a sender and one more field do.
 * @returns the header and the index of the first body line, or null when no block starts there.
 */
export function readHeaderBlock(
  lines: readonly string[],
  start: number,
  strict: boolean,
): { header: MailHeader; next: number } | null {
  const first = lines[start] ?? "";
  if (first.length > MAX_HEADER_LINE_CHARS) return null;
  const inline = readInlineHeader(first);
  if (inline) return { header: headerOf(inline), next: skipBlank(lines, start + 1) };
  const opening = HEADER_LINE_RE.exec(first);
  // Outlook and Gmail open with the sender; Hotmail with the date, Thunderbird's forward with the subject.
  const openingField = opening ? fieldOf(opening[1] ?? "") : "other";
  if (openingField === "other" || (strict && openingField !== "from" && openingField !== "sent")) return null;

  const fields = new Map<HeaderField, string>();
  let last: HeaderField | undefined;
  let i = start;
  // A real block has a dozen lines at most; the bound keeps a text made of "De :" lines linear.
  for (; i < lines.length && i < start + MAX_HEADER_BLOCK_LINES; i += 1) {
    const line = lines[i] ?? "";
    if (line.trim() === "" || line.length > MAX_HEADER_LINE_CHARS) break;
    const m = HEADER_LINE_RE.exec(line);
    if (m) {
      last = fieldOf(m[1] ?? "");
      // A second sender is the next message's header (or prose), never this one's.
      if (last === "from" && fields.has("from")) break;
      // The first value wins: "Date :" after "Envoyé :" in a forwarded block repeats the same fact.
      if (!fields.has(last)) fields.set(last, (m[2] ?? "").trim());
      continue;
    }
    // Long recipient lists wrap; anything else after the header names is the body that lacked its blank line.
    if ((last === "to" || last === "cc") && /[@;,]/u.test(line) && !/[.!?]\s*$/u.test(line)) {
      fields.set(last, `${fields.get(last) ?? ""} ${line.trim()}`);
      continue;
    }
    break;
  }
  const hasSent = fields.has("sent");
  const hasToOrSubject = fields.has("to") || fields.has("subject");
  // A block that does not open with the sender must show more of a header to be one.
  const isBlock =
    fields.has("from") &&
    (strict ? hasSent && hasToOrSubject : openingField === "from" ? fields.size >= 2 : fields.size >= 3);
  return isBlock ? { header: headerOf(fields), next: skipBlank(lines, i) } : null;
}

/**
 * Reads a header flattened on one line by walking its field names once (a regular expression with one lazy group per
 * field backtracks in n⁴ on a long line): sender first, then date, recipient, optional copy and subject, in order.
 */
function readInlineHeader(line: string): Map<HeaderField, string> | null {
  if (!/^[ \t]*\*?(?:De|From)\*?[ \t]?:/iu.test(line)) return null;
  const order: readonly HeaderField[] = ["from", "sent", "to", "cc", "subject"];
  const marks: { field: HeaderField; start: number; end: number }[] = [];
  for (const m of line.matchAll(INLINE_NAME_RE)) {
    const field = fieldOf(m[1] ?? "");
    const previous = marks.at(-1);
    // A name out of order is part of a value ("Objet : question à : M. Petit").
    if (
      previous
        ? order.indexOf(field) <= order.indexOf(previous.field)
        : field !== "from" || line.slice(0, m.index).trim() !== ""
    )
      continue;
    marks.push({ field, start: m.index, end: m.index + m[0].length });
    if (field === "subject") break;
  }
  const fields = new Map<HeaderField, string>(
    marks.map((mark, i) => [mark.field, line.slice(mark.end, marks[i + 1]?.start ?? line.length).trim()]),
  );
  const isComplete = ["from", "sent", "to", "subject"].every((f) => fields.get(f as HeaderField));
  return isComplete ? fields : null;
}

function skipBlank(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length && (lines[i] ?? "").trim() === "") i += 1;
  return i;
}

/** The index of the first non-blank line from `from` (or `lines.length`). */
export function nextNonBlank(lines: readonly string[], from: number): number {
  return skipBlank(lines, from);
}

/**
 * Reads an attribution line ("Le mar. 12 nov. 2024 à 10:32, Sophie Durand <s.durand@x.fr> a écrit :", "On Tue, Nov
 * 12, 2024 at 10:32 AM Sophie Durand wrote:", "Am 12.11.2024 um 10:32 schrieb …:", "… escribió:", "… ha scritto:",
 * "… escreveu:", "Op … schreef …:", "… كتب …:", "… написал(а):"), which mail clients may wrap over up to three lines.
 * It ends with a colon. A line that does not start like one ("Le", "On", "Am"…) must be followed by quoted lines, and
 * one that does must hold a date figure, so "Le conseiller a écrit :" in a sentence is not taken for a quote. Without
 * a verb (Gmail in Russian: "пн, 7 дек. 2026 г. в 10:00, Name <address>:"), it needs an address, a figure and a quote.
 * @returns the sender and date it names and the index after it, or null.
 */
export function readAttribution(lines: readonly string[], start: number): { header: MailHeader; next: number } | null {
  const first = (lines[start] ?? "").trim();
  if (first === "" || first.length > 300) return null;
  const framed = FRAMED_ATTRIBUTION_RE.exec(first);
  if (framed && /\p{Nd}/u.test(first))
    return { header: attributionHeader(`${framed[1] ?? ""}:`, true), next: start + 1 };
  const startsLikeOne = ATTRIBUTION_START_RE.test(first);
  for (let span = 1; span <= 3; span += 1) {
    if (span > 1 && !startsLikeOne) break;
    const part = lines.slice(start, start + span);
    // A wrapped attribution goes on with its sender or verb; a line that starts one is the attribution, this one is
    // prose.
    if (part.length < span || part.slice(1).some((l) => l.trim() === "" || ATTRIBUTION_START_RE.test(l.trim()))) break;
    const joined = part.map((l) => l.trim()).join(" ");
    if (joined.length > 300) break;
    const next = start + span;
    const isQuoteNext = (lines[nextNonBlank(lines, next)] ?? "").trimStart().startsWith(">");
    if (!ENDS_WITH_COLON_RE.test(joined)) {
      if (startsLikeOne && isQuoteNext && /\p{Nd}/u.test(joined) && ENDS_WITH_VERB_RE.test(joined))
        return { header: attributionHeader(`${joined}:`, true), next };
      continue;
    }
    const hasFigure = /\p{Nd}/u.test(joined);
    ATTRIBUTION_VERB_RE.lastIndex = 0;
    const hasVerb = ATTRIBUTION_VERB_RE.test(joined);
    // Without a verb, Gmail's line is a date with a time, then only the sender's name and address ("…, Name
    // <address>:");
    // "Le 3 mars à 10:00, j'ai écrit à x@y.fr :" has words that are not a name.
    const afterTime =
      /\d{1,2}:\d{2}(?::\d{2})?(?![\d:])(.{0,80}?)<?[^\s<>()@]{1,64}@[^\s@]{1,255}>?\)?[ \t]*:[ \t]*$/u.exec(
        joined,
      )?.[1];
    const hasAddress = afterTime !== undefined && !/(?:^|[\s,])\p{Ll}[\p{L}'’]{3,}/u.test(afterTime);
    const isAttribution = hasVerb
      ? startsLikeOne
        ? hasFigure
        : isQuoteNext
      : hasFigure && hasAddress && (startsLikeOne || (isQuoteNext && span === 1));
    if (!isAttribution) {
      if (hasVerb) return null;
      continue;
    }
    return { header: attributionHeader(joined, startsLikeOne), next };
  }
  return null;
}

function attributionHeader(line: string, hasLead: boolean): MailHeader {
  let inner = line.replace(ENDS_WITH_COLON_RE, "").trim();
  if (hasLead) inner = inner.replace(ATTRIBUTION_START_RE, "").trim();
  const address = emailsIn(inner)[0];
  const withoutAddress = inner
    .replace(/\[mailto:[^\]\n]{0,320}\]|<[^>@\n]{0,320}@[^>\n]{0,320}>/giu, " ")
    .replace(EMAIL_RE, " ")
    .replace(/\(\s*\)/gu, " ")
    .trim();
  let sentAt: string | undefined;
  let name = withoutAddress;
  const dateEnds = [...withoutAddress.matchAll(DATE_END_RE)];
  const lastDate = dateEnds.at(-1);
  if (lastDate) {
    const end = lastDate.index + lastDate[0].length;
    sentAt = withoutAddress.slice(0, end).replace(/[\s,،]+$/u, "");
    name = withoutAddress.slice(end);
  } else if (hasLead && withoutAddress.includes(",")) {
    const comma = withoutAddress.lastIndexOf(",");
    sentAt = withoutAddress.slice(0, comma).trim();
    name = withoutAddress.slice(comma + 1);
  }
  name = name.replace(ATTRIBUTION_VERB_RE, " ").replace(NAME_LEAD_RE, "").trim();
  const sender = parseSender(`${name} ${address ? `<${address}>` : ""}`);
  return { ...sender, ...(sentAt ? { sentAt } : {}) };
}
