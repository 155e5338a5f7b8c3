// Owns the documents the source tests upload: tiny hand-written PDFs (text, scanned, encrypted) and DOCX/ZIP variants.
import { Document, Packer, Paragraph } from "docx";
import { strToU8, unzipSync, zipSync } from "fflate";

/** One page: lines of text from the top, and/or a full-page image (a scan). */
export interface PdfPageSpec {
  readonly lines?: readonly string[];
  readonly hasImage?: boolean;
}

// Windows-1252 bytes of the characters outside Latin-1 that French text uses.
const WIN_ANSI: Readonly<Record<string, number>> = { "€": 0x80, "’": 0x92, "‘": 0x91, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97, "œ": 0x9c, "Œ": 0x8c, "…": 0x85 };

/** A PDF literal string in WinAnsi, kept ASCII with octal escapes so byte offsets equal string offsets. */
function pdfString(text: string): string {
  let out = "(";
  for (const char of text) {
    const code = WIN_ANSI[char] ?? char.charCodeAt(0);
    if (char === "(" || char === ")" || char === "\\") out += `\\${char}`;
    else if (code >= 0x20 && code < 0x7f) out += char;
    else if (code <= 0xff) out += `\\${code.toString(8).padStart(3, "0")}`;
    else out += "?";
  }
  return `${out})`;
}

/**
 * Writes a valid PDF 1.4 by hand: a catalog, a page tree, Helvetica (WinAnsi), and per page a content stream and, for
 * scans, an 8×8 grey image drawn over the page. The xref offsets are computed, so pdf.js reads it without repair.
 * @param extra  objects appended after the pages, and entries added to the trailer (an /Encrypt dictionary, say).
 */
export function buildPdf(pages: readonly PdfPageSpec[], extra: { objects?: readonly string[]; trailer?: string } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const pageIds = pages.map((_, i) => 5 + i * 2);
  add("<< /Type /Catalog /Pages 2 0 R >>"); // 1
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`); // 2
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"); // 3
  add(`<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 64 >>\nstream\n${"A".repeat(64)}\nendstream`); // 4
  pages.forEach((page, i) => {
    const text = (page.lines ?? []).map((line, n) => `BT /F1 11 Tf 56 ${780 - n * 14} Td ${pdfString(line)} Tj ET`).join("\n");
    const content = [page.hasImage ? "q 595 0 0 842 0 0 cm /Im1 Do Q" : "", text].filter(Boolean).join("\n");
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> /Contents ${6 + i * 2} 0 R >>`);
    add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  });
  for (const o of extra.objects ?? []) add(o);

  let out = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${extra.trailer ?? ""}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array([...out].map((c) => c.charCodeAt(0)));
}

/** A PDF protected by a user password (standard security handler, RC4 40-bit): pdf.js asks for the password. */
export function buildEncryptedPdf(): Uint8Array {
  const hex32 = (seed: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, "0")).join("");
  // Objects 1–4 are shared, 5–6 the one page and its content: the dictionary appended is number 7.
  const encryptId = 7;
  return buildPdf([{ lines: ["Confidentiel"] }], {
    objects: [`<< /Filter /Standard /V 1 /R 2 /O <${hex32(11)}> /U <${hex32(99)}> /P -44 >>`],
    trailer: `/Encrypt ${encryptId} 0 R /ID [<${hex32(5).slice(0, 32)}> <${hex32(5).slice(0, 32)}>] `,
  });
}

/** A DOCX written by the `docx` library, one paragraph per string. */
export async function buildDocx(paragraphs: readonly string[]): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** The same DOCX with `docProps/app.xml` saying Word counted `pages` pages, as Word itself writes it. */
export async function buildDocxWithRecordedPages(paragraphs: readonly string[], pages: number): Promise<Uint8Array> {
  const files = unzipSync(await buildDocx(paragraphs));
  files["docProps/app.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Template>Normal.dotm</Template><Pages>${pages}</Pages><Words>12</Words><Application>Microsoft Office Word</Application></Properties>`,
  );
  return zipSync(files);
}

/** A ZIP holding the given text files (an OpenDocument text, a spreadsheet…). */
export function buildZip(files: Readonly<Record<string, string>>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

/**
 * Rewrites the uncompressed size the central directory declares for `entry`, as a ZIP bomb would, without changing
 * the data.
 */
export function forgeDeclaredSize(zip: Uint8Array, entry: string, size: number): Uint8Array {
  const bytes = new Uint8Array(zip);
  const view = new DataView(bytes.buffer);
  const name = strToU8(entry);
  for (let i = 0; i + 46 < bytes.length; i += 1) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    if (nameLength === name.length && name.every((b, k) => bytes[i + 46 + k] === b)) {
      view.setUint32(i + 24, size, true);
      return bytes;
    }
  }
  throw new Error(`no central directory entry ${entry}`);
}
