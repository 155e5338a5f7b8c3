// Owns the documents the source tests upload: hand-written PDFs (text, scans, encryption, one per reading trap),
// DOCX/ZIP variants and decompression bombs.
import { createHash } from "node:crypto";
import { constants as zlibConstants, crc32, deflateRawSync } from "node:zlib";
import { Document, Packer, Paragraph } from "docx";
import { strToU8, unzipSync, zipSync, zlibSync } from "fflate";

/** One page: lines of text from the top, and/or a full-page image (a scan). */
export interface PdfPageSpec {
  readonly lines?: readonly string[];
  readonly hasImage?: boolean;
}

// Windows-1252 bytes of the characters outside Latin-1 that French text uses.
const WIN_ANSI: Readonly<Record<string, number>> = {
  "€": 0x80,
  "’": 0x92,
  "‘": 0x91,
  "“": 0x93,
  "”": 0x94,
  "–": 0x96,
  "—": 0x97,
  œ: 0x9c,
  Œ: 0x8c,
  "…": 0x85,
};

/** A PDF literal string in WinAnsi, kept ASCII with octal escapes so byte offsets equal string offsets. */
export function pdfString(text: string): string {
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
export function buildPdf(
  pages: readonly PdfPageSpec[],
  extra: { objects?: readonly string[]; trailer?: string } = {},
): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const pageIds = pages.map((_, i) => 5 + i * 2);
  add("<< /Type /Catalog /Pages 2 0 R >>"); // 1
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`); // 2
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"); // 3
  add(
    `<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 64 >>\nstream\n${"A".repeat(64)}\nendstream`,
  ); // 4
  pages.forEach((page, i) => {
    const text = (page.lines ?? [])
      .map((line, n) => `BT /F1 11 Tf 56 ${780 - n * 14} Td ${pdfString(line)} Tj ET`)
      .join("\n");
    const content = [page.hasImage ? "q 595 0 0 842 0 0 cm /Im1 Do Q" : "", text].filter(Boolean).join("\n");
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> /Contents ${6 + i * 2} 0 R >>`,
    );
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
  const hex32 = (seed: number) =>
    Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, "0")).join("");
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

// ── Decompression bombs ────────────────────────────────────────────────────────────────────────────────────────────
// Built at test time, never committed. The payload is a block of about 1 MiB compressed once and repeated: a DEFLATE
// stream may
// be a run of non-final blocks (each chunk ends with a sync flush), so the inflated size is exact and building a
// 190 MB bomb takes milliseconds. A six-digit number every `spacing` bytes sets the ratio (about spacing / 32).

const MIB = 1024 * 1024;

function bombBlock(unit: string, ratio: number, seed: number): Buffer {
  const spacing = Math.max(unit.length, Math.round(ratio * 32));
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
  let out = "";
  while (out.length < MIB)
    out += unit.repeat(Math.ceil(spacing / unit.length)) + String(next() % 1_000_000).padStart(6, "0");
  // Whole units only: the XML (or the operators) stays well formed across repeated blocks.
  return Buffer.from(out, "latin1");
}

const syncFlush = (data: Uint8Array) => deflateRawSync(data, { level: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH });
const finish = (data: Uint8Array) => deflateRawSync(data, { level: 9 });

