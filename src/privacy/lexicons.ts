// Owns the lookup tables built once from the name, word and commune lists the server loads and injects (src stays free
// of the lists themselves).

/** The raw lists, as the server reads them from their packages. Every list may be in any case. */
export interface RawLexicons {
  /** Given names used in France (lower-cased lists are fine). */
  readonly firstNames: Iterable<string>;
  /** Surnames frequent in France. */
  readonly surnames: Iterable<string>;
  /** Every French word form (a dictionary): tells "pierre" the stone from Pierre the person. */
  readonly words: Iterable<string>;
  /** French words by decreasing frequency: the first ones are the words a note uses every line. */
  readonly frequentWords: readonly string[];
  /** French commune names ("Saint-Maixent-l'École"), with their population when known. */
  readonly communes: Iterable<{ readonly name: string; readonly population?: number }>;
}

/** The tables the detectors read; build them once per process with {@link buildLexicons}. */
export interface NameLexicons {
  /** Folded given names ("helene"). */
  readonly firstNames: ReadonlySet<string>;
  /** Folded surnames ("lefevre"). */
  readonly surnames: ReadonlySet<string>;
  /** Every French word form, folded: a capitalised word outside it is a proper noun ("Kerjean", "Texa"). */
  readonly words: ReadonlySet<string>;
  /** Folded words that are both a French word and a name: "pierre", "rose", "blanc", "noel". */
  readonly wordNames: ReadonlySet<string>;
  /** Of those, the ones a note uses so often that a capital alone does not make them a name ("petit", "place"). */
  readonly frequentWordNames: ReadonlySet<string>;
  /** Folded commune names, hyphens and apostrophes as spaces ("saint maixent l ecole"). */
  readonly communes: ReadonlySet<string>;
  /** Folded names of towns large enough that the name alone says the town ("Lyon", "Laval"). */
  readonly towns: ReadonlySet<string>;
  /** Longest commune name, in words, so a city is read no further. */
  readonly communeMaxWords: number;
}

// A commune this large is named as a town wherever it appears; a smaller one only after "à", "de"…
const TOWN_POPULATION = 15_000;
// Words ranked above this in the frequency list are everyday words first, names second ("Petit", "Blanc").
const FREQUENT_RANK = 2500;

// Notes repeat their words: folding each spelling once keeps a 20 KB note well under its time budget.
const FOLD_CACHE_LIMIT = 50_000;
const foldCache = new Map<string, string>();

/** Lower case without accents: the key every table is looked up with ("Lefèvre" → "lefevre"). */
export function fold(word: string): string {
  const cached = foldCache.get(word);
  if (cached !== undefined) return cached;
  const folded = /^[\x00-\x7f]*$/.test(word)
    ? word.toLowerCase()
    : word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  foldCache.set(word, folded);
  return folded;
}

/** A commune or city name as a lookup key: folded, hyphens and apostrophes as single spaces. */
export function placeKey(name: string): string {
  return fold(name)
    .replace(/['’\-\s]+/gu, " ")
    .trim();
}

/**
 * Builds the lookup tables. Linear in the lists' sizes (a few hundred thousand words: about a second at start-up),
 * so it runs once per process, never per request.
 */
export function buildLexicons(raw: RawLexicons): NameLexicons {
  const firstNames = new Set<string>();
  for (const name of raw.firstNames) if (name.length >= 2) firstNames.add(fold(name));
  const surnames = new Set<string>();
  for (const name of raw.surnames) if (name.length >= 2) surnames.add(fold(name));
  const words = new Set<string>();
  const wordNames = new Set<string>();
  for (const word of raw.words) {
    const key = word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    words.add(key);
    if (firstNames.has(key) || surnames.has(key)) wordNames.add(key);
  }
  const frequentWordNames = new Set<string>();
  for (const word of raw.frequentWords.slice(0, FREQUENT_RANK)) {
    const key = fold(word);
    if (wordNames.has(key)) frequentWordNames.add(key);
  }
  const communes = new Set<string>();
  const towns = new Set<string>();
  let communeMaxWords = 1;
  for (const { name, population } of raw.communes) {
    const key = placeKey(name);
    if (!key) continue;
    communes.add(key);
    if ((population ?? 0) >= TOWN_POPULATION) towns.add(key);
    communeMaxWords = Math.max(communeMaxWords, key.split(" ").length);
  }
  return { firstNames, surnames, words, wordNames, frequentWordNames, communes, towns, communeMaxWords };
}
