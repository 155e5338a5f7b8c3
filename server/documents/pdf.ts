// Owns text extraction from PDF files with pdf.js (legacy build, for Node): page text, form-field values and annotation
// texts, within the limits.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  getDocument,
  OPS,
  VerbosityLevel,
  type PDFDocumentProxy,
  type PDFPageProxy,
} from "pdfjs-dist/legacy/build/pdf.mjs";
import { AppError } from "../../src/errors";
import { t } from "../../src/i18n";
import { msg, grouped } from "../../src/i18n/message";
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

/** The pdf.js options every reader here shares (text and OCR rendering): no eval, no network, no system fonts. */
export const PDFJS_OPTIONS = {
  verbosity: VerbosityLevel.ERRORS,
  isEvalSupported: false,
  isOffscreenCanvasSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  useWorkerFetch: false,
  // Recover what can be recovered (a broken xref, a bad object) rather than refuse the file.
  stopAtErrors: false,
  cMapUrl: `${join(PDFJS_DIR, "cmaps")}/`,
  cMapPacked: true,
  standardFontDataUrl: `${join(PDFJS_DIR, "standard_fonts")}/`,
} as const;

interface TextItemLike {
  readonly str: string;
  readonly hasEOL: boolean;
  readonly fontName?: string;
}

// pdf.js 5 maps ZapfDingbats codes through the standard glyph list, which lacks the dingbat names (a20…): a tick
// comes out as the digit "4". The Unicode Dingbats block follows Zapf's order (code + U+26E0), except where Unicode
// 1.1 placed the character elsewhere; those exceptions are listed (Adobe's ZapfDingbats glyph list).
const DINGBAT_EXCEPTIONS: Readonly<Record<number, number>> = {
  0x25: 0x260e,
  0x2a: 0x261b,
  0x2b: 0x261e,
  0x48: 0x2605,
  0x6c: 0x25cf,
  0x6e: 0x25a0,
  0x73: 0x25b2,
  0x74: 0x25bc,
  0x75: 0x25c6,
  0x77: 0x25d7,
};

function fromDingbats(text: string): string {
  return text.replace(/[\u0021-\u007e]/gu, (c) => {
    const code = c.charCodeAt(0);
    return String.fromCharCode(DINGBAT_EXCEPTIONS[code] ?? 0x2700 + code - 0x20);
  });
}

/** Whether the file names a Dingbats font anywhere in its plain bytes (fonts in object streams are missed). */
function namesDingbatsFont(bytes: Uint8Array): boolean {
  return new TextDecoder("latin1").decode(bytes).includes("Dingbats");
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
  return (
    typeof item === "object" && item !== null && "str" in item && typeof (item as { str: unknown }).str === "string"
  );
}

/** pdf.js errors are plain objects with a name; say what a person can do about each. */
function unreadable(error: unknown): AppError {
  if (errorName(error) === "PasswordException")
    return new AppError("document_unreadable", { detail: msg("documents.encrypted"), cause: error });
  return new AppError("document_unreadable", {
    detail: msg("sources.document.corrupt", { format: "PDF" }),
    cause: error,
  });
}

function tooMuchText(): AppError {
  return new AppError("payload_too_large", { detail: msg("documents.limit.text", { max: grouped(MAX_SOURCE_CHARS) }) });
}

/**
 * The page's text, read as a stream so that reading stops as soon as the document passes the text limit, not after
 * a page of millions of characters is built.
 * @throws AppError payload_too_large.
 */
async function pageText(page: PDFPageProxy, budget: { chars: number }, hasDingbats: boolean): Promise<string> {
  const reader = page.streamTextContent().getReader() as ReadableStreamDefaultReader<{ items: unknown[] }>;
  const items: TextItemLike[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const item of value.items) {
      if (!isTextItem(item)) continue;
      items.push(item);
      length += item.str.length + 1;
    }
    if (length > budget.chars) {
      await reader.cancel();
      throw tooMuchText();
    }
  }
  budget.chars -= length;
  const dingbatFonts = hasDingbats ? await dingbatFontsOf(page) : new Set<string>();
  return items
    .map(
      (item) =>
        (item.fontName && dingbatFonts.has(item.fontName) ? fromDingbats(item.str) : item.str) +
        (item.hasEOL ? "\n" : ""),
    )
    .join("");
}

/**
 * The page's fonts that are ZapfDingbats. Text extraction does not give font names; the operator list loads the
 * fonts into the page's objects, with their names. Only run on files that name such a font.
 */
