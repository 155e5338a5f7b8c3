// Owns the committee page's frame: theme, language (French first, English on demand), header, and the content loaded
// behind it.
import { Button, FluentProvider } from "@fluentui/react-components";
import { Component, lazy, Suspense, useEffect, useMemo, useState, type ErrorInfo, type ReactNode } from "react";
import type { Locale } from "../../src/i18n";
import { createCommitteeClient, type CommitteeClient } from "../api/committee";
import { I18nProvider, useI18n } from "../hooks/use-i18n";
import { useRootStyles } from "./root-styles";
import { usePageTheme } from "./use-page-theme";

// The content is a chunk of its own. Only what the taskpane's first download already holds (FluentProvider, Button,
// makeStyles) is imported here: the build shares one vendor chunk between entry pages, so anything more would be
// downloaded by every adviser's pane too.
const CommitteePage = lazy(() =>
  import(/* webpackChunkName: "committee-page" */ "./CommitteePage").then((m) => ({ default: m.CommitteePage })),
);

/** Grey blocks holding the content's place while its chunk and data arrive. */
function Placeholder(): ReactNode {
  const { t } = useI18n();
  const styles = useRootStyles();
  return (
    <div role="status" aria-label={t("committee.loading")} data-testid="committee-loading">
      <div className={styles.bone} />
      <div className={styles.bone} style={{ height: 320 }} />
    </div>
  );
}

function CrashNotice(): ReactNode {
  const { t } = useI18n();
  const styles = useRootStyles();
  return (
    <div role="alert" className={styles.crash} data-testid="committee-crash">
      <h2 className={styles.crashTitle}>{t("committee.crash.title")}</h2>
      <p className={styles.crashBody}>{t("committee.crash.body")}</p>
      <Button appearance="primary" onClick={() => window.location.reload()}>
        {t("committee.crash.reload")}
      </Button>
    </div>
  );
}

/** Catches render errors of the content (and a chunk that fails to load) with a calm message. */
class CommitteeErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error("Committee page crashed", error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error ? <CrashNotice /> : this.props.children;
  }
}

function Frame({ onLocaleChange, client }: { onLocaleChange: () => void; client: CommitteeClient }): ReactNode {
  const { t, locale } = useI18n();
  const styles = useRootStyles();
  const other: Locale = locale === "fr" ? "en" : "fr";

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${t("committee.title")} · ${t("committee.app")}`;
  }, [locale, t]);

  return (
    <>
      <a className={styles.skip} href="#committee-main">
        {t("committee.skip")}
      </a>
      <header className={styles.header}>
        <div className={styles.bar}>
          <div className={styles.titles}>
            <p className={styles.app}>{t("committee.app")}</p>
            <h1 className={styles.title}>{t("committee.title")}</h1>
          </div>
          <Button
            appearance="subtle"
            lang={other}
            aria-label={t("committee.language.switch_aria")}
            onClick={onLocaleChange}
            data-testid="committee-language"
          >
            {t("committee.language.switch")}
          </Button>
        </div>
      </header>
      <main id="committee-main" tabIndex={-1} className={styles.main}>
        <CommitteeErrorBoundary>
          <Suspense fallback={<Placeholder />}>
            <CommitteePage client={client} />
          </Suspense>
        </CommitteeErrorBoundary>
      </main>
    </>
  );
}

/** The language to start in, and the API (or what to build it from). */
export interface CommitteeRootProps {
  readonly initialLocale: Locale;
  /** Injected by tests; otherwise built for the page's origin. */
  readonly client?: CommitteeClient;
  /** Bearer token source in `entra` mode (addin/auth plugs in here); no header when absent or null. */
  readonly getAccessToken?: () => Promise<string | null>;
}

/** The whole committee page. */
export function CommitteeRoot({ initialLocale, client, getAccessToken }: CommitteeRootProps): ReactNode {
  const styles = useRootStyles();
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const theme = usePageTheme();
  const api = useMemo(
    () => client ?? createCommitteeClient({ locale, ...(getAccessToken ? { getAccessToken } : {}) }),
    [client, locale, getAccessToken],
  );

  return (
    <FluentProvider theme={theme} className={styles.root}>
      <I18nProvider locale={locale}>
        <Frame client={api} onLocaleChange={() => setLocale((l) => (l === "fr" ? "en" : "fr"))} />
      </I18nProvider>
    </FluentProvider>
  );
}
