// Owns name detection from the French name lexicons: greetings, subjects, "dossier/chez/famille + Nom", full names,
// lower-case names, and the last guard on any name left.
import { CAPITAL_PARTICLES, FIRST_NAMES, NOT_NAME_WORDS } from "./french-names";
import { fold, placeKey, type NameLexicons } from "./lexicons";
import { personCandidates, readNameUnits, splitPerson } from "./name-detectors";
import { CITY_BEFORE, isBrandKey, placeWords, wordsOf, type ContextWord } from "./place-context";
import type { Candidate } from "./text-scan";

/** Overlap priorities: below a civility or a known name, above a propagated mention. */
export const LEXICON_PRIORITY = {
  trigger: 43,
  fullName: 42,
  lowerCase: 41,
  guard: 39,
} as const;

const FOLDED_FIRST_NAMES: ReadonlySet<string> = new Set([...FIRST_NAMES].map(fold));

/** Words that never start a name however they are written: grammar, time, titles, countries, trade words. Folded. */
const STOP: ReadonlySet<string> = new Set(
  (
    "le la les l un une des du de d et ou en au aux a pour par avec sans sur sous chez dans ce cet cette ces il elle ils elles nous vous on je tu " +
    "son sa ses leur leurs mon ma mes notre votre qui que quoi oui non ne pas plus tres bien tout tous toute toutes " +
    "lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre " +
    "printemps ete automne hiver noel paques toussaint " +
    "m mme mmes mlle mr monsieur madame mademoiselle messieurs mesdames me maitre dr docteur pr professeur " +
    "france belgique suisse espagne italie allemagne portugal maroc algerie tunisie luxembourg europe angleterre " +
    "bonjour bonsoir salut merci cordialement hello coucou cher chere " +
    "tel mail email rdv sms ok cf etc svp objet ref tiers societaire assure assuree expert garage agence contrat dossier sinistre " +
    "conseiller conseillere gestionnaire client cliente temoin rappel appel note notes famille succession fils fille mari epouse " +
    "epoux femme pere mere frere soeur voisin voisine enfant enfants modele marque siret siren iban rib nir tva " +
    "rome londres madrid bruxelles geneve lisbonne berlin amsterdam barcelone milan venise porto"
  ).split(" "),
);

/** Lower-case words that are names in a list but words in a note ("you", "tel"). Folded. */
const LOWER_STOP: ReadonlySet<string> = new Set(
  "you the and for are was her his him she had has all can may may its one two see new man god sun day van von der den del dos das ben bin ibn mac san saint sainte".split(
    " ",
  ),
);

/** Words after which a capitalised word is someone: greetings, "dossier", "chez", verbs of contact. Folded. */
const STRONG_TRIGGERS: ReadonlySet<string> = new Set(
  (
    "bonjour bonsoir salut coucou hello cher chere merci dossier famille chez succession les rappeler relancer contacter appeler " +
    "joindre recontacter prevenir informer selon apres aupres vu voir epoux epouse veuve"
  ).split(" "),
);

/** Nouns after which "de" (or "à", "pour") introduces a person: "appel de Quéméner", "courrier à Bouvier". Folded. */
const OF_TRIGGERS: ReadonlySet<string> = new Set(
  (
    "appel rappel message msg mail courrier courriel lettre sms sinistre dossier accord visite declaration plainte demande reponse " +
    "retour part nom compte vehicule voiture maison appartement logement contrat signature envoye envoyee transmis transmise " +
    "faite fait remis remise adresse vol cambriolage"
  ).split(" "),
);
const WEAK_TRIGGERS: ReadonlySet<string> = new Set("de d a pour par avec".split(" "));

/** Third-person verbs that make a capitalised first word the subject: "Pierre a envoyé", "Marin confirme". Folded. */
const SUBJECT_VERBS: ReadonlySet<string> = new Set(
  (
    "a est va ira sera aura avait etait ont sont doit devra veut voudrait peut pourra souhaite demande confirme signale declare " +
    "indique precise explique accepte refuse conteste reconnait envoie enverra transmet rappelle rappellera appelle appellera passe " +
    "passera viendra vient conduit conduisait habite vit travaille dit affirme pense estime ne n s se y rentre part arrive prend " +
    "fournit fera fait reclame attend signe signera cherche dispose possede paie paye regle etait avait aurait serait et"
  ).split(" "),
);

/** Verbs after which even an everyday word opening a sentence is its subject, as written. */
const SUBJECT_AUXILIARIES: ReadonlySet<string> = new Set(
  "a est va doit veut peut souhaite demande confirme rappelle rappellera appelle appellera signale déclare conteste refuse accepte".split(
    " ",
  ),
);

/** Lower-case particles between a given name and a surname. Folded. */
const NAME_LINKS: ReadonlySet<string> = new Set("de du des d van von der den di da dos das del della ben".split(" "));

