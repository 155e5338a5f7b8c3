// Owns the source attached to the adviser's work (a transcript, a document, a mail thread): its shape, its facts, and
// how it is restored.
import { MAX_SOURCE_CHARS } from "../../src/schemas/limits";

/** Where a source came from. */
export type SourceKind = "transcript" | "meeting-transcript" | "document" | "mail-thread" | "scan";

/** What the server said about the source when it made it; shown to the adviser, never sent back. */
export interface SourceFacts {
  readonly speakers?: readonly string[];
  readonly turns?: number;
  readonly pages?: number;
  readonly pagesWithoutText?: readonly number[];
  readonly format?: "pdf" | "docx" | "jpeg" | "png" | "heic" | "webp" | "tiff" | "gif" | "bmp";
  /** A scan read by OCR: the mean confidence (0-100) and the pages to check against the original. */
  readonly confidence?: number;
  readonly lowConfidencePages?: readonly number[];
  readonly messages?: number;
  /** Messages attributed to the member, and to the insurer, in a mail thread. */
  readonly fromMember?: number;
  readonly fromInsurer?: number;
  /** Messages whose sender could not be attributed. */
  readonly fromUnknown?: number;
}

/** The source of the work: its text (which the adviser may edit) is sent as `source` with the generation. */
export interface WorkSource {
  readonly kind: SourceKind;
  /** File name, or empty for a source the host gave. */
  readonly name: string;
  readonly text: string;
  readonly facts: SourceFacts;
  /** A transcript of a recorded interview: its transcription, sent with the generation so the member's consent goes with the draft. */
  readonly transcriptionId?: string;
}

const KINDS: readonly SourceKind[] = ["transcript", "meeting-transcript", "document", "mail-thread", "scan"];

/** Whether a value read back from the device is a source (an older copy may hold anything). */
export function isWorkSource(value: unknown): value is WorkSource {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    KINDS.includes(v.kind as SourceKind) &&
    typeof v.name === "string" &&
    typeof v.text === "string" &&
    typeof v.facts === "object" &&
    v.facts !== null &&
    (v.transcriptionId === undefined || typeof v.transcriptionId === "string")
  );
}

/**
 * Counts the messages of a mail-thread source by author, from the marker line the server opens each message with:
 * "[Sociétaire]", "[Expéditeur non identifié]", or the insurer's name (`ORG_NAME`, "[MAIF]" by default).
 */
export function attributionOf(source: string): { fromMember: number; fromInsurer: number; fromUnknown: number } {
  const markers = source.match(/^\[[^\]\n]+\]$/gmu) ?? [];
  const fromMember = markers.filter((m) => m === "[Sociétaire]").length;
  const unknown = markers.filter((m) => m === "[Expéditeur non identifié]").length;
  return { fromMember, fromInsurer: markers.length - fromMember - unknown, fromUnknown: unknown };
}

/** The transcription a generation's source comes from, when it is a recorded interview and its text is sent. */
export function transcriptionForRequest(source: WorkSource | null | undefined): string | undefined {
  return source?.transcriptionId && sourceForRequest(source) ? source.transcriptionId : undefined;
}

/** The text sent with a generation: the source as edited, within the contract's limit. */
export function sourceForRequest(source: WorkSource): string | undefined {
  const text = source.text.trim() === "" ? "" : source.text.slice(0, MAX_SOURCE_CHARS);
  return text === "" ? undefined : text;
}
