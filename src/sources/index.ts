// Owns the public surface of sources: transcripts, mail threads and their limits (their routes' contract is in
// schemas/).
export * from "./limits";
export {
  addressesOf,
  parseMailThread,
  threadToSource,
  type MailAuthor,
  type MailMessage,
  type MailThreadOptions,
  type ParsedMailThread,
  type ThreadSourceOptions,
} from "./mail-thread";
export { parseVtt, speakersOf, transcriptToSource, type ParsedTranscript, type TranscriptTurn } from "./vtt";
export { decodeUploadedText } from "./charset";
export { htmlToText } from "./html-text";
export { parseTranscriptCopy } from "./transcript-copy";
export { cueTextOf, parseCueText, parseWebVtt, type CueNode, type WebVttCue } from "./webvtt";
