// Owns the closing formulas that end a mail ("Cordialement,", "Mit freundlichen Grüßen", "Saludos,"…) and the shape of
// the signature blocks under them.

// Formulas that only ever close a mail, in the languages members write (and the Nordic and Polish ones they forward).
const STRONG = [
  // en
  "best",
  "best regards",
  "kind regards",
  "kindest regards",
  "regards",
  "warm regards",
  "warmest regards",
  "cheers",
  "best wishes",
  "all the best",
  "sincerely",
  "sincerely yours",
  "yours truly",
  "yours sincerely",
  "yours faithfully",
  "talk soon",
  "speak soon",
  "take care",
  "warmly",
  "rgds",
  "br",
  "respectfully",
  "with gratitude",
  "warm wishes",
  "peace",
  "onwards",
  "ta",
  "best,",
  "many regards",
  // fr
  "cordialement",
  "bien cordialement",
  "très cordialement",
  "tres cordialement",
  "trés cordialement",
  "bien à vous",
  "bien a vous",
  "amicalement",
  "sincères salutations",
  "sinceres salutations",
  "meilleures salutations",
  "salutations",
  "salutations distinguées",
  "salutations respectueuses",
  "bises",
  "grosses bises",
  "respectueusement",
  "cdlt",
  "bàv",
  "bav",
  "cordialement vôtre",
  "sincèrement",
  "mes salutations",
  "bien sincèrement",
  // de
  "mit freundlichen grüßen",
  "mit freundlichen grüssen",
  "freundliche grüße",
  "freundliche grüsse",
  "viele grüße",
  "viele grüsse",
  "beste grüße",
  "liebe grüße",
  "schöne grüße",
  "herzliche grüße",
  "danke und gruß",
  "gruß",
  "grüße",
  "lg",
  "vg",
  "mfg",
  "bis bald",
  "mit besten grüßen",
  // es
  "saludos",
  "un saludo",
  "saludos cordiales",
  "atentamente",
  "cordialmente",
  "un abrazo",
  "hasta pronto",
  "un cordial saludo",
  "muy atentamente",
  // it
  "cordiali saluti",
  "saluti",
  "distinti saluti",
  "a presto",
  "un saluto",
  "cordialmente",
  "saluti cordiali",
  // nl
  "met vriendelijke groet",
  "met vriendelijke groeten",
  "groeten",
  "hartelijke groet",
  "groetjes",
  "mvg",
  "vriendelijke groet",
  // pt
  "atenciosamente",
  "abraços",
  "abraço",
  "cumprimentos",
  "um abraço",
  "melhores cumprimentos",
  "cordiais cumprimentos",
  // ru
  "с уважением",
  "с наилучшими пожеланиями",
  "всего доброго",
  "всего хорошего",
  "с уважением и наилучшими пожеланиями",
  // ar
  "مع التحية",
  "مع خالص التحية",
  "مع أطيب التحيات",
  "مع تحياتي",
  "تحياتي",
  "وتفضلوا بقبول فائق الاحترام",
  // sv, pl
  "med vänliga hälsningar",
  "vänliga hälsningar",
  "mvh",
  "hälsningar",
  "pozdrawiam",
  "z poważaniem",
  "pozdrawiam serdecznie",
];
// Thanks and wishes, which may also be the whole message ("Merci."): a closing only with a name block under them.
const WEAK = [
  "merci",
  "merci d'avance",
  "merci d’avance",
  "merci par avance",
  "merci beaucoup",
  "merci encore",
  "merci à vous",
  "bonne journée",
  "bonne soirée",
  "bonne fin de journée",
  "bonne semaine",
  "belle journée",
  "à bientôt",
  "a bientot",
  "à très vite",
  "thanks",
  "thank you",
  "thanks again",
  "many thanks",
  "thanks in advance",
  "thanks so much",
  "thanks a lot",
  "thx",
  "much appreciated",
  "have a great weekend",
  "have a good one",
  "have a nice day",
  "looking forward to it",
  "hope this helps",
  "talk to you soon",
  "danke",
  "vielen dank",
  "vielen dank im voraus",
  "danke schön",
  "danke im voraus",
  "gracias",
  "muchas gracias",
  "gracias de antemano",
  "grazie",
  "grazie mille",
  "buona giornata",
  "obrigado",
  "obrigada",
  "muito obrigado",
  "bedankt",
  "dank je",
  "dank u",
  "спасибо",
  "благодарю",
  "شكرا",
  "شكراً",
  "tack",
  "dziękuję",
];
const STRONG_SET: ReadonlySet<string> = new Set(STRONG);
const WEAK_SET: ReadonlySet<string> = new Set(WEAK);
// The formal French closings, whole sentences.
const FORMAL_RE =
  /^(?:je vous prie d['’]agréer|veuillez (?:agréer|recevoir)|recevez|je vous prie de (?:croire|recevoir)|dans l['’]attente de votre (?:retour|réponse)|en vous remerciant)\b.{0,200}$/iu;

