// Owns the public surface of pseudonymisation: what the server's pipeline and the tests import.
export { detectPii, detectPiiInTexts, type DetectOptions, type KnownValue } from "./detect";
export { hasHealthData } from "./health";
export { PII_TYPES, STRUCTURED_PII_TYPES, type PiiMatch, type PiiType } from "./pii-types";
export { PseudonymMappingSchema, restore, type PseudonymMapping } from "./placeholders";
export { buildLexicons, type NameLexicons, type RawLexicons } from "./lexicons";
export {
  createPseudonymiser,
  pseudonymise,
  type PseudonymisationInput,
  type PseudonymisationResult,
  type PseudonymiseOptions,
} from "./pseudonymise";
export { StreamRestorer } from "./stream-restorer";
