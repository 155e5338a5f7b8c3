// Owns the reading of an .eml file (RFC 5322/MIME) into the thread text the mail reader takes: its header, then its
// body.
import PostalMime, { type Address } from "postal-mime";
import { C1_REMAP } from "../../src/sources/html-entities";
import { htmlToText } from "../../src/sources/html-text";

/**
 * Node 20's TextDecoder reads Windows-1252 as ISO-8859-1, so "€", "’", "–" come out of a Windows-1252 or ISO-8859-1
 * part as C1 controls; no mail means those controls, so they are read as the Windows-1252 characters they were.
 */
function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/gu, (c) => String.fromCharCode(C1_REMAP[c.charCodeAt(0)] ?? c.charCodeAt(0)));
}

function formatAddress(address: Address): string {
  if (address.group) return address.group.map(formatAddress).join(", ");
  const name = fixC1(address.name).trim();
  const mail = address.address;
  return name && mail ? `${name} <${mail}>` : name || mail;
}

/** "2026-12-07T09:00:00.000Z" → "lundi 7 décembre 2026 10:00" (Paris time, as Outlook writes it in France). */
function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date
    .toLocaleString("fr-FR", {
      timeZone: "Europe/Paris",
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    })
    .replace(" à ", " ");
}

/** Does `bytes` start like a mail file: RFC 5322 header lines ("Name: value", no space before the colon) with a sender? */
export function looksLikeEml(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 8192));
  const end = head.search(/\r?\n\r?\n/u);
  const header = end === -1 ? head : head.slice(0, end);
  if (!/^[A-Za-z][A-Za-z0-9-]*:/u.test(header)) return false;
  return (
    /^From:/imu.test(header) && /^(?:Date|Received|MIME-Version|Message-ID|Return-Path|Content-Type):/imu.test(header)
  );
}

/**
 * Reads an .eml: postal-mime decodes the MIME tree by each part's declared charset (Windows-1252 for 8-bit text that
 * declares none and is not UTF-8), quoted-printable and base64 bodies, and RFC 2047 encoded words in headers. The
 * result is the message as a mail client shows it: a "De / Envoyé / À / Objet" header block (the names the thread
 * reader knows), a blank line, then the plain-text body, or the HTML body as text when there is no plain one.
 * @throws Error when the bytes cannot be parsed at all (the caller turns it into a problem).
 */
export async function emlToThreadText(bytes: Uint8Array): Promise<string> {
  const email = await PostalMime.parse(bytes);
  const plain = email.text?.trim() ? email.text : undefined;
  const body = fixC1(plain ?? htmlToText(email.html ?? ""));
  const sentAt = formatDate(email.date);
  // Header names of the thread reader's protocol, not words shown to the adviser: always these French ones.
  const header = [
    email.from ? `De : ${formatAddress(email.from)}` : "",
    sentAt ? `Envoyé : ${sentAt}` : "",
    email.to?.length ? `À : ${email.to.map(formatAddress).join("; ")}` : "",
    email.subject ? `Objet : ${fixC1(email.subject).replace(/\s+/gu, " ").trim()}` : "",
  ].filter((line) => line !== "");
  return header.length > 0 ? `${header.join("\n")}\n\n${body}` : body;
}
