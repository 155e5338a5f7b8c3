// Owns the reading of a mail thread (Outlook text with quoted history) into messages attributed to the member or the
// insurer.
import { t } from "../i18n";
import {
  emailsIn,
  isForwardSeparator,
  isRule,
  isSeparator,
  nextNonBlank,
  readAttribution,
  readHeaderBlock,
  type MailHeader,
} from "./mail-headers";
import { cleanBody } from "./mail-signature";

/** Who wrote a message, as far as the thread tells. */
export type MailAuthor = "member" | "insurer" | "unknown";

/** One message of the thread, without its signature, disclaimer or quoted history. */
export interface MailMessage {
  readonly author: MailAuthor;
  /** "Name <address>", the address alone or the name alone, when the thread names the sender. */
  readonly from?: string;
  /** The date as the header or attribution line wrote it ("mardi 12 novembre 2024 10:32"). */
  readonly sentAt?: string;
  readonly subject?: string;
  readonly body: string;
}

/** How to tell the member from the insurer. */
export interface MailThreadOptions {
  /** The insurer's mail domains (`maif.fr`); their subdomains count too. */
  readonly insurerDomains: readonly string[];
  /** The member's address, when known: any other outside address is then a third party ("unknown"). */
  readonly memberAddress?: string;
}

/** The thread's messages, oldest first. */
export interface ParsedMailThread {
  readonly messages: MailMessage[];
}

interface RawMessage {
  header: MailHeader;
  lines: string[];
  /** Forwarded to the author of the message above, who did not answer it. */
  isForwarded?: boolean;
}

// Deeper quoting than this is kept as text: no real thread nests that far, and recursion stays bounded.
const MAX_QUOTE_DEPTH = 40;

const isQuoted = (line: string | undefined) => (line ?? "").trimStart().startsWith(">");

/** Removes one level of ">" quoting. */
function unquote(lines: readonly string[]): string[] {
  return lines.map((l) => l.trimStart().replace(/^> ?/u, ""));
}

/** The end (exclusive) of the quoted block starting at `start`; blank lines inside it belong to it. */
function quotedBlockEnd(lines: readonly string[], start: number): number {
  let end = start;
  for (let i = start; i < lines.length; i += 1) {
    if (isQuoted(lines[i])) end = i + 1;
    else if ((lines[i] ?? "").trim() !== "") break;
  }
  return end;
}

function hasContent(lines: readonly string[]): boolean {
  return lines.some((l) => l.trim() !== "");
}

/**
 * Splits `lines` into messages in the order they appear (newest first in a top-posted thread). Quoted blocks after an
 * attribution, or ending the text, are read recursively as the older messages they are.
 */
