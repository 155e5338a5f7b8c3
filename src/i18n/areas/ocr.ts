// Owns the strings of OCR (scans and photos read on our servers), French first; merged into fr.ts and en.ts.

export const ocrFr = {
  "ocr.image.corrupt": "L'image est illisible ou endommagée : enregistrez-la à nouveau (JPEG ou PNG), puis réessayez.",
  "ocr.image.unsupported":
    "Ce format d'image n'est pas lu : envoyez une photo ou un scan en JPEG, PNG, HEIC, WebP ou TIFF.",
  "ocr.image.too_many_pixels":
    "L'image compte {megapixels} millions de pixels (maximum {max}) : réduisez sa taille, puis réessayez.",
  "ocr.pdf.encrypted":
    "Le PDF est protégé par un mot de passe : enregistrez-en une copie sans protection, puis réessayez.",
  "ocr.pdf.corrupt": "Le PDF est endommagé : il n'a pas pu être ouvert pour la lecture des pages scannées.",
  "ocr.pdf.too_many_pages":
    "Le document scanné compte {pages} pages ; la lecture automatique est limitée à {max} pages. Envoyez les pages utiles seulement.",
  "ocr.no_text_one":
    "Aucun texte n'a pu être lu sur cette image : vérifiez qu'elle est nette et bien éclairée, ou saisissez les informations vous-même.",
  "ocr.no_text_many":
    "Aucun texte n'a pu être lu sur les {pages} pages : vérifiez que le scan est net, ou saisissez les informations vous-même.",
  "ocr.page_failed":
    "La lecture de la page {page} n'a pas abouti (délai dépassé ou page trop complexe). Réessayez, ou saisissez les informations vous-même.",
  "ocr.not_scan": "Ce fichier n'est ni une image ni un PDF : envoyez une photo ou un scan (JPEG, PNG, HEIC, PDF).",

  "ui.ocr.add": "Photo ou scan (lecture automatique)",
  "ui.ocr.reading": "Lecture du document par reconnaissance de texte…",
  "ui.ocr.progress": "Page {page} sur {pages} lue",
  "ui.ocr.progress_start": "Préparation de {pages} page(s)…",
  "ui.ocr.cancel": "Annuler la lecture",
  "ui.ocr.review_title": "Texte lu sur le document : relisez-le et corrigez-le",
  "ui.ocr.review_hint":
    "La reconnaissance de texte peut se tromper (chiffres, noms, cases cochées). Corrigez ici avant d'utiliser le texte : les champs extraits citeront ce texte.",
  "ui.ocr.page_label": "Page {page} (confiance {confidence} %)",
  "ui.ocr.low_confidence": "Lecture incertaine (confiance {confidence} %) : comparez cette page à l'original.",
  "ui.ocr.low_pages": "Pages à vérifier avec l'original : {pages}.",
  "ui.ocr.rotated": "Page redressée ({degrees}°).",
  "ui.ocr.use": "Utiliser ce texte comme source",
  "ui.ocr.discard": "Abandonner",
  "ui.ocr.failed": "Le document n'a pas pu être lu : {reason}",
  "ui.ocr.local_note": "L'image reste sur nos serveurs : seul le texte relu, pseudonymisé, sert à la rédaction.",
  "ui.source.kind.scan": "Scan lu par reconnaissance de texte",
  "ui.ocr.summary": "{format} · {pages} page(s) · confiance {confidence} %",
} as const;

export const ocrEn: Record<keyof typeof ocrFr, string> = {
  "ocr.image.corrupt": "The image is unreadable or damaged: save it again (JPEG or PNG), then retry.",
  "ocr.image.unsupported": "This image format is not read: send a photo or scan as JPEG, PNG, HEIC, WebP or TIFF.",
  "ocr.image.too_many_pixels":
    "The image has {megapixels} million pixels (at most {max}): make it smaller, then retry.",
  "ocr.pdf.encrypted": "The PDF is password-protected: save an unprotected copy, then retry.",
  "ocr.pdf.corrupt": "The PDF is damaged: it could not be opened to read its scanned pages.",
  "ocr.pdf.too_many_pages":
    "The scanned document has {pages} pages; automatic reading is limited to {max} pages. Send only the pages you need.",
  "ocr.no_text_one":
    "No text could be read on this image: check that it is sharp and well lit, or type the information yourself.",
  "ocr.no_text_many":
    "No text could be read on the {pages} pages: check that the scan is sharp, or type the information yourself.",
  "ocr.page_failed":
    "Reading page {page} did not finish (time limit or too complex a page). Retry, or type the information yourself.",
  "ocr.not_scan": "This file is neither an image nor a PDF: send a photo or a scan (JPEG, PNG, HEIC, PDF).",

  "ui.ocr.add": "Photo or scan (text recognition)",
  "ui.ocr.reading": "Reading the document with text recognition…",
  "ui.ocr.progress": "Page {page} of {pages} read",
  "ui.ocr.progress_start": "Preparing {pages} page(s)…",
  "ui.ocr.cancel": "Cancel reading",
  "ui.ocr.review_title": "Text read from the document: check and correct it",
  "ui.ocr.review_hint":
    "Text recognition can be wrong (figures, names, ticked boxes). Correct it here before using the text: the extracted fields will quote it.",
  "ui.ocr.page_label": "Page {page} (confidence {confidence}%)",
  "ui.ocr.low_confidence": "Uncertain reading (confidence {confidence}%): compare this page with the original.",
  "ui.ocr.low_pages": "Pages to check against the original: {pages}.",
  "ui.ocr.rotated": "Page turned upright ({degrees}°).",
  "ui.ocr.use": "Use this text as the source",
  "ui.ocr.discard": "Discard",
  "ui.ocr.failed": "The document could not be read: {reason}",
  "ui.ocr.local_note": "The image stays on our servers: only the checked, pseudonymised text is used for drafting.",
  "ui.source.kind.scan": "Scan read by text recognition",
  "ui.ocr.summary": "{format} · {pages} page(s) · confidence {confidence}%",
};
