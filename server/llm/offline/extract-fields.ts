// Owns the offline engine's extraction: fields a pattern can find without a model (dates, times, plates, amounts), each with its quote.
import { EXTRACTION_SCHEMAS, type DocumentType, type Extraction, type Field } from "../../../src/extraction/schemas";

const NONE: Field = { value: null, quote: null };

function find(text: string, pattern: RegExp, group = 0): Field {
  const m = pattern.exec(text);
  const value = m?.[group]?.trim();
  return m && value ? { value, quote: m[0].trim() } : NONE;
}

const DATE = /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}(?:er)? (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}\b/i;
const TIME = /\b\d{1,2}\s?h\s?\d{0,2}\b|\b\d{1,2}:\d{2}\b/i;
// The engine reads pseudonymised text: a plate may already be a placeholder, restored afterwards.
const PLATE = /\b[A-HJ-NP-TV-Z]{2}[- ]?\d{3}[- ]?[A-HJ-NP-TV-Z]{2}\b|\[IMMAT_\d+\]/g;
const AMOUNT = String.raw`(\d{1,3}(?:[ \u00a0\u202f.]\d{3})*(?:,\d{1,2})?\s?(?:€|euros?))`;

const vehicle = (plate: Field) => ({ immatriculation: plate, marqueModele: NONE, conducteur: NONE, assureur: NONE });

/** Fields found by patterns in `text` for `documentType`; everything else is null, never guessed. */
export function extractFieldsOffline(text: string, documentType: DocumentType): Extraction {
  const plates = [...text.matchAll(PLATE)].map((m): Field => ({ value: m[0], quote: m[0] }));
  const date = find(text, DATE);
  const heure = find(text, TIME);
  let extraction: Extraction;
  switch (documentType) {
    case "constat-amiable":
      extraction = {
        documentType, date, heure, lieu: NONE,
        vehiculeA: vehicle(plates[0] ?? NONE), vehiculeB: vehicle(plates[1] ?? NONE),
        circonstancesA: NONE, circonstancesB: NONE, temoins: NONE, blesses: NONE, observations: NONE,
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
        montantHT: find(text, new RegExp(String.raw`(?:total|montant)?\s*HT\s*:?\s*${AMOUNT}`, "i"), 1),
        tva: find(text, new RegExp(String.raw`TVA[^\n:]*:?\s*${AMOUNT}`, "i"), 1),
        montantTTC: find(text, new RegExp(String.raw`(?:total|montant)?\s*TTC\s*:?\s*${AMOUNT}`, "i"), 1),
        lignes: [],
      };
      break;
    default:
      extraction = {
        documentType: "declaration-sinistre-auto", date, heure, lieu: NONE, circonstances: NONE,
        vehicules: plates.slice(0, 1).map(vehicle), tiers: plates.slice(1).map((p) => ({ nom: NONE, assureur: NONE, immatriculation: p })),
        dommages: NONE, blesses: NONE,
      };
  }
  return EXTRACTION_SCHEMAS[documentType].parse(extraction) as Extraction;
}
