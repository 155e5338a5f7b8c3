// Owns HTML character references as the WebVTT cue text tokenizer consumes them: numeric ones and the named ones French
// text meets.

// Latin-1 (U+00A0 to U+00FF) in code point order, as HTML names them.
const LATIN1 =
  "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml";
const OTHERS: Readonly<Record<string, number>> = {
  quot: 34,
  QUOT: 34,
  amp: 38,
  AMP: 38,
  apos: 39,
  lt: 60,
  LT: 60,
  gt: 62,
  GT: 62,
  COPY: 169,
  REG: 174,
  half: 189,
  OElig: 338,
  oelig: 339,
  Scaron: 352,
  scaron: 353,
  Yuml: 376,
  fnof: 402,
  circ: 710,
  tilde: 732,
  ensp: 8194,
  emsp: 8195,
  thinsp: 8201,
  zwnj: 8204,
  zwj: 8205,
  lrm: 8206,
  rlm: 8207,
  hyphen: 8208,
  ndash: 8211,
  mdash: 8212,
  lsquo: 8216,
  rsquo: 8217,
  sbquo: 8218,
  ldquo: 8220,
  rdquo: 8221,
  bdquo: 8222,
  dagger: 8224,
  Dagger: 8225,
  bull: 8226,
  hellip: 8230,
  permil: 8240,
  prime: 8242,
  Prime: 8243,
  lsaquo: 8249,
  rsaquo: 8250,
  euro: 8364,
  trade: 8482,
  larr: 8592,
  uarr: 8593,
  rarr: 8594,
  darr: 8595,
  harr: 8596,
  minus: 8722,
  infin: 8734,
  ne: 8800,
  le: 8804,
  ge: 8805,
  check: 10003,
  NewLine: 10,
  Tab: 9,
  nbsp: 160,
  NonBreakingSpace: 160,
};
const NAMED: ReadonlyMap<string, number> = new Map([
  ...LATIN1.split(" ").map((name, i): [string, number] => [name, 0xa0 + i]),
  ...Object.entries(OTHERS),
]);
// What HTML makes of numeric references to the C1 controls: the Windows-1252 characters at those bytes (also the
// decoding table of Windows-1252 for 0x80–0x9F; the five bytes it leaves undefined stay as they are).
export const C1_REMAP: Readonly<Record<number, number>> = {
  0x80: 0x20ac,
  0x82: 0x201a,
  0x83: 0x0192,
  0x84: 0x201e,
  0x85: 0x2026,
  0x86: 0x2020,
  0x87: 0x2021,
  0x88: 0x02c6,
  0x89: 0x2030,
  0x8a: 0x0160,
  0x8b: 0x2039,
  0x8c: 0x0152,
  0x8e: 0x017d,
  0x91: 0x2018,
  0x92: 0x2019,
  0x93: 0x201c,
  0x94: 0x201d,
  0x95: 0x2022,
  0x96: 0x2013,
  0x97: 0x2014,
  0x98: 0x02dc,
  0x99: 0x2122,
  0x9a: 0x0161,
  0x9b: 0x203a,
  0x9c: 0x0153,
  0x9e: 0x017e,
  0x9f: 0x0178,
};
const NAME_RE = /[A-Za-z][A-Za-z0-9]{0,31};/y;
const DECIMAL_RE = /[0-9]+;?/y;
const HEX_RE = /[0-9A-Fa-f]+;?/y;

function codePointText(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\uFFFD";
  return String.fromCodePoint(C1_REMAP[code] ?? code);
}

/**
 * HTML's "consume a character reference" after an "&" at `pos - 1`: `&#233;`, `&#xE9;` (the ";" optional, as HTML
 * allows) and named references with their ";". Out-of-range numbers give U+FFFD, C1 numbers their Windows-1252
 * character.
 * @param additionalAllowed  the character that ends a reference without being one (">" inside a tag's annotation).
 * @returns the decoded text and the position after the reference, or null when none starts there (the "&" is literal).
 */
export function decodeCharacterReference(
  input: string,
  pos: number,
  additionalAllowed?: string,
): { text: string; next: number } | null {
  const c = input[pos];
  if (
    c === undefined ||
    c === "\t" ||
    c === "\n" ||
    c === "\f" ||
    c === " " ||
    c === "<" ||
    c === "&" ||
    c === additionalAllowed
  )
    return null;
  if (c === "#") {
    const isHex = input[pos + 1] === "x" || input[pos + 1] === "X";
    const re = isHex ? HEX_RE : DECIMAL_RE;
    re.lastIndex = pos + (isHex ? 2 : 1);
    const m = re.exec(input);
    if (!m) return null;
    const digits = m[0].replace(/;$/u, "");
    // Long runs of digits overflow to "too large" without parsing them all.
    const code = digits.replace(/^0+/u, "").length > 8 ? 0x110000 : Number.parseInt(digits, isHex ? 16 : 10);
    return { text: codePointText(code), next: re.lastIndex };
  }
  NAME_RE.lastIndex = pos;
  const m = NAME_RE.exec(input);
  const code = m ? NAMED.get(m[0].slice(0, -1)) : undefined;
  return m && code !== undefined ? { text: String.fromCodePoint(code), next: NAME_RE.lastIndex } : null;
}

/** Decodes every character reference in `text` (as in HTML text: an "&" that starts none stays as it is). */
export function decodeEntities(text: string): string {
  let out = "";
  let i = 0;
  for (let amp = text.indexOf("&"); amp !== -1; amp = text.indexOf("&", i)) {
    out += text.slice(i, amp);
    const ref = decodeCharacterReference(text, amp + 1);
    out += ref ? ref.text : "&";
    i = ref ? ref.next : amp + 1;
  }
  return out + text.slice(i);
}