const LOWER_CIVILITY_RE =
  /(?:^|[^\p{L}\p{N}])(?:m\.|mr\.?|mme\.?|mlle\.?|monsieur|madame|mademoiselle)[ \u00a0\u202f]*$/u;

/** What the lexicons say of one word. */
interface WordFacts {
  readonly isFirst: boolean;
  readonly isSurname: boolean;
  /** Also a French word ("pierre", "rose", "blanc"). */
  readonly isWord: boolean;
  /** A word of every line ("petit", "place"): a capital alone does not make it a name. */
  readonly isFrequentWord: boolean;
}

function factsOf(word: ContextWord, lexicons: NameLexicons): WordFacts {
  const key = word.key;
  const first = key.split("-")[0] ?? key;
  const isFirst =
    lexicons.firstNames.has(key) ||
    FOLDED_FIRST_NAMES.has(key) ||
    (key.includes("-") && (lexicons.firstNames.has(first) || FOLDED_FIRST_NAMES.has(first)));
  return {
    isFirst,
    isSurname: lexicons.surnames.has(key),
    isWord: lexicons.wordNames.has(key),
    isFrequentWord: lexicons.frequentWordNames.has(key),
  };
}

function isUpperWord(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Whether a word opens a sentence, a line or a field ("… . Pierre", "Témoin : Hugo"). */
function opensSentence(text: string, word: ContextWord): boolean {
  const before = text.slice(Math.max(0, word.start - 6), word.start).replace(/[ \u00a0\u202f"«“'’([*•–—-]+$/u, "");
  return before === "" || /[.!?:;\n]$/u.test(before);
}

/**
 * Reads the whole name starting at a word (given name, particles, surname) and turns it into candidates. A name ends
 * before a word that is grammar or an ordinary French word the lists do not know as a name, which matters in text
 * typed in capitals ("APPEL DE JULIE MOREL POUR UN BRIS").
 */
function personAt(
  text: string,
  word: ContextWord,
  lone: "NOM" | "PRENOM",
  priority: number,
  lexicons: NameLexicons,
): Candidate[] {
  const read = readNameUnits(text, word.start, 4);
  if (read.length === 0 || read[0]?.start !== word.start) return [];
  let count = 1;
  while (count < read.length) {
    const unit = read[count];
    if (!unit || unit.kind !== "word") break;
    const core = fold(unit.core.replace(/^(?:d['’]|(?:de|du|des|van|von|der|den|di|da)[ \u00a0]+)/iu, ""));
    const isNamePart =
      unit.isCapitalParticle ||
      lexicons.firstNames.has(core) ||
      lexicons.surnames.has(core) ||
      FOLDED_FIRST_NAMES.has(core) ||
      !lexicons.words.has(core);
    if (STOP.has(core) || !isNamePart) break;
    count += 1;
  }
  return personCandidates(text, splitPerson(read.slice(0, count), lone), priority);
}

/**
 * Finds the names the civility and kinship rules cannot: after greetings and contact verbs, "dossier/chez/famille +
 * Nom", names opening a sentence, full names without introduction, names typed in lower case; then masks any word
 * left that the lexicons know as a name, unless it is a frequent French word or part of a place or brand.
 */
export function detectLexiconNames(
  text: string,
  lexicons: NameLexicons,
  words: readonly ContextWord[] = wordsOf(text),
  isPlace: readonly boolean[] = placeWords(text, words, lexicons),
): Candidate[] {
  const found: Candidate[] = [];
  const covered = new Uint8Array(words.length);
  let current = 0;
  // Candidates start at the current word or later, so covering scans forward from it only.
  const add = (candidates: Candidate[]): boolean => {
    if (candidates.length === 0) return false;
    found.push(...candidates);
    for (const c of candidates) {
      for (let k = current; k < words.length && (words[k]?.start ?? Infinity) < c.end; k += 1) {
        const w = words[k];
        if (w && w.start >= c.start && w.end <= c.end) covered[k] = 1;
      }
    }
    return true;
  };

  for (let i = 0; i < words.length; i += 1) {
    current = Math.max(0, i - 1);
    const word = words[i];
    if (!word || covered[i] || isPlace[i]) continue;
    const prev = words[i - 1];
    const prev2 = words[i - 2];
    const next = words[i + 1];
    const gapBefore = prev ? text.slice(prev.end, word.start) : "";
    const prevTouches = prev !== undefined && /^[ \u00a0\u202f'’]{1,3}$/u.test(gapBefore);
    // "de Le Goff", "chez Da Costa", "avec Van Damme": a capital particle after a word that introduces someone, and
    // a capitalised word after it, is a surname (French says "du", not "de Le", before anything else).
    if (
      CAPITAL_PARTICLES.has(word.text) &&
      prev &&
      prevTouches &&
      (STRONG_TRIGGERS.has(prev.key) || WEAK_TRIGGERS.has(prev.key)) &&
      next?.isCapital &&
      !isPlace[i + 1]
    ) {
      if (add(personAt(text, word, "NOM", LEXICON_PRIORITY.trigger, lexicons))) continue;
    }
    if (STOP.has(word.key) || NOT_NAME_WORDS.has(word.text)) continue;
    const facts = factsOf(word, lexicons);
    const isName = facts.isFirst || facts.isSurname;

    if (!word.isCapital) {
      // Lower case: a name nobody would take for a word ("julie morel", "rappeler karim"), or after "m."/"mme".
      if (word.key.length < 3 || LOWER_STOP.has(word.key)) continue;
      const afterCivility = LOWER_CIVILITY_RE.test(text.slice(Math.max(0, word.start - 14), word.start));
      // "rdv avec pascal roche": a given name and a surname that are also words, after a word that introduces someone.
      const nextWord = words[i + 1];
      const introduced =
        prev !== undefined && prevTouches && (STRONG_TRIGGERS.has(prev.key) || WEAK_TRIGGERS.has(prev.key));
      if (
        !afterCivility &&
        introduced &&
        facts.isFirst &&
        !facts.isFrequentWord &&
        nextWord &&
        !nextWord.isCapital &&
        /^[ \u00a0\u202f]{1,2}$/u.test(text.slice(word.end, nextWord.start))
      ) {
        const nextFacts = factsOf(nextWord, lexicons);
        if (nextFacts.isSurname && !nextFacts.isFrequentWord && !STOP.has(nextWord.key)) {
          const value = text.slice(word.start, nextWord.end);
          add([
            {
              type: "NOM",
              start: word.start,
              end: nextWord.end,
              value,
              priority: LEXICON_PRIORITY.lowerCase,
              person: value,
            },
          ]);
          i += 1;
          continue;
        }
      }
      // "parking du leclerc", "habite à poitiers": a brand or a town typed in lower case is no person.
      const town = placeKey(word.text);
      const isTown =
        lexicons.towns.has(town) || (prev !== undefined && CITY_BEFORE.has(prev.key) && lexicons.communes.has(town));
      if (!afterCivility && (isBrandKey(word.key) || (isTown && !facts.isFirst))) continue;
      if (afterCivility || (isName && !facts.isWord)) {
        let start = word.start;
        let end = word.end;
        // A lower-case given name just before ("claire dubois") or a surname just after ("julie morel").
        if (
          prev &&
          prevTouches &&
          !prev.isCapital &&
          !STOP.has(prev.key) &&
          factsOf(prev, lexicons).isFirst &&
          !afterCivility
        )
          start = prev.start;
        const nextFacts = next ? factsOf(next, lexicons) : undefined;
        // The surname after a given name: one the lists know, or a word no dictionary knows ("julie quéré").
        const nextIsSurname =
          next !== undefined &&
          nextFacts !== undefined &&
          (((nextFacts.isSurname || nextFacts.isFirst) && !nextFacts.isFrequentWord) ||
            (facts.isFirst && next.key.length >= 2 && !lexicons.words.has(next.key) && !isBrandKey(next.key)));
        if (
          next &&
          nextIsSurname &&
          !next.isCapital &&
          !STOP.has(next.key) &&
          /^[ \u00a0\u202f]{1,2}$/u.test(text.slice(end, next.start))
        ) {
          end = next.end;
          i += 1;
        }
        const value = text.slice(start, end);
        const type =
          !afterCivility && facts.isFirst && !facts.isSurname && end === word.end && start === word.start
            ? "PRENOM"
            : "NOM";
        add([{ type, start, end, value, priority: LEXICON_PRIORITY.lowerCase, person: value }]);
      }
      continue;
    }

    const sentenceStart = opensSentence(text, word);
    const upper = isUpperWord(word.text);
    // 1. After a greeting, a contact verb or "dossier/chez/famille": the capitalised word is someone.
    const strong = prev !== undefined && prevTouches && STRONG_TRIGGERS.has(prev.key);
    const weak = prev !== undefined && prevTouches && WEAK_TRIGGERS.has(prev.key) && isName && !facts.isFrequentWord;
    const ofTrigger = weak && prev2 !== undefined && OF_TRIGGERS.has(prev2.key);
    // After a strong trigger even an everyday word is someone when the lists know it as a name ("Rappeler Petit").
    if ((strong && (isName || !lexicons.words.has(word.key))) || ofTrigger || (weak && !facts.isWord)) {
      if (
        add(
          personAt(
            text,
            word,
            isName && facts.isFirst && !facts.isSurname ? "PRENOM" : "NOM",
            LEXICON_PRIORITY.trigger,
            lexicons,
          ),
        )
      )
        continue;
    }
    if (!isName) {
      const isUnknown =
        word.key.length >= 2 &&
        !lexicons.words.has(word.key) &&
        !lexicons.communes.has(placeKey(word.text)) &&
        !isBrandKey(word.key);
      // Surname first, then a given name: "Quéré Yannick", "KERBRAT Anne".
      const nextIsGiven =
        next !== undefined &&
        next.isCapital &&
        !isPlace[i + 1] &&
        /^[ \u00a0\u202f]{1,2}$/u.test(text.slice(word.end, next.start)) &&
        factsOf(next, lexicons).isFirst &&
        !factsOf(next, lexicons).isFrequentWord;
      if (isUnknown && nextIsGiven && add(personAt(text, word, "NOM", LEXICON_PRIORITY.fullName, lexicons))) continue;
      // A word no list knows, opening a sentence before a verb, is someone: "Kerjean a appelé", "Tchakaloff confirme".
      const verbAfter =
        next !== undefined && !next.isCapital && SUBJECT_VERBS.has(next.key) && next.text.toLowerCase() !== "à";
      if (
        opensSentence(text, word) &&
        verbAfter &&
        !upper &&
        word.key.length >= 3 &&
        !lexicons.words.has(word.key) &&
        !lexicons.communes.has(placeKey(word.text)) &&
        !isBrandKey(word.key)
      ) {
        add(personAt(text, word, "NOM", LEXICON_PRIORITY.guard, lexicons));
      }
      continue;
    }
    // 2. A full name with no introduction: a given name and a capitalised surname ("Thomas Girard", "Hugo Van Damme"),
    //    or the administrative order ("ROBIN Céline").
    const nextFacts = next ? factsOf(next, lexicons) : undefined;
    const nextIsNamePart =
      next !== undefined &&
      next.isCapital &&
      !isPlace[i + 1] &&
      !STOP.has(next.key) &&
      !NOT_NAME_WORDS.has(next.text) &&
      /^[ \u00a0\u202f]{1,2}$/u.test(text.slice(word.end, next.start));
    if (
      nextIsNamePart &&
      nextFacts &&
      ((facts.isFirst && !nextFacts.isFrequentWord) || (nextFacts.isFirst && (upper || !facts.isFrequentWord)))
    ) {
      if (add(personAt(text, word, "NOM", LEXICON_PRIORITY.fullName, lexicons))) continue;
    }
    // A given name and a surname with its particle: "Édouard de Montalembert", "Jean-Luc Le Bihan".
    if (
      facts.isFirst &&
      !facts.isFrequentWord &&
      next !== undefined &&
      (NAME_LINKS.has(next.key) || CAPITAL_PARTICLES.has(next.text))
    ) {
      const units = readNameUnits(text, word.start, 4);
      const unitsEnd = units[units.length - 1]?.end ?? 0;
      let inPlace = false;
      for (let k = i; k < words.length && (words[k]?.start ?? Infinity) < unitsEnd; k += 1)
        inPlace ||= isPlace[k] === true;
      if (units.length >= 2 && !inPlace) {
        if (add(personCandidates(text, splitPerson(units, "NOM"), LEXICON_PRIORITY.fullName))) continue;
      }
    }
    // 3. A name opening a sentence: certain when it is no French word ("Karim a appelé"), or when a verb follows
    //    ("Pierre a envoyé", "Marin confirme").
    if (sentenceStart) {
      // Keys are folded, so "à" reads as "a": the preposition is no verb.
      const verbFollows =
        next !== undefined && !next.isCapital && SUBJECT_VERBS.has(next.key) && next.text.toLowerCase() !== "à";
      // An everyday word that is also a surname ("Blanc", "Petit") before an auxiliary: "Blanc a appelé".
      const auxiliaryFollows = verbFollows && next !== undefined && SUBJECT_AUXILIARIES.has(next.text.toLowerCase());
      if (
        !facts.isWord ||
        (verbFollows && (facts.isFirst || !facts.isFrequentWord)) ||
        (auxiliaryFollows && facts.isSurname)
      ) {
        add(
          personAt(text, word, facts.isFirst && !facts.isSurname ? "PRENOM" : "NOM", LEXICON_PRIORITY.guard, lexicons),
        );
      }
      continue;
    }
    // 4. The last guard: inside a sentence, a capital on a word the lexicons know as a name is a name, unless the word
    //    is an everyday one ("Petit", "Place"); a given name is masked even then ("Pierre", "Rose").
    if (facts.isFirst || !facts.isFrequentWord) {
      add(personAt(text, word, facts.isFirst && !facts.isSurname ? "PRENOM" : "NOM", LEXICON_PRIORITY.guard, lexicons));
    }
  }
  return found;
}
