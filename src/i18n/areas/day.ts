// Owns the strings of the day area, French first; merged into fr.ts and en.ts so each area edits its own file.

export const dayFr = {
  // Server: request bodies and the history of saved texts.
  "server.json.invalid_utf8_field":
    "le champ « {field} » contient des caractères qui ne sont pas en UTF-8 (texte copié d'un ancien logiciel en Windows-1252 ?). Réenregistrez-le en UTF-8 puis renvoyez-le.",
  "server.json.invalid_utf8":
    "le corps contient des caractères qui ne sont pas en UTF-8 (texte copié d'un ancien logiciel en Windows-1252 ?). Réenregistrez-le en UTF-8 puis renvoyez-le.",
  "server.minutes.list_query": "Paramètres de recherche invalides : {issues}",
  "server.minutes.cursor":
    "Le curseur de pagination est invalide ou périmé : recommencez la recherche depuis la première page.",

  // Pane: notes kept on the device.
  "ui.restore.notice": "Notes restaurées du {date} à {time}.",
  "ui.restore.discard": "Effacer ces notes",
  "ui.restore.keep": "Garder",
  "ui.draftname.label": "Nom du brouillon",
  "ui.draftname.hint":
    "Vos notes sont gardées sur cet appareil sous ce nom pendant 24 h, sans donnée personnelle dans le nom.",

  // Pane: "Mes comptes rendus".
  "ui.history.open": "Mes comptes rendus",
  "ui.history.title": "Mes comptes rendus",
  "ui.history.back": "Retour à la saisie",
  "ui.history.search": "Rechercher dans mes textes",
  "ui.history.search_button": "Rechercher",
  "ui.history.empty": "Aucun texte enregistré pour l'instant.",
  "ui.history.no_match": "Aucun texte ne correspond à « {q} ».",
  "ui.history.more": "Plus de résultats",
  "ui.history.loading": "Chargement…",
  "ui.history.failed": "La liste n'a pas pu être chargée : {reason}",
  "ui.history.saved_on": "Enregistré le {date} à {time}",
  "ui.history.member": "Sociétaire {member}",
  "ui.history.case.ai-validated": "IA validée",
  "ui.history.case.human-with-ai": "Rédigé avec l'IA",
  "ui.history.case.ai-only": "IA seule",
  "ui.history.readonly": "Lecture seule : ce texte est enregistré tel qu'il a été validé.",
  "ui.history.provenance": "Consigne {prePrompt} (version {version}) · part IA {share} % · validé le {date} à {time}",
  "ui.history.copy": "Copier",
  "ui.history.copied": "Texte copié.",
  "ui.history.docx": "Exporter en .docx",
  "ui.history.exported": "Document Word téléchargé.",
  "ui.history.new_from": "Nouveau brouillon à partir de celui-ci",
  "ui.history.earlier.title": "Comptes rendus précédents de ce sociétaire",
  "ui.history.earlier.hint": "Vous pouvez en ajouter un comme source ; rien n'est ajouté sans votre choix.",
  "ui.history.earlier.add": "Ajouter comme source",
  "ui.history.earlier.source_name": "Compte rendu du {date}",

  // .docx export.
  "docx.file_prefix.interview-minutes": "compte-rendu",
  "docx.file_prefix.member-email": "courriel-societaire",
  "docx.file_prefix.claim-summary": "synthese-sinistre",
  "docx.file_prefix.document-extraction": "extraction-document",
} as const;

export const dayEn: Record<keyof typeof dayFr, string> = {
  "server.json.invalid_utf8_field":
    "the field “{field}” contains characters that are not UTF-8 (text copied from an old Windows-1252 system?). Save it as UTF-8 and send it again.",
  "server.json.invalid_utf8":
    "the body contains characters that are not UTF-8 (text copied from an old Windows-1252 system?). Save it as UTF-8 and send it again.",
  "server.minutes.list_query": "Invalid search parameters: {issues}",
  "server.minutes.cursor": "The page cursor is invalid or stale: start the search again from the first page.",

  "ui.restore.notice": "Notes restored from {date} at {time}.",
  "ui.restore.discard": "Discard these notes",
  "ui.restore.keep": "Keep",
  "ui.draftname.label": "Draft name",
  "ui.draftname.hint":
    "Your notes are kept on this device under this name for 24 h; keep personal data out of the name.",

  "ui.history.open": "My saved texts",
  "ui.history.title": "My saved texts",
  "ui.history.back": "Back to notes",
  "ui.history.search": "Search my texts",
  "ui.history.search_button": "Search",
  "ui.history.empty": "No saved text yet.",
  "ui.history.no_match": "No text matches “{q}”.",
  "ui.history.more": "More results",
  "ui.history.loading": "Loading…",
  "ui.history.failed": "The list could not be loaded: {reason}",
  "ui.history.saved_on": "Saved on {date} at {time}",
  "ui.history.member": "Member {member}",
  "ui.history.case.ai-validated": "AI, validated",
  "ui.history.case.human-with-ai": "Written with AI",
  "ui.history.case.ai-only": "AI only",
  "ui.history.readonly": "Read only: this text is stored as it was validated.",
  "ui.history.provenance":
    "Pre-prompt {prePrompt} (version {version}) · AI share {share} % · validated on {date} at {time}",
  "ui.history.copy": "Copy",
  "ui.history.copied": "Text copied.",
  "ui.history.docx": "Export as .docx",
  "ui.history.exported": "Word document downloaded.",
  "ui.history.new_from": "New draft from this one",
  "ui.history.earlier.title": "Earlier texts for this member",
  "ui.history.earlier.hint": "You may add one as a source; nothing is added unless you choose it.",
  "ui.history.earlier.add": "Add as source",
  "ui.history.earlier.source_name": "Minutes of {date}",

  "docx.file_prefix.interview-minutes": "compte-rendu",
  "docx.file_prefix.member-email": "courriel-societaire",
  "docx.file_prefix.claim-summary": "synthese-sinistre",
  "docx.file_prefix.document-extraction": "extraction-document",
};
