// Owns reading an uploaded document from the main thread: the job goes to the document pool, the event loop never waits
// on it.
import type { DocumentText } from "./read";
import type { ReadDocumentInput } from "./read-task";
import { defineDocumentTask, type DocumentPool } from "./pool";

/** The reading job of read-task.ts. */
export const READ_DOCUMENT = defineDocumentTask<ReadDocumentInput, DocumentText>(
  new URL("./read-task.ts", import.meta.url),
  "readDocumentJob",
);

/**
 * The text of an uploaded PDF or DOCX, read in a worker under the pool's heap and wall-clock limits.
 * @throws AppError as readDocumentText does, plus document_too_complex (worker killed) and documents_busy.
 */
export function readDocument(
  pool: DocumentPool,
  input: ReadDocumentInput,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<DocumentText> {
  return pool.run(READ_DOCUMENT, input, options);
}
