// Owns whole postal addresses, from their first element to the city: house names, lieu-dit, résidence, building, flat,
// BP/CS, street, postcode, CEDEX.
import { placeKey, type NameLexicons } from "./lexicons";
import { CITY_STOP, CITY_WORD, STREET_TYPES, streetNameEnd } from "./structured-detectors";
import { LEFT_EDGE, SPACE, type Candidate } from "./text-scan";

/** Above a bare street or postcode (70): the chain that contains them is the better match. */
const ADDRESS_CHAIN_PRIORITY = 71;
const MAX_ELEMENTS = 8;

type ElementKind = "street" | "street-name" | "place" | "building" | "postbox" | "postcode" | "town" | "house";

// A street with its number first ("12 bis rue …") is read by the street reader; a number after the name is the
// Belgian and Swiss order ("rue Saint-Gilles 120", "chemin des Crêts 8").
const NUMBER_FIRST_RE = new RegExp(
  `\\d{1,4}(?:${SPACE}*(?:bis|ter|quater|[a-d])(?![\\p{L}]))?${SPACE}*,?${SPACE}*(?:${STREET_TYPES})(?![\\p{L}])`,
  "iuy",
);
const STREET_TYPE_RE = new RegExp(`(?:${STREET_TYPES})(?![\\p{L}])`, "iuy");
const NUMBER_AFTER_RE = new RegExp(
  `${SPACE}*,?${SPACE}*\\d{1,4}(?:${SPACE}*(?:bis|ter|[a-d]))?(?![\\p{L}\\p{N}])`,
  "iuy",
);
// Places without a street: lieu-dit, hameau, résidence, domaine… followed by their name.
const PLACE_RE =
  /(?:lieu-?dit|lieudit|l\.-?d\.|hameau|r[ée]sidence|r[ée]s\.|domaine|lotissement|lot\.|cit[ée]|z\.?a\.?c\.?|z\.?i\.?|z\.?a\.?|zone (?:industrielle|artisanale|commerciale|d['’]activit[ée]s?)|parc d['’]activit[ée]s?)(?![\p{L}])/iuy;
// Named houses and farms: an address element only next to another one ("Moulin de la Roche, 5 chemin du Bief").
const HOUSE_WORD_RE =
  /(?:clos|mas|moulin|ferme|manoir|ch[aâ]teau|villa|maison|bastide|chalet|logis|m[ée]tairie|borde|grange)(?![\p{L}])/iuy;
const BUILDING_RE = new RegExp(
  `(?:(?:b[âa]timent|b[âa]t\\.?|immeuble|imm\\.|entr[ée]e|escalier|esc\\.|appartement|appart\\.?|appt\\.?|apt\\.?|porte|logement|log\\.|bo[iî]te${SPACE}+aux${SPACE}+lettres)${SPACE}*(?:n[°º]${SPACE}*)?[A-Za-z0-9]{1,4}|porte${SPACE}+(?:gauche|droite|face|du${SPACE}+fond)|(?:\\d{1,2}${SPACE}?(?:e|er|[èe]re|[èe]me)|rez-de-chauss[ée]e|rdc)(?:${SPACE}+[ée]tage)?)(?![\\p{L}\\p{N}])`,
  "iuy",
);
// "… lieu-dit La Croix Blanche à Vouillé": a commune after "à" ends the address.
const AT_TOWN_RE = new RegExp(`(?:à|a)${SPACE}+`, "uy");
const POSTBOX_RE = new RegExp(`(?:BP|B\\.P\\.|CS|TSA|case${SPACE}+postale)${SPACE}*\\d{1,6}(?![\\p{L}\\p{N}])`, "uy");
// French "79000" or "79 000"; "CH-1003", "B-4000", "L-1234"; a bare 4-digit Belgian or Swiss code only inside a chain.
const POSTCODE_RE = new RegExp(
  `(?:(?:F|FR|CH|B|L)-)?(?:(?:0[1-9]|[1-8]\\d|9[0-8]|2[AB])${SPACE}?\\d{3}|[1-9]\\d{3})(?![\\p{L}\\p{N}])`,
  "uy",
);
const CITY_RE = new RegExp(
  `${SPACE}+${CITY_STOP}${CITY_WORD}(?:${SPACE}+(?:(?:sur|sous|en|lès|lez|les|le|la|de|du|des|aux|au)${SPACE}+)?${CITY_STOP}${CITY_WORD}){0,3}`,
  "uy",
);
const CEDEX_RE = new RegExp(`${SPACE}*,?${SPACE}*cedex(?:${SPACE}*\\d{1,2})?(?![\\p{L}\\p{N}])`, "iuy");
// A house name: an article and capitalised words ("La Petite Fontaine", "Le Clos Fleuri"), only before another element.
const HOUSE_RE =
  /(?:Le|La|Les|L['’])[ \u00a0]*\p{Lu}[\p{L}\p{M}'’-]*(?:[ \u00a0]+(?:(?:de|du|des|de la|d['’])[ \u00a0]*)?\p{Lu}[\p{L}\p{M}'’-]*){0,3}/uy;
const SEPARATOR_RE =
  /[ \u00a0\u202f]*(?:[,;–-][ \u00a0\u202f]*|\r?\n[ \u00a0\u202f]*|[ \u00a0\u202f](?=[ \u00a0\u202f]*))/uy;

interface Element {
  readonly kind: ElementKind;
  readonly end: number;
}

function sticky(regex: RegExp, text: string, at: number): number {
  regex.lastIndex = at;
  return regex.exec(text) ? regex.lastIndex : -1;
}

/** The end of a city name after a postcode: the longest commune the lexicons know, or capitalised words. */
function cityEnd(text: string, at: number, lexicons: NameLexicons | undefined): number {
  CITY_RE.lastIndex = at;
  const m = CITY_RE.exec(text);
  if (!m) return lexicons ? lowerCaseCityEnd(text, at, lexicons) : -1;
  let end = CITY_RE.lastIndex;
  if (lexicons) {
    // Capitalised words after the city ("75001 Paris Karim a appelé") stop where no commune goes on.
    const words = [...text.slice(at, end).matchAll(/\S+/gu)];
    for (let n = words.length; n >= 1; n -= 1) {
      const last = words[n - 1];
      if (!last) continue;
      const candidateEnd = at + last.index + last[0].length;
      if (lexicons.communes.has(placeKey(text.slice(at, candidateEnd)))) {
        end = candidateEnd;
        break;
      }
    }
  }
  return end;
}

/** The end of the commune named at `at` ("Vouillé", "Saint-Maixent-l'École"), or -1. */
function communeEnd(text: string, at: number, lexicons: NameLexicons): number {
  const words = [...text.slice(at, at + 80).matchAll(/[\p{L}\p{M}'’-]+/gu)];
  for (let n = Math.min(words.length, lexicons.communeMaxWords); n >= 1; n -= 1) {
    const last = words[n - 1];
    if (!last || !/^\p{Lu}/u.test(words[0]?.[0] ?? "")) continue;
    // Only words joined by single spaces belong to one name.
    if (/[^\p{L}\p{M}'’\- ]/u.test(text.slice(at, at + last.index))) continue;
    const end = at + last.index + last[0].length;
    if (lexicons.communes.has(placeKey(text.slice(at, end)))) return end;
  }
  return -1;
}

/** A city typed in lower case after a postcode ("79000 niort"): only a commune the lexicons know. */
function lowerCaseCityEnd(text: string, at: number, lexicons: NameLexicons): number {
  const ahead = /^[ \u00a0\u202f]+((?:[\p{L}\p{M}'’-]+[ \u00a0\u202f]?){1,8})/u.exec(text.slice(at, at + 80));
  if (!ahead?.[1]) return -1;
  const words = [...ahead[1].matchAll(/[\p{L}\p{M}'’-]+/gu)];
  const offset = at + ahead[0].length - ahead[1].length;
  for (let n = Math.min(words.length, lexicons.communeMaxWords); n >= 1; n -= 1) {
    const last = words[n - 1];
    if (!last) continue;
    const end = offset + last.index + last[0].length;
    if (lexicons.communes.has(placeKey(text.slice(offset, end)))) return end;
  }
  return -1;
}

/** One address element starting exactly at `at`, or undefined. */
function elementAt(
  text: string,
  at: number,
  lexicons: NameLexicons | undefined,
  inChain: boolean,
): Element | undefined {
  let end = sticky(NUMBER_FIRST_RE, text, at);
  if (end !== -1) {
    const nameEnd = streetNameEnd(text, end);
    if (nameEnd !== -1) return { kind: "street", end: nameEnd };
  }
  for (const [regex, kind] of [
    [PLACE_RE, "place"],
    [HOUSE_WORD_RE, "house"],
  ] as const) {
    end = sticky(regex, text, at);
    if (end === -1) continue;
    const nameEnd = streetNameEnd(text, end);
    // The name must have a capital: "résidence principale" or "la ferme de mes parents" are no address.
    if (nameEnd !== -1 && /\p{Lu}/u.test(text.slice(end, nameEnd))) return { kind, end: nameEnd };
  }
  end = sticky(STREET_TYPE_RE, text, at);
  if (end !== -1) {
    const nameEnd = streetNameEnd(text, end);
    if (nameEnd !== -1) {
      const numberEnd = sticky(NUMBER_AFTER_RE, text, nameEnd);
      if (numberEnd !== -1) return { kind: "street", end: numberEnd };
      // Without a number, a street is part of an address only beside a postcode or another element.
      return { kind: "street-name", end: nameEnd };
    }
  }
  end = sticky(BUILDING_RE, text, at);
  if (end !== -1) return { kind: "building", end };
  end = sticky(POSTBOX_RE, text, at);
  if (end !== -1) return { kind: "postbox", end };
  end = sticky(POSTCODE_RE, text, at);
  if (end !== -1) {
    const code = text.slice(at, end);
    const isFrench = /^(?:F-|FR-)?\d{2}[ \u00a0]?\d{3}$|^2[AB]/u.test(code);
    if (isFrench || inChain || /^(?:CH|B|L)-/u.test(code)) {
      const city = cityEnd(text, end, lexicons);
      if (city !== -1) {
        const cedex = sticky(CEDEX_RE, text, city);
        return { kind: "postcode", end: cedex === -1 ? city : cedex };
      }
    }
  }
  if (inChain && lexicons) {
    end = sticky(AT_TOWN_RE, text, at);
    const town = end === -1 ? -1 : communeEnd(text, end, lexicons);
    if (town !== -1) return { kind: "town", end: town };
  }
  end = sticky(HOUSE_RE, text, at);
  if (end !== -1 && !inChain) return { kind: "house", end };
  return undefined;
}

// Where an element may start: a digit, a capital, or the first letter of an element keyword.
const START_RE = new RegExp(
  `${LEFT_EDGE}(?:\\d|(?:Le|La|Les|L['’])(?=[ \\u00a0]*\\p{Lu})|(?:BP|B\\.P\\.|CS|TSA)(?=[ \\u00a0]*\\d)|(?:lieu|l\\.|hameau|r[ée]s|domaine|lot|quartier|cit|clos|mas|moulin|ferme|manoir|ch[aâ]teau|villa|maison|bastide|chalet|logis|m[ée]tairie|borde|grange|z\\.?[aic]|zone|parc|b[âa]t|imm|entr|esc|app|apt|porte|log|bo[iî]te|case|rez|rdc|${STREET_TYPES})(?![\\p{L}]))`,
  "giu",
);

/**
 * Finds addresses as chains of elements joined by commas, spaces or a line break, so the whole address is masked in one
 * piece: "Résidence Les Tilleuls, bâtiment B, appartement 12, 33000 Bordeaux", "La Petite Fontaine, 12 chemin des
 * Vignes, 86000 Poitiers", "BP 45, 79001 Niort CEDEX", "rue Saint-Gilles 120, 4000 Liège". A chain needs a street with
 * a number, a lieu-dit or résidence, a BP or a postcode with its city; a building or a house name alone is not one.
 */
export function detectAddressChains(text: string, lexicons?: NameLexicons): Candidate[] {
  const found: Candidate[] = [];
  START_RE.lastIndex = 0;
  let m = START_RE.exec(text);
  while (m) {
    const start = m.index;
    const elements: Element[] = [];
    let position = start;
    for (;;) {
      const element = elementAt(text, position, lexicons, elements.length > 0);
      if (!element) break;
      elements.push(element);
      position = element.end;
      if (elements.length >= MAX_ELEMENTS) break;
      SEPARATOR_RE.lastIndex = position;
      if (!SEPARATOR_RE.exec(text)) break;
      const next = SEPARATOR_RE.lastIndex;
      if (!elementAt(text, next, lexicons, true)) break;
      position = next;
    }
    const kinds = new Set(elements.map((e) => e.kind));
    const strong = kinds.has("street") || kinds.has("place") || kinds.has("postbox") || kinds.has("postcode");
    if (strong) {
      const end = elements[elements.length - 1]?.end ?? start;
      // A lone street or postcode is the existing detectors' job; a lone "lieu-dit X" or "BP 45" is found here.
      found.push({ type: "ADRESSE", start, end, value: text.slice(start, end), priority: ADDRESS_CHAIN_PRIORITY });
      START_RE.lastIndex = end;
    }
    m = START_RE.exec(text);
  }
  return found;
}
