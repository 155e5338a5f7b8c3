// Owns turning a picked file or a fetched transcript into a source, through the server's readers.
import type { ApiClient } from "../../api/client";
import { AddinError } from "../../lib/errors";
import type { WorkSource } from "../../lib/work-source";

/** A Teams transcript (.vtt), split by the server into speakers and turns. */
export async function readTranscript(
  api: ApiClient,
  vtt: string | Blob,
  kind: "transcript" | "meeting-transcript",
  name: string,
): Promise<WorkSource> {
  const answer = await api.transcriptSource(vtt);
  return { kind, name, text: answer.source, facts: { speakers: answer.speakers, turns: answer.turns } };
}

/** A PDF or Word document's text; `null` when it has no text at all (a scan, to read by OCR instead). */
export async function readDocument(api: ApiClient, file: File): Promise<WorkSource | null> {
  let answer: Awaited<ReturnType<typeof api.documentSource>>;
  try {
    answer = await api.documentSource(file, file.name);
  } catch (error) {
    if (error instanceof AddinError && error.code === "document_needs_ocr") return null;
    throw error;
  }
  const facts = { pages: answer.pages, pagesWithoutText: answer.pagesWithoutText, format: answer.format };
  return { kind: "document", name: file.name, text: answer.text, facts };
}
