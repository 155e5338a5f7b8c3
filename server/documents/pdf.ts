// Owns text extraction from PDF files with pdf.js (legacy build, for Node): page text, form-field values and annotation texts, within the limits.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument, VerbosityLevel, type PDFDocumentProxy, type PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { AppError } from "../../src/errors";
import { t } from "../../src/i18n";
import { MAX_SOURCE_CHARS } from "../../src/schemas/limits";
import { DOCUMENT_LIMITS } from "./limits";
import { assertStreamsWithinLimits } from "./pdf-streams";

/** The text of each page, in order: the page's own text, then its filled form fields and its comments. */
export interface PdfText {
  readonly pages: string[];
}

// Character maps and standard font data ship with pdfjs-dist; without them text in CID-keyed fonts comes out empty.
// In Node pdf.js reads them with fs, so these are paths, not URLs.
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
const CMAP_URL = `${join(PDFJS_DIR, "cmaps")}/`;
const STANDARD_FONTS_URL = `${join(PDFJS_DIR, "standard_fonts")}/`;

interface TextItemLike {
  readonly str: string;
  readonly hasEOL: boolean;
}

/** What pdf.js gives of an annotation (its `getAnnotations` data); only the fields read here. */
interface AnnotationLike {
  readonly subtype?: string;
  readonly fieldType?: string | null;
  readonly fieldName?: string;
  readonly alternativeText?: string;
  readonly fieldValue?: unknown;
  readonly exportValue?: string;
  readonly buttonValue?: string;
  readonly checkBox?: boolean;
  readonly radioButton?: boolean;
  readonly pushButton?: boolean;
  readonly options?: readonly { exportValue?: string; displayValue?: string }[];
  readonly contentsObj?: { str?: string };
  readonly textContent?: readonly string[];
  readonly titleObj?: { str?: string };
}

function isTextItem(item: unknown): item is TextItemLike {
  return typeof item === "object" && item !== null && "str" in item && typeof (item as { str: unknown }).str === "string";
}

/** pdf.js errors are plain objects with a name; say what a person can do about each. */
function unreadable(error: unknown): AppError {
  const name = typeof error === "object" && error !== null && "name" in error ? String((error as { name: unknown }).name) : "";
  if (name === "PasswordException") return new AppError("document_unreadable", { detail: t("documents.encrypted"), cause: error });
  return new AppError("document_unreadable", { detail: t("sources.document.corrupt", { format: "PDF" }), cause: error });
}

function tooMuchText(): AppError {
  return new AppError("payload_too_large", { detail: t("documents.limit.text", { max: MAX_SOURCE_CHARS.toLocaleString("fr-FR") }) });
}

/**
 * The page's text, read as a stream so that reading stops as soon as the document passes the text limit, not after
 * a page of millions of characters is built.
 * @throws AppError payload_too_large.
 */
async function pageText(page: PDFPageProxy, budget: { chars: number }): Promise<string> {
  const reader = page.streamTextContent().getReader() as ReadableStreamDefaultReader<{ items: unknown[] }>;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const item of value.items) if (isTextItem(item)) text += item.str + (item.hasEOL ? "\n" : "");
    if (text.length > budget.chars) {
      await reader.cancel();
      throw tooMuchText();
    }
  }
  budget.chars -= text.length;
  return text;
}

/** A field's label: its tooltip name (/TU) when it has one, else the last part of its name. */
function fieldLabel(a: AnnotationLike): string {
  const label = a.alternativeText?.trim() || a.fieldName?.split(".").pop()?.trim() || "";
  return label.replace(/\s+/gu, " ");
}

/** A filled field as the line "Label : value"; undefined for an empty field, a push button or an unchecked box. */
function fieldLine(a: AnnotationLike): string | undefined {
  const label = fieldLabel(a);
  const prefix = label ? `${label} : ` : "";
  if (a.pushButton) return undefined;
  if (a.checkBox) return a.fieldValue !== undefined && a.fieldValue === a.exportValue && a.fieldValue !== "Off" ? `${prefix}${t("documents.field.checked")}` : undefined;
  if (a.radioButton) return a.fieldValue !== undefined && a.fieldValue === a.buttonValue && a.fieldValue !== "Off" ? `${prefix}${String(a.buttonValue)}` : undefined;
  const values = (Array.isArray(a.fieldValue) ? a.fieldValue : [a.fieldValue]).filter((v): v is string => typeof v === "string" && v.trim() !== "");
  if (values.length === 0) return undefined;
  // A choice field holds export values; the adviser knows the displayed ones.
  const shown = values.map((v) => a.options?.find((o) => o.exportValue === v)?.displayValue ?? v);
  return `${prefix}${shown.join(", ")}`;
}

