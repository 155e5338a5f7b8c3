// Owns the committee page's theme: the same themes as the pane, following the reader's colour scheme as it changes.
import type { Theme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { initialTheme, loadTheme } from "../theme/themes";

/** The reader's colour scheme, for the same themes as the pane. */
function scheme(): "light" | "dark" | "contrast" {
  const media = (query: string): boolean => typeof window.matchMedia === "function" && window.matchMedia(query).matches;
  if (media("(forced-colors: active)")) return "contrast";
  return media("(prefers-color-scheme: dark)") ? "dark" : "light";
}

/** The theme to render with: the initial one, then the scheme's once loaded. */
export function usePageTheme(): Theme {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  useEffect(() => {
    let isCurrent = true;
    const apply = (): void => {
      loadTheme("browser", scheme()).then(
        (next) => {
          if (isCurrent) setTheme(next);
        },
        (error: unknown) => console.warn("Theme not loaded; keeping the current one", error),
      );
    };
    apply();
    const query =
      typeof window.matchMedia === "function" ? window.matchMedia("(prefers-color-scheme: dark)") : undefined;
    query?.addEventListener?.("change", apply);
    return () => {
      isCurrent = false;
      query?.removeEventListener?.("change", apply);
    };
  }, []);
  return theme;
}
