// Owns identifiers typed in odd forms: phones in mixed or split groups, e-mails spelt out ("point", "at"), IBANs with
// dashes or odd grouping.
import { hasIbanLength, isValidIban } from "./checksums";
import { IBAN_KEYWORD_RE, lineBefore, PRIORITY } from "./structured-detectors";
import { candidate, forEachMatch, forEachMatchNear, type Candidate } from "./text-scan";

// ── Phones ──────────────────────────────────────────────────────────────────────────────────────────
// Any grouping of the ten digits ("06/12/34/56/78", "06 1234 5678", "0612 345 678", "06 12 34 56 7 8"), with up to two
// separators between digits, after 0 or +33 / 0033 with an optional "(0)".
const PHONE_LOOSE_RE =
  /(?<![\p{L}\p{N}+])(?:(?:\+|00)33[ .\-\u00a0]?(?:\(0\)[ \u00a0]?)?|0)[1-9](?:[ ./\-\u00a0\u202f]{0,2}\d){8}(?![\p{N}])/gu;
// A date with its year ("01/04/2024 12…") or a time right after is no phone.
const DATE_START_RE = /^\d{2}[/.-]\d{2}[/.-](?:19|20)\d{2}(?!\d)/u;

function detectLoosePhones(text: string): Candidate[] {
  const found: Candidate[] = [];
  forEachMatch(PHONE_LOOSE_RE, text, (m) => {
    if (DATE_START_RE.test(m[0])) return false;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
    if (/^[ \u00a0]*(?:€|%|euros?\b|[.,]\d|h\d|:\d)/iu.test(after)) return false;
    found.push(candidate(text, "TEL", m.index, m.index + m[0].length, PRIORITY.TEL));
    return true;
  });
  return found;
}

// ── E-mails spelt out ───────────────────────────────────────────────────────────────────────────────
// "julie point morel at gmail point com", "karim.benali [at] orange.fr", "s.garnier(at)free.fr", "x @ hotmail.com".
const DOT = "(?:[ \\u00a0]+(?:point|dot)[ \\u00a0]+|[._-])";
const LOCAL_PART = `[\\p{L}\\p{N}][\\p{L}\\p{N}+%]*(?:${DOT}[\\p{L}\\p{N}+%]+){0,4}`;
const AT =
  "(?:[ \\u00a0]*(?:@|\\[[ \\u00a0]*(?:at|arobase|@)[ \\u00a0]*\\]|\\([ \\u00a0]*(?:at|arobase|@)[ \\u00a0]*\\)|\\{[ \\u00a0]*(?:at|arobase)[ \\u00a0]*\\})[ \\u00a0]*|[ \\u00a0]+(?:at|arobase)[ \\u00a0]+)";
const DOMAIN_DOT =
  "(?:[ \\u00a0]+(?:point|dot)[ \\u00a0]+|\\.|[ \\u00a0]*\\[[ \\u00a0]*(?:point|dot|\\.)[ \\u00a0]*\\][ \\u00a0]*)";
const TLD = "(?:fr|com|net|org|eu|be|ch|lu|de|es|it|uk|io|info|biz|me|tv|co|gouv|asso|mc|re|pt|ma|dz|tn|sn)";
const SPELT_EMAIL_RE = new RegExp(
  `(?<![\\p{L}\\p{N}._%+\\-])(${LOCAL_PART}${AT}[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?(?:${DOMAIN_DOT}[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?){0,2}${DOMAIN_DOT}${TLD})(?![\\p{L}\\p{N}])`,
  "giu",
);

// The full pattern tries every word; it runs only around an "@", "at" or "arobase", which every spelt e-mail holds.
const SPELT_EMAIL_HINT_RE = /@|(?<![\p{L}])(?:at|arobase)(?![\p{L}])/giu;
const SPELT_EMAIL_RADIUS = 120;

function detectSpeltEmails(text: string): Candidate[] {
  const found: Candidate[] = [];
  forEachMatchNear(SPELT_EMAIL_HINT_RE, SPELT_EMAIL_RADIUS, SPELT_EMAIL_RE, text, (m) => {
    // A plain address is the e-mail detector's; this one is for the spelt-out forms only.
    found.push(candidate(text, "EMAIL", m.index, m.index + m[0].length, PRIORITY.EMAIL - 1));
    return true;
  });
  return found;
}

// ── IBANs with dashes, dots or any grouping ─────────────────────────────────────────────────────────
const IBAN_LOOSE_RE = /(?<![\p{L}\p{N}])[A-Za-z]{2}[ \u00a0]?\d{2}(?:[ \-.\u00a0\u202f]?[A-Za-z0-9]){11,32}/gu;
const ALNUM = /[A-Za-z0-9]/;

function detectLooseIbans(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (!/[A-Za-z]{2}[ \u00a0]?\d{2}/.test(text)) return found;
  forEachMatch(IBAN_LOOSE_RE, text, (m) => {
    const positions: number[] = [];
    for (let i = 0; i < m[0].length; i += 1) if (ALNUM.test(m[0].charAt(i))) positions.push(m.index + i);
    const introduced = IBAN_KEYWORD_RE.test(lineBefore(text, m.index, 30));
    // Longest first; an end inside a group ("… 883 ABCD") is not an end.
    for (let count = positions.length; count >= 15; count -= 1) {
      const end = (positions[count - 1] ?? 0) + 1;
      if (ALNUM.test(text.charAt(end))) continue;
      const compact = positions
        .slice(0, count)
        .map((p) => text.charAt(p))
        .join("");
      if (
        isValidIban(compact) ||
        (introduced && hasIbanLength(compact) && /^[A-Za-z]{2}\d{2}/.test(compact) && /\d{10}/.test(compact))
      ) {
        found.push(candidate(text, "IBAN", m.index, end, PRIORITY.IBAN));
        return true;
      }
    }
    return false;
  });
  return found;
}

/** Runs the detectors of odd forms; overlaps with the usual forms are settled by the caller. */
export function detectOddIdentifiers(text: string): Candidate[] {
  return [...detectLoosePhones(text), ...detectSpeltEmails(text), ...detectLooseIbans(text)];
}
