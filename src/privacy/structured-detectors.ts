// Owns the detectors of structured French identifiers: e-mail, phone, IBAN, NIR, SIRET/SIREN/VAT, plates, dates of
// birth, references, postal addresses.
import { isValidFrenchVat, isValidIban, isValidNir, isValidSiret, hasIbanLength } from "./checksums";
import {
  LEFT_EDGE,
  RIGHT_EDGE,
  SPACE,
  candidate,
  forEachMatch,
  forEachMatchNear,
  isBounded,
  type Candidate,
} from "./text-scan";

/**
 * Overlap priorities: a checksum-validated identifier beats a shape-only one, and every structured identifier
 * beats a name (an address "12 rue Victor Hugo" must not lose its street to the name "Victor Hugo").
 */
export const PRIORITY = {
  EMAIL: 100,
  IBAN: 96,
  NIR: 95,
  SIRET: 94,
  TEL: 90,
  DATE_NAISSANCE: 85,
  IMMAT_INTRODUCED: 82,
  REF: 78,
  IMMAT: 76,
  ADRESSE: 70,
} as const;

/** The text of the current line before `index`, at most `max` characters: where an introducing keyword may sit. */
export function lineBefore(text: string, index: number, max: number): string {
  const from = Math.max(0, index - max);
  const before = text.slice(from, index);
  const newline = before.lastIndexOf("\n");
  return newline === -1 ? before : before.slice(newline + 1);
}

// ── E-mail ─────────────────────────────────────────────────────────────────────────────────────────────
// The local part may not start right after another local-part character, so each run is scanned once (linear time).
const LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]*[\\p{L}\\p{N}])?";
const EMAIL_RE = new RegExp(
  `(?<![\\p{L}\\p{N}\\p{M}._%+\\-])[._%+\\-]*([\\p{L}\\p{N}][\\p{L}\\p{N}_._%+\\-]*@${LABEL}(?:\\.${LABEL})+)${RIGHT_EDGE}`,
  "gu",
);

// An address is at most 254 characters: the pattern runs only that far around each "@".
const EMAIL_RADIUS = 254;

function detectEmails(text: string): Candidate[] {
  const found: Candidate[] = [];
  forEachMatchNear(/@/g, EMAIL_RADIUS, EMAIL_RE, text, (m) => {
    const value = m[1] ?? "";
    const tld = value.slice(value.lastIndexOf(".") + 1);
    if (!/^\p{L}{2,}$/u.test(tld)) return false;
    const start = m.index + m[0].length - value.length;
    found.push(candidate(text, "EMAIL", start, start + value.length, PRIORITY.EMAIL));
    return true;
  });
  return found;
}

// ── Phone ──────────────────────────────────────────────────────────────────────────────────────────────
// The separator between pairs is captured once and repeated (\1), so "01.02.2025 12" is not a phone number.
const PAIR_SEP = "[ .\\-\\u00a0\\u202f]";
const PHONE_FR_RE = new RegExp(
  `(?:(?:\\+|${LEFT_EDGE}00)33[ .\\-\\u00a0]?(?:\\(0\\)${SPACE}?)?|${LEFT_EDGE}0)[1-9](?:(${PAIR_SEP})\\d{2}(?:\\1\\d{2}){3}|${SPACE}?\\d{8})${RIGHT_EDGE}`,
  "gu",
);
// Foreign numbers: members abroad (Erasmus, expatriates) give them too. Bounded repetition keeps backtracking small.
// A number starting with "+" needs no boundary before it: "+" already separates it from what precedes.
const PHONE_INTL_RE = new RegExp(`\\+[1-9]\\d{0,2}(?:[ .\\-]?\\(?\\d{1,4}\\)?){2,5}${RIGHT_EDGE}`, "gu");

