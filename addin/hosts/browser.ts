// Owns the browser host: the pane opened directly in a browser (demos, tests), with no Office or Teams around it.
import { toLocale, type Locale } from "../../src/i18n";
import type { HostAdapter, HostTheme, ItemContext } from "./host-adapter";
import { HostError } from "./host-adapter";

const SESSION_KEY = "greffier:browser-session";

function sessionId(storage: Storage | undefined): string {
  // sessionStorage survives reloads and crash-restores of the tab, which is what "per browser session" means.
  try {
    const existing = storage?.getItem(SESSION_KEY);
    if (existing) return existing;
    const created = crypto.randomUUID();
    storage?.setItem(SESSION_KEY, created);
    return created;
  } catch {
    // Storage can be disabled (private mode, policy): one slot per page load is the best left.
    return "ephemeral";
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
export function browserLocale(search: string = window.location.search, languages: readonly string[] = navigator.languages ?? []): Locale {
  const requested = new URLSearchParams(search).get("lang");
  return toLocale(requested ?? languages[0] ?? "fr");
}

/** The host used outside Office and Teams: context is typed by hand, the text is copied or downloaded. */
export function createBrowserHost(options: { locale?: Locale; storage?: Storage } = {}): HostAdapter {
  const locale = options.locale ?? browserLocale();
  const key = `browser:${sessionId(options.storage ?? safeSessionStorage())}`;
  return {
    kind: "browser",
    locale,
    theme: currentTheme,
    readContext(): Promise<ItemContext> {
      // The interview is usually today's: prefill the date, the adviser can change it.
      const date = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "long" }).format(new Date());
      return Promise.resolve({ key, kind: "session", context: { date }, targets: [] });
    },
    write(): Promise<void> {
      return Promise.reject(new HostError("host_unsupported"));
    },
    onItemChanged(): () => void {
      return () => undefined;
    },
    onThemeChanged(listener): () => void {
      const queries = [media("(prefers-color-scheme: dark)"), media("(forced-colors: active)")].filter((q) => q !== undefined);
      const handler = (): void => listener(currentTheme());
      for (const q of queries) q.addEventListener("change", handler);
      return () => {
        for (const q of queries) q.removeEventListener("change", handler);
      };
    },
  };
}

function safeSessionStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