/** A raw DEFLATE stream of head + block×count + tail, and its inflated size and CRC-32. */
function repeatedDeflate(
  head: Uint8Array,
  block: Buffer,
  count: number,
  tail: Uint8Array,
  withAdler = false,
): { chunks: Uint8Array[]; size: number; crc: number; adler: number } {
  const packed = syncFlush(block);
  const chunks: Uint8Array[] = [syncFlush(head)];
  let crc = crc32(head);
  for (let i = 0; i < count; i += 1) {
    chunks.push(packed);
    crc = crc32(block, crc);
  }
  chunks.push(finish(tail));
  crc = crc32(tail, crc);
  let a = 1;
  let b = 0;
  const adlerOf = (data: Uint8Array, times: number) => {
    for (let t = 0; t < times; t += 1) {
      for (let i = 0; i < data.length; i += 1) {
        a = (a + (data[i] as number)) % 65_521;
        b = (b + a) % 65_521;
      }
    }
  };
  if (withAdler) {
    adlerOf(head, 1);
    adlerOf(block, count);
    adlerOf(tail, 1);
  }
  return { chunks, size: head.length + block.length * count + tail.length, crc, adler: ((b << 16) | a) >>> 0 };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

interface ZipMember {
  readonly name: string;
  readonly data: Uint8Array;
  readonly size: number;
  readonly crc: number;
  readonly method: 0 | 8;
}

/** A plain ZIP (no data descriptors, no ZIP64) of members already compressed; `declaredSize` may lie, as a bomb's does. */
function writeZip(members: readonly ZipMember[], declaredSize: (m: ZipMember) => number = (m) => m.size): Uint8Array {
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const m of members) {
    const name = strToU8(m.name);
    const header = new DataView(new ArrayBuffer(30));
    header.setUint32(0, 0x04034b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(8, m.method, true);
    header.setUint32(14, m.crc, true);
    header.setUint32(18, m.data.length, true);
    header.setUint32(22, declaredSize(m), true);
    header.setUint16(26, name.length, true);
    local.push(new Uint8Array(header.buffer), name, m.data);
    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint16(4, 20, true);
    entry.setUint16(6, 20, true);
    entry.setUint16(10, m.method, true);
    entry.setUint32(16, m.crc, true);
    entry.setUint32(20, m.data.length, true);
    entry.setUint32(24, declaredSize(m), true);
    entry.setUint16(28, name.length, true);
    entry.setUint32(42, offset, true);
    central.push(new Uint8Array(entry.buffer), name);
    offset += 30 + name.length + m.data.length;
  }
  const centralBytes = concat(central);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, members.length, true);
  end.setUint16(10, members.length, true);
  end.setUint32(12, centralBytes.length, true);
  end.setUint32(16, offset, true);
  return concat([...local, centralBytes, new Uint8Array(end.buffer)]);
}

function deflatedMember(name: string, text: string): ZipMember {
  const data = strToU8(text);
  return { name, data: finish(data), size: data.length, crc: crc32(data), method: 8 };
}

/** A DOCX decompression bomb: valid parts around a `word/document.xml` of about `inflatedMb` MB (paragraphs of text). */
export function buildDocxBomb(options: { inflatedMb: number; ratio?: number; declaredMb?: number }): Uint8Array {
  const head = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
  );
  const tail = strToU8("<w:sectPr/></w:body></w:document>");
  const block = bombBlock(
    '<w:p><w:r><w:t xml:space="preserve">Clause du contrat habitation </w:t></w:r></w:p>',
    options.ratio ?? 300,
    7,
  );
  const body = repeatedDeflate(head, block, Math.round(options.inflatedMb), tail);
  const document: ZipMember = {
    name: "word/document.xml",
    data: concat(body.chunks),
    size: body.size,
    crc: body.crc,
    method: 8,
  };
  const members = [
    deflatedMember(
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    deflatedMember(
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    document,
  ];
  const declared = options.declaredMb;
  return writeZip(
    members,
    declared === undefined ? undefined : (m) => (m === document ? Math.round(declared * MIB) : m.size),
  );
}

/** A PDF decompression bomb: one page whose Flate content stream inflates to about `inflatedMb` MB of drawing and text operators. */
export function buildPdfBomb(options: { inflatedMb: number; ratio?: number; pages?: number }): Uint8Array {
  const pages = options.pages ?? 1;
  const perPage = Math.max(1, Math.round(options.inflatedMb / pages));
  const block = bombBlock("0 0 m 595 842 l S\nBT /F1 9 Tf 40 40 Td (Ligne) Tj ET\n", options.ratio ?? 300, 11);
  const body = repeatedDeflate(strToU8("q\n"), block, perPage, strToU8("\nQ\n"), true);
  const adler = new Uint8Array(4);
  new DataView(adler.buffer).setUint32(0, body.adler, false);
  const stream = concat([new Uint8Array([0x78, 0xda]), ...body.chunks, adler]);
  // Each page has its own content stream (the same bytes), as a producer writing one stream per page does.
  const objects: RawPdfObject[] = [
    { id: 1, dict: "<< /Type /Catalog /Pages 2 0 R >>" },
    {
      id: 2,
      dict: `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${4 + i * 2} 0 R`).join(" ")}] /Count ${pages} >>`,
    },
    { id: 3, dict: HELVETICA },
  ];
  for (let i = 0; i < pages; i += 1) {
    objects.push({
      id: 4 + i * 2,
      dict: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`,
    });
    objects.push({ id: 5 + i * 2, dict: "/Filter /FlateDecode", stream });
  }
  return writePdf({ objects, root: 1 });
}

// ── Raw PDF writing, per ISO 32000-1 (PDF 1.7) ─────────────────────────────────────────────────────────────────────

/** One indirect object: a dictionary (or any object), or a stream whose `dict` lists the entries besides /Length. */
export interface RawPdfObject {
  readonly id: number;
  readonly dict: string;
  readonly stream?: Uint8Array | string;
}