function detectPhones(text: string): Candidate[] {
  const found: Candidate[] = [];
  forEachMatch(PHONE_FR_RE, text, (m) => {
    found.push(candidate(text, "TEL", m.index, m.index + m[0].length, PRIORITY.TEL));
    return true;
  });
  forEachMatch(PHONE_INTL_RE, text, (m) => {
    const digits = m[0].replace(/\D/g, "").length;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
    if (digits < 9 || digits > 15 || /^\s*(?:€|%|eur)/iu.test(after)) return false;
    found.push(candidate(text, "TEL", m.index, m.index + m[0].length, PRIORITY.TEL));
    return true;
  });
  return found;
}

// ── IBAN ───────────────────────────────────────────────────────────────────────────────────────────────
const IBAN_COMPACT_RE = new RegExp(`${LEFT_EDGE}[A-Za-z]{2}\\d{2}[A-Za-z0-9]{11,30}${RIGHT_EDGE}`, "gu");
const IBAN_SPACED_RE = new RegExp(
  `${LEFT_EDGE}[A-Za-z]{2}\\d{2}(?:${SPACE}[A-Za-z0-9]{4}){2,7}(?:${SPACE}[A-Za-z0-9]{1,4})?${RIGHT_EDGE}`,
  "gu",
);
export const IBAN_KEYWORD_RE = /(?:^|[^\p{L}])(?:iban|rib)(?:[^\p{L}]|$)/iu;

function detectIbans(text: string): Candidate[] {
  const found: Candidate[] = [];
  const accept = (start: number, raw: string): boolean => {
    // A printed IBAN may be followed by an unrelated group ("… 883 ABCD"): try shorter prefixes, group by group.
    const groups = raw.split(/[ \u00a0\u202f]/);
    for (let count = groups.length; count >= 1; count -= 1) {
      const value = groups.slice(0, count).join(" ");
      const compact = groups.slice(0, count).join("");
      if (compact.length < 15) break;
      const introduced = IBAN_KEYWORD_RE.test(lineBefore(text, start, 30));
      // An adviser's typo must not leak the account: after "IBAN"/"RIB" the right shape is enough.
      if (isValidIban(compact) || (introduced && hasIbanLength(compact) && /^[A-Z]{2}/.test(compact))) {
        found.push(candidate(text, "IBAN", start, start + value.length, PRIORITY.IBAN));
        return true;
      }
    }
    return false;
  };
  forEachMatch(IBAN_COMPACT_RE, text, (m) => accept(m.index, m[0]));
  forEachMatch(IBAN_SPACED_RE, text, (m) => accept(m.index, m[0]));
  return found;
}

// ── NIR (social-security number) ─────────────────────────────────────────────────────────────────────
const NIR_SEP = "[ .\\u00a0\\u202f]?";
const NIR_RE = new RegExp(
  `${LEFT_EDGE}[1-478]${NIR_SEP}\\d{2}${NIR_SEP}\\d{2}${NIR_SEP}(?:\\d{2}|2[ABab])${NIR_SEP}\\d{3}${NIR_SEP}\\d{3}(?:${NIR_SEP}\\d{2})?${RIGHT_EDGE}`,
  "gu",
);
const NIR_KEYWORD_RE =
  /(?:s[ée]curit[ée]\s+sociale|s[ée]cu\b|\bnir\b|\binsee\b|carte\s+vitale|\bn°\s*ss\b|\bss\b|cpam)/iu;

function detectNirs(text: string): Candidate[] {
  const found: Candidate[] = [];
  forEachMatch(NIR_RE, text, (m) => {
    const compact = m[0].replace(/[ .\u00a0\u202f]/g, "");
    const valid = compact.length === 15 && isValidNir(compact);
    // Without its key, or with a mistyped key, a NIR is still one when the note says so.
    if (!valid && !NIR_KEYWORD_RE.test(lineBefore(text, m.index, 40))) return false;
    found.push(candidate(text, "NIR", m.index, m.index + m[0].length, PRIORITY.NIR));
    return true;
  });
  return found;
}

