// Owns the extraction as a form: its fields in document order with their labels and quotes, and the text it saves
// ("Libellé : valeur").
import { t, type Locale, type MessageKey } from "../../src/i18n/core";
import type { DocumentType } from "../../src/schemas/extraction";
import { fr } from "../../src/i18n/fr";

/** The document types the server extracts; a copy of src's list without pulling zod into the pane. */
export const DOCUMENT_TYPE_IDS = [
  "declaration-sinistre-auto",
  "constat-amiable",
  "devis-facture",
] as const satisfies readonly DocumentType[];

/** Whether `value` is a document type the pane offers. */
export function isDocumentType(value: unknown): value is DocumentType {
  return typeof value === "string" && (DOCUMENT_TYPE_IDS as readonly string[]).includes(value);
}

/** One label part: a field name, or an item of a list field with its number. */
type LabelPart = { readonly key: string } | { readonly list: string; readonly n: number };

/** One field of the form. */
export interface FormField {
  /** Path in the extraction, as the server names it in `ungrounded[].field` ("vehicules.0.immatriculation"). */
  readonly path: string;
  readonly parts: readonly LabelPart[];
  /** The value the model read, or "" when absent. */
  readonly value: string;
  /** The passage of the document it comes from, or null. */
  readonly quote: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isField = (v: unknown): v is { value: unknown; quote: unknown } => isRecord(v) && "value" in v && "quote" in v;
const LIST_KEYS = new Set(["vehicules", "tiers", "lignes"]);

/** Every field of an extraction, depth first, as the server walks it; nothing for an answer without one. */
export function formFields(extraction: unknown): FormField[] {
  const out: FormField[] = [];
  const walk = (node: unknown, path: string[], parts: LabelPart[]): void => {
    if (isField(node)) {
      out.push({
        path: path.join("."),
        parts,
        value: typeof node.value === "string" ? node.value : "",
        quote: typeof node.quote === "string" && node.quote !== "" ? node.quote : null,
      });
    } else if (Array.isArray(node)) {
      const list = path.at(-1) ?? "";
      // "Véhicule 2 — Immatriculation": the item takes the list's place in the label.
      node.forEach((item, i) =>
        walk(
          item,
          [...path, String(i)],
          [...parts.slice(0, -1), LIST_KEYS.has(list) ? { list, n: i + 1 } : { key: list }],
        ),
      );
    } else if (isRecord(node)) {
      for (const [key, child] of Object.entries(node))
        if (key !== "documentType") walk(child, [...path, key], [...parts, { key }]);
    }
  };
  if (isRecord(extraction)) walk(extraction, [], []);
  return out;
}

/** The field's label in `locale` ("Véhicule 1 — Immatriculation"); unknown names are shown as they are. */
export function fieldLabel(field: FormField, locale: Locale): string {
  return field.parts
    .map((part) => {
      if ("list" in part) return t(`extraction.item.${part.list}` as MessageKey, { n: part.n }, locale);
      const key = `extraction.field.${part.key}`;
      // A field the catalogue has no label for (a newer schema than this pane) keeps its name.
      return Object.hasOwn(fr, key) ? t(key as MessageKey, {}, locale) : part.key;
    })
    .join(" — ");
}

/** The values the form starts with, by path. */
export function initialValues(fields: readonly FormField[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.path, f.value]));
}

/**
 * The text the form saves: one line "Libellé : valeur" per field, in French whatever the pane's language (the record
 * is the insurer's), "non précisé" for an empty value. Quotes are for checking, not part of the record.
 */
export function renderForm(fields: readonly FormField[], values: Readonly<Record<string, string>>): string {
  return fields
    .map((f) => `${fieldLabel(f, "fr")} : ${values[f.path]?.trim() || t("extraction.empty", {}, "fr")}`)
    .join("\n");
}
