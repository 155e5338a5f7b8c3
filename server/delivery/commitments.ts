// Owns the offline reading of commitments from validated text: "À faire" sections, "rappeler le …" lines and their
// dates.
import type { Commitment, CommitmentOwner } from "../../src/schemas/commitments";
import { lexFigures, type DateParts } from "../../src/figures";

/** Headings whose lines are all commitments or next steps. */
const TODO_HEADING =
  /^\s*(?:#{1,6}\s*)?(?:\*\*)?\s*(?:à faire|a faire|actions?(?: à mener)?|engagements?|prochaines? étapes?|suites? à donner|suite à donner|next steps?)\b/iu;
/** Any heading, which ends the section above. */
const HEADING = /^\s*(?:#{1,6}\s+\S|\*\*[^*]+\*\*\s*:?\s*$|[A-ZÀ-Ý][^.!?]{0,60}:\s*$)/u;
/** Verbs that make a line a commitment wherever it stands. */
const ACTION =
  /(?<![\p{L}])(?:rappeler|recontacter|relancer|envoyer|adresser|transmettre|fournir|retourner|faire parvenir|mandater|missionner|programmer|planifier|organiser|vérifier|s'engage|s’engage|engagement|doit|devra|devront|va (?:envoyer|transmettre|rappeler)|enverra|transmettra|rappellera|fournira|reviendra vers)(?![\p{L}])/iu;
const MEMBER =
  /(?<![\p{L}])(?:le sociétaire|la sociétaire|l'assuré|l’assuré|le membre|la membre|monsieur|madame|m\.|mme)(?![\p{L}])/iu;
const THIRD =
  /(?<![\p{L}])(?:l'expert|l’expert|expert|garage|garagiste|dépanneur|réparateur|artisan|l'assureur adverse|l’assureur adverse|tiers|syndic|notaire|médecin)(?![\p{L}])/iu;
const ADVISER =
  /(?<![\p{L}])(?:je|j'|j’|nous|conseiller|conseillère|maif|le service|rappeler|recontacter|relancer)(?![\p{L}])/iu;
const MEMBER_VERB = /(?<![\p{L}])(?:doit|devra|s'engage|s’engage|fournira|enverra|transmettra|retournera)(?![\p{L}])/iu;

/** Who acts, from the words of the line: a member or a third party as the subject, else the adviser. */
function ownerOf(line: string): CommitmentOwner {
  const subject = line.slice(0, 60);
  const thirdAt = subject.search(THIRD);
  const memberAt = subject.search(MEMBER);
  const adviserVerb =
    /^\s*(?:[-*•]\s*)?(?:rappeler|recontacter|relancer|envoyer|adresser|transmettre|mandater|missionner|programmer|planifier|organiser|vérifier)(?![\p{L}])/iu.test(
      line,
    );
  if (adviserVerb) return "conseiller";
  if (memberAt >= 0 && (thirdAt < 0 || memberAt < thirdAt) && MEMBER_VERB.test(line)) return "sociétaire";
  if (thirdAt >= 0 && (memberAt < 0 || thirdAt < memberAt) && MEMBER_VERB.test(line)) return "tiers";
  return ADVISER.test(line) || memberAt < 0 ? "conseiller" : "sociétaire";
}

const pad = (n: number) => String(n).padStart(2, "0");
const isoOf = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** A date the text gives, completed from `today` (the next such day when the year is missing). */
function completeDate(parts: DateParts, today: Date): string | null {
  if (parts.day === undefined || parts.month === undefined) return null;
  let year = parts.year ?? today.getUTCFullYear();
  if (
    parts.year === undefined &&
    Date.UTC(year, parts.month - 1, parts.day) <
      Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())
  )
    year += 1;
  const d = new Date(Date.UTC(year, parts.month - 1, parts.day));
  return d.getUTCMonth() === parts.month - 1 ? isoOf(d) : null;
}

/** The due date of a line: a written date, or a delay ("demain", "sous 8 jours", "dans 2 semaines", "sous 48 h"). */
function dueDateOf(line: string, today: Date): string | null {
  for (const figure of lexFigures(line)) {
    if (figure.kind !== "date") continue;
    for (const parts of figure.dates) {
      const date = completeDate(parts, today);
      if (date) return date;
    }
  }
  const plus = (days: number) =>
    isoOf(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days)));
  if (/(?<![\p{L}])après-demain(?![\p{L}])/iu.test(line)) return plus(2);
  if (/(?<![\p{L}])demain(?![\p{L}])/iu.test(line)) return plus(1);
  const delay =
    /(?<![\p{L}])(?:sous|dans|d'ici|d’ici|avant)\s+(\d{1,3})\s*(jours?|j|semaines?|mois|h|heures?)(?![\p{L}])/iu.exec(
      line,
    );
  if (delay?.[1] && delay[2]) {
    const n = Number(delay[1]);
    const unit = delay[2].toLowerCase();
    if (unit.startsWith("semaine")) return plus(7 * n);
    if (unit === "mois") return plus(30 * n);
    if (unit === "h" || unit.startsWith("heure")) return plus(Math.ceil(n / 24));
    return plus(n);
  }
  return null;
}

/** The line as a task title: list markers, "À faire :" and Markdown emphasis removed. */
function titleOf(line: string): string {
  return line
    .replace(/^\s*(?:[-*+•]|\d+[.)])\s+/, "")
    .replace(/^\s*(?:à faire|a faire)\s*:\s*/iu, "")
    .replace(/\*\*|__/g, "")
    .trim()
    .slice(0, 500);
}

/**
 * Reads the commitments of a validated text without any model: every line of an "À faire" (engagements, prochaines
 * étapes, suites à donner) section, and every other line with a commitment verb ("rappeler le …", "s'engage à",
 * "enverra"). Dates are read with the figures lexer, relative to `today`.
 */
export function readCommitmentsOffline(text: string, memberId: string | null, today: Date = new Date()): Commitment[] {
  const commitments: Commitment[] = [];
  let inTodo = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") continue;
    if (TODO_HEADING.test(line)) {
      inTodo = true;
      const rest = titleOf(line.replace(TODO_HEADING, "").replace(/^\s*(?:\*\*)?\s*:?\s*/, ""));
      if (rest.length > 3)
        commitments.push({ what: rest, owner: ownerOf(rest), dueDate: dueDateOf(rest, today), memberId, quote: line });
      continue;
    }
    if (HEADING.test(line) && !/^\s*[-*+•]/.test(line)) {
      inTodo = false;
      continue;
    }
    if (!inTodo && !ACTION.test(line)) continue;
    const what = titleOf(line);
    if (what.length < 4) continue;
    commitments.push({
      what,
      owner: ownerOf(what),
      dueDate: dueDateOf(what, today),
      memberId,
      quote: line.slice(0, 1000),
    });
  }
  return commitments.slice(0, 50);
}