// ── SIRET / SIREN / VAT ──────────────────────────────────────────────────────────────────────────────
const SIRET_SEP = "[ .\\u00a0\\u202f]?";
const SIRET_RE = new RegExp(
  `${LEFT_EDGE}\\d{3}${SIRET_SEP}\\d{3}${SIRET_SEP}\\d{3}(?:${SIRET_SEP}\\d{5})?${RIGHT_EDGE}`,
  "gu",
);
const SIRET_KEYWORD_RE = /(?:^|[^\p{L}])(?:siret|siren|rcs)(?:[^\p{L}]|$)/iu;
const VAT_RE = new RegExp(
  `${LEFT_EDGE}FR${SPACE}?(\\d{2})${SPACE}?(\\d{3}${SPACE}?\\d{3}${SPACE}?\\d{3})${RIGHT_EDGE}`,
  "gu",
);

function detectSirets(text: string): Candidate[] {
  const found: Candidate[] = [];
  forEachMatch(SIRET_RE, text, (m) => {
    const digits = m[0].replace(/\D/g, "");
    const introduced = SIRET_KEYWORD_RE.test(lineBefore(text, m.index, 40));
    // A bare 9-digit Luhn number is too common by chance (1 in 10): a SIREN needs its keyword; a SIRET's 14 digits
    // with a valid key do not.
    if (!(introduced || (digits.length === 14 && isValidSiret(digits)))) return false;
    found.push(candidate(text, "SIRET", m.index, m.index + m[0].length, PRIORITY.SIRET));
    return true;
  });
  forEachMatch(VAT_RE, text, (m) => {
    const siren = (m[2] ?? "").replace(/\D/g, "");
    const introduced = /tva/iu.test(lineBefore(text, m.index, 40));
    if (!isValidFrenchVat(m[1] ?? "", siren) && !introduced) return false;
    found.push(candidate(text, "SIRET", m.index, m.index + m[0].length, PRIORITY.SIRET));
    return true;
  });
  return found;
}

// ── Vehicle plates ───────────────────────────────────────────────────────────────────────────────────
// SIV (since 2009): AA-123-AA. With dashes the shape is distinctive enough for any letters; written with spaces
// or glued, the SIV letters (no I, O, U) keep "LE 123 OU"-like text out.
const SIV_LETTER = "[A-HJ-NP-TV-Z]";
const PLATE_SIV_RE = new RegExp(
  `${LEFT_EDGE}(?:[A-Z]{2}-\\d{3}-[A-Z]{2}|[a-z]{2}-\\d{3}-[a-z]{2}|${SIV_LETTER}{2}([ \\u00a0]?)\\d{3}\\1${SIV_LETTER}{2})${RIGHT_EDGE}`,
  "gu",
);
// FNI (before 2009): 1234 AB 79, 123 ABC 2A, 12 AB 974.
const PLATE_FNI_RE = new RegExp(
  `${LEFT_EDGE}\\d{1,4}([ \\u00a0\\-]?)([A-Z]{1,3})\\1(?:\\d{2}|2[AB]|97[1-6])${RIGHT_EDGE}`,
  "gu",
);
/** Upper-case abbreviations that sit between numbers in notes and would otherwise read as an FNI plate. */
const FNI_LETTER_STOP = new Set([
  "HT",
  "TTC",
  "TVA",
  "EUR",
  "KM",
  "CV",
  "PV",
  "RN",
  "RD",
  "RDV",
  "SMS",
  "AR",
  "OK",
  "NB",
  "PS",
  "CB",
  "TV",
  "CD",
  "GPS",
  "LED",
  "VTC",
  "VTT",
  "BTP",
  "CHU",
  "SA",
  "SAS",
  "APE",
  "NAF",
  "RCS",
  "SS",
  "HLM",
  "AM",
  "PM",
  "ET",
  "OU",
  "AU",
  "DU",
  "LE",
  "LA",
  "DE",
  "EN",
  "MM",
  "CM",
  "KG",
  "KW",
  "CH",
  "MN",
  "MIN",
  "JR",
  "ANS",
  "BIS",
  "TER",
]);
const PLATE_INTRODUCED_RE = new RegExp(
  `${LEFT_EDGE}(?:immat(?:riculation|ricul[ée]e?s?)?\\.?|plaques?(?:${SPACE}+d['’]immatriculation)?)[^\\n\\d]{0,25}?` +
    `(${LEFT_EDGE}(?:[a-z]{2}[ \\u00a0\\-]?\\d{3}[ \\u00a0\\-]?[a-z]{2}|\\d{1,4}[ \\u00a0\\-]?[a-z]{1,3}[ \\u00a0\\-]?(?:\\d{2}|2[ab]|97[1-6])))${RIGHT_EDGE}`,
  "giud",
);

