// Owns the detection of health information, which is kept in the text (the minutes need it) but reported.

// Health data is a special category (GDPR art. 9): the committee must see how often it reaches the provider.
// A negated mention ("pas de blessé") still counts: it still says something about the member's health.
const HEALTH_TERMS = [
  "m[ée]decins?", "m[ée]dica(?:l|le|les|ux)", "m[ée]dicaments?", "ordonnances?", "arr[êe]ts?\\s+(?:de\\s+travail|maladie)",
  "en\\s+arr[êe]t", "d['’]arr[êe]t", "malades?", "maladies?", "asthme", "asthmatiques?", "allergi(?:e|es|que|ques)",
  "diab[èe]te", "diab[ée]tiques?", "cancers?", "chimioth[ée]rapie", "chimio", "hospitalis(?:[ée]|[ée]e|[ée]s|[ée]es|ation)",
  "h[ôo]pital", "h[ôo]pitaux", "cliniques?", "urgences", "samu", "bless[ée](?:e|s|es)?", "blessures?", "fractur(?:e|es|[ée]|[ée]e)",
  "entorses?", "traumatismes?", "commotion", "cervicales", "enceinte", "grossesse", "accouchement", "handicap(?:s|[ée]|[ée]e|[ée]s|[ée]es)?",
  "invalidit[ée]", "itt", "ipp", "ald", "mdph", "aah", "d[ée]pression", "d[ée]pressi(?:f|ve)", "burn-out",
  "psychologues?", "psychiatres?", "psychologiques?", "anxi[ée]t[ée]", "kin[ée](?:sith[ée]rapeute)?", "chirurgi(?:e|cale|en)",
  "certificat\\s+m[ée]dical", "soins\\s+m[ée]dicaux", "infirmi(?:er|[èe]re)s?", "convalescence",
];
const HEALTH_RE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${HEALTH_TERMS.join("|")})(?![\\p{L}\\p{N}])`, "iu");

/** Whether the text mentions health (doctor, sick leave, illness, injury, pregnancy, disability…). */
export function hasHealthData(text: string): boolean {
  return HEALTH_RE.test(text);
}
