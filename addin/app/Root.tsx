// Owns the pane's outer frame: theme, language, error boundary, and the wait for the host behind a painted shell.
import { FluentProvider, type Theme } from "@fluentui/react-components";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import type { Locale } from "../../src/i18n";
import { createApiClient, type ApiClient } from "../api/client";
import type { HostAdapter } from "../hosts/host-adapter";
import { HostProvider } from "../hooks/use-host";
import { I18nProvider } from "../hooks/use-i18n";
import { initialTheme, loadTheme } from "../theme/themes";
import { App } from "./App";
import { ErrorBoundary } from "./ErrorBoundary";
import { PaneShell } from "./PaneShell";

/** What the pane needs before it knows its host. */
export interface RootProps {
  /** Resolves the host; the shell is painted meanwhile. */
  readonly loadHost: () => Promise<HostAdapter>;
  /** Language until the host says otherwise. */
  readonly initialLocale: Locale;
  /** Injected by tests; otherwise built for the page's origin once the locale is known. */
  readonly api?: ApiClient;
}

/** Rethrows during render, so a host that failed to start reaches the error boundary like any crash. */
function HostFailure({ error }: { readonly error: Error }): ReactNode {
  throw error;
}

/** The whole pane. */
export function Root({ loadHost, initialLocale, api }: RootProps): ReactNode {
  const [host, setHost] = useState<HostAdapter | null>(null);
  const [hostFailure, setHostFailure] = useState<Error | null>(null);
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const locale = host?.locale ?? initialLocale;
  const client = useMemo(() => api ?? createApiClient({ locale }), [api, locale]);

  useEffect(() => {
    let isCurrent = true;
    loadHost().then(
      (loaded) => {
        if (isCurrent) setHost(loaded);
      },
      (error: unknown) => {
        // Never leave the adviser on a busy shell: the error boundary shows what to do.
        if (isCurrent) setHostFailure(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [loadHost]);

  useEffect(() => {
    if (!host) return undefined;
    let isCurrent = true;
    const apply = (scheme: ReturnType<HostAdapter["theme"]>): void => {
      loadTheme(host.kind, scheme).then(
        (next) => {
          if (isCurrent) setTheme(next);
        },
        (error: unknown) => console.warn("Theme not loaded; keeping the current one", error),
      );
    };
    apply(host.theme());
    const off = host.onThemeChanged(apply);
    return () => {
      isCurrent = false;
      off();
    };
  }, [host]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <FluentProvider theme={theme} className="greffier-root">
      <I18nProvider locale={locale}>
        <ErrorBoundary>
          {hostFailure ? (
            <HostFailure error={hostFailure} />
          ) : host ? (
            <HostProvider host={host} api={client}>
              <App />
            </HostProvider>
          ) : (
            <PaneShell isBusy />
          )}
        </ErrorBoundary>
      </I18nProvider>
    </FluentProvider>
  );
}