function detectPlates(text: string): Candidate[] {
  const found: Candidate[] = [];
  forEachMatch(PLATE_INTRODUCED_RE, text, (m) => {
    const span = m.indices?.[1];
    if (!span) return false;
    found.push(candidate(text, "IMMAT", span[0], span[1], PRIORITY.IMMAT_INTRODUCED));
    return true;
  });
  forEachMatch(PLATE_SIV_RE, text, (m) => {
    found.push(candidate(text, "IMMAT", m.index, m.index + m[0].length, PRIORITY.IMMAT));
    return true;
  });
  forEachMatch(PLATE_FNI_RE, text, (m) => {
    const letters = m[2] ?? "";
    // A single letter ("12 H 30") is only a plate when the note says so (handled above).
    if (letters.length < 2 || FNI_LETTER_STOP.has(letters)) return false;
    found.push(candidate(text, "IMMAT", m.index, m.index + m[0].length, PRIORITY.IMMAT));
    return true;
  });
  return found;
}

// ── Dates of birth ───────────────────────────────────────────────────────────────────────────────────
const MONTHS =
  "janvier|janv\\.|f[ée]vrier|f[ée]vr?\\.|mars|avril|avr\\.|mai|juin|juillet|juil\\.|ao[uû]t|septembre|sept\\.|octobre|oct\\.|novembre|nov\\.|d[ée]cembre|d[ée]c\\.";
const FULL_DATE = `\\d{1,2}(?:er)?${SPACE}+(?:${MONTHS})${SPACE}+\\d{4}|\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})`;
// Only a date introduced as a birth date is masked; "accident le 12/10" stays for the minutes.
const DOB_RE = new RegExp(
  `${LEFT_EDGE}(?:n[ée](?:e|\\(e\\))?(?:${SPACE}+à${SPACE}+[^\\n,;:()]{1,40}?)?${SPACE}+le|(?:date${SPACE}+(?:de${SPACE}+)?)?naiss(?:ance|\\.)${SPACE}*:?(?:${SPACE}*le)?|ddn${SPACE}*:?)${SPACE}*(${FULL_DATE})${RIGHT_EDGE}`,
  "giud",
);
// "Date de naissance du sociétaire : 1er avril 1955": a few words may sit between the keyword and the date.
const DOB_LABEL_RE = new RegExp(
  `${LEFT_EDGE}(?:date${SPACE}+de${SPACE}+naissance|naissance)[^\\n\\d:]{0,40}:${SPACE}*(${FULL_DATE})${RIGHT_EDGE}`,
  "giud",
);
const DOB_MONTH_RE = new RegExp(
  `${LEFT_EDGE}n[ée](?:e|\\(e\\))?${SPACE}+en${SPACE}+((?:${MONTHS})${SPACE}+\\d{4})${RIGHT_EDGE}`,
  "giud",
);

function detectBirthDates(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const regex of [DOB_RE, DOB_MONTH_RE, DOB_LABEL_RE]) {
    forEachMatch(regex, text, (m) => {
      const span = m.indices?.[1];
      if (!span) return false;
      found.push(candidate(text, "DATE_NAISSANCE", span[0], span[1], PRIORITY.DATE_NAISSANCE));
      return true;
    });
  }
  return found;
}

// ── Member, contract, claim and policy numbers ───────────────────────────────────────────────────────
// A number is a reference only when introduced as one ("n° sociétaire", "contrat n°", "dossier", "sinistre n°"…):
// a bare number could be an amount, a mileage or a year.
const NUM_KW = "n[°º]|num(?:[ée]ro)?\\.?|no\\.";
const SUBJECT_KW =
  "soci[ée]taires?|adh[ée]rents?|contrats?|dossiers?|sinistres?|polices?|avenants?|r[ée]clamations?|clients?";
