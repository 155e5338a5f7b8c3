// Owns the contexts where a capitalised name is a place or a brand, not a person: "lycée Victor Hugo", "à Laval",
// "Leroy Merlin".
import { fold, placeKey, type NameLexicons } from "./lexicons";

/** Nouns that make the name after them a place or a thing: streets, schools, hospitals, stations, venues, laws, storms. Folded. */
const PLACE_NOUNS: ReadonlySet<string> = new Set(
  (
    "rue avenue av bd boulevard quai place pl allee impasse chemin route cours square passage pont port " +
    "lycee college ecole maternelle universite faculte fac iut campus institut hopital chu chr clinique ehpad " +
    "stade gymnase piscine station metro arret gare aeroport aerodrome parc jardin salle centre mediatheque bibliotheque " +
    "musee theatre cinema eglise cathedrale basilique mosquee synagogue temple chapelle residence cite quartier " +
    "lotissement zone zac rond-point carrefour tunnel esplanade promenade espace complexe palais fondation caserne " +
    "prison mont tour foyer maison hotel pharmacie polyclinique dispensaire marche halle halles village pavillon " +
    "stand auditorium amphitheatre amphi lycees colleges ecoles hopitaux modele marque gamme version collection " +
    // Things named after someone: laws, storms, prizes, diseases ("loi Lemoine", "tempête Ciaran").
    "loi lois amendement convention decret reforme circulaire arret jurisprudence tempete ouragan cyclone depression prix " +
    "syndrome maladie methode plan"
  ).split(" "),
);

/** Titles inside place names ("avenue du Général Leclerc", "rue du Docteur Roux"). Folded. */
const PLACE_TITLES: ReadonlySet<string> = new Set(
  "general marechal president docteur professeur abbe commandant colonel capitaine amiral saint sainte pere frere mgr cardinal roi reine comte lieutenant sergent".split(
    " ",
  ),
);

/** Small words a place name may contain between its noun and its name ("station de la République"). Folded. */
const PLACE_LINKS: ReadonlySet<string> = new Set("de du des la le les l d".split(" "));

/** Adjectives between a place noun and its name ("centre commercial Charles de Gaulle"). Folded. */
const PLACE_ADJECTIVES: ReadonlySet<string> = new Set(
  "commercial scolaire professionnel hospitalier universitaire municipal municipale sportif culturel communal regional departemental technique prive privee public publique polyvalent polyvalente aquatique omnisports nautique medical medicale agricole".split(
    " ",
  ),
);

/** Words before a family's name: "les Martin", "des Fontaine", "chez Laval". Folded. */
const FAMILY_BEFORE: ReadonlySet<string> = new Set("les des aux chez famille epoux".split(" "));

/** Words before a city: "à Laval", "de Nancy", "vers Vienne", "près de Florence". Folded. */
export const CITY_BEFORE: ReadonlySet<string> = new Set(
  "a au de d du depuis vers sur sous pres entre jusqu et ou agence mairie ville commune secteur region habite reside demenage trajet direction".split(
    " ",
  ),
);

/**
 * Brands, shops, banks, insurers and public bodies an adviser names every day, some of which are also surnames
 * ("Leroy Merlin", "Leclerc", "Boulanger"). Folded, words separated by one space.
 */
