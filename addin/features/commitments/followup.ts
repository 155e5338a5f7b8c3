// Owns the notes of the follow-up e-mail: what was promised to the member and what is expected of them, from confirmed
// commitments.
import type { Locale, Translate } from "../../../src/i18n/core";
import type { Commitment } from "../../../src/schemas/commitments";

/** A due date as the member reads it (12/03/2026). */
export function frenchDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/**
 * The notes a member-email draft is generated from: the adviser's own commitments and the third parties' ones (what
 * MAIF promised), then the member's. Lines keep the adviser's wording and dates; the draft then goes through the
 * usual review, validation and transparency notice.
 */
export function followUpNotes(commitments: readonly Commitment[], t: Translate, _locale: Locale = "fr"): string {
  const line = (c: Commitment) => `- ${c.what}${c.dueDate ? ` (${frenchDate(c.dueDate)})` : ""}`;
  const ours = commitments.filter((c) => c.owner !== "sociétaire");
  const theirs = commitments.filter((c) => c.owner === "sociétaire");
  const parts = [t("commitments.followup.subject")];
  if (ours.length > 0) parts.push(t("commitments.followup.intro"), ...ours.map(line));
  if (theirs.length > 0) parts.push(t("commitments.followup.member_intro"), ...theirs.map(line));
  return parts.join("\n");
}