const REF_KW = "r[ée]f(?:[ée]rence)?s?\\.?|matricule|identifiant";
const QUALIFIER = "auto|habitation|hab\\.?|moto|sant[ée]|pr[ée]voyance|vie|pro|scolaire|assistance";
const KEYWORD = `(?:${NUM_KW}|(?:${SUBJECT_KW}|${REF_KW})(?![\\p{L}]))`;
const PHRASE = `${KEYWORD}(?:${SPACE}+(?:(?:de|du|d['’])${SPACE}*)?(?:${KEYWORD}|(?:${QUALIFIER})(?![\\p{L}]))){0,3}`;
const REF_VALUE =
  `[A-Za-z0-9](?:[A-Za-z0-9]|[\\-/.](?=[A-Za-z0-9])){1,29}` +
  `(?:${SPACE}\\d{2,6}(?![\\p{L}\\p{N}]|[.,/:]\\d|${SPACE}?(?:€|%)))*`;
const REF_RE = new RegExp(`${LEFT_EDGE}${PHRASE}${SPACE}*(?:[:#]${SPACE}*)?(${REF_VALUE})${RIGHT_EDGE}`, "giud");
const DATE_LIKE_RE = /^\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?$/;
const UNIT_AFTER_RE = new RegExp(`^${SPACE}*(?:€|euros?\\b|eur\\b|%|h\\d|ans\\b|km\\b|m²|mois\\b|jours?\\b)`, "iu");

function detectReferences(text: string): Candidate[] {
  const found: Candidate[] = [];
  forEachMatch(REF_RE, text, (m) => {
    const span = m.indices?.[1];
    if (!span) return false;
    const value = text.slice(span[0], span[1]);
    const digits = value.replace(/\D/g, "").length;
    const alnum = value.replace(/[^A-Za-z0-9]/g, "").length;
    // "sociétaire depuis 2009": the number must start at the first word, not after an ordinary one.
    const firstWord = value.split(/[ \u00a0\u202f]/)[0] ?? "";
    if (!/\d/.test(firstWord) || digits < 3 || alnum < 5 || DATE_LIKE_RE.test(value)) return false;
    if (UNIT_AFTER_RE.test(text.slice(span[1], span[1] + 8))) return false;
    found.push(candidate(text, "REF", span[0], span[1], PRIORITY.REF));
    return true;
  });
  return found;
}

// ── Postal addresses ─────────────────────────────────────────────────────────────────────────────────
export const STREET_TYPES =
  "avenue|av\\.|av|boulevard|bd|bld|bvd|all[ée]e|all\\.|place|pl\\.|r\\.|impasse|imp\\.|chemin|ch\\.|route|rte|quai|cours|square|sq\\.|" +
  "passage|lotissement|lot\\.|r[ée]sidence|r[ée]s\\.|chauss[ée]e|faubourg|fbg|hameau|lieu-dit|lieudit|cit[ée]|sentier|" +
  "voie|esplanade|promenade|mont[ée]e|ruelle|villa|parvis|rond-point|venelle|clos|domaine|traverse|rue";
