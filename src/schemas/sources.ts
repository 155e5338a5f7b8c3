// Owns the contract of the /api/sources routes: what the add-in sends to turn a document, transcript or mail thread
// into a source, and what it gets back.
import * as z from "zod/mini";
import { MAX_MAIL_THREAD_CHARS, MAX_TRANSCRIPT_CHARS } from "../sources/limits";

const count = () => z.number().check(z.int(), z.nonnegative());
const pageNumber = () => z.number().check(z.int(), z.positive());

/** POST /api/sources/transcript: a WebVTT file's text. */
export const TranscriptSourceRequestSchema = z.strictObject({
  vtt: z.string().check(z.maxLength(MAX_TRANSCRIPT_CHARS)),
});
export type TranscriptSourceRequest = z.infer<typeof TranscriptSourceRequestSchema>;

export const TranscriptSourceResponseSchema = z.object({
  /** One line per speaker turn, "Speaker : text". */
  source: z.string(),
  /** The speakers' names, for the pseudonymiser's known names. */
  speakers: z.array(z.string()),
  /** How many turns the source holds. */
  turns: count(),
});
export type TranscriptSourceResponse = z.infer<typeof TranscriptSourceResponseSchema>;

/** POST /api/sources/mail-thread: a thread as text, and the member's address when the add-in knows it. */
export const MailThreadSourceRequestSchema = z.strictObject({
  text: z.string().check(z.maxLength(MAX_MAIL_THREAD_CHARS)),
  memberAddress: z.optional(z.email().check(z.maxLength(320))),
});
export type MailThreadSourceRequest = z.infer<typeof MailThreadSourceRequestSchema>;

export const MailThreadSourceResponseSchema = z.object({
  /** Oldest message first, each opened by "[Sociétaire]", "[MAIF]" or "[Expéditeur non identifié]". */
  source: z.string(),
  messages: count(),
  /** Every address of the thread, for the pseudonymiser's known values. */
  addresses: z.array(z.string()),
});
export type MailThreadSourceResponse = z.infer<typeof MailThreadSourceResponseSchema>;

/** POST /api/sources/document (multipart, field "file") answers this. */
export const DocumentSourceResponseSchema = z.object({
  text: z.string(),
  pages: pageNumber(),
  format: z.enum(["pdf", "docx"]),
  characters: count(),
  /** Pages (from 1) with (almost) no text, likely scanned: the adviser should read them in the original. */
  pagesWithoutText: z.array(pageNumber()),
});
export type DocumentSourceResponse = z.infer<typeof DocumentSourceResponseSchema>;
