// Owns the size limits of imported sources (documents, transcripts, mail threads); shared so the add-in can warn before
// uploading.

/** Bytes of one uploaded document (PDF or DOCX). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** Pages of one uploaded document; longer files are refused rather than silently cut. */
export const MAX_DOCUMENT_PAGES = 50;
/**
 * Characters of a WebVTT file sent as JSON. Timestamps and cue syntax make a file about twice its text, so this is
 * more than a source may hold; the request body limit of the server applies as well.
 */
export const MAX_TRANSCRIPT_CHARS = 1_000_000;
/** Characters of a pasted mail thread; quoted history and disclaimers make it longer than the source it yields. */
export const MAX_MAIL_THREAD_CHARS = 1_000_000;
/**
 * Average letters and digits a page must hold for a PDF to count as text. Below this the file is a scan (or a stamp
 * and a page number on top of one) and the adviser must be told, not handed an empty source.
 */
export const MIN_TEXT_CHARS_PER_PAGE = 20;
/** Pages of one scanned PDF read by OCR; a 30-page scan must pass, a ream must not hold two pool workers for minutes. */
export const MAX_OCR_PAGES = 40;
/** Pixels of one uploaded image, read from its header before anything is decoded (a decompression bomb stops here). */
export const MAX_IMAGE_PIXELS = 50_000_000;
/** Below this mean word confidence (0-100) a page is shown to the adviser as to be checked against the original. */
export const LOW_OCR_CONFIDENCE = 70;