function splitMessages(lines: readonly string[], header: MailHeader, depth: number): RawMessage[] {
  const done: RawMessage[] = [];
  let current: RawMessage = { header, lines: [] };
  let older: RawMessage[] = [];
  // Loops, not spreads: a pasted text may hold more messages than a call has room for arguments.
  const close = () => {
    done.push(current);
    for (const message of older) done.push(message);
  };
  const startNext = (next: MailHeader, isForwarded = false) => {
    close();
    current = { header: next, lines: [], isForwarded };
    older = [];
  };

  let i = 0;
  // A header at the very top (the message itself, pasted with its header) describes the first message.
  const top = nextNonBlank(lines, 0);
  const topHeader = readHeaderBlock(lines, top, false);
  if (topHeader) {
    current.header = { ...header, ...topHeader.header };
    i = topHeader.next;
  }

  while (i < lines.length) {
    const line = lines[i] ?? "";

    if (isSeparator(line) || (isRule(line) && readHeaderBlock(lines, nextNonBlank(lines, i + 1), false))) {
      const block = readHeaderBlock(lines, nextNonBlank(lines, i + 1), false);
      startNext(block?.header ?? {}, isForwardSeparator(line));
      i = block ? block.next : i + 1;
      continue;
    }

    const block = readHeaderBlock(lines, i, true);
    if (block) {
      startNext(block.header);
      i = block.next;
      continue;
    }

    const attribution = readAttribution(lines, i);
    if (attribution) {
      const quoteStart = nextNonBlank(lines, attribution.next);
      if (isQuoted(lines[quoteStart]) && depth < MAX_QUOTE_DEPTH) {
        const end = quotedBlockEnd(lines, quoteStart);
        for (const message of splitMessages(unquote(lines.slice(quoteStart, end)), attribution.header, depth + 1))
          older.push(message);
        i = end;
      } else {
        // Clients that quote with indentation or HTML lose the ">" in text: all that follows is the older message.
        startNext(attribution.header);
        i = attribution.next;
      }
      continue;
    }

    // A quoted block with nothing after it is the history; one followed by text is an inline reply and stays, whole
    // (taken at once, so a long inline quote is scanned once).
    if (isQuoted(line)) {
      const end = quotedBlockEnd(lines, i);
      if (depth < MAX_QUOTE_DEPTH && nextNonBlank(lines, end) >= lines.length) {
        for (const message of splitMessages(unquote(lines.slice(i, end)), {}, depth + 1)) older.push(message);
      } else {
        for (let k = i; k < end; k += 1) current.lines.push(lines[k] ?? "");
      }
      i = end;
      continue;
    }

    current.lines.push(line);
    i += 1;
  }
  close();
  return done;
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

function isInsurerDomain(domain: string, insurerDomains: readonly string[]): boolean {
  return insurerDomains.some((d) => {
    const insurer = d.toLowerCase().replace(/^@/u, "");
    return domain === insurer || domain.endsWith(`.${insurer}`);
  });
}

/** The name of the insurer as people write it, from its domains: "maif.fr" → "maif". */
function insurerWords(insurerDomains: readonly string[]): RegExp | null {
  const words = [
    ...new Set(
      insurerDomains
        .map((d) => d.toLowerCase().replace(/^@/u, "").split(".").at(-2) ?? "")
        .filter((w) => w.length >= 3),
    ),
  ];
  if (words.length === 0) return null;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})(?![\\p{L}\\p{N}])`, "iu");
}

function authorOfAddress(address: string, options: MailThreadOptions): MailAuthor {
  if (isInsurerDomain(domainOf(address), options.insurerDomains)) return "insurer";
  const member = options.memberAddress?.trim().toLowerCase();
  if (!member) return "member";
  return address.toLowerCase() === member ? "member" : "unknown";
}

// Words by which members sign ("Sociétaire n° 1234567 A"); a signature naming the insurer with them is still a
// member's.
const MEMBER_SIGNATURE_RE = /(?<![\p{L}])(?:sociétaire|societaire|adhérent|adherent)(?![\p{L}])/iu;

/** Evidence inside one message: its sender, else what its signature or disclaimer says. */
function authorFromEvidence(
  header: MailHeader,
  removed: readonly string[],
  options: MailThreadOptions,
): MailAuthor | undefined {
  if (header.fromAddress) return authorOfAddress(header.fromAddress, options);
  const insurer = insurerWords(options.insurerDomains);
  if (header.from && insurer?.test(header.from)) return "insurer";
  const signature = removed.join("\n");
  const member = options.memberAddress?.trim().toLowerCase();
  const addresses = emailsIn(signature);
  if (member && addresses.includes(member)) return "member";
  if (addresses.some((a) => isInsurerDomain(domainOf(a), options.insurerDomains))) return "insurer";
  if (MEMBER_SIGNATURE_RE.test(signature)) return "member";
  // The insurer's signatures and its mail server's disclaimer name it ("www.maif.fr", "MAIF, société d'assurance
  // mutuelle").
  if (insurer?.test(signature)) return "insurer";
  return undefined;
}

/**
 * The author of a message without evidence of its own, from the message it answers (the next one down): the reply
 * comes from whom that message was sent to; failing that, in a thread between a member and the insurer, from the
 * other side. A forwarded message is not answered, so only its recipient counts.
 */
function authorFromAnswered(
  answered: RawMessage | undefined,
  answeredAuthor: MailAuthor | undefined,
  options: MailThreadOptions,
): MailAuthor {
  const recipient = answered?.header.toAddresses?.[0];
  if (recipient) return authorOfAddress(recipient, options);
  if (answered?.isForwarded) return "unknown";
  if (answeredAuthor === "insurer") return "member";
  if (answeredAuthor === "member") return "insurer";
  return "unknown";
}

/** Removes a last line that only repeats the sender's name ("Nathalie Dupont", "Oliver"): it is a signature. */
function withoutSenderName(lines: readonly string[], header: MailHeader): string[] {
  const name = header.from
    ?.replace(/<[^>]*>/gu, "")
    .trim()
    .toLowerCase();
  const last = lines.at(-1)?.trim().replace(/[.,]$/u, "").toLowerCase();
  if (!name || !last || lines.length < 2) return [...lines];
  const isName = last === name || (last.length >= 2 && name.split(/\s+/u)[0] === last);
  return isName ? lines.slice(0, -1).join("\n").trimEnd().split("\n") : [...lines];
}

/**
 * Reads a mail thread pasted as text (Outlook's reply and forward formats in French and English, "Le … a écrit :"
 * and ">" quoting) into its messages, oldest first, each without signature, mobile footer, disclaimer or quoted
 * history, and attributed: an address of the insurer's domains is the insurer; the member's address (or, when it is
 * not given, any other address) is the member; a message without sender is attributed by its signature, else by the
 * recipient of the message it answers, else as the other side of the exchange; otherwise "unknown". Never throws.
 */
export function parseMailThread(text: string, options: MailThreadOptions): ParsedMailThread {
  const lines = text
    .replace(/^\uFEFF+/u, "")
    .replace(/\r\n?/gu, "\n")
    // Outlook writes "De :" with a non-breaking space; the header rules expect a plain one.
    .replace(/[\u00a0\u202f]/gu, " ")
    .split("\n");
  const raw = splitMessages(lines, {}, 0);

  const cleaned = raw
    .map((message) => {
      const body = cleanBody(message.lines);
      return { message, removed: body.removed, lines: withoutSenderName(body.lines, message.header) };
    })
    .filter((m) => hasContent(m.lines));
  // Evidence first, then from the older message answered: resolve from the bottom (oldest) up.
  const authors: MailAuthor[] = [];
  for (let index = cleaned.length - 1; index >= 0; index -= 1) {
    const m = cleaned[index];
    if (!m) continue;
    authors[index] =
      authorFromEvidence(m.message.header, m.removed, options) ??
      authorFromAnswered(cleaned[index + 1]?.message, authors[index + 1], options);
  }
  const messages = cleaned.map((m, index): MailMessage => {
    const author = authors[index] ?? "unknown";
    const { from, sentAt, subject } = m.message.header;
    return {
      author,
      ...(from ? { from } : {}),
      ...(sentAt ? { sentAt } : {}),
      ...(subject ? { subject } : {}),
      body: m.lines.join("\n").replace(/\n{3,}/gu, "\n\n"),
    };
  });
  // Threads are top-posted: the text reads newest first.
  return { messages: messages.reverse() };
}

/** Presentation options of the source. */
export interface ThreadSourceOptions {
  /** The insurer's name in the labels; `MAIF` unless told. */
  readonly orgName?: string;
}

/**
 * The thread as the provider reads it, oldest first: each message opens with "[Sociétaire]", "[MAIF]" or
 * "[Expéditeur non identifié]", then its "De :", "Envoyé :" and "Objet :" lines when known (the header form the
 * pseudonymiser recognises), then its body; messages are separated by a blank line.
 */
export function threadToSource(messages: readonly MailMessage[], options: ThreadSourceOptions = {}): string {
  const org = options.orgName ?? "MAIF";
  return messages
    .map((m) => {
      const label =
        m.author === "member" ? t("sources.mail.member") : m.author === "insurer" ? org : t("sources.mail.unknown");
      const lines = [`[${label}]`];
      if (m.from) lines.push(`${t("sources.mail.from")} : ${m.from}`);
      if (m.sentAt) lines.push(`${t("sources.mail.sent")} : ${m.sentAt}`);
      if (m.subject) lines.push(`${t("sources.mail.subject")} : ${m.subject}`);
      lines.push(m.body);
      return lines.join("\n");
    })
    .join("\n\n");
}

/**
 * The addresses of the thread, lower-cased, once each in order of first appearance: the senders' and those in the
 * bodies. The pseudonymiser takes them as known values so the member's address is masked wherever it recurs.
 */
export function addressesOf(messages: readonly MailMessage[]): string[] {
  return [...new Set(messages.flatMap((m) => [...emailsIn(m.from ?? ""), ...emailsIn(m.body)]))];
}
