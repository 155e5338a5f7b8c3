// Owns the offline member e-mail: the member's own words under "Demande du sociétaire", the answer left to the adviser.
import type { TaskDefinition } from "../../../src/tasks/catalogue";
import { t } from "../../../src/i18n";
import { classifyLine, cleanLine } from "./sort-notes";

/** One section of the offline e-mail, in order, with its lines. */
export interface EmailSection {
  readonly title: string;
  readonly lines: string[];
  /** Shown when the section has no line; the empty-section marker otherwise. */
  readonly whenEmpty?: string;
}

/** Headers of a mail pasted into the notes ("De :", "Objet :"): the member's mail starts there. */
const MAIL_HEADER = /^\s*(?:de|from|objet|subject|envoyé|envoye|sent|date|à|a|to|cc)\s*:/i;
/** What opens a member's mail pasted into the notes: its sender line ("Objet :" alone is often the adviser's own heading). */
const MAIL_START = /^\s*(?:de|from)\s*:/i;
/** Greetings that open a member's mail. */
// A salutation line ("Bonjour,", "Madame, Monsieur,"), not an adviser's note that names the member ("Monsieur Petit a
// appelé…"): "Madame"/"Monsieur" open a mail only on a line that ends with a comma.
const GREETING =
  /^\s*(?:(?:bonjour|bonsoir|hello)\b[^\n]{0,40}?[,!]|(?:madame|monsieur|mesdames|messieurs|chère|cher)\b[^\n.:;!?]{0,40},\s*$)/i;
/** Where the member's mail ends and the adviser's notes start. */
const ADVISER_MARK =
  /^\s*(?:-{3,}|_{3,}|={3,}|\*{3,}|notes?\s+(?:du|de|interne)|notes?\s+conseill|nb\b|note\s+interne|conseill(?:er|ère)\s*:|à faire|a faire|réponse|répondre|reponse|repondre)/i;
/** A line the adviser tagged as the answer: "Réponse : …", "R : …", "À répondre : …". */
const ANSWER_TAG =
  /^\s*(?:réponse|reponse|répondre|repondre|à répondre|a repondre|rép\.?|rep\.?|r)\s*(?:au sociétaire|au societaire|proposée|proposee)?\s*:\s*/i;
/** A note the adviser labelled as their own ("Notes du conseiller : …", "NB : …"): kept with their notes. */
const ADVISER_NOTE = /^\s*(?:notes?\s+(?:du|de\s+la|de)\s+conseill\w*|notes?\s+conseill\w*|notes?\s+internes?|nb)\s*:/i;
/** Lines of a mail thread already attributed by the sources route. */
const MEMBER_PREFIX = /^\s*\[Sociétaire\]\s*/i;
const INSURER_PREFIX = /^\s*\[MAIF\]\s*/i;

/** "insurer": the insurer's side, kept for the adviser and never filed as the answer (thread lines, labelled notes). */
type Owner = "member-header" | "member" | "answer" | "insurer" | "adviser";

/** Who wrote each line of the notes: the member's pasted mail, a line tagged as the answer, or the adviser's own note. */
function attribute(notes: string): { line: string; owner: Owner }[] {
  const out: { line: string; owner: Owner }[] = [];
  let isInMail = false;
  let isInAnswer = false;
  for (const raw of notes.split(/\r?\n/)) {
    if (raw.trim() === "") {
      isInAnswer = false;
      continue;
    }
    if (MEMBER_PREFIX.test(raw)) {
      out.push({ line: cleanLine(raw.replace(MEMBER_PREFIX, "")), owner: "member" });
      continue;
    }
    if (INSURER_PREFIX.test(raw)) {
      out.push({ line: cleanLine(raw.replace(INSURER_PREFIX, "")), owner: "insurer" });
      continue;
    }
    const tagged = ANSWER_TAG.exec(raw);
    if (tagged) {
      isInMail = false;
      const rest = cleanLine(raw.slice(tagged[0].length));
      // "Réponse :" alone opens a block: the lines under it, up to a blank line, are the answer.
      isInAnswer = rest === "";
      if (rest !== "") out.push({ line: rest, owner: "answer" });
      continue;
    }
    if (isInAnswer) {
      const line = cleanLine(raw);
      if (line !== "") out.push({ line, owner: "answer" });
      continue;
    }
    if (!isInMail && (MAIL_START.test(raw) || GREETING.test(raw)) && !ADVISER_MARK.test(raw)) isInMail = true;
    else if (isInMail && ADVISER_MARK.test(raw)) isInMail = false;
    const line = cleanLine(raw);
    if (line === "") continue;
    if (isInMail) out.push({ line, owner: MAIL_HEADER.test(raw) ? "member-header" : "member" });
    else out.push({ line, owner: ADVISER_NOTE.test(raw) ? "insurer" : "adviser" });
  }
  return out;
}

/**
 * The sections of an offline member e-mail. The member's words (a mail pasted into the notes, `[Sociétaire]` lines)
 * go under "Demande du sociétaire", with the adviser's own lines that report a request ("elle demande si…").
 * "Réponse" holds only the lines the adviser tagged as the answer; without one it says the answer is theirs to write.
 * The adviser's commitments and next steps keep their sections; every other note of theirs is listed apart, never
 * presented as the answer. Every line of the notes appears exactly once.
 */
export function memberEmailSections(notes: string, task: TaskDefinition): EmailSection[] {
  const titleOf = (id: string, fallback: string): string => task.sections.find((s) => s.id === id)?.title ?? fallback;
  const subject: EmailSection = { title: titleOf("objet", "Objet"), lines: [] };
  const request: EmailSection = { title: t("offline.email.request_heading"), lines: [] };
  const answer: EmailSection = {
    title: t("offline.email.answer_heading"),
    lines: [],
    whenEmpty: t("offline.email.answer_placeholder"),
  };
  const commitments: EmailSection = { title: titleOf("engagements", "Ce que nous faisons pour vous"), lines: [] };
  const next: EmailSection = { title: titleOf("prochaines-etapes", "Prochaines étapes"), lines: [] };
  const adviser: EmailSection = { title: t("offline.email.adviser_heading"), lines: [] };
  const attributed = attribute(notes);
  for (const [index, { line, owner }] of attributed.entries()) {
    if (owner === "member-header") subject.lines.push(line);
    else if (owner === "member") request.lines.push(line);
    else if (owner === "answer") answer.lines.push(line);
    // What the insurer already wrote in the thread is context for the adviser, never the answer.
    else if (owner === "insurer") adviser.lines.push(line);
    else {
      const kinds = classifyLine(line, index === 0 && attributed.length > 1);
      const first = kinds.find((k) => k === "context" || k === "request" || k === "commitment" || k === "next-step");
      if (first === "context") subject.lines.push(line);
      else if (first === "request") request.lines.push(line);
      else if (first === "commitment") commitments.lines.push(line);
      else if (first === "next-step") next.lines.push(line);
      else adviser.lines.push(line);
    }
  }
  return [subject, request, answer, commitments, next, adviser];
}
