// Owns the vocabulary of personal-data types the pseudonymiser recognises and the shape of a detection.

/**
 * Every kind of personal data that is replaced by a placeholder, in the order the placeholders are documented.
 * `NOM` is a surname (or a name whose parts cannot be told apart), `PRENOM` a given name; `REF` covers member,
 * contract, claim and policy numbers; `SIRET` covers SIRET, SIREN and the French VAT number built on a SIREN.
 */
export const PII_TYPES = [
  "NOM",
  "PRENOM",
  "EMAIL",
  "TEL",
  "IBAN",
  "NIR",
  "ADRESSE",
  "IMMAT",
  "DATE_NAISSANCE",
  "REF",
  "SIRET",
] as const;

/** One kind of personal data; also the tag written inside its placeholder (`[TEL_1]`). */
export type PiiType = (typeof PII_TYPES)[number];

/** Names, found by heuristics rather than by a checksum or a fixed shape. */
const NAME_PII_TYPES: readonly PiiType[] = ["NOM", "PRENOM"];

/**
 * Types checked by a checksum or a fixed shape, held to 100 % recall by the accuracy gate: every type but names,
 * so a type added to PII_TYPES is held to that gate unless it is said to be a name.
 */
export const STRUCTURED_PII_TYPES: readonly PiiType[] = PII_TYPES.filter((type) => !NAME_PII_TYPES.includes(type));

/** One piece of personal data found in a text: `text.slice(start, end) === value`. */
export interface PiiMatch {
  readonly type: PiiType;
  readonly start: number;
  readonly end: number;
  readonly value: string;
  /**
   * For `NOM`/`PRENOM`: the surname (or lone given name) that identifies the person the mention belongs to,
   * so that "Karim" and "Benali" can share a placeholder number. Absent for other types.
   */
  readonly person?: string;
}

/** A zeroed count for every type, so callers never meet a missing key. */
export function emptyCounts(): Record<PiiType, number> {
  const counts = {} as Record<PiiType, number>;
  for (const type of PII_TYPES) counts[type] = 0;
  return counts;
}
