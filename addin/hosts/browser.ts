// Owns the browser host: the pane opened directly in a browser (demos, tests), with no Office or Teams around it.
import { toLocale, type Locale } from "../../src/i18n/core";
import type { HostAdapter, HostTheme, ItemContext } from "./host-adapter";
import { hostError } from "./host-adapter";

const DRAFT_NAME_KEY = "greffier:browser-draft-name";

/** Longest draft name kept; the name is a label, not a place for notes. */
export const MAX_DRAFT_NAME = 60;

/** A draft name as stored: trimmed, collapsed spaces, bounded; empty falls back to the default. */
export function normaliseDraftName(name: string, fallback: string): string {
  const clean = name.replace(/\s+/g, " ").trim().slice(0, MAX_DRAFT_NAME);
  return clean === "" ? fallback : clean;
}

function readName(storage: Storage | undefined): string | null {
  try {
    return storage?.getItem(DRAFT_NAME_KEY) ?? null;
  } catch {
    return null;
  }
}

function media(query: string): MediaQueryList | undefined {
  return typeof window.matchMedia === "function" ? window.matchMedia(query) : undefined;
}

function currentTheme(): HostTheme {
  if (media("(forced-colors: active)")?.matches) return "contrast";
  return media("(prefers-color-scheme: dark)")?.matches ? "dark" : "light";
}

/** Picks the UI language: `?lang=` first, then the browser's; French when neither says English. */
export function browserLocale(
  search: string = window.location.search,
  languages: readonly string[] = navigator.languages ?? [],
): Locale {
  const requested = new URLSearchParams(search).get("lang");
  return toLocale(requested ?? languages[0] ?? "fr");
}

/**
 * The host used outside Office and Teams: context is typed by hand, the text is copied or downloaded. There is no
 * Office item to keep notes by, so the adviser names the draft; `?draft=` in the address picks one, else the last
 * used name (kept in localStorage, so a new tab or a restarted browser finds it again).
 */
export function createBrowserHost(options: { locale?: Locale; storage?: Storage; search?: string } = {}): HostAdapter {
  const locale = options.locale ?? browserLocale();
  const storage = options.storage ?? safeLocalStorage();
  const fallback = locale === "en" ? "draft" : "brouillon";
  const requested = new URLSearchParams(options.search ?? window.location.search).get("draft");
  let name = normaliseDraftName(requested ?? readName(storage) ?? fallback, fallback);
  const itemListeners = new Set<() => void>();
  return {
    kind: "browser",
    locale,
    theme: currentTheme,
    draftName: {
      current: () => name,
      set(next: string): void {
        const chosen = normaliseDraftName(next, fallback);
        try {
          storage?.setItem(DRAFT_NAME_KEY, chosen);
        } catch {
          // Storage refused: the name still holds for this page.
        }
        if (chosen === name) return;
        name = chosen;
        for (const listener of itemListeners) listener();
      },
    },
    readContext(): Promise<ItemContext> {
      // The interview is usually today's: prefill the date, the adviser can change it.
      const date = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "long" }).format(
        new Date(),
      );
      return Promise.resolve({
        key: `browser:draft:${name.toLocaleLowerCase(locale)}`,
        kind: "session",
        context: { date },
        targets: [],
      });
    },
    write(): Promise<void> {
      return Promise.reject(hostError("host_unsupported"));
    },
    onItemChanged(listener): () => void {
      itemListeners.add(listener);
      return () => itemListeners.delete(listener);
    },
    onThemeChanged(listener): () => void {
      const queries = [media("(prefers-color-scheme: dark)"), media("(forced-colors: active)")].filter(
        (q) => q !== undefined,
      );
      const handler = (): void => listener(currentTheme());
      for (const q of queries) q.addEventListener("change", handler);
      return () => {
        for (const q of queries) q.removeEventListener("change", handler);
      };
    },
  };
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