const BRANDS: readonly string[] = [
  "renault",
  "peugeot",
  "citroen",
  "dacia",
  "toyota",
  "volkswagen",
  "ford",
  "opel",
  "fiat",
  "bmw",
  "mercedes",
  "audi",
  "tesla",
  "kia",
  "hyundai",
  "nissan",
  "skoda",
  "seat",
  "volvo",
  "mini",
  "suzuki",
  "honda",
  "mazda",
  "porsche",
  "jeep",
  "alpine",
  "lexus",
  "mitsubishi",
  "smart",
  "jaguar",
  "land rover",
  "yamaha",
  "kawasaki",
  "piaggio",
  "vespa",
  "ds",
  "darty",
  "boulanger",
  "fnac",
  "ikea",
  "conforama",
  "castorama",
  "leroy merlin",
  "brico depot",
  "bricorama",
  "mr bricolage",
  "decathlon",
  "carrefour",
  "auchan",
  "leclerc",
  "e leclerc",
  "intermarche",
  "lidl",
  "aldi",
  "casino",
  "monoprix",
  "super u",
  "systeme u",
  "norauto",
  "feu vert",
  "midas",
  "speedy",
  "point s",
  "carglass",
  "france pare brise",
  "mondial pare brise",
  "maif",
  "macif",
  "maaf",
  "matmut",
  "gmf",
  "axa",
  "allianz",
  "groupama",
  "generali",
  "credit agricole",
  "credit mutuel",
  "caisse d epargne",
  "banque populaire",
  "la banque postale",
  "lcl",
  "societe generale",
  "bnp",
  "bnp paribas",
  "boursorama",
  "samsung",
  "apple",
  "sony",
  "bosch",
  "whirlpool",
  "dyson",
  "louis vuitton",
  "cartier",
  "rolex",
  "hermes",
  "chanel",
  "dior",
  "nike",
  "adidas",
  "la poste",
  "sncf",
  "ratp",
  "edf",
  "engie",
  "pole emploi",
  "france travail",
  "orange",
  "sfr",
  "free",
  "bouygues",
  "veolia",
  "suez",
  "enedis",
  "grdf",
  "marie blachere",
  "jean louis david",
  "franck provost",
  "jules",
  "camaieu",
  "kiabi",
  "celio",
  "yves rocher",
  "michelin",
  "total",
  "totalenergies",
  "esso",
  "shell",
  "leboncoin",
  "le bon coin",
  "amazon",
  "cdiscount",
  "vinted",
  "ferrari",
  "lamborghini",
  "maserati",
  "cupra",
  "lancia",
  "alfa romeo",
  "chevrolet",
  "cadillac",
  "dodge",
  "chrysler",
  "mg",
  "byd",
  "ducati",
  "harley davidson",
  "triumph",
  "foncia",
  "nexity",
  "orpi",
  "century 21",
  "laforet",
  "guy hoquet",
  "europ assistance",
  "mondial assistance",
  "ima",
  "fillon",
  "netflix",
  "canal",
  "canal plus",
  "tf1",
  "france 2",
  "karcher",
  "husqvarna",
  "stihl",
  "makita",
  "dewalt",
  "ryobi",
  "miele",
  "electrolux",
  "beko",
  "brandt",
  "rowenta",
  "moulinex",
];

/** Car and motorbike makes: the capitalised words after them are a model ("Mégane", "Zoé", "Logan"). Folded. */
const CAR_BRANDS: ReadonlySet<string> = new Set(
  "renault peugeot citroen dacia toyota volkswagen vw ford opel fiat bmw mercedes audi tesla kia hyundai nissan skoda seat volvo mini suzuki honda mazda porsche jeep alpine lexus mitsubishi smart jaguar ds yamaha kawasaki piaggio vespa ferrari lamborghini maserati cupra lancia chevrolet cadillac dodge chrysler mg byd ducati triumph".split(
    " ",
  ),
);

/** Whether a single word is a brand's name ("leclerc" in "parking du leclerc"). */
export function isBrandKey(key: string): boolean {
  return BRAND_SET.has(placeKey(key));
}
const BRAND_SET: ReadonlySet<string> = new Set(BRANDS);
const BRAND_FIRST_WORDS: ReadonlySet<string> = new Set(BRANDS.map((b) => b.split(" ")[0] ?? b));
const BRAND_MAX_WORDS = Math.max(...BRANDS.map((b) => b.split(" ").length));

/** A word as the context readers see it. */
export interface ContextWord {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly key: string;
  readonly isCapital: boolean;
}

// Hyphenated words stay whole ("Saint-Gilles", "Jean-Luc"); an apostrophe splits ("d'Almeida" → "d", "Almeida").
const WORD_RE = /\p{L}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*/gu;

/** Every word of a text, with its folded key and whether it starts with a capital. */
export function wordsOf(text: string): ContextWord[] {
  const words: ContextWord[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const first = m[0].charAt(0);
    words.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      key: fold(m[0]),
      isCapital: first !== first.toLowerCase() && first === first.toUpperCase(),
    });
  }
  return words;
}

