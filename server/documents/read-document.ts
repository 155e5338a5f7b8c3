// Owns reading an uploaded document from the main thread: the job goes to the document pool, the event loop never waits on it.
import type { ExtractedDocument } from "./extract";
import type { ExtractDocumentInput } from "./extract-task";
import { defineDocumentTask, type DocumentPool } from "./pool";

/** The extraction task of extract-task.ts. */
export const EXTRACT_DOCUMENT = defineDocumentTask<ExtractDocumentInput, ExtractedDocument>(new URL("./extract-task.ts", import.meta.url), "extractDocument");

/**
 * The text of an uploaded PDF or DOCX, read in a worker under the pool's heap and wall-clock limits.
 * @throws AppError as extractDocumentText does, plus document_too_complex (worker killed) and documents_busy.
 */
export function readDocument(pool: DocumentPool, input: ExtractDocumentInput, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<ExtractedDocument> {
  return pool.run(EXTRACT_DOCUMENT, input, options);
}
