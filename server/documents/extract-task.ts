// Owns the document-extraction job as it runs inside a worker of the document pool.
import { extractDocumentText, type ExtractedDocument, type ExtractionLimits } from "./extract";

/** What the route sends to the worker: the uploaded bytes and what the client said of them. */
export interface ExtractDocumentInput {
  readonly bytes: Uint8Array;
  readonly filename: string;
  readonly mimeType?: string;
  readonly limits?: ExtractionLimits;
}

/**
 * Worker task: the text of a PDF or DOCX. Refusals are thrown as AppError and reach the caller with their code.
 * @throws AppError as extractDocumentText does.
 */
export function extractDocument(input: ExtractDocumentInput): Promise<ExtractedDocument> {
  return extractDocumentText(input.bytes, input.filename, input.mimeType, input.limits);
}
