// Owns the public face of the figures lexer: one French reading of dates, times, amounts and counts for every module.
export {
  lexFigures,
  normaliseNoun,
  type DateParts,
  type Figure,
  type FigureBody,
  type FigureKind,
  type FigureToken,
} from "./lexer";
export { readNumberWords, readOrdinalWord } from "./number-words";
