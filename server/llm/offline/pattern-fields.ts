// Owns the fields the offline engine finds by pattern, without a model (dates, times, plates, amounts), each with its
// quote.
import { EXTRACTION_SCHEMAS, type DocumentType, type Extraction, type Field } from "../../../src/schemas/extraction";
import { lexFigures, type FigureToken } from "../../../src/figures";

const NONE: Field = { value: null, quote: null };

function find(text: string, pattern: RegExp, group = 0): Field {
  const m = pattern.exec(text);
  const value = m?.[group]?.trim();
  return m && value ? { value, quote: m[0].trim() } : NONE;
}

// The engine reads pseudonymised text: a plate may already be a placeholder, restored afterwards.
const PLATE_PLACEHOLDER = /\[IMMAT_\d+\]/g;

/** The first figure of `kind` (a date needs its day, month and year), quoted as written. */
function first(figures: readonly FigureToken[], accept: (f: FigureToken) => boolean): Field {
  const found = figures.find(accept);
  return found ? { value: found.text, quote: found.text } : NONE;
}

/** The amount written on the same line right after `label` ("Total HT : 1 240,00 €"), quoted with its label. */
function labelled(text: string, figures: readonly FigureToken[], label: RegExp): Field {
  for (const m of text.matchAll(new RegExp(label.source, "giu"))) {
    const at = (m.index ?? 0) + m[0].length;
    const lineEnd = text.indexOf("\n", at) === -1 ? text.length : text.indexOf("\n", at);
    const amount = figures.find((f) => f.kind === "amount" && f.start >= at && f.start < lineEnd);
    if (amount) return { value: amount.text, quote: text.slice(m.index ?? 0, amount.end).trim() };
  }
  return NONE;
}

/** Plates as read by the figures lexer, and plate placeholders, in the order of the text. */
function platesOf(text: string, figures: readonly FigureToken[]): Field[] {
  const found = [
    ...figures.filter((f) => f.kind === "plate").map((f) => ({ at: f.start, text: f.text })),
    ...[...text.matchAll(PLATE_PLACEHOLDER)].map((m) => ({ at: m.index ?? 0, text: m[0] })),
  ];
  return found.sort((a, b) => a.at - b.at).map((p): Field => ({ value: p.text, quote: p.text }));
}

const vehicle = (plate: Field) => ({ immatriculation: plate, marqueModele: NONE, conducteur: NONE, assureur: NONE });

/** Fields found by patterns in `text` for `documentType`; everything else is null, never guessed. */
export function patternFields(text: string, documentType: DocumentType): Extraction {
  const figures = lexFigures(text).filter((f) => !f.isWeak);
  const plates = platesOf(text, figures);
  const date = first(
    figures,
    (f) =>
      f.kind === "date" &&
      f.dates.length === 1 &&
      f.dates[0]?.day !== undefined &&
      f.dates[0].month !== undefined &&
      f.dates[0].year !== undefined,
  );
  const heure = first(figures, (f) => f.kind === "time");
  let extraction: Extraction;
  switch (documentType) {
    case "constat-amiable":
      extraction = {
        documentType,
        date,
        heure,
        lieu: NONE,
        vehiculeA: vehicle(plates[0] ?? NONE),
        vehiculeB: vehicle(plates[1] ?? NONE),
        circonstancesA: NONE,
        circonstancesB: NONE,
        temoins: NONE,
        blesses: NONE,
        observations: NONE,
      };
      break;
    case "devis-facture":
      extraction = {
        documentType,
        nature: find(text, /\b(devis|facture)\b/i, 1),
        emetteur: NONE,
        siret: find(text, /SIRET\s*:?\s*(\d{3}\s?\d{3}\s?\d{3}\s?\d{5}|\[SIRET_\d+\])/i, 1),
        numero: find(text, /\b(?:devis|facture)\s*(?:n°|no|numéro)\s*:?\s*(\[[A-Z_]+_\d+\]|[\w-]+)/i, 1),
        date,
        montantHT: labelled(text, figures, /(?:(?:total|montant)\s+)?(?<![\p{L}])HT(?![\p{L}])/u),
        tva: labelled(text, figures, /(?<![\p{L}])TVA(?![\p{L}])/u),
        montantTTC: labelled(text, figures, /(?:(?:total|montant)\s+)?(?<![\p{L}])TTC(?![\p{L}])/u),
        lignes: [],
      };
      break;
    default:
      extraction = {
        documentType: "declaration-sinistre-auto",
        date,
        heure,
        lieu: NONE,
        circonstances: NONE,
        vehicules: plates.slice(0, 1).map(vehicle),
        tiers: plates.slice(1).map((p) => ({ nom: NONE, assureur: NONE, immatriculation: p })),
        dommages: NONE,
        blesses: NONE,
      };
  }
  return EXTRACTION_SCHEMAS[documentType].parse(extraction) as Extraction;
}
