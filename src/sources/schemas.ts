// Owns the contract of the /api/sources routes: what the add-in sends to turn a document, transcript or mail thread into a source.
import { z } from "zod";
import { MAX_MAIL_THREAD_CHARS, MAX_TRANSCRIPT_CHARS } from "./limits";

/** POST /api/sources/transcript: a WebVTT file's text. */
export const TranscriptSourceRequestSchema = z.strictObject({
  vtt: z.string().max(MAX_TRANSCRIPT_CHARS),
});
export type TranscriptSourceRequest = z.infer<typeof TranscriptSourceRequestSchema>;

export const TranscriptSourceResponseSchema = z.object({
  /** One line per speaker turn, "Speaker : text". */
  source: z.string(),
  /** The speakers' names, for the pseudonymiser's known names. */
  speakers: z.array(z.string()),
  /** How many turns the source holds. */
  turns: z.number().int().nonnegative(),
});
export type TranscriptSourceResponse = z.infer<typeof TranscriptSourceResponseSchema>;

/** POST /api/sources/mail-thread: a thread as text, and the member's address when the add-in knows it. */
export const MailThreadSourceRequestSchema = z.strictObject({
  text: z.string().max(MAX_MAIL_THREAD_CHARS),
  memberAddress: z.email().max(320).optional(),
});
export type MailThreadSourceRequest = z.infer<typeof MailThreadSourceRequestSchema>;

export const MailThreadSourceResponseSchema = z.object({
  /** Oldest message first, each opened by "[Sociétaire]", "[MAIF]" or "[Expéditeur non identifié]". */
  source: z.string(),
  messages: z.number().int().nonnegative(),
  /** Every address of the thread, for the pseudonymiser's known values. */
  addresses: z.array(z.string()),
});
export type MailThreadSourceResponse = z.infer<typeof MailThreadSourceResponseSchema>;

/** POST /api/sources/document (multipart, field "file") answers this. */
export const DocumentSourceResponseSchema = z.object({
  text: z.string(),
  pages: z.number().int().positive(),
  format: z.enum(["pdf", "docx"]),
  characters: z.number().int().nonnegative(),
  /** Pages (from 1) with (almost) no text, likely scanned: the adviser should read them in the original. */
  pagesWithoutText: z.array(z.number().int().positive()),
});
export type DocumentSourceResponse = z.infer<typeof DocumentSourceResponseSchema>;