/** What has been read of the form so far: lines written (a radio group once) and every field name met on a page. */
interface FormSeen {
  readonly lines: Set<string>;
  readonly names: Set<string>;
}

/** Filled form fields and comment texts of a page, one per line; radio groups are read once. */
async function annotationText(page: PDFPageProxy, seenFields: FormSeen): Promise<string> {
  const annotations = (await page.getAnnotations({ intent: "display" })) as AnnotationLike[];
  const lines: string[] = [];
  for (const a of annotations) {
    if (a.subtype === "Widget") {
      if (a.fieldName) seenFields.names.add(a.fieldName);
      const line = fieldLine(a);
      const key = `${a.fieldName ?? ""}\u0000${line ?? ""}`;
      if (line && !seenFields.lines.has(key)) {
        seenFields.lines.add(key);
        lines.push(line);
      }
      continue;
    }
    if (a.subtype === "Link" || a.subtype === "Popup") continue;
    // Comments (sticky notes, free text, stamps with text): their contents, else the text of their appearance.
    const contents = a.contentsObj?.str?.trim() || a.textContent?.join(" ").trim();
    if (contents) lines.push(contents);
  }
  return lines.join("\n");
}

/** What pdf.js's getFieldObjects gives of one widget of a field. */
interface FieldObjectLike {
  readonly type?: string;
  readonly value?: unknown;
  readonly exportValues?: unknown;
}

/**
 * Filled fields whose widgets sit on no page's annotation list (a form tool that forgot /Annots): read from the
 * document's field tree, labelled by the last part of their name (their tooltip is not given there).
 */
async function orphanFieldText(pdf: PDFDocumentProxy, seenFields: FormSeen): Promise<string> {
  const fields = ((await pdf.getFieldObjects()) ?? {}) as Record<string, FieldObjectLike[]>;
  const lines: string[] = [];
  for (const [name, widgets] of Object.entries(fields)) {
    if (seenFields.names.has(name)) continue;
    const label = name.split(".").pop()?.trim() ?? name;
    for (const w of widgets) {
      const line = fieldLine({
        fieldName: label,
        fieldValue: w.value,
        checkBox: w.type === "checkbox",
        radioButton: w.type === "radiobutton",
        pushButton: w.type === "button",
        ...(typeof w.exportValues === "string" ? { exportValue: w.exportValues, buttonValue: w.exportValues } : {}),
      });
      if (line && !lines.includes(line)) lines.push(line);
    }
  }
  return lines.join("\n");
}

/**
 * Extracts the text of every page of a PDF, with its filled form fields (AcroForm) and comments. pdf.js runs its
 * "fake worker" in this thread (already a worker of the document pool): no eval, no fonts loaded, no network.
 * @throws AppError payload_too_large (over `maxPages` pages, a stream inflating past the limits, or too much text);
 *   document_unreadable when it is protected by a password or damaged beyond repair.
 */
export async function extractPdf(bytes: Uint8Array, maxPages: number): Promise<PdfText> {
  assertStreamsWithinLimits(bytes);
  // pdf.js may detach the buffer it is given; the caller's bytes stay intact.
  const task = getDocument({
    data: new Uint8Array(bytes),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    // Recover what can be recovered (a broken xref, a bad object) rather than refuse the file.
    stopAtErrors: false,
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONTS_URL,
  });
  let pdf: PDFDocumentProxy;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy();
    throw unreadable(error);
  }
  try {
    if (pdf.numPages > maxPages) {
      throw new AppError("payload_too_large", { detail: t("sources.document.too_many_pages", { pages: pdf.numPages, max: maxPages }) });
    }
    const budget = { chars: DOCUMENT_LIMITS.maxTextChars };
    const seenFields: FormSeen = { lines: new Set(), names: new Set() };
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const page = await pdf.getPage(n);
      const text = await pageText(page, budget);
      // A broken annotation must not cost the page's text: it is read apart, and skipped when it fails.
      const extra = await annotationText(page, seenFields).catch(() => "");
      pages.push(extra ? `${text}\n${extra}` : text);
      page.cleanup();
    }
    const orphans = await orphanFieldText(pdf, seenFields).catch(() => "");
    if (orphans && pages.length > 0) pages[pages.length - 1] = `${pages[pages.length - 1]}\n${orphans}`;
    return { pages };
  } catch (error) {
    throw error instanceof AppError ? error : unreadable(error);
  } finally {
    await pdf.destroy();
  }
}
