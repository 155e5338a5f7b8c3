// Owns the strings of the documents area, French first; merged into fr.ts and en.ts so each area edits its own file.

export const documentsFr = {
  "problem.document_needs_ocr.title": "Document sans texte à lire",
  "problem.document_needs_ocr.detail": "Document scanné sans texte : aucune page ne contient de texte lisible.",
  "problem.document_too_complex.title": "Document trop complexe",
  "problem.document_too_complex.detail": "Le document est trop complexe pour être lu ; il n'a pas été lu.",
  "problem.documents_busy.title": "Lecture des documents saturée",
  "problem.documents_busy.detail": "Trop de documents sont en cours de lecture. Réessayez dans une minute.",
  "documents.scanned":
    "Document scanné sans texte : ses {pages} page(s) ne contiennent que des images, sans texte lisible. Demandez une version numérique du document ou saisissez les éléments utiles dans vos notes.",
  "documents.limit.time":
    "La lecture du document a dépassé {seconds} secondes ; elle a été arrêtée. Le fichier est anormalement complexe : enregistrez-le à nouveau (en PDF ou en .docx) ou envoyez seulement les pages utiles.",
  "documents.limit.memory":
    "La lecture du document demandait trop de mémoire ; elle a été arrêtée. Le fichier est anormalement volumineux une fois décompressé : enregistrez-le à nouveau ou envoyez seulement les pages utiles.",
  "documents.limit.docx_part":
    "Le document Word est anormalement volumineux une fois décompressé (« {part} » dépasserait {limit} Mo) ; il n'a pas été lu.",
  "documents.limit.docx_total":
    "Le document Word est anormalement volumineux une fois décompressé (plus de {limit} Mo de contenu) ; il n'a pas été lu.",
  "documents.limit.docx_ratio":
    "Le document Word est compressé de façon anormale (« {part} » grossirait {ratio} fois) ; il n'a pas été lu.",
  "documents.limit.docx_entries":
    "Le document Word contient {count} fichiers internes, au-delà de la limite de {max} ; il n'a pas été lu.",
  "documents.limit.pdf_stream":
    "Le PDF contient un contenu anormalement volumineux une fois décompressé (plus de {limit} Mo) ; il n'a pas été lu. Enregistrez-le à nouveau ou envoyez seulement les pages utiles.",
  "documents.limit.text":
    "Le document contient plus de {max} caractères de texte, au-delà de ce qu'une source peut contenir. Envoyez seulement les pages utiles.",
  "documents.busy": "Trop de documents sont en cours de lecture sur le serveur. Réessayez dans une minute.",
  "documents.field.checked": "coché",
  "documents.xfa":
    "Ce PDF est un formulaire dynamique (XFA) que seul Adobe Acrobat Reader sait afficher : ouvrez-le dans Acrobat Reader, imprimez-le en PDF (Imprimer > Microsoft Print to PDF), puis envoyez ce nouveau PDF.",
  "documents.encrypted":
    "Le PDF est protégé par un mot de passe : il ne peut pas être lu. Enregistrez-en une copie sans mot de passe (Imprimer > Enregistrer au format PDF), puis envoyez-la.",
} as const;

export const documentsEn: Record<keyof typeof documentsFr, string> = {
  "problem.document_needs_ocr.title": "Document without text to read",
  "problem.document_needs_ocr.detail": "Scanned document without text: no page contains readable text.",
  "problem.document_too_complex.title": "Document too complex",
  "problem.document_too_complex.detail": "The document is too complex to read; it was not read.",
  "problem.documents_busy.title": "Document reading at capacity",
  "problem.documents_busy.detail": "Too many documents are being read. Try again in a minute.",
  "documents.scanned":
    "Scanned document without text: its {pages} page(s) hold only images, no readable text. Ask for a digital version or type the useful facts into your notes.",
  "documents.limit.time":
    "Reading the document took more than {seconds} seconds; it was stopped. The file is abnormally complex: save it again (as PDF or .docx) or send only the useful pages.",
  "documents.limit.memory":
    "Reading the document needed too much memory; it was stopped. The file is abnormally large once decompressed: save it again or send only the useful pages.",
  "documents.limit.docx_part":
    "The Word document is abnormally large once decompressed (“{part}” would exceed {limit} MB); it was not read.",
  "documents.limit.docx_total":
    "The Word document is abnormally large once decompressed (over {limit} MB of content); it was not read.",
  "documents.limit.docx_ratio":
    "The Word document is abnormally compressed (“{part}” would grow {ratio} times); it was not read.",
  "documents.limit.docx_entries":
    "The Word document holds {count} internal files, over the limit of {max}; it was not read.",
  "documents.limit.pdf_stream":
    "The PDF holds content that is abnormally large once decompressed (over {limit} MB); it was not read. Save it again or send only the useful pages.",
  "documents.limit.text":
    "The document holds more than {max} characters of text, more than a source can hold. Send only the useful pages.",
  "documents.busy": "Too many documents are being read on the server. Try again in a minute.",
  "documents.field.checked": "checked",
  "documents.xfa":
    "This PDF is a dynamic (XFA) form that only Adobe Acrobat Reader can display: open it in Acrobat Reader, print it to PDF (Print > Microsoft Print to PDF), then send that new PDF.",
  "documents.encrypted":
    "The PDF is password-protected: it cannot be read. Save a copy without a password (Print > Save as PDF), then send it.",
};