/** How the file is laid out: a classic xref table, an xref stream with objects packed into an object stream, or none. */
export interface WritePdfOptions {
  readonly objects: readonly RawPdfObject[];
  readonly root: number;
  readonly version?: string;
  readonly xref?: "table" | "stream" | "none" | "wrong-offsets";
  /** Extra trailer entries (an /Encrypt reference, an /ID…). */
  readonly trailer?: string;
}

const HELVETICA = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

function objectBytes(o: RawPdfObject): Uint8Array {
  if (o.stream === undefined) return latin1(`${o.id} 0 obj\n${o.dict}\nendobj\n`);
  const data = typeof o.stream === "string" ? latin1(o.stream) : o.stream;
  return concat([
    latin1(`${o.id} 0 obj\n<< ${o.dict} /Length ${data.length} >>\nstream\n`),
    data,
    latin1("\nendstream\nendobj\n"),
  ]);
}

/** Serialises a whole PDF; offsets are computed (or deliberately wrong), as different producers write them. */
export function writePdf(options: WritePdfOptions): Uint8Array {
  const version = options.version ?? (options.xref === "stream" ? "1.5" : "1.4");
  const parts: Uint8Array[] = [latin1(`%PDF-${version}\n%\u00e2\u00e3\u00cf\u00d3\n`)];
  let length = parts[0]!.length;
  const offsets = new Map<number, number>();
  const packed = new Map<number, [number, number]>();
  const push = (bytes: Uint8Array) => {
    parts.push(bytes);
    length += bytes.length;
  };
  let objects = [...options.objects];
  let size = Math.max(...objects.map((o) => o.id)) + 1;
  if (options.xref === "stream") {
    // Plain objects go into one compressed object stream (§7.5.7), as Word and pdfTeX write them.
    const inner = objects.filter((o) => o.stream === undefined);
    objects = objects.filter((o) => o.stream !== undefined);
    const bodies = inner.map((o) => `${o.dict}\n`);
    let at = 0;
    const index =
      inner
        .map((o, i) => {
          const entry = `${o.id} ${at}`;
          at += bodies[i]!.length;
          return entry;
        })
        .join(" ") + "\n";
    const objStmId = size;
    size += 1;
    inner.forEach((o, i) => packed.set(o.id, [objStmId, i]));
    objects.push({
      id: objStmId,
      dict: `/Type /ObjStm /N ${inner.length} /First ${index.length} /Filter /FlateDecode`,
      stream: zlibSync(latin1(index + bodies.join(""))),
    });
  }
  for (const o of objects) {
    offsets.set(o.id, length);
    push(objectBytes(o));
  }
  const trailerEntries = `/Size ${size} /Root ${options.root} 0 R ${options.trailer ?? ""}`;
  if (options.xref === "none") {
    push(latin1(`trailer\n<< ${trailerEntries}>>\n%%EOF\n`));
  } else if (options.xref === "stream") {
    const xrefId = size;
    const rows = new Uint8Array((xrefId + 1) * 7);
    const view = new DataView(rows.buffer);
    for (let id = 0; id <= xrefId; id += 1) {
      const row = id * 7;
      const inStream = packed.get(id);
      const offset = id === xrefId ? length : offsets.get(id);
      if (inStream) {
        rows[row] = 2;
        view.setUint32(row + 1, inStream[0]);
        view.setUint16(row + 5, inStream[1]);
      } else if (offset !== undefined) {
        rows[row] = 1;
        view.setUint32(row + 1, offset);
      } else {
        view.setUint16(row + 5, id === 0 ? 0xffff : 0);
      }
    }
    const xrefAt = length;
    push(
      objectBytes({
        id: xrefId,
        dict: `/Type /XRef /Size ${xrefId + 1} /W [1 4 2] /Root ${options.root} 0 R ${options.trailer ?? ""} /Filter /FlateDecode`,
        stream: zlibSync(rows),
      }),
    );
    push(latin1(`startxref\n${xrefAt}\n%%EOF\n`));
  } else {
    const shift = options.xref === "wrong-offsets" ? 37 : 0;
    const xrefAt = length;
    let table = `xref\n0 ${size}\n0000000000 65535 f \n`;
    for (let id = 1; id < size; id += 1) {
      const offset = offsets.get(id);
      table +=
        offset === undefined ? "0000000000 65535 f \n" : `${String(offset + shift).padStart(10, "0")} 00000 n \n`;
    }
    push(latin1(`${table}trailer\n<< ${trailerEntries}>>\nstartxref\n${xrefAt + shift}\n%%EOF\n`));
  }
  return concat(parts);
}

