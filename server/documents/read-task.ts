// Owns the document-reading job as it runs inside a worker of the document pool.
import { readDocumentText, type DocumentText, type ReadLimits } from "./read";

/** What the route sends to the worker: the uploaded bytes and what the client said of them. */
export interface ReadDocumentInput {
  readonly bytes: Uint8Array;
  readonly filename: string;
  readonly mimeType?: string;
  readonly limits?: ReadLimits;
}

/**
 * Worker task: the text of a PDF or DOCX. Refusals are thrown as AppError and reach the caller with their code.
 * @throws AppError as readDocumentText does.
 */
export function readDocumentJob(input: ReadDocumentInput): Promise<DocumentText> {
  return readDocumentText(input.bytes, input.filename, input.mimeType, input.limits);
}
