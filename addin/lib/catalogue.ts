// Owns the pane's English messages on demand: French ships in the first download, English in its own chunk.
import { hasCatalogue, registerCatalogue, type Locale } from "../../src/i18n/core";

/**
 * Registers the catalogue of `locale` when it is not there yet (only English can be missing), so the pane awaits it
 * before it renders in that language. A chunk that fails to load leaves French, the fallback, rather than no pane.
 */
export async function loadCatalogue(locale: Locale): Promise<void> {
  if (hasCatalogue(locale)) return;
  try {
    const { en } = await import(/* webpackChunkName: "i18n-en" */ "../../src/i18n/en");
    registerCatalogue("en", en);
  } catch (error) {
    console.warn("English messages not loaded; the pane stays in French", error);
  }
}