/**
 * Appends an incremental update (§7.5.6): the changed objects, an xref section for them only, and a trailer whose
 * /Prev points at the previous xref, as a form filler or a signing tool writes it.
 */
export function appendIncrementalUpdate(base: Uint8Array, objects: readonly RawPdfObject[], root: number): Uint8Array {
  const text = new TextDecoder("latin1").decode(base);
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/u.exec(text)?.[1]);
  const size = Math.max(Number(/\/Size (\d+)/u.exec(text)?.[1] ?? 0), ...objects.map((o) => o.id + 1));
  const parts: Uint8Array[] = [base];
  let length = base.length;
  let table = "xref\n0 1\n0000000000 65535 f \n";
  for (const o of objects) {
    table += `${o.id} 1\n${String(length).padStart(10, "0")} 00000 n \n`;
    const bytes = objectBytes(o);
    parts.push(bytes);
    length += bytes.length;
  }
  parts.push(
    latin1(`${table}trailer\n<< /Size ${size} /Root ${root} 0 R /Prev ${prev} >>\nstartxref\n${length}\n%%EOF\n`),
  );
  return concat(parts);
}

/** Text-showing operators for lines from the top of an A4 page, in font `font` (a WinAnsi string per line). */
export function textLines(lines: readonly string[], font = "F1", size = 11): string {
  return lines
    .map((line, n) => `BT /${font} ${size} Tf 56 ${780 - n * (size + 3)} Td ${pdfString(line)} Tj ET`)
    .join("\n");
}

