// Owns the size limits of what an adviser may send; shared so the add-in can warn before the server refuses.

/** Characters of notes accepted in one generation (about 15 pages of typed notes). */
export const MAX_NOTES_CHARS = 50_000;
/** Characters of source (mail thread, transcript, document text) accepted in one generation. */
export const MAX_SOURCE_CHARS = 200_000;
/** Characters of a saved text. */
export const MAX_TEXT_CHARS = 100_000;
/** Bytes of one request body; larger bodies get 413 before parsing. */
export const MAX_BODY_BYTES = 1_048_576;
/** Characters of a feedback comment or proposed use case. */
export const MAX_COMMENT_CHARS = 2_000;
