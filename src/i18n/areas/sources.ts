// Owns the strings of the sources area, French first; merged into fr.ts and en.ts so each area edits its own file.

export const sourcesFr = {
  // Server: transcripts and mail threads sent as files.
  "sources.upload.msg":
    "Les fichiers .msg d'Outlook ne sont pas lus : enregistrez le message au format .eml (Fichier › Enregistrer sous) ou copiez-collez le fil de messages.",
  "sources.upload.eml_unreadable":
    "Le fichier de message (.eml) est illisible ou endommagé : enregistrez-le à nouveau depuis votre messagerie ou copiez-collez le fil de messages.",
} as const;

export const sourcesEn: Record<keyof typeof sourcesFr, string> = {
  "sources.upload.msg":
    "Outlook .msg files are not read: save the message as .eml (File › Save as) or copy and paste the thread.",
  "sources.upload.eml_unreadable":
    "The message file (.eml) is unreadable or damaged: save it again from your mail client or copy and paste the thread.",
};