/** A one-font document whose pages hold the given content streams (already written operators), with extra page entries. */
export function pdfWithContents(
  contents: readonly { ops: string | Uint8Array; filter?: string; page?: string; resources?: string }[],
  options: Omit<WritePdfOptions, "objects" | "root"> & { extraObjects?: readonly RawPdfObject[] } = {},
): Uint8Array {
  const n = contents.length;
  const objects: RawPdfObject[] = [
    { id: 1, dict: "<< /Type /Catalog /Pages 2 0 R >>" },
    { id: 2, dict: `<< /Type /Pages /Kids [${contents.map((_, i) => `${4 + i * 2} 0 R`).join(" ")}] /Count ${n} >>` },
    { id: 3, dict: HELVETICA },
  ];
  contents.forEach((c, i) => {
    objects.push({
      id: 4 + i * 2,
      dict: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R ${c.resources ?? ""} >> >> /Contents ${5 + i * 2} 0 R ${c.page ?? ""} >>`,
    });
    objects.push({ id: 5 + i * 2, dict: c.filter ? `/Filter ${c.filter}` : "", stream: c.ops });
  });
  objects.push(...(options.extraObjects ?? []));
  return writePdf({ ...options, objects, root: 1 });
}

/** ASCIIHexDecode data (§7.4.2), with line breaks and lower case as some producers write it. */
export function asciiHex(data: Uint8Array | string): string {
  const bytes = typeof data === "string" ? latin1(data) : data;
  return (
    Array.from(bytes, (b) => b.toString(16).padStart(2, "0"))
      .join("")
      .replace(/(.{64})/gu, "$1\n") + ">"
  );
}

/** ASCII85Decode data (§7.4.3), with the `z` shortcut and the `~>` end marker. */
export function ascii85(data: Uint8Array | string): string {
  const bytes = typeof data === "string" ? latin1(data) : data;
  let out = "";
  for (let i = 0; i < bytes.length; i += 4) {
    const group = [0, 1, 2, 3].map((k) => bytes[i + k] ?? 0);
    const count = Math.min(4, bytes.length - i);
    let value = ((group[0]! << 24) | (group[1]! << 16) | (group[2]! << 8) | group[3]!) >>> 0;
    if (value === 0 && count === 4) {
      out += "z";
      continue;
    }
    const digits: string[] = [];
    for (let k = 0; k < 5; k += 1) {
      digits.unshift(String.fromCharCode(33 + (value % 85)));
      value = Math.floor(value / 85);
    }
    out += digits.slice(0, count + 1).join("");
  }
  return `${out.replace(/(.{72})/gu, "$1\n")}~>`;
}

/** LZWDecode data (§7.4.4) with the default EarlyChange 1: 9- to 12-bit codes, a clear code first, EOD last. */
export function lzw(data: Uint8Array | string): Uint8Array {
  const bytes = typeof data === "string" ? latin1(data) : data;
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  let width = 9;
  const write = (code: number) => {
    buffer = (buffer << width) | code;
    bits += width;
    while (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  };
  const dictionary = new Map<string, number>();
  for (let c = 0; c < 256; c += 1) dictionary.set(String.fromCharCode(c), c);
  let next = 258;
  // The decoder adds an entry for every code but the first; its width grows when its next code + 1 reaches 2^width.
  let decoderNext = 258;
  let first = true;
  const emit = (code: number) => {
    write(code);
    if (!first) decoderNext += 1;
    first = false;
    if (((decoderNext + 1) & decoderNext) === 0) width = Math.min(12, Math.log2(decoderNext + 1) + 1);
  };
  write(256);
  let w = "";
  for (const b of bytes) {
    const wc = w + String.fromCharCode(b);
    if (dictionary.has(wc)) {
      w = wc;
      continue;
    }
    emit(dictionary.get(w)!);
    if (next < 4000) dictionary.set(wc, next++);
    w = String.fromCharCode(b);
  }
  if (w !== "") emit(dictionary.get(w)!);
  write(257);
  if (bits > 0) out.push((buffer << (8 - bits)) & 0xff);
  return Uint8Array.from(out);
}

// ── The standard security handler, revision 2 (RC4 40-bit, §7.6.3), to encrypt a PDF for real ─────────────────────

const PASSWORD_PAD = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00,
  0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i += 1) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n += 1) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

const md5 = (...parts: Uint8Array[]) => new Uint8Array(createHash("md5").update(concat(parts)).digest());
const padPassword = (password: string) => concat([latin1(password), PASSWORD_PAD]).subarray(0, 32);

/**
 * A one-page text PDF encrypted with the standard security handler: with a user password it cannot be opened
 * without it; with only an owner password (user password empty, the common "protected against copying" case) any
 * reader opens it.
 */
export function buildPasswordPdf(lines: readonly string[], passwords: { user: string; owner: string }): Uint8Array {
  const id = md5(latin1(lines.join("|")));
  const permissions = -44;
  const o = rc4(md5(padPassword(passwords.owner || passwords.user)).subarray(0, 5), padPassword(passwords.user));
  const p = new Uint8Array(4);
  new DataView(p.buffer).setInt32(0, permissions, true);
  const key = md5(padPassword(passwords.user), o, p, id).subarray(0, 5);
  const u = rc4(key, PASSWORD_PAD);
  const objectKey = (num: number) =>
    md5(key, Uint8Array.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, 0, 0])).subarray(0, 10);
  const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return writePdf({
    objects: [
      { id: 1, dict: "<< /Type /Catalog /Pages 2 0 R >>" },
      { id: 2, dict: "<< /Type /Pages /Kids [4 0 R] /Count 1 >>" },
      { id: 3, dict: HELVETICA },
      {
        id: 4,
        dict: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
      },
      { id: 5, dict: "", stream: rc4(objectKey(5), latin1(textLines(lines))) },
      { id: 6, dict: `<< /Filter /Standard /V 1 /R 2 /O <${hex(o)}> /U <${hex(u)}> /P ${permissions} >>` },
    ],
    root: 1,
    trailer: `/Encrypt 6 0 R /ID [<${hex(id)}> <${hex(id)}>] `,
  });
}

/**
 * A DOCX written the way Word writes body XML: every run with its properties, revision ids and proofing marks, so
 * that the XML is many times the text (about 25 bytes of markup per character here).
 */
export function buildWordLikeDocx(paragraphs: readonly string[]): Uint8Array {
  const run = (text: string, n: number) =>
    `<w:r w:rsidR="00A1${(n % 9000).toString(16).padStart(4, "0")}" w:rsidRPr="00B2C3D4"><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Arial"/><w:color w:val="1F3864"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="fr-FR" w:eastAsia="fr-FR"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
  const body = paragraphs
    .map((p, i) => {
      const words = p.split(" ");
      const runs = words
        .map((w, k) => run(k < words.length - 1 ? `${w} ` : w, i * 31 + k))
        .join('<w:proofErr w:type="spellStart"/><w:proofErr w:type="spellEnd"/>');
      return `<w:p w14:paraId="${(i + 0x1000).toString(16).toUpperCase()}" w14:textId="77777777" w:rsidR="00C1D2E3" w:rsidRDefault="00C1D2E3"><w:pPr><w:spacing w:after="120"/><w:jc w:val="both"/><w:rPr><w:lang w:val="fr-FR"/></w:rPr></w:pPr>${runs}</w:p>`;
    })
    .join("");
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/document.xml": strToU8(xml),
  });
}
