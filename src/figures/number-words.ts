// Owns French numbers written in words: the vocabulary (France, Belgium, Switzerland) and their value, to the billions.

/**
 * Cardinal words and their value. Belgian and Swiss tens (septante, huitante, octante, nonante) are kept beside the
 * French ones: a member from Liège or Geneva writes them, and an adviser may copy them into the notes.
 */
export const CARDINAL_WORDS: Readonly<Record<string, number>> = {
  zéro: 0,
  zero: 0,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  vingt: 20,
  vingts: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  septante: 70,
  huitante: 80,
  octante: 80,
  nonante: 90,
  cent: 100,
  cents: 100,
  mille: 1000,
  mil: 1000,
  million: 1e6,
  millions: 1e6,
  milliard: 1e9,
  milliards: 1e9,
};

/** Approximate counts ("une quinzaine de jours"): they ground a figure of the notes but are never checked in a draft. */
export const APPROXIMATE_WORDS: Readonly<Record<string, number>> = {
  huitaine: 8,
  dizaine: 10,
  douzaine: 12,
  quinzaine: 15,
  vingtaine: 20,
  trentaine: 30,
  quarantaine: 40,
  cinquantaine: 50,
  soixantaine: 60,
  centaine: 100,
  centaines: 100,
  millier: 1000,
  milliers: 1000,
};

/** Ordinal words ("premier", "troisième"): read for their value, as days of a date or ordinals. */
const ORDINAL_STEMS: Readonly<Record<string, number>> = {
  premier: 1,
  première: 1,
  premiere: 1,
  second: 2,
  seconde: 2,
};

/** Every word that may start or continue a number in words, for the lexer's pattern. */
export const NUMBER_WORDS: readonly string[] = [...Object.keys(CARDINAL_WORDS), ...Object.keys(APPROXIMATE_WORDS)];

/** Words joining two parts of one number: "vingt-deux", "vingt et un", "soixante et onze", "deux cent mille". */
export const NUMBER_JOINERS = String.raw`(?:-et-|-| et (?=une?\b|onze\b)| )`;

/**
 * The value of a phrase of French number words, or undefined when a word is not one.
 * "quatre-vingt-dix-neuf" → 99, "deux cent mille" → 200000, "mille cinq cents" → 1500, "septante-cinq" → 75,
 * "deux millions trois cent mille" → 2300000, "une quinzaine" → 15.
 */
export function readNumberWords(phrase: string): number | undefined {
  const words = phrase
    .toLowerCase()
    .split(/-et-|-| et | /)
    .filter((w) => w !== "");
  if (words.length === 0) return undefined;
  let total = 0;
  let group = 0; // below a thousand
  let thousands = 0; // below a million, already multiplied
  let previous: number | undefined;
  for (const [i, word] of words.entries()) {
    const approximate = APPROXIMATE_WORDS[word];
    if (approximate !== undefined) {
      // "une quinzaine", "deux centaines": only as the last word.
      if (i !== words.length - 1) return undefined;
      group = (group || 1) * approximate;
      previous = approximate;
      continue;
    }
    const value = CARDINAL_WORDS[word];
    if (value === undefined) return undefined;
    if (value === 100) group = (group || 1) * 100;
    else if (value === 1000) {
      thousands += (group || 1) * 1000;
      group = 0;
    } else if (value >= 1e6) {
      total += (thousands + group || 1) * value;
      thousands = 0;
      group = 0;
    } else if (value === 20 && previous === 4)
      group += 80 - 4; // quatre-vingt(s)
    else group += value;
    previous = value;
  }
  return total + thousands + group;
}

/** The value of an ordinal word ("premier" → 1, "troisième" → 3, "vingt et unième" → 21), or undefined. */
export function readOrdinalWord(word: string): number | undefined {
  const lower = word.toLowerCase();
  const direct = ORDINAL_STEMS[lower];
  if (direct !== undefined) return direct;
  const m = /^(.*?)(?:ième|ieme)s?$/.exec(lower);
  if (!m?.[1]) return undefined;
  // cinquième, neuvième, trentième, millième: the cardinal lost or changed its last letter.
  const stem = m[1].replace(/qu$/, "q").replace(/neuv$/, "neuf");
  return readNumberWords(stem) ?? readNumberWords(`${stem}e`) ?? readNumberWords(stem.replace(/q$/, "que"));
}
