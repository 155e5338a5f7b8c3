// Owns loading the name, word and commune lists from their packages, once per process, for the pseudonymiser (never
// bundled in the taskpane).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { buildLexicons, type NameLexicons } from "../../src/privacy/lexicons";

const require = createRequire(import.meta.url);

function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

// Given names every French list holds and no surname list leads with: they tell which of two lists is which.
const GIVEN_NAME_SENTINELS = [
  "sophie",
  "nathalie",
  "isabelle",
  "sandrine",
  "valerie",
  "christophe",
  "nicolas",
  "camille",
  "aurelie",
  "sebastien",
];

/**
 * The two name lists of `@zxcvbn-ts/language-fr` (MIT; first names and surnames, lower case). In version 4.1.2 the file
 * named `firstnames.json` holds the surnames and `lastnames.json` the given names; the lists are told apart by their
 * content, so a later release that fixes the names keeps working.
 */
function zxcvbnNames(): { firstNames: string[]; surnames: string[]; frequentWords: string[] } {
  const a = readJson<string[]>(packageFile("@zxcvbn-ts/language-fr", "src/firstnames.json"));
  const b = readJson<string[]>(packageFile("@zxcvbn-ts/language-fr", "src/lastnames.json"));
  const score = (list: string[]): number => {
    const set = new Set(list);
    return GIVEN_NAME_SENTINELS.filter((name) => set.has(name)).length;
  };
  const [firstNames, surnames] = score(a) > score(b) ? [a, b] : [b, a];
  // commonWords is OpenSubtitles 2024 (ODC-BY, attribution in the package's NOTICE.md), most frequent first.
  const frequentWords = readJson<string[]>(packageFile("@zxcvbn-ts/language-fr", "src/commonWords.json"));
  return { firstNames, surnames, frequentWords };
}

interface Commune {
  readonly nom: string;
  readonly population?: number;
}

let cached: NameLexicons | undefined;

/**
 * The pseudonymiser's lexicons: given names and surnames (`@zxcvbn-ts/language-fr`, MIT), French words
 * (`an-array-of-french-words`, MIT), communes (`@etalab/decoupage-administratif`, MIT; data Licence Ouverte).
 * Built on first use (about a second) and kept for the life of the process.
 * @throws Error when a package is missing (a broken install must stop the server, not leak names).
 */
export function loadLexicons(): NameLexicons {
  if (cached) return cached;
  const { firstNames, surnames, frequentWords } = zxcvbnNames();
  const words = readJson<string[]>(packageFile("an-array-of-french-words", "index.json"));
  const communes = readJson<Commune[]>(packageFile("@etalab/decoupage-administratif", "data/communes.json")).map(
    (c) => ({ name: c.nom, population: c.population }),
  );
  // Departments and regions are places wherever they appear ("la Vendée", "Occitanie"): counted as large towns.
  for (const file of ["data/departements.json", "data/regions.json"]) {
    for (const area of readJson<Commune[]>(packageFile("@etalab/decoupage-administratif", file)))
      communes.push({ name: area.nom, population: Number.MAX_SAFE_INTEGER });
  }
  cached = buildLexicons({ firstNames, surnames, words, frequentWords, communes });
  return cached;
}