function normalise(line: string): string {
  return line
    .trim()
    .toLowerCase()
    .replace(/[\s,.!;:…،]+$/u, "")
    .replace(/\s+/gu, " ");
}

/**
 * The kind of closing `line` is: "strong" (only ever closes a mail: "Cordialement,", "Kind regards", "Mit freundlichen
 * Grüßen", "Cordialement, Jean Dupont"), "weak" (thanks or wishes that may be the message itself), or null.
 */
export function closingKind(line: string): "strong" | "weak" | null {
  const trimmed = line.trim();
  if (trimmed.length > 220) return null;
  if (FORMAL_RE.test(trimmed)) return "strong";
  const whole = normalise(trimmed);
  if (STRONG_SET.has(whole)) return "strong";
  if (WEAK_SET.has(whole)) return "weak";
  // "Cordialement, Jean Dupont": a formula, a comma, then a short name.
  const comma = trimmed.indexOf(",");
  if (comma > 0 && trimmed.length - comma <= 60 && STRONG_SET.has(normalise(trimmed.slice(0, comma)))) return "strong";
  return null;
}

// A person's name as signatures write it: capitalised words (particles and initials allowed), optionally after a dash
// or tilde ("-Jean", "~ Jean"), optionally followed by pronouns, or by a separator and a title or company.
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’-]*\.?`;
const PARTICLE = String.raw`(?:de|du|des|le|la|van|von|der|den|da|di|dos|del|bin|al|el)`;
const NAME_LINE_RE = new RegExp(
  String.raw`^(?:[-–—~]{1,2}[ \t]?)?${NAME_WORD}(?:[ \t]+(?:${NAME_WORD}|${PARTICLE})){0,4}(?:[ \t]*\([^()\n]{1,30}\))?(?:[ \t]*(?:[|,–·/]|[ \t]-[ \t]|[ \t]{2})[ \t]*\S.{0,90})?$`,
  "u",
);
const CONTACT_RE =
  /(?:\+|(?<![\p{L}\p{N}]))\(?\d[\d .()/-]{6,}\d|@[\p{L}\p{N}-]+\.\p{L}{2,}|https?:\/\/|www\.|(?<![\p{L}])(?:tel|tél|mobile|mob|phone|fax|portable|telefon|handy|móvil|cel|cell)\.?[ \t]*:/iu;

/** Does `line` open a signature with a person's name ("Jean Dupont", "-Jean", "Jean Dupont | Conseiller | MAIF")? */
export function isNameLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length <= 120 && /\p{Ll}/u.test(trimmed) && NAME_LINE_RE.test(trimmed);
}

/** Does `line` hold contact details (a phone number, an address, a web site)? */
export function hasContact(line: string): boolean {
  return line.length <= 200 && CONTACT_RE.test(line);
}