const STREET_HEAD_RE = new RegExp(
  `${LEFT_EDGE}\\d{1,4}(?:${SPACE}*(?:bis|ter|quater|[a-d])(?![\\p{L}]))?${SPACE}*,?${SPACE}*(?:${STREET_TYPES})(?![\\p{L}])`,
  "giu",
);
const STREET_PARTICLE_RE = /^(?:de|du|des|la|le|les|aux|au)$/iu;
const STREET_TOKEN_RE = /[ \u00a0\u202f]+(?:([dl]['’])?(\p{L}[\p{L}\p{M}'’-]*)|(\d{1,4})(?![\p{L}\p{N}]))/uy;
export const CITY_WORD = "\\p{Lu}[\\p{L}\\p{M}'’\\-]*";
export const CITY_STOP = "(?!(?:M|Mme|Mlle|Monsieur|Madame|Me|Dr|Tél|Tel|Objet|Euros?|EUR)(?![\\p{L}]))";
const POSTCODE_CITY = `((?:0[1-9]|[1-8]\\d|9[0-8])\\d{3})${SPACE}+${CITY_STOP}${CITY_WORD}(?:${SPACE}+(?:(?:sur|sous|en|lès|lez|les|le|la|de|du|des|aux|au)${SPACE}+)?${CITY_STOP}${CITY_WORD}){0,3}`;
const POSTCODE_CITY_RE = new RegExp(`${LEFT_EDGE}${POSTCODE_CITY}${RIGHT_EDGE}`, "gu");
const POSTCODE_AFTER_STREET_RE = new RegExp(
  `${SPACE}*,?${SPACE}*(?:\\r?\\n${SPACE}*)?${POSTCODE_CITY}${RIGHT_EDGE}`,
  "uy",
);

type StreetToken = "start" | "particle" | "capital" | "lower" | "digit";

/** End of the street name after "12 rue", or -1 when no name follows (so "2 cours par semaine" is no address). */
export function streetNameEnd(text: string, from: number): number {
  let position = from;
  let end = -1;
  let tokens = 0;
  let previous: StreetToken = "start";
  let hasCapital = false;
  let afterDigit = false;
  while (tokens < 8) {
    STREET_TOKEN_RE.lastIndex = position;
    const m = STREET_TOKEN_RE.exec(text);
    if (!m) break;
    const elision = m[1];
    const word = m[2];
    const digits = m[3];
    let kind: StreetToken;
    if (digits !== undefined) {
      // "rue du 8 Mai 1945": numbers belong to a name only after a particle or inside a dated name.
      if (!(previous === "particle" || (previous === "capital" && afterDigit))) break;
      kind = "digit";
    } else if (word !== undefined && elision === undefined && STREET_PARTICLE_RE.test(word)) {
      kind = "particle";
    } else if (word !== undefined && /^\p{Lu}/u.test(word)) {
      kind = "capital";
    } else if (word !== undefined && (previous === "particle" || elision !== undefined) && !hasCapital) {
      // An all-lowercase name ("rue de la gare") is accepted, but once a capitalised name has started, lowercase
      // words are ordinary prose ("8 rue Ricard le plombier…").
      kind = "lower";
    } else {
      break;
    }
    position = STREET_TOKEN_RE.lastIndex;
    tokens += 1;
    if (kind === "capital") hasCapital = true;
    afterDigit = kind === "digit" || (afterDigit && kind === "capital");
    if (kind !== "particle") end = position;
    previous = kind;
  }
  return end;
}

function detectAddresses(text: string): Candidate[] {
  const found: Candidate[] = [];
  forEachMatch(STREET_HEAD_RE, text, (m) => {
    let end = streetNameEnd(text, m.index + m[0].length);
    if (end === -1) return false;
    POSTCODE_AFTER_STREET_RE.lastIndex = end;
    const tail = POSTCODE_AFTER_STREET_RE.exec(text);
    if (tail) end = POSTCODE_AFTER_STREET_RE.lastIndex;
    found.push(candidate(text, "ADRESSE", m.index, end, PRIORITY.ADRESSE));
    STREET_HEAD_RE.lastIndex = end;
    return true;
  });
  forEachMatch(POSTCODE_CITY_RE, text, (m) => {
    found.push(candidate(text, "ADRESSE", m.index, m.index + m[0].length, PRIORITY.ADRESSE));
    return true;
  });
  return found;
}

/** Runs every structured detector; overlaps are left for the caller to settle by priority. */
export function detectStructured(text: string): Candidate[] {
  return [
    ...detectEmails(text),
    ...detectPhones(text),
    ...detectIbans(text),
    ...detectNirs(text),
    ...detectSirets(text),
    ...detectPlates(text),
    ...detectBirthDates(text),
    ...detectReferences(text),
    ...detectAddresses(text),
  ].filter((c) => c.end > c.start && isBounded(text, c.start, c.end));
}