/** Whether only spaces (and at most one "-", "/", ",") separate two words, so they read as one phrase. */
function adjacent(text: string, a: ContextWord, b: ContextWord): boolean {
  return /^[ \u00a0\u202f'’]{0,2}$|^[ \u00a0\u202f]*[-/][ \u00a0\u202f]*$/u.test(text.slice(a.end, b.start));
}

/**
 * Marks the words that belong to a place or brand name, so no name rule masks them: the capitalised words after a
 * place noun (with its links and titles), communes after a word that introduces a city, and known brands.
 * @returns one flag per word of `words`.
 */
export function placeWords(text: string, words: readonly ContextWord[], lexicons: NameLexicons | undefined): boolean[] {
  const isPlace = words.map(() => false);
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i];
    if (!word) continue;
    if (
      PLACE_NOUNS.has(word.key) ||
      word.key.startsWith("saint-") ||
      word.key.startsWith("sainte-") ||
      word.key.startsWith("st-")
    ) {
      if (!PLACE_NOUNS.has(word.key)) isPlace[i] = true;
      // The name of the place: links, titles and capitalised words, on one phrase.
      let j = i + 1;
      let sawName = false;
      while (j < words.length && j - i <= 7) {
        const next = words[j];
        const prev = words[j - 1];
        if (!next || !prev || !adjacent(text, prev, next)) break;
        if (next.isCapital) {
          isPlace[j] = true;
          sawName = true;
        } else if (!(
          PLACE_LINKS.has(next.key) ||
          PLACE_TITLES.has(next.key) ||
          (!sawName && PLACE_ADJECTIVES.has(next.key))
        )) {
          break;
        }
        j += 1;
      }
    }
  }
  // Brands, longest first at each word.
  for (let i = 0; i < words.length; i += 1) {
    const head = words[i];
    if (!head?.isCapital || !BRAND_FIRST_WORDS.has(head.key)) continue;
    for (let n = Math.min(BRAND_MAX_WORDS, words.length - i); n >= 1; n -= 1) {
      const slice = words.slice(i, i + n);
      if (!slice[0]?.isCapital) break;
      if (!slice.every((w, k) => k === 0 || adjacent(text, slice[k - 1] as ContextWord, w))) continue;
      if (BRAND_SET.has(placeKey(slice.map((w) => w.text).join(" ")))) {
        for (let k = i; k < i + n; k += 1) isPlace[k] = true;
        i += n - 1;
        break;
      }
    }
  }
  // A model after a car brand is part of it: "Renault Mégane", "Renault Zoé", "Dacia Logan", "Citroën C3 Aircross".
  for (let i = 0; i + 1 < words.length; i += 1) {
    const brand = words[i];
    if (!brand || !isPlace[i] || !CAR_BRANDS.has(brand.key)) continue;
    for (let j = i + 1; j < words.length && j <= i + 2; j += 1) {
      const model = words[j];
      const prev = words[j - 1];
      if (
        !model ||
        !prev ||
        !model.isCapital ||
        !/^[ \u00a0\u202f]{1,2}(?:\w{1,4}[ \u00a0\u202f]{1,2})?$/u.test(text.slice(prev.end, model.start))
      )
        break;
      isPlace[j] = true;
    }
  }
  if (!lexicons) return isPlace;
  // Communes where the text says a place: "à Laval", "de Saint-Maixent-l'École", "(Niort)", "Niort - La Rochelle".
  const keyOf = (w: ContextWord): string => (w.key.includes("-") ? w.key.replace(/-/g, " ") : w.key);
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i];
    if (!word?.isCapital) continue;
    const before = words[i - 1];
    // "chez les Fontaine", "le chien des Laval": a family, even where a town bears the name.
    const isFamily = before !== undefined && FAMILY_BEFORE.has(before.key);
    const isTown = lexicons.towns.has(keyOf(word)) && !lexicons.firstNames.has(word.key) && !isFamily;
    const after = words[i + 1];
    // "Accord de Nicole Vasseur": a given name followed by a capitalised word is a person, even where a commune bears
    // it.
    if (
      lexicons.firstNames.has(word.key) &&
      after?.isCapital === true &&
      /^[ \u00a0\u202f]{1,2}$/u.test(text.slice(word.end, after.start))
    )
      continue;
    let introduced = isTown;
    if (!introduced) {
      const gap = before ? text.slice(before.end, word.start) : text.slice(0, word.start);
      // "Édouard de Montalembert": "de" after a given name is a particle, even before a commune's name.
      const beforeBefore = words[i - 2];
      const isParticle =
        before !== undefined &&
        (before.key === "de" || before.key === "d") &&
        beforeBefore?.isCapital === true &&
        lexicons.firstNames.has(beforeBefore.key);
      introduced =
        (before !== undefined && CITY_BEFORE.has(before.key) && !isParticle && /^[ \u00a0\u202f'’]+$/u.test(gap)) ||
        /[-/(][ \u00a0\u202f]*$/u.test(gap);
    }
    if (!introduced) continue;
    // The longest commune name over adjacent words, keys joined as placeKey would join them.
    let joined = "";
    let longest = 0;
    for (let n = 1; n <= lexicons.communeMaxWords && i + n <= words.length; n += 1) {
      const w = words[i + n - 1];
      const prevWord = words[i + n - 2];
      if (!w || (n > 1 && prevWord && !adjacent(text, prevWord, w))) break;
      joined = n === 1 ? keyOf(w) : `${joined} ${keyOf(w)}`;
      if (lexicons.communes.has(joined)) longest = n;
    }
    if (longest > 0) {
      for (let k = i; k < i + longest; k += 1) isPlace[k] = true;
      i += longest - 1;
    }
  }
  return isPlace;
}