async function dingbatFontsOf(page: PDFPageProxy): Promise<Set<string>> {
  const fonts = new Set<string>();
  try {
    const operators = await page.getOperatorList();
    const objects = page.commonObjs as unknown as { has(id: string): boolean; get(id: string): unknown };
    for (const [i, fn] of operators.fnArray.entries()) {
      const id = (operators.argsArray[i] as unknown[] | null)?.[0];
      if (fn !== OPS.setFont || typeof id !== "string" || !objects.has(id)) continue;
      const name = (objects.get(id) as { name?: unknown } | undefined)?.name;
      if (typeof name === "string" && /Dingbats/iu.test(name)) fonts.add(id);
    }
  } catch {
    // Without the names the text stays as pdf.js gave it.
  }
  return fonts;
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
  if (a.checkBox)
    return a.fieldValue !== undefined && a.fieldValue === a.exportValue && a.fieldValue !== "Off"
      ? `${prefix}${t("documents.field.checked")}`
      : undefined;
  if (a.radioButton)
    return a.fieldValue !== undefined && a.fieldValue === a.buttonValue && a.fieldValue !== "Off"
      ? `${prefix}${String(a.buttonValue)}`
      : undefined;
  const values = (Array.isArray(a.fieldValue) ? a.fieldValue : [a.fieldValue]).filter(
    (v): v is string => typeof v === "string" && v.trim() !== "",
  );
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
export async function readPdf(bytes: Uint8Array, maxPages: number): Promise<PdfText> {
  assertStreamsWithinLimits(bytes);
  let pdf: PDFDocumentProxy;
  try {
    pdf = await openPdf(bytes);
  } catch (error) {
    // A file cut before its trailer (an interrupted download, a truncated attachment) still holds its objects;
    // pdf.js rebuilds the xref but needs a trailer to find the catalog. Give it one, once.
    const repaired = errorName(error) === "InvalidPDFException" ? withTrailer(bytes) : undefined;
    if (!repaired) throw unreadable(error);
    try {
      pdf = await openPdf(repaired);
    } catch {
      throw unreadable(error);
    }
  }
  return readPages(pdf, maxPages, namesDingbatsFont(bytes));
}

function errorName(error: unknown): string {
  return typeof error === "object" && error !== null && "name" in error
    ? String((error as { name: unknown }).name)
    : "";
}

/** The file with a trailer naming its catalog appended, or undefined when no catalog object is found. */
function withTrailer(bytes: Uint8Array): Uint8Array | undefined {
  const text = new TextDecoder("latin1").decode(bytes);
  const catalog = /(\d+)\s+(\d+)\s+obj\s*<<(?:(?!endobj)[\s\S]){0,2000}?\/Type\s*\/Catalog\b/u.exec(text);
  if (!catalog) return undefined;
  const trailer = new TextEncoder().encode(
    `\nendstream\nendobj\ntrailer\n<< /Root ${catalog[1]} ${catalog[2]} R >>\n%%EOF\n`,
  );
  const out = new Uint8Array(bytes.length + trailer.length);
  out.set(bytes);
  out.set(trailer, bytes.length);
  return out;
}

/**
 * Opens a PDF with pdf.js.
 * @throws pdf.js's own errors (PasswordException, InvalidPDFException…).
 */
async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdf.js may detach the buffer it is given; the caller's bytes stay intact.
  const task = getDocument({
    ...PDFJS_OPTIONS,
    data: new Uint8Array(bytes),
    enableXfa: false,
    // Keeps font names on loaded fonts (ZapfDingbats text is mapped back to its symbols).
    fontExtraProperties: true,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy();
    throw error;
  }
}

/**
 * Reads every page (text, then filled fields and comments), within the page and text limits, and closes the file.
 * @throws AppError payload_too_large, document_unreadable.
 */
async function readPages(pdf: PDFDocumentProxy, maxPages: number, hasDingbats: boolean): Promise<PdfText> {
  try {
    if (pdf.numPages > maxPages) {
      throw new AppError("payload_too_large", {
        detail: msg("sources.document.too_many_pages", { pages: pdf.numPages, max: maxPages }),
      });
    }
    const budget = { chars: DOCUMENT_LIMITS.maxTextChars };
    const seenFields: FormSeen = { lines: new Set(), names: new Set() };
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const page = await pdf.getPage(n);
      const text = await pageText(page, budget, hasDingbats);
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
