// Owns the strings of the figures area, French first; merged into fr.ts and en.ts so each area edits its own file.

export const figuresFr = {
  // Server: an AI edit needs a generative model.
  "server.revise.needs_model":
    "La retouche par IA demande un modèle d'IA générative, et aucun n'est disponible (moteur hors ligne) : le brouillon n'a pas été modifié. Retouchez-le vous-même, ou réessayez quand un modèle sera configuré.",

  // Offline engine: what it writes in a member e-mail, and the source it does not summarise.
  "offline.email.request_heading": "Demande du sociétaire",
  "offline.email.answer_heading": "Réponse",
  "offline.email.answer_placeholder":
    "(à rédiger par le conseiller : le moteur hors ligne n'écrit pas de réponse ; commencez une ligne de vos notes par « Réponse : » pour la placer ici)",
  "offline.email.adviser_heading": "Notes du conseiller (à ne pas envoyer telles quelles)",
  "offline.figures_heading": "Repères relevés dans les notes",
  "offline.figures_dates": "Dates",
  "offline.figures_amounts": "Montants",
  "offline.source_attached":
    "_Une source est jointe : à reprendre manuellement, le moteur hors ligne ne la résume pas._",

  // Pane: what a generation without a model did and did not do.
  "ui.revise.needs_model":
    "La retouche par IA demande un modèle d'IA générative ; ce brouillon a été préparé sans (moteur hors ligne).",
  "ui.footprint.no_model": "Empreinte : 0 Wh, aucun modèle utilisé",
} as const;

export const figuresEn: Record<keyof typeof figuresFr, string> = {
  "server.revise.needs_model":
    "An AI edit needs a generative AI model, and none is available (offline engine): the draft was not changed. Edit it yourself, or try again once a model is configured.",
  "offline.email.request_heading": "Member's request",
  "offline.email.answer_heading": "Answer",
  "offline.email.answer_placeholder":
    "(for the adviser to write: the offline engine writes no answer; start a line of your notes with « Réponse : » to place it here)",
  "offline.email.adviser_heading": "Adviser's notes (not to be sent as they are)",
  "offline.figures_heading": "Figures found in the notes",
  "offline.figures_dates": "Dates",
  "offline.figures_amounts": "Amounts",
  "offline.source_attached": "_A source is attached: take it up by hand, the offline engine does not summarise it._",
  "ui.revise.needs_model":
    "An AI edit needs a generative AI model; this draft was prepared without one (offline engine).",
  "ui.footprint.no_model": "Footprint: 0 Wh, no model used",
};
