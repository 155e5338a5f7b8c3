// Owns the full message catalogue for server and tests: the lookup of core.ts with English registered at once.
import { registerCatalogue } from "./core";
import { en } from "./en";

export { t, toLocale, registerCatalogue, hasCatalogue, type Locale, type MessageKey } from "./core";

registerCatalogue("en", en);
