// Owns the check-digit algorithms that turn digit-shaped look-alikes into certain identifiers (IBAN, NIR, SIREN/SIRET,
// VAT).

/** Remainder of a long decimal string modulo 97, computed piecewise so no number ever exceeds 2^53. */
function mod97(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i += 1) {
    rest = (rest * 10 + (digits.charCodeAt(i) - 48)) % 97;
  }
  return rest;
}

/** Usual IBAN lengths for the countries French members bank in; others only need 15 to 34 characters. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  FR: 27,
  MC: 27,
  BE: 16,
  DE: 22,
  ES: 24,
  IT: 27,
  LU: 20,
  CH: 21,
  GB: 22,
  NL: 18,
  PT: 25,
  AT: 20,
  IE: 22,
};

/** Whether a compact IBAN (no spaces, any case) has the length of its country and passes ISO 13616 mod-97. */
export function isValidIban(compact: string): boolean {
  const iban = compact.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  if (!hasIbanLength(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let digits = "";
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    digits += code >= 65 ? String(code - 55) : char;
  }
  return mod97(digits) === 1;
}

/** Whether a compact IBAN has the length its country uses (any length 15–34 for countries not listed). */
export function hasIbanLength(compact: string): boolean {
  const expected = IBAN_LENGTHS[compact.slice(0, 2).toUpperCase()];
  return expected === undefined ? compact.length >= 15 && compact.length <= 34 : compact.length === expected;
}

/**
 * Whether a 15-character NIR (13 digits, Corsica's 2A/2B allowed in the department, then a 2-digit key)
 * has key = 97 − (number mod 97); Corsica is checked with 2A→19 and 2B→18 as the INSEE rule says.
 */
export function isValidNir(compact: string): boolean {
  const nir = compact.toUpperCase();
  if (!/^[1-478]\d{4}(?:\d{2}|2[AB])\d{6}\d{2}$/.test(nir)) return false;
  const body = nir.slice(0, 13).replace("2A", "19").replace("2B", "18");
  const key = Number(nir.slice(13));
  return 97 - mod97(body) === key;
}

/** Luhn check used by SIREN and SIRET. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * Whether 14 digits form a valid SIRET: Luhn, except La Poste's establishments (SIREN 356000000) whose digit
 * sum must be a multiple of 5.
 */
export function isValidSiret(digits: string): boolean {
  if (!/^\d{14}$/.test(digits)) return false;
  if (digits.startsWith("356000000") && digits !== "35600000000048") {
    let sum = 0;
    for (const char of digits) sum += Number(char);
    return sum % 5 === 0;
  }
  return isLuhnValid(digits);
}

/** Whether a French VAT number's key matches its SIREN: key = (12 + 3 × (SIREN mod 97)) mod 97. */
export function isValidFrenchVat(key: string, siren: string): boolean {
  if (!/^\d{2}$/.test(key) || !/^\d{9}$/.test(siren)) return false;
  return (12 + 3 * mod97(siren)) % 97 === Number(key);
}
