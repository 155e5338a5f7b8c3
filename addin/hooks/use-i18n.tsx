// Owns the pane's language: a context holding the locale, and a `t` bound to it.
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { t as translate, type Locale, type Translate } from "../../src/i18n/core";

export type { Translate };

interface I18n {
  readonly locale: Locale;
  readonly t: Translate;
}

const I18nContext = createContext<I18n>({ locale: "fr", t: (key, params) => translate(key, params, "fr") });

/** Provides the locale to the tree below. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }): ReactNode {
  const value = useMemo<I18n>(() => ({ locale, t: (key, params) => translate(key, params, locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The pane's locale and translator. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
