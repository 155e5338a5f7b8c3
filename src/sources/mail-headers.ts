// Owns the recognition of where a quoted message starts in a mail thread: Outlook header blocks, separators and "… a écrit :" lines.

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

// Starts only where a run of address characters starts, so a long word without "@" is scanned once, not once per letter.
const EMAIL_RE = /(?<![\p{L}\p{N}._%+'’-])[\p{L}\p{N}._%+'’-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}(?![\p{L}])/gu;

// Outlook (French and English, desktop, web, Mac), Apple Mail, Gmail and Thunderbird header names. Outlook's HTML-to-text
// keeps the bold of the names as "*De :*", and French typography puts a (non-breaking) space before the colon.
// (Each run of blanks is matched by one quantifier only: two in a row would backtrack quadratically on long blank runs.)
const HEADER_NAMES = "De|From|Exp[ée]diteur|Envoy[ée](?: le)?|Sent|Date|À|A|To|Destinataires?|Pour|Cc|Cci|Bcc|Copie(?: à)?|Objet|Subject|Sujet|Importance|Pi[èe]ces? jointes?|Attachments?";
const HEADER_LINE_RE = new RegExp(`^[ \\t]*(?:\\*[ \\t]*)?(${HEADER_NAMES})[ \\t]*(?:\\*[ \\t]*)?:[ \\t]*(?:\\*[ \\t]*)?(.*)$`, "iu");
// The names inside a header flattened on one line, as some clients paste it ("De : … Envoyé : … À : … Objet : …").
const INLINE_NAME_RE = /(?:^|[ \t])\*?(De|From|Envoy[ée](?: le)?|Sent|Date|À|A|To|Cc|Objet|Subject)\*?[ \t]?:/giu;
// Header values are short; longer "values" are prose, and bounding them keeps every pattern linear.
const MAX_HEADER_LINE_CHARS = 2_000;
const MAX_HEADER_BLOCK_LINES = 30;
const SEPARATOR_RE =
  /^[ \t]*-{2,}[ \t]*(?:Message d['’]origine|Original Message|Mail original|Message original|Courriel original|Forwarded message|Message transf[ée]r[ée])[ \t]*-{2,}[ \t]*$|^[ \t]*(?:Début du message (?:réexpédié|transféré)|Begin forwarded message)[ \t]*:[ \t]*$/iu;
const RULE_RE = /^[ \t]*_{10,}[ \t]*$/u;
const ATTRIBUTION_END_RE = /(?:(?<![\p{L}'’])a écrit|\bwrote)[ \t]*:[ \t]*$/iu;
const ATTRIBUTION_START_RE = /^(?:Le|On)\s/u;
// The last time or year in an attribution ends its date: what follows is the sender.
const DATE_END_RE = /\d{1,2}[ \t]?(?::|h|H)[ \t]?\d{2}(?:[ \t]?[AaPp]\.?[ \t]?[Mm]\.?(?![\p{L}]))?|\b\d{4}\b/gu;

function fieldOf(name: string): HeaderField {
  const key = name.toLowerCase();
  if (["de", "from", "expéditeur", "expediteur"].includes(key)) return "from";
  if (key.startsWith("envoy") || key === "sent" || key === "date") return "sent";
  if (["à", "a", "to", "destinataire", "destinataires", "pour"].includes(key)) return "to";
  if (["cc", "cci", "bcc"].includes(key) || key.startsWith("copie")) return "cc";
  if (["objet", "subject", "sujet"].includes(key)) return "subject";
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

const FORWARD_RE = /Forwarded|transf[ée]r[ée]|réexpédié|Begin forwarded/iu;

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
export function readHeaderBlock(lines: readonly string[], start: number, strict: boolean): { header: MailHeader; next: number } | null {
  const first = lines[start] ?? "";
  if (first.length > MAX_HEADER_LINE_CHARS) return null;
  const inline = readInlineHeader(first);
  if (inline) return { header: headerOf(inline), next: skipBlank(lines, start + 1) };
  const opening = HEADER_LINE_RE.exec(first);
  if (!opening || fieldOf(opening[1] ?? "") !== "from") return null;

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
  const isBlock = strict ? hasSent && hasToOrSubject : fields.size >= 2;
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
    if (previous ? order.indexOf(field) <= order.indexOf(previous.field) : field !== "from" || line.slice(0, m.index).trim() !== "") continue;
    marks.push({ field, start: m.index, end: m.index + m[0].length });
    if (field === "subject") break;
  }
  const fields = new Map<HeaderField, string>(marks.map((mark, i) => [mark.field, line.slice(mark.end, marks[i + 1]?.start ?? line.length).trim()]));
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
 * 12, 2024 at 10:32 AM Sophie Durand wrote:"), which mail clients may wrap over up to three lines.
 * A line that does not start with "Le"/"On" must be followed by quoted lines, and one that does must hold a date
 * figure, so "Le conseiller a écrit :" in a sentence is not taken for a quote.
 * @returns the sender and date it names and the index after it, or null.
 */
export function readAttribution(lines: readonly string[], start: number): { header: MailHeader; next: number } | null {
  const first = (lines[start] ?? "").trim();
  if (first === "") return null;
  const startsLikeOne = ATTRIBUTION_START_RE.test(first);
  for (let span = 1; span <= 3; span += 1) {
    if (span > 1 && !startsLikeOne) break;
    const part = lines.slice(start, start + span);
    if (part.length < span || part.slice(1).some((l) => l.trim() === "")) break;
    const joined = part.map((l) => l.trim()).join(" ");
    if (joined.length > 300) break;
    if (!ATTRIBUTION_END_RE.test(joined)) continue;
    const next = start + span;
    const isQuoteNext = (lines[nextNonBlank(lines, next)] ?? "").startsWith(">");
    if (startsLikeOne ? !/\d/u.test(joined) : !isQuoteNext) return null;
    return { header: attributionHeader(joined, startsLikeOne), next };
  }
  return null;
}

function attributionHeader(line: string, hasLead: boolean): MailHeader {
  let inner = line.replace(ATTRIBUTION_END_RE, "").trim();
  if (hasLead) inner = inner.replace(ATTRIBUTION_START_RE, "").trim();
  const address = emailsIn(inner)[0];
  const withoutAddress = inner
    .replace(/\[mailto:[^\]\n]{0,320}\]|<[^>@\n]{0,320}@[^>\n]{0,320}>/giu, " ")
    .replace(EMAIL_RE, " ")
    .trim();
  let sentAt: string | undefined;
  let name = withoutAddress;
  const dateEnds = [...withoutAddress.matchAll(DATE_END_RE)];
  const lastDate = dateEnds.at(-1);
  if (hasLead && lastDate) {
    const end = lastDate.index + lastDate[0].length;
    sentAt = withoutAddress.slice(0, end).replace(/[\s,]+$/u, "");
    name = withoutAddress.slice(end);
  } else if (hasLead && withoutAddress.includes(",")) {
    const comma = withoutAddress.lastIndexOf(",");
    sentAt = withoutAddress.slice(0, comma).trim();
    name = withoutAddress.slice(comma + 1);
  }
  const sender = parseSender(`${name} ${address ? `<${address}>` : ""}`);
  return { ...sender, ...(sentAt ? { sentAt } : {}) };
}
