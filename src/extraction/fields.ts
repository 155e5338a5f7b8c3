// Owns what is done with the fields extracted from insurer documents: their French labels, the walk over them, the
// draft they render as, the guess of the document type and the check of each field against its quote.
import { findUngrounded } from "../checks/groundedness";
import type { DocumentType, Extraction, Field } from "../schemas/extraction";

/** Label of one item of a list field ("Véhicule 2"). */
const ITEM_LABELS: Readonly<Record<string, string>> = { vehicules: "Véhicule", tiers: "Tiers", lignes: "Ligne" };

/** French labels of the fields, for the draft and the form. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  date: "Date",
  heure: "Heure",
  lieu: "Lieu",
  circonstances: "Circonstances",
  vehicules: "Véhicules",
  tiers: "Tiers",
  dommages: "Dommages",
  blesses: "Blessés",
  immatriculation: "Immatriculation",
  marqueModele: "Marque et modèle",
  conducteur: "Conducteur",
  assureur: "Assureur",
  nom: "Nom",
  vehiculeA: "Véhicule A",
  vehiculeB: "Véhicule B",
  circonstancesA: "Circonstances (A)",
  circonstancesB: "Circonstances (B)",
  temoins: "Témoins",
  observations: "Observations",
  nature: "Nature",
  emetteur: "Émetteur",
  siret: "SIRET",
  numero: "Numéro",
  montantHT: "Montant HT",
  tva: "TVA",
  montantTTC: "Montant TTC",
  lignes: "Lignes",
  designation: "Désignation",
  montant: "Montant",
};

export const DOCUMENT_TYPE_LABELS: Readonly<Record<DocumentType, string>> = {
  "declaration-sinistre-auto": "Déclaration de sinistre automobile",
  "constat-amiable": "Constat amiable",
  "devis-facture": "Devis ou facture",
};

/** Picks the document type from words that only these documents use; a claim declaration otherwise. */
export function guessDocumentType(text: string): DocumentType {
  const t = text.toLowerCase();
  if (/constat amiable|véhicule a\b[\s\S]*véhicule b\b/.test(t)) return "constat-amiable";
  if (/\b(devis|facture)\b[\s\S]*\b(ttc|ht)\b/.test(t)) return "devis-facture";
  return "declaration-sinistre-auto";
}

/** A field with its path in the extraction ("vehicules.0.immatriculation"). */
export interface FieldAt {
  readonly path: string;
  readonly label: string;
  readonly field: Field;
}

function isField(value: unknown): value is Field {
  return typeof value === "object" && value !== null && "value" in value && "quote" in value;
}

/** Every field of an extraction, depth first, with its path and label. */
export function fieldsOf(extraction: Extraction): FieldAt[] {
  const out: FieldAt[] = [];
  const walk = (node: unknown, path: string[], labels: string[]) => {
    if (isField(node)) {
      out.push({ path: path.join("."), label: labels.join(" — "), field: node });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) =>
        walk(
          item,
          [...path, String(i)],
          [...labels.slice(0, -1), `${ITEM_LABELS[path.at(-1) ?? ""] ?? labels.at(-1) ?? ""} ${i + 1}`],
        ),
      );
      return;
    }
    if (typeof node === "object" && node !== null) {
      for (const [key, child] of Object.entries(node))
        if (key !== "documentType") walk(child, [...path, key], [...labels, FIELD_LABELS[key] ?? key]);
    }
  };
  walk(extraction, [], []);
  return out;
}

/** Maps every string of an extraction (values and quotes), e.g. to restore pseudonymised data. */
export function mapStrings<T>(node: T, fn: (text: string) => string): T {
  if (typeof node === "string") return fn(node) as T;
  if (Array.isArray(node)) return node.map((n) => mapStrings(n, fn)) as T;
  if (typeof node === "object" && node !== null) {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, k === "documentType" ? v : mapStrings(v, fn)]),
    ) as T;
  }
  return node;
}

/** The extraction as the Markdown draft the adviser reviews: one line per field, with its quote. */
export function renderExtraction(extraction: Extraction): string {
  const lines = [`## ${DOCUMENT_TYPE_LABELS[extraction.documentType]}`];
  for (const { label, field } of fieldsOf(extraction)) {
    const value = field.value ?? "non précisé";
    lines.push(field.quote ? `- ${label} : ${value} — « ${field.quote} »` : `- ${label} : ${value}`);
  }
  return lines.join("\n");
}

const normalise = (text: string) =>
  text.normalize("NFKC").toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, " ").trim();

/**
 * Fields to check by hand: a value without a quote, a quote that is not in the sources, or a value whose
 * figures its own quote does not contain (the quote is right but the value was misread).
 */
export function unquotedFields(extraction: Extraction, sources: readonly string[]): FieldAt[] {
  const haystack = normalise(sources.join("\n"));
  return fieldsOf(extraction).filter(({ field }) => {
    if (field.value === null) return false;
    if (field.quote === null || !haystack.includes(normalise(field.quote))) return true;
    return findUngrounded(field.value, [field.quote]).length > 0;
  });
}
