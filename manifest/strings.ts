// Owns the words both manifests show in Outlook, Teams and the admin center (French, the advisers' language).

/** Every user-facing string of the manifests; lengths are checked against the schemas' limits by the tests. */
export const STRINGS = {
  /** name.short (≤ 30) and the XML DisplayName base. */
  appName: "Greffier",
  /** name.full (≤ 100). */
  appFullName: "Greffier – comptes rendus et courriels assistés par IA",
  /** The XML add-in's DisplayName: distinct from the unified app's, as Microsoft asks when both are deployed. */
  xmlDisplayName: "Greffier pour Outlook",
  /** description.short (≤ 80). */
  descriptionShort: "Comptes rendus d'entretien et courriels rédigés avec l'IA, validés par vous.",
  /** description.full (≤ 4000) and, cut to 250, the XML Description. */
  descriptionFull:
    "Greffier aide les conseillers MAIF à rédiger le compte rendu d'un entretien avec un sociétaire, à répondre par courriel " +
    "et à résumer un dossier de sinistre. Vous saisissez vos notes ; Greffier propose un brouillon sous un pré-prompt " +
    "obligatoire et versionné. Rien n'est enregistré ni envoyé avant que vous l'ayez relu et validé, et chaque génération " +
    "reste consultable par le comité d'éthique et de contrôle. Greffier s'ouvre dans Outlook (lecture, rédaction, rendez-vous) " +
    "et dans Teams (onglet personnel et panneau latéral de réunion).",
  /** XML Description (≤ 250). */
  descriptionXml:
    "Comptes rendus d'entretien et courriels aux sociétaires rédigés avec l'IA, relus et validés par le conseiller avant tout envoi.",
  /** Ribbon group label. */
  groupLabel: "Greffier",
  /** Button on messages (read and compose). */
  mailButtonLabel: "Ouvrir Greffier",
  mailButtonTooltip: "Rédiger une réponse ou un compte rendu avec l'IA, sous votre validation.",
  /** Button on appointments (organizer and attendee). */
  meetingButtonLabel: "Compte rendu",
  meetingButtonTooltip: "Rédiger le compte rendu de ce rendez-vous avec l'IA, sous votre validation.",
} as const;
