// Owns the contract of the structured fields extracted from insurer documents: claim declarations, accident reports,
// quotes and invoices (the structured output a provider must give, and the `extraction` of a generation).
import * as z from "zod/mini";

/** Every extracted value carries the passage of the document it was read from, so it can be checked. */
export const FieldSchema = z.strictObject({
  value: z.nullable(z.string()).check(z.describe("La valeur telle qu'écrite dans le document, ou null si absente")),
  quote: z.nullable(z.string()).check(z.describe("Le passage exact du document d'où vient la valeur, ou null")),
});
export type Field = z.infer<typeof FieldSchema>;

const VehicleSchema = z.strictObject({
  immatriculation: FieldSchema,
  marqueModele: FieldSchema,
  conducteur: FieldSchema,
  assureur: FieldSchema,
});

export const ClaimDeclarationSchema = z.strictObject({
  documentType: z.literal("declaration-sinistre-auto"),
  date: FieldSchema,
  heure: FieldSchema,
  lieu: FieldSchema,
  circonstances: FieldSchema,
  vehicules: z.array(VehicleSchema),
  tiers: z.array(z.strictObject({ nom: FieldSchema, assureur: FieldSchema, immatriculation: FieldSchema })),
  dommages: FieldSchema,
  blesses: FieldSchema,
});

export const AccidentReportSchema = z.strictObject({
  documentType: z.literal("constat-amiable"),
  date: FieldSchema,
  heure: FieldSchema,
  lieu: FieldSchema,
  vehiculeA: VehicleSchema,
  vehiculeB: VehicleSchema,
  circonstancesA: FieldSchema,
  circonstancesB: FieldSchema,
  temoins: FieldSchema,
  blesses: FieldSchema,
  observations: FieldSchema,
});

export const QuoteInvoiceSchema = z.strictObject({
  documentType: z.literal("devis-facture"),
  nature: FieldSchema.check(z.describe("devis ou facture")),
  emetteur: FieldSchema,
  siret: FieldSchema,
  numero: FieldSchema,
  date: FieldSchema,
  montantHT: FieldSchema,
  tva: FieldSchema,
  montantTTC: FieldSchema,
  lignes: z.array(z.strictObject({ designation: FieldSchema, montant: FieldSchema })),
});

export const DOCUMENT_TYPES = ["declaration-sinistre-auto", "constat-amiable", "devis-facture"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const EXTRACTION_SCHEMAS = {
  "declaration-sinistre-auto": ClaimDeclarationSchema,
  "constat-amiable": AccidentReportSchema,
  "devis-facture": QuoteInvoiceSchema,
} as const;

export const ExtractionSchema = z.discriminatedUnion("documentType", [
  ClaimDeclarationSchema,
  AccidentReportSchema,
  QuoteInvoiceSchema,
]);
export type Extraction = z.infer<typeof ExtractionSchema>;
