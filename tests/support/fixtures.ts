// Owns access to the French sample notes the suite tests with (copied from shared/fixtures so a clone is
// self-contained).
import { readdirSync, readFileSync } from "node:fs";

const NOTES_DIR = new URL("../fixtures/notes/", import.meta.url);

/** The typed sample notes (.txt), by file name. */
export function sampleNotes(): { name: string; text: string }[] {
  return readdirSync(NOTES_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((name) => ({ name, text: readFileSync(new URL(name, NOTES_DIR), "utf8") }));
}

/** One fixture file's text. */
export function fixture(name: string): string {
  return readFileSync(new URL(name, NOTES_DIR), "utf8");
}
